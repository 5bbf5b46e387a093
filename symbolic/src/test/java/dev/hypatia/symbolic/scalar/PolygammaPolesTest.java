package dev.hypatia.symbolic.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Below -2^52 every double is an integer, so a pole: psi, trigamma and polygamma return their pole
 * value there at once (Commons' recurrences step x up by one and never arrive).
 */
class PolygammaPolesTest {
  private static final double[] HUGE = {-0x1p52, -1e20, -1e300, -Double.MAX_VALUE};

  // -inf is not a pole: psi(-inf) is NaN, tested in PolygammaTest

  @Test
  void hugeNegativeArguments_returnThePoleValueWithoutLooping() {
    Assertions.assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          for (double x : HUGE) {
            assertEquals(UnaryFn.PSI.eval(-1.0), UnaryFn.PSI.eval(x), 0.0, "psi " + x);
            assertEquals(UnaryFn.TRIGAMMA.eval(-1.0), UnaryFn.TRIGAMMA.eval(x), 0.0, "trigamma");
            for (int n = 0; n < 4; n++) {
              assertEquals(Polygamma.value(n, -1.0), Polygamma.value(n, x), 0.0, "order " + n);
            }
          }
          assertEquals(
              (long) UnaryFn.PSI.eval(-1.0), UnaryFn.PSI.evalLong(Long.MIN_VALUE), "psi on longs");
        });
  }
}
