package dev.hypatia.optimize.rules.canonicalize;

import static dev.hypatia.optimize.Pattern.binary;
import static dev.hypatia.optimize.Pattern.capture;
import static dev.hypatia.optimize.Pattern.constant;
import static dev.hypatia.optimize.Pattern.unary;

import dev.hypatia.optimize.Match;
import dev.hypatia.optimize.Pattern;
import dev.hypatia.optimize.Phase;
import dev.hypatia.optimize.Rewrite;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Shapes;
import dev.hypatia.symbolic.scalar.BinaryFn;
import dev.hypatia.symbolic.scalar.UnaryFn;
import java.util.List;

/**
 * Neutral elements and self-cancellation, as Theano's {@code local_neutral} rewrites. An operand is
 * dropped only when the result keeps the node's dtype and its shape: {@code x + 0} where the 0
 * broadcasts x to a bigger shape is left alone.
 *
 * <p>{@code x * 0 -> 0} is deliberately absent: it is wrong where x is NaN or infinite (Theano does
 * it only in fast-math mode).
 */
public final class NeutralRules {
  private static final Pattern.Capture X = capture("x");

  private NeutralRules() {}

  /** The rules of this file, in the order they are tried. */
  public static List<Rewrite> rules() {
    return List.of(addZero(), subZero(), mulOne(), divOne(), powOne(), subSelf(), doubleNegation());
  }

  /**
   * x + 0 -> x and 0 + x -> x; exact up to the sign of a zero (-0.0 + 0.0 is 0.0). Only when x has
   * the sum's dtype and the 0 does not broadcast x to a bigger shape.
   */
  public static Rewrite addZero() {
    return neutral("add_zero", binary(BinaryFn.ADD, constant(0), X));
  }

  /** x - 0 -> x; exact. Only when x has the difference's dtype and the 0 does not widen x. */
  public static Rewrite subZero() {
    return neutral("sub_zero", binary(BinaryFn.SUB, X, constant(0)));
  }

  /** x * 1 -> x and 1 * x -> x; exact. Only when x keeps the product's dtype and shape. */
  public static Rewrite mulOne() {
    return neutral("mul_one", binary(BinaryFn.MUL, constant(1), X));
  }

  /** x / 1 -> x; exact. Only when x keeps the quotient's dtype (a float) and shape. */
  public static Rewrite divOne() {
    return neutral("div_one", binary(BinaryFn.TRUE_DIV, X, constant(1)));
  }

  /** x ** 1 -> x; exact. Only when x keeps the power's dtype and shape. */
  public static Rewrite powOne() {
    return neutral("pow_one", binary(BinaryFn.POW, X, constant(1)));
  }

  /**
   * x - x -> zeros_like(x); exact wherever x is finite (inf - inf and NaN - NaN are NaN, not 0).
   */
  public static Rewrite subSelf() {
    return Rewrite.rule(
        "sub_self",
        Phase.CANONICALIZE,
        binary(BinaryFn.SUB, X, X),
        m -> {
          Variable zeros = Shapes.zerosLike(m.get(X));
          return Fill.fits(m.root(), zeros) ? zeros : null;
        });
  }

  /** -(-x) -> x; exact (integers wrap the same way both times). */
  public static Rewrite doubleNegation() {
    return Rewrite.rule(
        "double_negation",
        Phase.CANONICALIZE,
        unary(UnaryFn.NEG, unary(UnaryFn.NEG, X)),
        m -> Fill.fits(m.root(), m.get(X)) ? m.get(X) : null);
  }

  /**
   * A rule replacing {@code op(x, neutral)} by x when x has the node's dtype and the neutral
   * constant (the input that is not x) does not widen x's shape.
   */
  private static Rewrite neutral(String name, Pattern pattern) {
    return Rewrite.rule(name, Phase.CANONICALIZE, pattern, NeutralRules::dropNeutral);
  }

  private static Variable dropNeutral(Match m) {
    Variable root = m.root();
    Variable x = m.get(X);
    List<Variable> ins = root.owner().inputs();
    Variable other = ins.get(0) == x ? ins.get(1) : ins.get(0);
    if (!Fill.fits(root, x) || !Fill.covers(x.type(), other.type())) {
      return null;
    }
    return x;
  }
}
