package dev.hypatia.symbolic.ops;

import dev.hypatia.symbolic.Axes;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.Variable;
import java.util.ArrayList;
import java.util.List;

/**
 * Products with numpy's semantics: {@code dot}, {@code matmul}, {@code outer} and {@code
 * tensordot}. The result dtype is numpy's promotion of the operands (integer and bool products stay
 * integer and bool). Static lengths that cannot agree are a build-time {@link HypatiaException}
 * naming both inputs; unknown ones are checked at run time.
 */
public final class LinearAlgebra {
  private LinearAlgebra() {}

  /**
   * numpy's {@code dot(a, b)} for ranks up to 2: a scalar scales the other operand; otherwise a's
   * last axis is summed against b's first (vector.vector is a scalar, matrix.matrix a matrix).
   */
  public static Variable dot(Variable a, Variable b) {
    return new Dot().apply(a, b);
  }

  /**
   * numpy's {@code matmul(a, b)} ({@code a @ b}): batched matrix products over the last two axes,
   * leading axes broadcast; a 1-D a is a row and a 1-D b a column, that axis removed from the
   * result. Scalars are rejected.
   */
  public static Variable matmul(Variable a, Variable b) {
    return new Matmul().apply(a, b);
  }

  /**
   * numpy's {@code outer(a, b)}: both operands are flattened (a scalar counts as a vector of length
   * 1), then {@code out[i, j] = a[i] * b[j]}.
   */
  public static Variable outer(Variable a, Variable b) {
    Variable va = a.ndim() == 1 ? a : Shapes.reshape(a, -1);
    Variable vb = b.ndim() == 1 ? b : Shapes.reshape(b, -1);
    return new Tensordot(List.of(), List.of()).apply(va, vb);
  }

  /**
   * numpy's {@code tensordot(a, b, axes)}: sums over a's last {@code axes} axes paired in order
   * with b's first {@code axes} axes; {@code axes = 0} is the outer product.
   */
  public static Variable tensordot(Variable a, Variable b, int axes) {
    if (axes < 0 || axes > a.ndim() || axes > b.ndim()) {
      throw HypatiaException.forInputs(
          "tensordot",
          "cannot sum over " + axes + " axes of tensors of ranks " + a.ndim() + " and " + b.ndim(),
          List.of(a, b));
    }
    List<Integer> la = new ArrayList<>();
    List<Integer> lb = new ArrayList<>();
    for (int i = 0; i < axes; i++) {
      la.add(a.ndim() - axes + i);
      lb.add(i);
    }
    return new Tensordot(la, lb).apply(a, b);
  }

  /**
   * numpy's {@code tensordot(a, b, (axesA, axesB))}: sums over axis {@code axesA[i]} of a paired
   * with {@code axesB[i]} of b (negative axes count from the end); the result has a's remaining
   * axes, then b's.
   */
  public static Variable tensordot(Variable a, Variable b, int[] axesA, int[] axesB) {
    return new Tensordot(normalized(a, b, axesA, 0), normalized(a, b, axesB, 1)).apply(a, b);
  }

  private static List<Integer> normalized(Variable a, Variable b, int[] axes, int which) {
    int nd = which == 0 ? a.ndim() : b.ndim();
    List<Integer> out = new ArrayList<>(axes.length);
    for (int ax : axes) {
      try {
        out.add(Axes.normalize(ax, nd));
      } catch (IllegalArgumentException e) {
        throw HypatiaException.forInputs(
            "tensordot", e.getMessage() + " (input " + which + ")", List.of(a, b));
      }
    }
    return out;
  }
}
