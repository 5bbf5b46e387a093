package dev.hypatia.symbolic.scalar;

import dev.hypatia.symbolic.DType;
import java.util.List;
import org.apache.commons.numbers.gamma.Digamma;

/**
 * The polygamma function of order {@code order}, the {@code order}-th derivative of psi (scipy's
 * {@code polygamma(n, x)}): order 0 is psi, 1 trigamma. Dtype rule: {@link DType#toFloat()} of the
 * input, as the float {@link UnaryFn}s.
 *
 * <p>Special values: at the poles (0 and the negative integers) {@code (-1)^(n+1) inf} for n &gt;=
 * 1 (as scipy); 0 at +inf; NaN at -inf and NaN. Orders 0 and 1 are Commons' digamma and {@link
 * UnaryFn#TRIGAMMA}; higher orders shift x above {@code 20 + n} with psi^(n)(x) = psi^(n)(x+1) -
 * (-1)^n n! / x^(n+1) (one step per unit, so very negative x is slow), then sum the asymptotic
 * series.
 *
 * @param order the derivative order n &gt;= 0
 */
public record Polygamma(int order) implements ScalarOp {
  /** B_2, B_4, ..., B_30: the Bernoulli numbers of the asymptotic series. */
  private static final double[] BERNOULLI = {
    1.0 / 6,
    -1.0 / 30,
    1.0 / 42,
    -1.0 / 30,
    5.0 / 66,
    -691.0 / 2730,
    7.0 / 6,
    -3617.0 / 510,
    43867.0 / 798,
    -174611.0 / 330,
    854513.0 / 138,
    -236364091.0 / 2730,
    8553103.0 / 6,
    -23749461029.0 / 870,
    8615841276005.0 / 14322
  };

  /**
   * The polygamma function of order {@code order}.
   *
   * @throws IllegalArgumentException for a negative order
   */
  public Polygamma {
    if (order < 0) {
      throw new IllegalArgumentException("polygamma needs an order >= 0, got " + order);
    }
  }

  @Override
  public int arity() {
    return 1;
  }

  /** {@code polygamma2} for order 2. */
  @Override
  public String opName() {
    return "polygamma" + order;
  }

  @Override
  public DType outputDType(List<DType> inputs) {
    ScalarOp.checkArity(this, inputs);
    return inputs.get(0).toFloat();
  }

  @Override
  public double evalDouble(double... args) {
    return value(order, args[0]);
  }

  /** The double result truncated, as the float {@link UnaryFn}s (never used for a float output). */
  @Override
  public long evalLong(long... args) {
    return (long) value(order, args[0]);
  }

  /** Below this every double is an integer (2^52 has no fractional bits left). */
  static final double ALL_INTEGERS = -0x1p52;

  /** psi^(n)(x), see the class comment. */
  public static double value(int n, double x) {
    if (x <= ALL_INTEGERS && x != Double.NEGATIVE_INFINITY) {
      x = -1.0; // every double this negative is an integer, a pole like -1 (and would never step
      // up)
    }
    if (n == 0) {
      return Digamma.value(x);
    }
    if (n == 1) {
      return UnaryFn.TRIGAMMA.eval(x);
    }
    if (Double.isNaN(x) || x == Double.NEGATIVE_INFINITY) {
      return Double.NaN;
    }
    double sign = n % 2 == 0 ? -1 : 1; // (-1)^(n+1)
    if (x <= 0 && x == Math.rint(x)) {
      return sign * Double.POSITIVE_INFINITY;
    }
    double shifted = 0; // sum of 1 / x^(n+1) over the shifted-away x
    double limit = 20 + n;
    while (x < limit) {
      shifted += Math.pow(x, -(n + 1));
      x += 1;
    }
    double nFactorial = factorial(n);
    // psi^(n)(x) = (-1)^(n+1) n! (asymptotic + sum 1/x^(n+1)) since -(-1)^n = (-1)^(n+1)
    return sign * (asymptotic(n, x, nFactorial) + nFactorial * shifted);
  }

  /**
   * (n-1)!/x^n + n!/(2 x^(n+1)) + sum_k B_2k (2k+n-1)!/((2k)! x^(2k+n)), for x &gt;= 20 + n, until
   * the terms stop mattering.
   */
  private static double asymptotic(int n, double x, double nFactorial) {
    double xn = Math.pow(x, -n);
    double sum = nFactorial / n * xn + nFactorial / 2 * xn / x;
    double coef = nFactorial * (n + 1) / 2; // (2k+n-1)!/(2k)! at k = 1
    double power = xn / (x * x); // x^-(2k+n) at k = 1
    for (int k = 1; k <= BERNOULLI.length; k++) {
      double term = BERNOULLI[k - 1] * coef * power;
      sum += term;
      if (Math.abs(term) <= 1e-17 * Math.abs(sum)) {
        break;
      }
      coef *= (2.0 * k + n) * (2.0 * k + n + 1) / ((2.0 * k + 1) * (2.0 * k + 2));
      power /= x * x;
    }
    return sum;
  }

  private static double factorial(int n) {
    double f = 1;
    for (int i = 2; i <= n; i++) {
      f *= i;
    }
    return f;
  }
}
