package dev.hypatia.optimize.rules.canonicalize;

import static dev.hypatia.optimize.Pattern.capture;
import static dev.hypatia.optimize.Pattern.op;

import dev.hypatia.optimize.Pattern;
import dev.hypatia.optimize.Phase;
import dev.hypatia.optimize.Rewrite;
import dev.hypatia.symbolic.Axes;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.DimShuffle;
import dev.hypatia.symbolic.ops.Reduce;
import dev.hypatia.symbolic.scalar.BinaryFn;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** Canonical reductions: nested sums become one, as Theano's {@code local_sum_prod_of_sum}. */
public final class ReduceRules {
  private static final Pattern.Capture X = capture("x");

  private ReduceRules() {}

  /** The rules of this file. */
  public static List<Rewrite> rules() {
    return List.of(sumOfSum());
  }

  /**
   * sum(sum(x, a), b) -> sum(x, a ∪ b'), b' being b's axes of x (each keepdims respected: the axes
   * either sum kept stay, with length 1); exact in real and integer arithmetic, one float rounding
   * instead of two.
   */
  public static Rewrite sumOfSum() {
    return Rewrite.rule(
        "sum_of_sum",
        Phase.CANONICALIZE,
        op("sum", ReduceRules::isSum, op("sum", ReduceRules::isSum, X)),
        m -> {
          Reduce outer = (Reduce) m.root().owner().op();
          Reduce inner = (Reduce) m.root().owner().input(0).owner().op();
          return merged(m.get(X), inner, outer);
        });
  }

  private static boolean isSum(Op o) {
    return o instanceof Reduce r && r.fn() == BinaryFn.ADD;
  }

  private static Variable merged(Variable x, Reduce inner, Reduce outer) {
    int n = x.ndim();
    // axis j of the inner sum's output is axis innerToX[j] of x
    List<Integer> innerToX = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (inner.keepdims() || !inner.axes().contains(i)) {
        innerToX.add(i);
      }
    }
    BitSet union = new BitSet();
    BitSet dropped = new BitSet();
    for (int a : inner.axes().toArray()) {
      union.set(a);
      dropped.set(a, !inner.keepdims());
    }
    for (int b : outer.axes().toArray()) {
      int a = innerToX.get(b);
      union.set(a);
      dropped.set(a, !outer.keepdims());
    }
    Axes axes = Axes.of(n, union.stream().toArray());
    if (dropped.equals(union)) {
      return new Reduce(BinaryFn.ADD, axes, false).apply(x);
    }
    Variable kept = new Reduce(BinaryFn.ADD, axes, true).apply(x);
    if (dropped.isEmpty()) {
      return kept;
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (!dropped.get(i)) {
        order.add(i);
      }
    }
    return new DimShuffle(n, order).apply(kept);
  }
}
