package dev.hypatia.jvm.runtime;

import dev.hypatia.symbolic.scalar.Polygamma;
import dev.hypatia.symbolic.scalar.ScalarOp;
import dev.hypatia.symbolic.scalar.UnaryFn;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Test inputs for scalar functions: the values where functions are defined by special cases (NaN,
 * the infinities, the zeros, poles, overflow thresholds, the integer extremes) and seeded random
 * ones, and a way to compare doubles bit for bit.
 */
public final class ScalarGrid {
  private static final double[] SPECIAL = {
    Double.NaN,
    Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY,
    0.0,
    -0.0,
    1.0,
    -1.0,
    0.5,
    -0.5,
    1.5,
    -1.5,
    2.0,
    -2.0,
    2.5,
    -2.5,
    3.0,
    -3.0,
    0.1,
    -0.1,
    Math.PI,
    -Math.PI,
    20.0,
    21.5,
    -20.5,
    100.0,
    700.0,
    710.0,
    -710.0,
    -745.5,
    1e8,
    1e8 + 1,
    0.9999999,
    1.0000001,
    -0.9999999,
    -1.0000001,
    1e-300,
    -1e-300,
    1e300,
    -1e300,
    9007199254740992.0,
    -9007199254740993.0,
    9.3e18,
    -9.3e18,
    Double.MIN_VALUE,
    -Double.MIN_VALUE,
    Double.MIN_NORMAL,
    Double.MAX_VALUE,
    -Double.MAX_VALUE
  };

  private static final long[] SPECIAL_LONGS = {
    0,
    1,
    -1,
    2,
    -2,
    3,
    -3,
    7,
    -7,
    10,
    62,
    63,
    64,
    -63,
    -64,
    1L << 32,
    1L << 40,
    -(1L << 40),
    Integer.MAX_VALUE,
    Integer.MIN_VALUE,
    Long.MAX_VALUE,
    Long.MIN_VALUE,
    Long.MAX_VALUE - 1,
    Long.MIN_VALUE + 1,
    9007199254740993L
  };

  private ScalarGrid() {}

  /** The special doubles and {@code randoms} seeded random ones (uniform, wide and integral). */
  public static double[] doubles(int randoms) {
    SplittableRandom r = new SplittableRandom(randoms * 31L + 7);
    double[] out = new double[SPECIAL.length + randoms];
    System.arraycopy(SPECIAL, 0, out, 0, SPECIAL.length);
    for (int i = SPECIAL.length; i < out.length; i++) {
      out[i] =
          switch (i % 3) {
            case 0 -> r.nextDouble(-10, 10);
            case 1 -> (r.nextBoolean() ? 1 : -1) * Math.pow(10, r.nextDouble(-300, 300));
            default -> (double) r.nextInt(-50, 50);
          };
    }
    return out;
  }

  /**
   * The doubles to test {@code op} on: {@link #moderateDoubles} for psi, trigamma and polygamma,
   * whose recurrences take one step per unit below 0 (forever at -1e300), else {@link #doubles}.
   */
  public static double[] doublesFor(ScalarOp op, int randoms) {
    boolean slow = op == UnaryFn.PSI || op == UnaryFn.TRIGAMMA || op instanceof Polygamma;
    return slow ? moderateDoubles(randoms) : doubles(randoms);
  }

  /** Doubles with {@code |x| <= 1e3}: for functions that are slow far from 0 (polygamma). */
  public static double[] moderateDoubles(int randoms) {
    return java.util.Arrays.stream(doubles(randoms)).filter(x -> !(Math.abs(x) > 1e3)).toArray();
  }

  /** The special longs and {@code randoms} seeded random ones (small and full range). */
  public static long[] longs(int randoms) {
    SplittableRandom r = new SplittableRandom(randoms * 17L + 3);
    long[] out = new long[SPECIAL_LONGS.length + randoms];
    System.arraycopy(SPECIAL_LONGS, 0, out, 0, SPECIAL_LONGS.length);
    for (int i = SPECIAL_LONGS.length; i < out.length; i++) {
      out[i] = i % 2 == 0 ? r.nextLong(-100, 100) : r.nextLong();
    }
    return out;
  }

  /** Every pair (a, b) of the given values. */
  public static List<double[]> pairs(double[] values) {
    List<double[]> out = new ArrayList<>();
    for (double a : values) {
      for (double b : values) {
        out.add(new double[] {a, b});
      }
    }
    return out;
  }

  /** Every pair (a, b) of the given values. */
  public static List<long[]> pairs(long[] values) {
    List<long[]> out = new ArrayList<>();
    for (long a : values) {
      for (long b : values) {
        out.add(new long[] {a, b});
      }
    }
    return out;
  }

  /** Whether a and b are the same double: equal bits, or both NaN (whatever the payload). */
  public static boolean same(double a, double b) {
    return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
  }
}
