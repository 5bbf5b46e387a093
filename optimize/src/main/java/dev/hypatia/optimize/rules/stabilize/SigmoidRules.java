package dev.hypatia.optimize.rules.stabilize;

import static dev.hypatia.optimize.Pattern.binary;
import static dev.hypatia.optimize.Pattern.capture;
import static dev.hypatia.optimize.Pattern.constant;
import static dev.hypatia.optimize.Pattern.unary;
import static dev.hypatia.optimize.rules.stabilize.Forms.fit;
import static dev.hypatia.optimize.rules.stabilize.Forms.neg;

import dev.hypatia.optimize.Phase;
import dev.hypatia.optimize.Rewrite;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Elementwise;
import dev.hypatia.symbolic.scalar.BinaryFn;
import dev.hypatia.symbolic.scalar.UnaryFn;
import java.util.List;

/**
 * Stable forms of the logistic function's logarithms: softplus(x) = log(1 + exp(x)) is computed
 * without overflow, so log(sigmoid(x)) = -softplus(-x) and log(1 - sigmoid(x)) = -softplus(x) stay
 * finite at x = +-800, where sigmoid rounds to 0 or 1.
 */
public final class SigmoidRules {
  private SigmoidRules() {}

  /** The rules of this file (before {@link LogRules}: log(1+exp(x)) is a softplus, not a log1p). */
  public static List<Rewrite> rules() {
    return List.of(
        softplus(),
        log1pExp(),
        logSigmoid(),
        logOneMinusSigmoid(),
        log1pNegSigmoid(),
        oneMinusSigmoid(),
        oneMinusSigmoidAdd());
  }

  /** log(1+exp(x)) -> softplus(x); exact, finite where exp(x) overflows. */
  public static Rewrite softplus() {
    return Rewrite.rule(
        "softplus",
        Phase.STABILIZE,
        unary(UnaryFn.LOG, binary(BinaryFn.ADD, constant(1), unary(UnaryFn.EXP, capture("x")))),
        m -> fit(m.root(), Elementwise.softplus(m.get("x")), m.get("x")));
  }

  /** log1p(exp(x)) -> softplus(x); exact, finite where exp(x) overflows. */
  public static Rewrite log1pExp() {
    return Rewrite.rule(
        "log1p_exp",
        Phase.STABILIZE,
        unary(UnaryFn.LOG1P, unary(UnaryFn.EXP, capture("x"))),
        m -> fit(m.root(), Elementwise.softplus(m.get("x"))));
  }

  /** log(sigmoid(x)) -> -softplus(-x); exact, finite at x = -800 where sigmoid(x) is 0. */
  public static Rewrite logSigmoid() {
    return Rewrite.rule(
        "log_sigmoid",
        Phase.STABILIZE,
        unary(UnaryFn.LOG, unary(UnaryFn.SIGMOID, capture("x"))),
        m -> fit(m.root(), Elementwise.neg(Elementwise.softplus(negated(m.get("x"), m.root())))));
  }

  /** log(1-sigmoid(x)) -> -softplus(x); exact, finite at x = 800 where sigmoid(x) is 1. */
  public static Rewrite logOneMinusSigmoid() {
    return Rewrite.rule(
        "log_one_minus_sigmoid",
        Phase.STABILIZE,
        unary(UnaryFn.LOG, binary(BinaryFn.SUB, constant(1), unary(UnaryFn.SIGMOID, capture("x")))),
        m -> fit(m.root(), Elementwise.neg(Elementwise.softplus(m.get("x"))), m.get("x")));
  }

  /**
   * 1-sigmoid(x) -> sigmoid(-x); exact, and accurate where sigmoid(x) is near 1 (the difference
   * cancels to 0 for x > 37). Then log(1-sigmoid(x)) is log(sigmoid(-x)), and the gradient's
   * quotients by 1-sigmoid(x) cancel against sigmoid(-x).
   */
  public static Rewrite oneMinusSigmoid() {
    return Rewrite.rule(
        "one_minus_sigmoid",
        Phase.STABILIZE,
        binary(BinaryFn.SUB, constant(1), unary(UnaryFn.SIGMOID, capture("x"))),
        m -> fit(m.root(), Elementwise.sigmoid(negated(m.get("x"), m.root())), m.get("x")));
  }

  /** log1p(-sigmoid(x)) -> -softplus(x); exact, finite at x = 800 where sigmoid(x) is 1. */
  public static Rewrite log1pNegSigmoid() {
    return Rewrite.rule(
        "log1p_neg_sigmoid",
        Phase.STABILIZE,
        unary(UnaryFn.LOG1P, unary(UnaryFn.NEG, unary(UnaryFn.SIGMOID, capture("x")))),
        m -> fit(m.root(), Elementwise.neg(Elementwise.softplus(m.get("x")))));
  }

  /**
   * 1+(-sigmoid(x)) -> sigmoid(-x): {@link #oneMinusSigmoid} for a sum, as canonical forms write a
   * difference.
   */
  public static Rewrite oneMinusSigmoidAdd() {
    return Rewrite.rule(
        "one_minus_sigmoid_add",
        Phase.STABILIZE,
        binary(BinaryFn.ADD, constant(1), unary(UnaryFn.NEG, unary(UnaryFn.SIGMOID, capture("x")))),
        m -> fit(m.root(), Elementwise.sigmoid(negated(m.get("x"), m.root())), m.get("x")));
  }

  /**
   * -x computed in the float dtype of {@code root}: negating an integer in its own dtype wraps at
   * its minimum (-(-128) is -128 in int8), where the original took sigmoid of x first.
   */
  private static Variable negated(Variable x, Variable root) {
    return neg(x.dtype().isFloat() ? x : Elementwise.cast(x, root.dtype()));
  }
}
