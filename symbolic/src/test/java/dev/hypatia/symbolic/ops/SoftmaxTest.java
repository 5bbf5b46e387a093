package dev.hypatia.symbolic.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SoftmaxTest {
  private static NDArray random(SplittableRandom rnd, double scale, int... shape) {
    NDArray a = NDArray.zeros(DType.FLOAT64, shape);
    for (int i = 0; i < a.size(); i++) {
      a.setFlat(i, scale * (2 * rnd.nextDouble() - 1));
    }
    return a;
  }

  /** The textbook formula, exp(x) / sum(exp(x)) along the axis: fine for small inputs. */
  private static double naive(NDArray x, int[] idx, int axis) {
    int[] j = idx.clone();
    double sum = 0;
    for (int k = 0; k < x.shape(axis); k++) {
      j[axis] = k;
      sum += Math.exp(x.getDouble(j));
    }
    return Math.exp(x.getDouble(idx)) / sum;
  }

  @Test
  void softmax_matchesTheTextbookFormulaOnRandomShapesAndAxes() {
    SplittableRandom rnd = new SplittableRandom(3);
    for (int trial = 0; trial < 30; trial++) {
      int nd = 1 + rnd.nextInt(3);
      int[] shape = new int[nd];
      for (int i = 0; i < nd; i++) {
        shape[i] = 1 + rnd.nextInt(4);
      }
      int axis = rnd.nextInt(nd) - (rnd.nextBoolean() ? nd : 0);
      NDArray xv = random(rnd, 5, shape);
      Variable x = T.tensor(DType.FLOAT64, "x", unknown(nd));
      NDArray sm = new Softmax(norm(axis, nd), false).apply(x).eval(Map.of(x, xv));
      NDArray lsm = Softmax.over(x, axis, true).apply(x).eval(Map.of(x, xv));
      for (int i = 0; i < xv.size(); i++) {
        int[] idx = unravel(i, shape);
        double want = naive(xv, idx, norm(axis, nd));
        assertEquals(want, sm.getDouble(idx), 1e-14);
        assertEquals(Math.log(want), lsm.getDouble(idx), 1e-12);
      }
    }
  }

  private static int norm(int axis, int nd) {
    return axis < 0 ? axis + nd : axis;
  }

  private static int[] unknown(int nd) {
    int[] s = new int[nd];
    java.util.Arrays.fill(s, -1);
    return s;
  }

  private static int[] unravel(int flat, int[] shape) {
    int[] idx = new int[shape.length];
    for (int i = shape.length - 1; i >= 0; i--) {
      idx[i] = flat % shape[i];
      flat /= shape[i];
    }
    return idx;
  }

  @Test
  void softmax_staysFiniteForEntriesNear1000() {
    Variable x = T.dmatrix("x");
    NDArray big = NDArray.of(new double[][] {{1000, 1001, 999}, {-1000, -1001, -999}});
    NDArray sm = Softmax.over(x, 1, false).apply(x).eval(Map.of(x, big));
    NDArray lsm = Softmax.over(x, -1, true).apply(x).eval(Map.of(x, big));
    NDArray shifted = NDArray.of(new double[][] {{0, 1, -1}, {0, -1, 1}});
    NDArray ref = Softmax.over(x, 1, false).apply(x).eval(Map.of(x, shifted));
    assertTrue(sm.allClose(ref, 1e-14, 0));
    for (int i = 0; i < lsm.size(); i++) {
      assertTrue(Double.isFinite(lsm.flatDouble(i)));
      assertEquals(Math.log(ref.flatDouble(i)), lsm.flatDouble(i), 1e-12);
    }
  }

  @Test
  void softmax_ofIntegersIsFloatAndKeepsFloat32() {
    assertEquals(
        DType.FLOAT64, Softmax.over(T.lvector("i"), 0, false).apply(T.lvector("i")).dtype());
    Variable f = T.fmatrix("f");
    assertEquals(DType.FLOAT32, Softmax.over(f, 1, true).apply(f).dtype());
    assertEquals("softmax{axis=1}", Softmax.over(f, -1, false).name());
  }

  @Test
  void softmax_rejectsScalarsAndBadAxesNamingTheInput() {
    Variable s = T.dscalar("s");
    var e = assertThrows(HypatiaException.class, () -> Softmax.over(s, 0, false));
    assertTrue(e.getMessage().startsWith("softmax: needs at least one axis, got a scalar"));
    assertTrue(e.getMessage().contains("s: float64[]"));
    Variable v = T.dvector("v");
    var f = assertThrows(HypatiaException.class, () -> Softmax.over(v, 1, true));
    assertTrue(f.getMessage().startsWith("log_softmax: axis 1 is out of bounds"), f.getMessage());
  }
}
