package dev.hypatia.symbolic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TensorMethodsTest {
  @Test
  void fluentChain_evaluatesLikeAPlainLoop() {
    Variable x = T.dmatrix("x");
    Variable w = T.dvector("w");
    Variable y = x.mul(w).add(1).tanh().sum(1);
    double[][] xv = {{0.5, -1}, {2, 0.25}};
    double[] wv = {2, 3};
    NDArray out = y.eval(Map.of(x, xv, w, wv));
    double[] want = new double[2];
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        want[i] += Math.tanh(xv[i][j] * wv[j] + 1);
      }
    }
    assertArrayEquals(want, out.toDoubleArray(), 1e-15);
    assertEquals(TensorType.ofRank(DType.FLOAT64, 1), y.type());
  }

  @Test
  void weakScalars_keepFloat32() {
    Variable x = T.fvector("x");
    assertEquals(DType.FLOAT32, x.mul(2).add(0.5).div(3).dtype());
    assertEquals(DType.FLOAT64, T.ivector("i").div(2).dtype());
  }

  @Test
  void addingIncompatibleStaticShapes_namesBothInputsAndLines() {
    Variable m = T.tensor(DType.FLOAT64, "m", 3, 4);
    Variable v = T.tensor(DType.FLOAT64, "v", 5);
    var e = assertThrows(HypatiaException.class, () -> m.add(v));
    String msg = e.getMessage();
    assertTrue(msg.startsWith("add: shapes cannot be broadcast together"), msg);
    assertTrue(msg.contains("m: float64[3,4] (created at TensorMethodsTest.java:"), msg);
    assertTrue(msg.contains("v: float64[5] (created at TensorMethodsTest.java:"), msg);
  }

  @Test
  void addingIncompatibleRuntimeShapes_namesBothInputsShapesAndLines() {
    Variable m = T.dmatrix("m");
    Variable v = T.dvector("v");
    Variable s = m.add(v);
    var e =
        assertThrows(
            HypatiaException.class, () -> s.eval(Map.of(m, new double[3][4], v, new double[5])));
    String msg = e.getMessage();
    assertTrue(msg.startsWith("add: "), msg);
    assertTrue(
        msg.contains("m: float64[?,?], actual float64[3,4] (created at TensorMethodsTest"), msg);
    assertTrue(msg.contains("v: float64[?], actual float64[5] (created at TensorMethodsTest"), msg);
  }

  @Test
  void shapeIndexingAndLinearAlgebra_composeFluently() {
    Variable a = T.dmatrix("a");
    NDArray av = NDArray.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
    assertArrayEquals(
        new double[] {3, 6}, a.get(":, ::-1").get("..., 0").eval(Map.of(a, av)).toDoubleArray());
    assertArrayEquals(
        new double[] {14, 32},
        a.dot(T.constant(new double[] {1, 2, 3})).eval(Map.of(a, av)).toDoubleArray());
    assertArrayEquals(new long[] {3, 2}, a.transpose().shape().eval(Map.of(a, av)).toLongArray());
    assertArrayEquals(new long[] {2, 2}, a.argmax(1).eval(Map.of(a, av)).toLongArray());
    assertEquals(3.5, a.mean().eval(Map.of(a, av)).item());
  }

  @Test
  void relu_clipsNegativesToZero() {
    Variable x = T.dvector("x");
    assertArrayEquals(
        new double[] {0, 0, 2}, x.relu().eval(Map.of(x, new double[] {-1, 0, 2})).toDoubleArray());
  }
}
