package dev.hypatia.symbolic;

/** Element comparison with tolerances, as numpy's {@code isclose}. */
public final class ArrayCompare {
  private ArrayCompare() {}

  /**
   * Whether {@code a} is within {@code atol + rtol * |b|} of {@code b}; NaN matches NaN and
   * infinities match only themselves.
   */
  public static boolean close(double a, double b, double rtol, double atol) {
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return Double.isNaN(a) && Double.isNaN(b);
    }
    if (Double.isInfinite(a) || Double.isInfinite(b)) {
      return a == b;
    }
    return Math.abs(a - b) <= atol + rtol * Math.abs(b);
  }
}
