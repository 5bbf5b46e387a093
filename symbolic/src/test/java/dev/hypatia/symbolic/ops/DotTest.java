package dev.hypatia.symbolic.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DotTest {
  private static final int U = TensorType.UNKNOWN;

  @Test
  void makeNode_infersShapesAndPromotesDtypes() {
    Variable m = T.tensor(DType.INT32, "m", 2, U);
    Variable v = T.tensor(DType.INT8, "v", 3);
    Variable b = T.tensor(DType.BOOL, "b", 3, 4);
    Variable f = T.tensor(DType.FLOAT32, "f");
    assertEquals(TensorType.of(DType.INT32, 2), new Dot().apply(m, v).type());
    assertEquals(TensorType.of(DType.INT8, 4), new Dot().apply(v, b).type());
    assertEquals(TensorType.of(DType.INT8), new Dot().apply(v, v).type());
    assertEquals(TensorType.of(DType.FLOAT32, 3, 4), new Dot().apply(f, b).type());
    assertEquals(TensorType.of(DType.FLOAT64, 2, U), new Dot().apply(m, f).type());
  }

  @Test
  void makeNode_rejectsHighRanks() {
    HypatiaException e =
        assertThrows(
            HypatiaException.class, () -> new Dot().apply(T.dtensor3("a"), T.dmatrix("b")));
    assertTrue(
        e.getMessage()
            .contains(
                "dot takes tensors of rank 0, 1 or 2, got ranks 3 and 2; use matmul or tensordot"
                    + " for higher ranks"));
  }

  @Test
  void makeNode_rejectsMisalignedStaticDims() {
    Variable a = T.tensor(DType.FLOAT64, "a", 2, 3);
    Variable b = T.tensor(DType.FLOAT64, "b", 4);
    HypatiaException e = assertThrows(HypatiaException.class, () -> new Dot().apply(a, b));
    assertTrue(
        e.getMessage()
            .contains(
                "dot: shapes [2,3] and [4] are not aligned: axis 1 of the first (3) differs from"
                    + " axis 0 of the second (4)"));
    assertTrue(e.getMessage().contains("a: float64[2,3]"));
    assertTrue(e.getMessage().contains("b: float64[4]"));
  }

  @Test
  void makeNode_rejectsWrongArity() {
    HypatiaException e =
        assertThrows(HypatiaException.class, () -> new Dot().apply(T.dvector("a")));
    assertTrue(e.getMessage().contains("dot: expects 2 inputs"));
  }

  @Test
  void perform_rejectsMisalignedDimsAtRunTime() {
    Variable a = T.dmatrix("a");
    Variable b = T.dvector("b");
    Variable y = new Dot().apply(a, b);
    HypatiaException e =
        assertThrows(
            HypatiaException.class,
            () -> y.eval(Map.of(a, new double[][] {{1, 2}}, b, new double[] {1, 2, 3})));
    assertTrue(
        e.getMessage()
            .contains(
                "shapes [1,2] and [3] are not aligned: axis 1 of the first (2) differs from axis 0"
                    + " of the second (3)"));
  }

  @Test
  void perform_matrixProductsMatchPlainLoops() {
    SplittableRandom rng = new SplittableRandom(7);
    for (int t = 0; t < 20; t++) {
      int m = rng.nextInt(0, 5);
      int k = rng.nextInt(0, 5);
      int n = rng.nextInt(0, 5);
      NDArray a = randomLongs(rng, m, k);
      NDArray b = randomLongs(rng, k, n);
      Variable va = T.lmatrix("a");
      Variable vb = T.lmatrix("b");
      NDArray got = new Dot().apply(va, vb).eval(Map.of(va, a, vb, b));
      long[] want = new long[m * n];
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          for (int p = 0; p < k; p++) {
            want[i * n + j] += a.getLong(i, p) * b.getLong(p, j);
          }
        }
      }
      assertArrayEquals(new int[] {m, n}, got.shape());
      assertArrayEquals(want, got.toLongArray());
    }
  }

  private static NDArray randomLongs(SplittableRandom rng, int r, int c) {
    NDArray out = NDArray.zeros(DType.INT64, r, c);
    for (int i = 0; i < out.size(); i++) {
      out.setFlatLong(i, rng.nextLong(-100, 100));
    }
    return out;
  }
}
