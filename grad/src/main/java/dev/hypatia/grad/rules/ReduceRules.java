package dev.hypatia.grad.rules;

import dev.hypatia.grad.Pullback;
import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Axes;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.ArgReduce;
import dev.hypatia.symbolic.ops.ElementCount;
import dev.hypatia.symbolic.ops.Elementwise;
import dev.hypatia.symbolic.ops.Reduce;
import dev.hypatia.symbolic.ops.Reductions;
import dev.hypatia.symbolic.ops.Shapes;
import dev.hypatia.symbolic.ops.SumToShape;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The derivative rules of the reductions.
 *
 * <ul>
 *   <li>sum: g broadcast back to x's shape (the reduced axes put back first without keepdims).
 *   <li>prod: exact with zeros in the input, without dividing by zero: zeros are counted per lane;
 *       with no zero {@code g * prod / x} (the denominator made safe: 1 where x is 0); with one
 *       zero only that element gets g times the product of the others; with two or more every
 *       element gets 0. Second derivatives are exact at zeros too (see {@code prod}).
 *   <li>max, min: ties split the gradient evenly among the elements equal to the result (as JAX):
 *       {@code where(x == y, g / count, 0)}, the count kept at least 1 so that a lane holding NaN
 *       (no element equal to the result) gives 0 and no NaN.
 *   <li>all, any, argmax, argmin, count: no gradient (null).
 *   <li>sum_to_shape(g, like): the gradient broadcast back to g's shape; none for like.
 * </ul>
 *
 * Integer and bool inputs get no gradient.
 */
public final class ReduceRules {
  private ReduceRules() {}

  /** The rules of Reduce, ArgReduce, ElementCount and SumToShape. */
  public static Map<Class<? extends Op>, Pullback> rules() {
    return Map.of(
        Reduce.class,
        ReduceRules::reduce,
        ArgReduce.class,
        (node, grads) -> nothing(1),
        ElementCount.class,
        (node, grads) -> nothing(1),
        SumToShape.class,
        ReduceRules::sumToShape);
  }

  private static List<Variable> nothing(int n) {
    return Collections.nCopies(n, null);
  }

  private static List<Variable> reduce(Apply node, List<Variable> grads) {
    Reduce op = (Reduce) node.op();
    Variable x = node.input(0);
    if (!x.dtype().isFloat()) {
      return nothing(1);
    }
    Variable g = kept(grads.get(0), op, x.ndim());
    Variable y = kept(node.output(0), op, x.ndim());
    Variable gx =
        switch (op.fn()) {
          case ADD -> broadcast(g, x);
          case MUL -> prod(g, x, op.axes());
          case MAXIMUM, MINIMUM -> extremum(g, x, y, op.axes());
          default -> null;
        };
    return Collections.singletonList(gx);
  }

  /**
   * {@code v} (of the reduction's output shape) with the reduced axes back as length 1, so that it
   * broadcasts against the input; a scalar stays a scalar, which broadcasts as it is.
   */
  static Variable kept(Variable v, Reduce op, int ndim) {
    if (op.keepdims() || op.axes().size() == 0 || v.ndim() == 0) {
      return v;
    }
    int[] order = new int[ndim];
    for (int i = 0, j = 0; i < ndim; i++) {
      order[i] = op.axes().contains(i) ? Shapes.X : j++;
    }
    return Shapes.dimshuffle(v, order);
  }

  /** {@code g} broadcast to {@code x}'s shape; g itself when the static shapes say it has it. */
  private static Variable broadcast(Variable g, Variable x) {
    if (g.ndim() == x.ndim()
        && g.type().isFullyKnown()
        && Arrays.equals(g.type().shape(), x.type().shape())) {
      return g;
    }
    return Shapes.broadcastTo(g, Shapes.shape(x));
  }

  /**
   * {@code g * prod_{l != i} x_l} per element i: the product P of the lane's non-zero elements
   * times, for a non-zero element, {@code Z / x_i} with Z the product of the lane's zeros (1, or
   * their sum S when there is one, else 0), and for a zero element the product of the other zeros
   * (1 when it is the only one, {@code S - x_i} when there are two, else 0). S is 0 in value but
   * carries the derivative with respect to the zeros, which keeps second derivatives exact.
   */
  private static Variable prod(Variable g, Variable x, Axes axes) {
    Variable isZero = x.eq(0);
    Variable zeros = Reductions.sum(isZero, axes, true);
    Variable safe = Elementwise.where(isZero, 1, x);
    Variable nonZeroProd = Reductions.prod(safe, axes, true);
    Variable s = Reductions.sum(Elementwise.where(isZero, x, 0), axes, true);
    Variable z = Elementwise.where(zeros.eq(0), 1, Elementwise.where(zeros.eq(1), s, 0));
    Variable otherZeros =
        Elementwise.where(zeros.eq(1), 1, Elementwise.where(zeros.eq(2), s.sub(x), 0));
    Variable factor = Elementwise.where(isZero, otherZeros, z.div(safe));
    return g.mul(nonZeroProd).mul(factor);
  }

  private static Variable extremum(Variable g, Variable x, Variable y, Axes axes) {
    Variable hit = x.eq(y);
    Variable count = Elementwise.cast(Reductions.sum(hit, axes, true), g.dtype());
    return Elementwise.where(hit, g.div(count.maximum(1)), 0);
  }

  private static List<Variable> sumToShape(Apply node, List<Variable> grads) {
    Variable g = node.input(0);
    return Arrays.asList(broadcast(grads.get(0), g), null);
  }
}
