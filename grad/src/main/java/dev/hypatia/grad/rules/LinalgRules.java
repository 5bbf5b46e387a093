package dev.hypatia.grad.rules;

import static dev.hypatia.grad.rules.ShapeRules.differentiable;
import static dev.hypatia.grad.rules.ShapeRules.grads;

import dev.hypatia.grad.Pullback;
import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.DimShuffle;
import dev.hypatia.symbolic.ops.Dot;
import dev.hypatia.symbolic.ops.Matmul;
import dev.hypatia.symbolic.ops.Tensordot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Derivative rules of the products. Each gradient is a tensordot (or matmul) of the output gradient
 * with the other operand, then a transpose back to the operand's axis order, so the rules are
 * bilinear and differentiate again through themselves. Integer operands get no gradient.
 */
public final class LinalgRules {
  private LinalgRules() {}

  /** The rules of this file, keyed by op class. */
  public static Map<Class<? extends Op>, Pullback> rules() {
    return Map.of(
        Dot.class, LinalgRules::dot,
        Tensordot.class, LinalgRules::tensordot,
        Matmul.class, LinalgRules::matmul);
  }

  /** dot: a tensordot over a's last and b's first axis, or over none when either is a scalar. */
  private static List<Variable> dot(Apply node, List<Variable> g) {
    Variable a = node.input(0);
    Variable b = node.input(1);
    boolean scalar = a.ndim() == 0 || b.ndim() == 0;
    int[] axesA = scalar ? new int[0] : new int[] {a.ndim() - 1};
    int[] axesB = scalar ? new int[0] : new int[] {0};
    return contractionGrads(a, b, axesA, axesB, g.get(0));
  }

  private static List<Variable> tensordot(Apply node, List<Variable> g) {
    Tensordot op = (Tensordot) node.op();
    return contractionGrads(
        node.input(0), node.input(1), ints(op.axesA()), ints(op.axesB()), g.get(0));
  }

  private static int[] ints(List<Integer> l) {
    return l.stream().mapToInt(Integer::intValue).toArray();
  }

  private static List<Integer> list(int[] a) {
    return Arrays.stream(a).boxed().toList();
  }

  /** The axes {@code 0..n-1} not in {@code axes}, ascending. */
  private static int[] free(int n, int[] axes) {
    return java.util.stream.IntStream.range(0, n)
        .filter(i -> Arrays.stream(axes).noneMatch(a -> a == i))
        .toArray();
  }

  /** {@code from, from+1, ..., from+n-1}. */
  private static int[] run(int from, int n) {
    return java.util.stream.IntStream.range(from, from + n).toArray();
  }

  /**
   * The gradients of {@code out = tensordot(a, b, (axesA, axesB))}, whose axes are a's free axes
   * then b's. For a: g contracted with b over b's free axes gives a's free axes then b's summed
   * axes (ascending), transposed to a's order; symmetrically for b.
   */
  static List<Variable> contractionGrads(
      Variable a, Variable b, int[] axesA, int[] axesB, Variable g) {
    int[] freeA = free(a.ndim(), axesA);
    int[] freeB = free(b.ndim(), axesB);
    Variable ga = null;
    Variable gb = null;
    if (differentiable(a)) {
      Variable t = new Tensordot(list(run(freeA.length, freeB.length)), list(freeB)).apply(g, b);
      ga = toOrder(t, freeA, axesA, axesB);
    }
    if (differentiable(b)) {
      Variable t = new Tensordot(list(freeA), list(run(0, freeA.length))).apply(a, g);
      int[] order = new int[b.ndim()];
      int[] sortedA = axesA.clone();
      Arrays.sort(sortedA);
      for (int j = 0; j < axesB.length; j++) {
        order[axesB[j]] = Arrays.binarySearch(sortedA, axesA[j]);
      }
      for (int i = 0; i < freeB.length; i++) {
        order[freeB[i]] = axesA.length + i;
      }
      gb = permute(t, order);
    }
    return grads(ga, gb);
  }

  /** t's axes are x's free axes, then the axes paired with {@code paired} in ascending order. */
  private static Variable toOrder(Variable t, int[] freeX, int[] axesX, int[] paired) {
    int[] order = new int[freeX.length + axesX.length];
    int[] sorted = paired.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < freeX.length; i++) {
      order[freeX[i]] = i;
    }
    for (int j = 0; j < axesX.length; j++) {
      order[axesX[j]] = freeX.length + Arrays.binarySearch(sorted, paired[j]);
    }
    return permute(t, order);
  }

  /** Output axis i of the result is t's axis {@code order[i]}; no node for the identity. */
  private static Variable permute(Variable t, int[] order) {
    for (int i = 0; i < order.length; i++) {
      if (order[i] != i) {
        return DimShuffle.of(t.ndim(), order).apply(t);
      }
    }
    return t;
  }

  /**
   * matmul: with 1-D operands promoted (a to a row, b to a column, g given the removed axes back),
   * {@code ga = g @ b^T} and {@code gb = a^T @ g}, each summed over the batch axes it was broadcast
   * along, then the promoted axes removed again.
   */
  private static List<Variable> matmul(Apply node, List<Variable> g) {
    Variable a = node.input(0);
    Variable b = node.input(1);
    Variable a2 = a.ndim() == 1 ? DimShuffle.of(1, DimShuffle.NEW_AXIS, 0).apply(a) : a;
    Variable b2 = b.ndim() == 1 ? DimShuffle.of(1, 0, DimShuffle.NEW_AXIS).apply(b) : b;
    Variable g2 = g.get(0);
    if (a.ndim() == 1) {
      g2 = insertAxis(g2, g2.ndim() - (b.ndim() == 1 ? 0 : 1));
    }
    if (b.ndim() == 1) {
      g2 = insertAxis(g2, g2.ndim());
    }
    Variable ga = null;
    Variable gb = null;
    if (differentiable(a)) {
      ga = Unbroadcast.to(new Matmul().apply(g2, swapLast(b2)), a2);
      ga = a.ndim() == 1 ? DimShuffle.of(2, 1).apply(ga) : ga;
    }
    if (differentiable(b)) {
      gb = Unbroadcast.to(new Matmul().apply(swapLast(a2), g2), b2);
      gb = b.ndim() == 1 ? DimShuffle.of(2, 0).apply(gb) : gb;
    }
    return grads(ga, gb);
  }

  /** x with a new axis of length 1 at position {@code at} of the result. */
  private static Variable insertAxis(Variable x, int at) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < x.ndim(); i++) {
      if (i == at) {
        order.add(DimShuffle.NEW_AXIS);
      }
      order.add(i);
    }
    if (at == x.ndim()) {
      order.add(DimShuffle.NEW_AXIS);
    }
    return new DimShuffle(x.ndim(), order).apply(x);
  }

  /** x with its last two axes swapped. */
  private static Variable swapLast(Variable x) {
    int n = x.ndim();
    int[] order = run(0, n);
    order[n - 1] = n - 2;
    order[n - 2] = n - 1;
    return DimShuffle.of(n, order).apply(x);
  }
}
