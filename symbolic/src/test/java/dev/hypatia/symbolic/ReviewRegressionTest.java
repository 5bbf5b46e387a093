package dev.hypatia.symbolic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bugs found by reviewing the core against numpy; each case quotes numpy's answer. */
class ReviewRegressionTest {
  private final Variable x = T.dvector("x");
  private final NDArray five = NDArray.of(0.0, 1, 2, 3, 4);

  @Test
  void pow_ofUnitBasesIsOneAsInC() {
    Variable y = T.dvector("y");
    double nan = Double.NaN;
    double inf = Double.POSITIVE_INFINITY;
    NDArray out =
        x.pow(y).eval(Map.of(x, new double[] {1, -1, 1, 2}, y, new double[] {nan, inf, -inf, nan}));
    // numpy: [1., 1., 1., nan]
    assertArrayEquals(new double[] {1, 1, 1, nan}, out.toDoubleArray());
  }

  @Test
  void slices_withHugeStepsTakeOneElement() {
    // numpy: x[0:3:2**31-1] -> [0.], x[::-(2**31-1)] -> [4.], x[::-2**31] -> [4.]
    assertArrayEquals(
        new double[] {0}, x.get("0:3:2147483647").eval(Map.of(x, five)).toDoubleArray());
    assertArrayEquals(
        new double[] {4}, x.get("::-2147483647").eval(Map.of(x, five)).toDoubleArray());
    assertArrayEquals(
        new double[] {4}, x.get("::-2147483648").eval(Map.of(x, five)).toDoubleArray());
    assertEquals(1, T.constant(five).get("::2147483647").type().dim(0));
  }

  @Test
  void castFromInt64ToFloat32_roundsOnceLikeNumpy() {
    Variable l = T.lvector("l");
    long big = (1L << 53) + (1L << 29) + 1;
    NDArray out = l.astype(DType.FLOAT32).eval(Map.of(l, new long[] {big}));
    assertEquals((float) big, (float) out.item()); // numpy: 9.0072003e+15
  }

  @Test
  void repeat_refusesResultsTooLargeForAnArray() {
    var e = assertThrows(HypatiaException.class, () -> T.constant(five).repeat(1 << 30, 0));
    assertTrue(e.getMessage().contains("more than 2^31-1 elements"), e.getMessage());
  }

  @Test
  void shapeErrors_nameTheOpAndTheVariable() {
    Variable m = T.dmatrix("m");
    var t = assertThrows(HypatiaException.class, () -> m.transpose(0, 2));
    assertTrue(t.getMessage().startsWith("transpose: axis 2 is out of bounds"), t.getMessage());
    assertTrue(t.getMessage().contains("m: float64[?,?] (created at ReviewRegressionTest.java:"));
    var r = assertThrows(HypatiaException.class, () -> m.transpose(0, 0));
    assertTrue(r.getMessage().startsWith("transpose: "), r.getMessage());
    assertTrue(r.getMessage().contains("m: float64[?,?]"), r.getMessage());
    var d = assertThrows(HypatiaException.class, () -> m.expandDims(5));
    assertTrue(d.getMessage().startsWith("expand_dims: axis 5 is out of bounds"), d.getMessage());
    var p = assertThrows(HypatiaException.class, () -> x.tile(-1));
    assertTrue(p.getMessage().startsWith("tile: "), p.getMessage());
    assertTrue(p.getMessage().contains("x: float64[?]"), p.getMessage());
  }

  @Test
  void argmax_ofAnEmptySearchedAxisFailsEvenWhenTheResultIsEmpty() {
    Variable m = T.dmatrix("m");
    // numpy: argmax(zeros((0, 0)), axis=1) raises; argmax(zeros((2, 0)), axis=0) is []
    var e =
        assertThrows(
            HypatiaException.class,
            () -> m.argmax(1).eval(Map.of(m, NDArray.zeros(DType.FLOAT64, 0, 0))));
    assertTrue(e.getMessage().contains("attempt to get argmax of an empty sequence"));
    assertEquals(0, m.argmax(0).eval(Map.of(m, NDArray.zeros(DType.FLOAT64, 2, 0))).size());
  }
}
