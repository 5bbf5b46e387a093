package dev.hypatia.symbolic.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hypatia.symbolic.DType;
import java.util.List;
import org.junit.jupiter.api.Test;

class CastTest {
  private static long castLong(DType from, DType to, double v) {
    double[] d = {v};
    long[] l = {(long) v};
    double[] dOut = new double[1];
    long[] lOut = new long[1];
    ScalarKernel.of(new Cast(to), List.of(from)).apply(d, l, dOut, lOut);
    return lOut[0];
  }

  @Test
  void opName_namesTheTarget() {
    assertEquals("cast{int32}", new Cast(DType.INT32).opName());
    assertEquals(DType.INT8, new Cast(DType.INT8).outputDType(List.of(DType.FLOAT64)));
  }

  @Test
  void floatToInteger_truncatesTowardZero() {
    assertEquals(-2, castLong(DType.FLOAT64, DType.INT32, -2.9));
    assertEquals(2, castLong(DType.FLOAT64, DType.INT64, 2.9));
  }

  @Test
  void narrowing_wrapsAround() {
    assertEquals(-56, castLong(DType.INT64, DType.INT8, 200));
    assertEquals(-56, castLong(DType.FLOAT64, DType.INT8, 200.5));
  }

  @Test
  void toBool_isNonZero_NaNIncluded() {
    assertEquals(1, castLong(DType.FLOAT64, DType.BOOL, Double.NaN));
    assertEquals(1, castLong(DType.FLOAT64, DType.BOOL, 0.25));
    assertEquals(0, castLong(DType.FLOAT64, DType.BOOL, -0.0));
    assertEquals(1, castLong(DType.INT32, DType.BOOL, 256));
  }

  @Test
  void rejectsNullTarget() {
    assertThrows(NullPointerException.class, () -> new Cast(null));
  }
}
