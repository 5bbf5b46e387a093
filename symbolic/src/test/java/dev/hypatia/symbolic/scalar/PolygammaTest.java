package dev.hypatia.symbolic.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Elementwise;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.Trigamma;
import org.junit.jupiter.api.Test;

class PolygammaTest {
  /** The cases of fixtures/polygamma_values.txt (made by gen_polygamma.py with scipy). */
  private static List<double[]> fixture() throws IOException {
    var in = PolygammaTest.class.getResourceAsStream("/fixtures/polygamma_values.txt");
    try (var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return r.lines()
          .map(line -> line.trim().split(" "))
          .map(f -> new double[] {Double.parseDouble(f[0]), parse(f[1]), parse(f[2])})
          .toList();
    }
  }

  private static double parse(String s) {
    return Double.parseDouble(s.replace("inf", "Infinity"));
  }

  @Test
  void value_matchesScipy_ordersZeroToFour_positiveAndNegativeX() throws IOException {
    List<double[]> cases = fixture();
    assertEquals(110, cases.size());
    for (double[] c : cases) {
      int n = (int) c[0];
      double x = c[1];
      // near a pole (and for psi near its zeros) the result carries the input's rounding error
      double tol = x < 0 ? 1e-9 : 1e-12;
      double got = Polygamma.value(n, x);
      assertEquals(c[2], got, tol * Math.max(1, Math.abs(c[2])), "polygamma(" + n + ", " + x + ")");
    }
  }

  @Test
  void ordersZeroAndOne_areDigammaAndTrigamma() {
    assertEquals(Digamma.value(2.5), new Polygamma(0).evalDouble(2.5), 0);
    assertEquals(Trigamma.value(2.5), new Polygamma(1).evalDouble(2.5), 0);
  }

  @Test
  void poles_areSignedInfinities_asScipy() {
    assertEquals(Double.POSITIVE_INFINITY, Polygamma.value(1, 0), 0);
    assertEquals(Double.NEGATIVE_INFINITY, Polygamma.value(2, 0), 0);
    assertEquals(Double.POSITIVE_INFINITY, Polygamma.value(3, -2), 0);
    assertEquals(Double.NEGATIVE_INFINITY, Polygamma.value(4, -1), 0);
  }

  @Test
  void infinitiesAndNaN_zeroAtPlusInfinity_nanOtherwise() {
    assertEquals(0, Polygamma.value(3, Double.POSITIVE_INFINITY), 0);
    assertTrue(Double.isNaN(Polygamma.value(2, Double.NEGATIVE_INFINITY)));
    assertTrue(Double.isNaN(Polygamma.value(2, Double.NaN)));
  }

  @Test
  void negativeOrder_isRejectedWithAClearMessage() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Polygamma(-1));
    assertTrue(e.getMessage().contains("polygamma needs an order >= 0, got -1"), e.getMessage());
  }

  @Test
  void opNameArityAndDType_followTheFloatRule() {
    Polygamma p = new Polygamma(3);
    assertEquals("polygamma3", p.opName());
    assertEquals(1, p.arity());
    assertEquals(DType.FLOAT64, p.outputDType(List.of(DType.INT32)));
    assertEquals(DType.FLOAT32, p.outputDType(List.of(DType.FLOAT32)));
    assertEquals(new Polygamma(3), p);
  }

  @Test
  void facades_buildOneNodeAndEvaluateThroughTheKernel() {
    Variable x = T.dvector("x");
    Variable y = Elementwise.polygamma(2, x);
    assertEquals("polygamma2", y.owner().op().name());
    double[] got = y.eval(Map.of(x, NDArray.of(1.5, -0.5))).toDoubleArray();
    assertEquals(Polygamma.value(2, 1.5), got[0], 0);
    assertEquals(Polygamma.value(2, -0.5), got[1], 0);
    assertEquals(DType.FLOAT64, T.polygamma(3, T.ivector("i")).dtype());
    assertEquals(DType.FLOAT32, T.fvector("f").polygamma(4).dtype());
  }
}
