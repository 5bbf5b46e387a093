package dev.hypatia.optimize.rules.specialize;

import static dev.hypatia.optimize.Pattern.anyConstant;
import static dev.hypatia.optimize.Pattern.binary;
import static dev.hypatia.optimize.Pattern.capture;
import static dev.hypatia.optimize.Pattern.constant;

import dev.hypatia.optimize.Match;
import dev.hypatia.optimize.Pattern;
import dev.hypatia.optimize.Phase;
import dev.hypatia.optimize.Rewrite;
import dev.hypatia.symbolic.Constant;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Elementwise;
import dev.hypatia.symbolic.scalar.BinaryFn;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Powers with a constant exponent as cheaper functions: sqr, sqrt, reciprocal and short products.
 * Every rule applies only when the exponent is a constant whose elements are all equal and which
 * does not broadcast x (so the result keeps x's shape), and when the replacement has the power's
 * dtype (an integer x to the power -1 stays a power: numpy makes that an error, reciprocal would
 * not).
 *
 * <p>Precision, against {@code pow} (which Java computes within 1 ulp): sqr, sqrt and reciprocal
 * are correctly rounded, so within 1 ulp of pow; {@code reciprocal(sqrt(x))} within 2 ulps; the
 * products within {@value #PRODUCT_ULPS} ulps of the dtype where every intermediate power is a
 * normal number (each multiplication or reciprocal rounds once). Where an intermediate power
 * overflows or underflows before the result does, the product may differ more: {@code x**-3} of a
 * huge x is 0 where pow gives a subnormal. Integer powers are exact (both wrap alike).
 */
public final class PowRules {
  /** The most ulps (of the result's dtype) by which a product differs from pow, in normal range. */
  public static final int PRODUCT_ULPS = 4;

  private PowRules() {}

  private static final Pattern.Capture X = capture("x");

  /**
   * The rules of this file that run by default. {@link #powReciprocalSqrt} is left out (it turns a
   * finite value into NaN at x = -inf); add it with {@code Mode.withRule}.
   */
  public static List<Rewrite> rules() {
    return List.of(powSqr(), powSqrt(), powReciprocal(), powSmallInteger());
  }

  /** x**2 -> sqr(x); within 1 ulp (sqr is correctly rounded, exact for integers). */
  public static Rewrite powSqr() {
    return rule("pow_sqr", 2, Elementwise::sqr);
  }

  /**
   * x**0.5 -> sqrt(x); within 1 ulp. They differ where the power is not finite (pow(-inf, 0.5) is
   * +inf, sqrt(-inf) NaN) and in the sign of a zero: pow(-0.0, 0.5) is +0.0, sqrt(-0.0) -0.0 (an
   * equal value, as numpy's sqrt gives; only a later 1/x or arctan2 can tell them apart).
   */
  public static Rewrite powSqrt() {
    return rule("pow_sqrt", 0.5, Elementwise::sqrt);
  }

  /** x**-1 -> reciprocal(x); within 1 ulp, floats only. */
  public static Rewrite powReciprocal() {
    return rule("pow_reciprocal", -1, Elementwise::reciprocal);
  }

  /**
   * x**-0.5 -> reciprocal(sqrt(x)); within 2 ulps, except at x = -inf, where pow gives +0.0 and the
   * replacement NaN (and at -0.0, where pow gives +inf and the replacement -inf). Not in {@link
   * #rules()}: opt in with {@code Mode.FAST_RUN.withRule(PowRules.powReciprocalSqrt())}.
   */
  public static Rewrite powReciprocalSqrt() {
    return rule("pow_reciprocal_sqrt", -0.5, x -> Elementwise.reciprocal(Elementwise.sqrt(x)));
  }

  /**
   * x**n -> a product of x, for a constant integer n with 3 &lt;= |n| &lt;= 4 or n = -2: x**3 =
   * sqr(x)*x, x**4 = sqr(sqr(x)), x**-n = reciprocal(x**n); within {@value #PRODUCT_ULPS} ulps
   * where the intermediate powers are normal numbers (see the class comment).
   */
  public static Rewrite powSmallInteger() {
    return Rewrite.rule(
        "pow_small_integer",
        Phase.SPECIALIZE,
        binary(BinaryFn.POW, X, anyConstant("n")),
        m -> {
          double n = exponent(m);
          if (n != Math.rint(n) || Math.abs(n) > 4 || n == 2 || Math.abs(n) <= 1) {
            return null;
          }
          Variable x = m.get(X);
          Variable p = product(x, (int) Math.abs(n));
          return sameType(m.root(), n < 0 ? Elementwise.reciprocal(p) : p);
        });
  }

  /** x**k for k = 2, 3 or 4. */
  private static Variable product(Variable x, int k) {
    Variable sqr = Elementwise.sqr(x);
    return switch (k) {
      case 2 -> sqr;
      case 3 -> sqr.mul(x);
      default -> Elementwise.sqr(sqr);
    };
  }

  private static Rewrite rule(String name, double exponent, UnaryOperator<Variable> replacement) {
    return Rewrite.rule(
        name,
        Phase.SPECIALIZE,
        binary(BinaryFn.POW, X, constant(exponent)),
        m -> Double.isNaN(exponent(m)) ? null : sameType(m.root(), replacement.apply(m.get(X))));
  }

  /**
   * The exponent's value when it is a constant of equal elements that does not broadcast x, else
   * NaN.
   */
  private static double exponent(Match m) {
    Variable x = m.get(X);
    Variable e = m.root().owner().input(1);
    if (!(e instanceof Constant c) || e.ndim() > x.ndim()) {
      return Double.NaN;
    }
    int lead = x.ndim() - e.ndim();
    for (int i = 0; i < e.ndim(); i++) {
      int d = e.type().dim(i);
      if (d != 1 && (d != x.type().dim(lead + i) || d == TensorType.UNKNOWN)) {
        return Double.NaN;
      }
    }
    NDArray v = c.valueView();
    if (v.size() == 0) {
      return Double.NaN;
    }
    double first = v.flatDouble(0);
    for (int i = 1; i < v.size(); i++) {
      if (v.flatDouble(i) != first) {
        return Double.NaN;
      }
    }
    return first;
  }

  /** {@code replacement} when it has {@code root}'s dtype, else null (the rule declines). */
  static Variable sameType(Variable root, Variable replacement) {
    return replacement.dtype() == root.dtype() ? replacement : null;
  }
}
