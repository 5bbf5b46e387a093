package dev.hypatia.symbolic.scalar;

import org.apache.commons.numbers.gamma.LogGamma;

/** Scalar formulas that java.lang.Math lacks, written to numpy's (or scipy's) definitions. */
final class ScalarMath {
  private static final double LN2 = Math.log(2.0);

  private ScalarMath() {}

  /** numpy's floor_divide for doubles (its npy_divmod): the floor of a/b, a/b when b is 0. */
  static double floorDiv(double a, double b) {
    if (b == 0.0) {
      return a / b;
    }
    double mod = a % b;
    double div = (a - mod) / b;
    if (mod != 0.0 && (b < 0) != (mod < 0)) {
      div -= 1.0;
    }
    if (div == 0.0) {
      return Math.copySign(0.0, a / b);
    }
    double floor = Math.floor(div);
    return div - floor > 0.5 ? floor + 1.0 : floor;
  }

  /** numpy's remainder for doubles: the result has the sign of the divisor; NaN when b is 0. */
  static double mod(double a, double b) {
    double mod = a % b;
    if (b == 0.0) {
      return mod;
    }
    if (mod != 0.0) {
      return (b < 0) != (mod < 0) ? mod + b : mod;
    }
    return Math.copySign(0.0, b);
  }

  /** numpy's integer floor_divide: division by zero gives 0. */
  static long floorDiv(long a, long b) {
    return b == 0 ? 0 : Math.floorDiv(a, b);
  }

  /** numpy's integer remainder: the sign of the divisor; division by zero gives 0. */
  static long mod(long a, long b) {
    return b == 0 ? 0 : Math.floorMod(a, b);
  }

  /**
   * C's (and numpy's) {@code pow}: as {@link Math#pow}, except that {@code pow(1, y)} is 1 for
   * every y (NaN included) and {@code pow(-1, +-inf)} is 1, where Java gives NaN.
   */
  static double pow(double base, double exp) {
    if (base == 1.0 || (base == -1.0 && Double.isInfinite(exp))) {
      return 1.0;
    }
    return Math.pow(base, exp);
  }

  /**
   * numpy's integer power with wrap-around.
   *
   * @throws IllegalArgumentException for a negative exponent, as numpy does
   */
  static long pow(long base, long exp) {
    if (exp < 0) {
      throw new IllegalArgumentException(
          "integers to negative integer powers are not allowed (got exponent " + exp + ")");
    }
    long result = 1;
    long b = base;
    for (long e = exp; e != 0; e >>>= 1) {
      if ((e & 1) != 0) {
        result *= b;
      }
      b *= b;
    }
    return result;
  }

  /** 2^x, exact for integer x. */
  static double exp2(double x) {
    return Math.pow(2.0, x);
  }

  /** log2(x), exact for powers of two. */
  static double log2(double x) {
    if (x > 0 && x < Double.POSITIVE_INFINITY && x == Math.scalb(1.0, Math.getExponent(x))) {
      return Math.getExponent(x);
    }
    return Math.log(x) / LN2;
  }

  /** asinh(x), accurate near 0 and for large |x|. */
  static double asinh(double x) {
    double a = Math.abs(x);
    double r;
    if (a > 1e8) {
      r = Math.log(a) + LN2;
    } else {
      double a2 = a * a;
      r = Math.log1p(a + a2 / (1.0 + Math.sqrt(1.0 + a2)));
    }
    return Math.copySign(r, x);
  }

  /** acosh(x) for x >= 1 (NaN below), accurate near 1 and for large x. */
  static double acosh(double x) {
    if (x < 1.0) {
      return Double.NaN;
    }
    if (x > 1e8) {
      return Math.log(x) + LN2;
    }
    double t = x - 1.0;
    return Math.log1p(t + Math.sqrt(2.0 * t + t * t));
  }

  /** atanh(x) for {@code |x| <= 1} (infinite at +-1, NaN outside). */
  static double atanh(double x) {
    double a = Math.abs(x);
    return Math.copySign(0.5 * Math.log1p(2.0 * a / (1.0 - a)), x);
  }

  /** The logistic function 1/(1+exp(-x)), without overflow for any x. */
  static double sigmoid(double x) {
    if (x >= 0) {
      return 1.0 / (1.0 + Math.exp(-x));
    }
    double e = Math.exp(x);
    return e / (1.0 + e);
  }

  /** log(1+exp(x)), without overflow for any x. */
  static double softplus(double x) {
    return Math.log1p(Math.exp(-Math.abs(x))) + Math.max(x, 0.0);
  }

  /** scipy's gammaln: log|Gamma(x)|, for negative non-integers through the reflection formula. */
  static double gammaln(double x) {
    if (x > 0 || Double.isNaN(x)) {
      return LogGamma.value(x);
    }
    if (x == Math.rint(x)) {
      return Double.POSITIVE_INFINITY;
    }
    // Gamma(x) Gamma(1-x) = pi / sin(pi x)
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - LogGamma.value(1.0 - x);
  }

  /** numpy's sign: -1, 0 or 1, NaN for NaN. */
  static double sign(double x) {
    return x > 0 ? 1.0 : x < 0 ? -1.0 : x == 0 ? 0.0 : x;
  }

  /** numpy's maximum: NaN when either is NaN. */
  static double maximum(double a, double b) {
    return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : a >= b ? a : b;
  }

  /** numpy's minimum: NaN when either is NaN. */
  static double minimum(double a, double b) {
    return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : a <= b ? a : b;
  }

  static double bool(boolean b) {
    return b ? 1.0 : 0.0;
  }

  static long boolLong(boolean b) {
    return b ? 1L : 0L;
  }
}
