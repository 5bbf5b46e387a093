package dev.hypatia.optimize.rules.stabilize;

import static dev.hypatia.optimize.Pattern.binary;
import static dev.hypatia.optimize.Pattern.capture;
import static dev.hypatia.optimize.Pattern.constant;
import static dev.hypatia.optimize.Pattern.unary;
import static dev.hypatia.optimize.rules.stabilize.Forms.arg;
import static dev.hypatia.optimize.rules.stabilize.Forms.fit;
import static dev.hypatia.optimize.rules.stabilize.Forms.is;

import dev.hypatia.optimize.Match;
import dev.hypatia.optimize.Phase;
import dev.hypatia.optimize.Rewrite;
import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Elementwise;
import dev.hypatia.symbolic.ops.Reduce;
import dev.hypatia.symbolic.ops.Reductions;
import dev.hypatia.symbolic.scalar.BinaryFn;
import dev.hypatia.symbolic.scalar.TernaryFn;
import dev.hypatia.symbolic.scalar.UnaryFn;
import java.util.List;

/**
 * Stable forms of logarithms and exponentials: log1p, expm1 and a max-shifted logsumexp. Constants
 * match by value, whatever their dtype (the facades make {@code 1} a weak scalar of x's dtype).
 */
public final class LogRules {
  private LogRules() {}

  /** The rules of this file. */
  public static List<Rewrite> rules() {
    return List.of(log1p(), log1pNeg(), expm1(), expm1Add(), logsumexp());
  }

  /** log(1+x) -> log1p(x); exact, and accurate where x is tiny (1 + 1e-17 rounds to 1). */
  public static Rewrite log1p() {
    return Rewrite.rule(
        "log1p",
        Phase.STABILIZE,
        unary(UnaryFn.LOG, binary(BinaryFn.ADD, constant(1), capture("x"))),
        m -> fit(m.root(), Elementwise.log1p(m.get("x")), m.get("x")));
  }

  /** log(1-x) -> log1p(-x); exact, and accurate where x is tiny. */
  public static Rewrite log1pNeg() {
    return Rewrite.rule(
        "log1p_neg",
        Phase.STABILIZE,
        unary(UnaryFn.LOG, binary(BinaryFn.SUB, constant(1), capture("x"))),
        m -> fit(m.root(), Elementwise.log1p(Forms.neg(m.get("x"))), m.get("x")));
  }

  /** exp(x)-1 -> expm1(x); exact, and accurate where x is tiny (exp(1e-17) - 1 is 0). */
  public static Rewrite expm1() {
    return Rewrite.rule(
        "expm1",
        Phase.STABILIZE,
        binary(BinaryFn.SUB, unary(UnaryFn.EXP, capture("x")), constant(1)),
        m -> fit(m.root(), Elementwise.expm1(m.get("x")), m.get("x")));
  }

  /** exp(x)+(-1) -> expm1(x); exact, and accurate where x is tiny. */
  public static Rewrite expm1Add() {
    return Rewrite.rule(
        "expm1_add",
        Phase.STABILIZE,
        binary(BinaryFn.ADD, unary(UnaryFn.EXP, capture("x")), constant(-1)),
        m -> fit(m.root(), Elementwise.expm1(m.get("x")), m.get("x")));
  }

  /**
   * log(sum(exp(x), axes, keepdims)) -> m + log(sum(exp(x - m), axes, keepdims)) with m = max(x,
   * axes) (0 where it is not finite); exact in real arithmetic, finite for entries near 1000 where
   * exp overflows, and -inf (not nan) where every entry is -inf. Float x only; a sum already over a
   * max-shifted argument is left alone.
   */
  public static Rewrite logsumexp() {
    return Rewrite.rule(
        "logsumexp", Phase.STABILIZE, unary(UnaryFn.LOG, capture("s")), LogRules::logsumexpOf);
  }

  private static Variable logsumexpOf(Match m) {
    Apply sum = m.get("s").owner();
    if (sum == null || !(sum.op() instanceof Reduce r) || r.fn() != BinaryFn.ADD) {
      return null;
    }
    Variable e = sum.input(0);
    if (!is(e, UnaryFn.EXP)) {
      return null;
    }
    Variable x = arg(e, 0);
    if (!x.dtype().isFloat() || isMaxShifted(x) || r.axes().size() == 0) {
      return null;
    }
    return fit(m.root(), Reductions.logsumexp(x, r.axes(), r.keepdims()));
  }

  /** Whether x is {@code y - where(isinf(m), 0, m)} with m a max: logsumexp's own inner sum. */
  private static boolean isMaxShifted(Variable x) {
    if (!is(x, BinaryFn.SUB) || !is(arg(x, 1), TernaryFn.WHERE)) {
      return false;
    }
    Apply max = arg(arg(x, 1), 2).owner();
    return max != null && max.op() instanceof Reduce r && r.fn() == BinaryFn.MAXIMUM;
  }
}
