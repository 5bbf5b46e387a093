package dev.hypatia.symbolic.testing;

/** The number generators behind {@link Gen#longs} and {@link Gen#doubles}. */
final class Values {
  private static final long FRACTION_STEPS = 1L << 53;

  private Values() {}

  static Gen<Long> longs(long lo, long hi) {
    if (lo > hi) {
      throw new IllegalArgumentException("empty range [" + lo + ", " + hi + "]");
    }
    long n = hi - lo + 1;
    if (n <= 0) {
      throw new IllegalArgumentException(
          "range [" + lo + ", " + hi + "] holds 2^63 values or more");
    }
    long origin = Math.min(Math.max(0, lo), hi);
    long up = hi - origin;
    long down = origin - lo;
    return s -> zigzag(s.draw(n), origin, up, down);
  }

  /**
   * The {@code d}-th value outward from {@code origin}: origin, origin+1, origin-1, origin+2, ...;
   * once one side ({@code up} values above, {@code down} below) is used up, the other side alone.
   */
  static long zigzag(long d, long origin, long up, long down) {
    long m = Math.min(up, down);
    if (d <= 2 * m) {
      long k = (d + 1) / 2;
      return d % 2 == 1 ? origin + k : origin - k;
    }
    long e = d - 2 * m;
    return up > down ? origin + m + e : origin - m - e;
  }

  static Gen<Double> doubles(double lo, double hi) {
    if (!(lo <= hi) || Double.isInfinite(lo) || Double.isInfinite(hi)) {
      throw new IllegalArgumentException("doubles need finite lo <= hi, not " + lo + ", " + hi);
    }
    double origin = Math.min(Math.max(0.0, lo), hi);
    double up = hi - origin;
    double down = origin - lo;
    return s -> {
      boolean below = up > 0 && down > 0 ? s.draw(2) == 1 : up == 0;
      double extent = below ? down : up;
      double offset;
      if (s.draw(8) == 0) {
        offset = s.draw((long) Math.min(Math.floor(extent), FRACTION_STEPS) + 1);
      } else {
        offset = extent * ((double) s.draw(FRACTION_STEPS) / FRACTION_STEPS);
      }
      double v = below ? origin - offset : origin + offset;
      return Math.min(Math.max(v, lo), hi);
    };
  }
}
