package dev.hypatia.jvm.runtime;

import dev.hypatia.symbolic.scalar.BinaryFn;
import dev.hypatia.symbolic.scalar.Polygamma;
import dev.hypatia.symbolic.scalar.TernaryFn;
import dev.hypatia.symbolic.scalar.UnaryFn;
import org.apache.commons.numbers.gamma.Erf;
import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.Gamma;
import org.apache.commons.numbers.gamma.InverseErf;
import org.apache.commons.numbers.gamma.LogGamma;

/**
 * The scalar functions that generated code calls where java.lang.Math has no equivalent: small
 * static methods the JIT inlines, one per function and domain. Each returns bit for bit what the
 * symbolic op's {@code evalDouble} or {@code evalLong} returns (NaN, the infinities and -0.0
 * included), so compiled kernels agree with the interpreter. The formulas are copies of symbolic's
 * (package-private) ScalarMath; ScalarsTest holds them to the ops.
 */
public final class Scalars {
  private static final double LN2 = Math.log(2.0);

  private Scalars() {}

  /** {@link UnaryFn#SIGN} on doubles: -1, 0 or 1, NaN for NaN (+0.0 for -0.0). */
  public static double sign(double x) {
    return x > 0 ? 1.0 : x < 0 ? -1.0 : x == 0 ? 0.0 : x;
  }

  /** {@link UnaryFn#SIGN} on longs: -1, 0 or 1. */
  public static long sign(long x) {
    return Long.signum(x);
  }

  /** {@link UnaryFn#TRUNC}: rounds toward zero, keeping -0.0, NaN and the infinities. */
  public static double trunc(double x) {
    return x < 0 ? Math.ceil(x) : Math.floor(x);
  }

  /** {@link UnaryFn#EXP2}: 2^x, exact for integer x. */
  public static double exp2(double x) {
    return Math.pow(2.0, x);
  }

  /** {@link UnaryFn#LOG2}: log2(x), exact for powers of two. */
  public static double log2(double x) {
    if (x > 0 && x < Double.POSITIVE_INFINITY && x == Math.scalb(1.0, Math.getExponent(x))) {
      return Math.getExponent(x);
    }
    return Math.log(x) / LN2;
  }

  /** {@link UnaryFn#ARCSINH}, accurate near 0 and for large |x|. */
  public static double asinh(double x) {
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

  /** {@link UnaryFn#ARCCOSH} for x &gt;= 1 (NaN below), accurate near 1 and for large x. */
  public static double acosh(double x) {
    if (x < 1.0) {
      return Double.NaN;
    }
    if (x > 1e8) {
      return Math.log(x) + LN2;
    }
    double t = x - 1.0;
    return Math.log1p(t + Math.sqrt(2.0 * t + t * t));
  }

  /** {@link UnaryFn#ARCTANH} for {@code |x| <= 1} (infinite at +-1, NaN outside). */
  public static double atanh(double x) {
    double a = Math.abs(x);
    return Math.copySign(0.5 * Math.log1p(2.0 * a / (1.0 - a)), x);
  }

  /** {@link UnaryFn#SIGMOID}: 1/(1+exp(-x)) without overflow for any x. */
  public static double sigmoid(double x) {
    if (x >= 0) {
      return 1.0 / (1.0 + Math.exp(-x));
    }
    double e = Math.exp(x);
    return e / (1.0 + e);
  }

  /** {@link UnaryFn#SOFTPLUS}: log(1+exp(x)) without overflow for any x. */
  public static double softplus(double x) {
    return Math.log1p(Math.exp(-Math.abs(x))) + Math.max(x, 0.0);
  }

  /** {@link UnaryFn#ERF}: Commons' erf. */
  public static double erf(double x) {
    return Erf.value(x);
  }

  /** {@link UnaryFn#ERFC}: Commons' erfc. */
  public static double erfc(double x) {
    return Erfc.value(x);
  }

  /** {@link UnaryFn#ERFINV}: Commons' inverse erf. */
  public static double erfinv(double x) {
    return InverseErf.value(x);
  }

  /** {@link UnaryFn#GAMMA}: Commons' gamma. */
  public static double gamma(double x) {
    return Gamma.value(x);
  }

  /** {@link UnaryFn#GAMMALN}: log|Gamma(x)|, through the reflection formula for x &lt; 0. */
  public static double gammaln(double x) {
    if (x > 0 || Double.isNaN(x)) {
      return LogGamma.value(x);
    }
    if (x == Math.rint(x)) {
      return Double.POSITIVE_INFINITY;
    }
    // Gamma(x) Gamma(1-x) = pi / sin(pi x)
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - LogGamma.value(1.0 - x);
  }

  /** {@link UnaryFn#PSI}: Commons' digamma. */
  public static double psi(double x) {
    return Polygamma.value(0, x);
  }

  /** {@link UnaryFn#TRIGAMMA}: Commons' trigamma, 0 at +inf and NaN at -inf (scipy). */
  public static double trigamma(double x) {
    return Polygamma.value(1, x);
  }

  /** {@link Polygamma}: psi^(n)(x) for order n &gt;= 0. */
  public static double polygamma(int n, double x) {
    return Polygamma.value(n, x);
  }

  /** {@link BinaryFn#FLOOR_DIV} on doubles (numpy's npy_divmod): floor(a/b), a/b when b is 0. */
  public static double floorDiv(double a, double b) {
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

  /** {@link BinaryFn#FLOOR_DIV} on longs: Python's floor division; 0 when b is 0. */
  public static long floorDiv(long a, long b) {
    return b == 0 ? 0 : Math.floorDiv(a, b);
  }

  /** {@link BinaryFn#MOD} on doubles: the sign of the divisor; NaN when b is 0. */
  public static double mod(double a, double b) {
    double mod = a % b;
    if (b == 0.0) {
      return mod;
    }
    if (mod != 0.0) {
      return (b < 0) != (mod < 0) ? mod + b : mod;
    }
    return Math.copySign(0.0, b);
  }

  /** {@link BinaryFn#MOD} on longs: the sign of the divisor; 0 when b is 0. */
  public static long mod(long a, long b) {
    return b == 0 ? 0 : Math.floorMod(a, b);
  }

  /** {@link BinaryFn#POW} on doubles: Math.pow, except pow(1, y) = 1 and pow(-1, +-inf) = 1. */
  public static double pow(double base, double exp) {
    if (base == 1.0 || (base == -1.0 && Double.isInfinite(exp))) {
      return 1.0;
    }
    return Math.pow(base, exp);
  }

  /**
   * {@link BinaryFn#POW} on longs, wrapping around.
   *
   * @throws IllegalArgumentException for a negative exponent, with the op's message
   */
  public static long pow(long base, long exp) {
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

  /** {@link BinaryFn#MAXIMUM} on doubles: NaN when either is NaN; a when a == b. */
  public static double maximum(double a, double b) {
    return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : a >= b ? a : b;
  }

  /** {@link BinaryFn#MINIMUM} on doubles: NaN when either is NaN; a when a == b. */
  public static double minimum(double a, double b) {
    return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : a <= b ? a : b;
  }

  /** {@link TernaryFn#CLIP} on doubles: minimum(maximum(x, lo), hi), NaN propagating. */
  public static double clip(double x, double lo, double hi) {
    return minimum(maximum(x, lo), hi);
  }

  /** {@link TernaryFn#CLIP} on longs: min(max(x, lo), hi). */
  public static long clip(long x, long lo, long hi) {
    return Math.min(Math.max(x, lo), hi);
  }
}
