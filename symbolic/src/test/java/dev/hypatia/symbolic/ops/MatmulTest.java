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

class MatmulTest {
  private static final int U = TensorType.UNKNOWN;

  @Test
  void makeNode_infersBatchShapesAndDtypes() {
    Variable a = T.tensor(DType.INT32, "a", U, 1, 3, 4);
    Variable b = T.tensor(DType.INT64, "b", 5, 4, 2);
    Variable v = T.tensor(DType.FLOAT32, "v", 4);
    Variable w = T.tensor(DType.FLOAT32, "w", 2);
    assertEquals(TensorType.of(DType.INT64, U, 5, 3, 2), new Matmul().apply(a, b).type());
    assertEquals(TensorType.of(DType.FLOAT64, U, 1, 3), new Matmul().apply(a, v).type());
    assertEquals(TensorType.of(DType.FLOAT64, 5, 2), new Matmul().apply(v, b).type());
    assertEquals(TensorType.of(DType.FLOAT32), new Matmul().apply(v, v).type());
    assertThrows(HypatiaException.class, () -> new Matmul().apply(v, w));
  }

  @Test
  void makeNode_rejectsScalars() {
    HypatiaException e =
        assertThrows(
            HypatiaException.class, () -> new Matmul().apply(T.dscalar("s"), T.dvector("v")));
    assertTrue(e.getMessage().contains("matmul does not accept scalars (rank 0); use dot or mul"));
  }

  @Test
  void makeNode_rejectsMisalignedAndUnbroadcastableStaticDims() {
    Variable a = T.tensor(DType.FLOAT64, "a", 2, 3, 4);
    Variable b = T.tensor(DType.FLOAT64, "b", 3, 4, 5);
    HypatiaException e = assertThrows(HypatiaException.class, () -> new Matmul().apply(a, b));
    assertTrue(e.getMessage().contains("batch axes cannot be broadcast together: [2] and [3]"));
    Variable c = T.tensor(DType.FLOAT64, "c", 5, 2);
    HypatiaException m = assertThrows(HypatiaException.class, () -> new Matmul().apply(a, c));
    assertTrue(
        m.getMessage()
            .contains(
                "matmul: shapes [2,3,4] and [5,2] are not aligned: axis 2 of the first (4)"
                    + " differs from axis 0 of the second (5)"));
    assertTrue(m.getMessage().contains("a: float64[2,3,4]") && m.getMessage().contains("c: "));
    HypatiaException n =
        assertThrows(HypatiaException.class, () -> new Matmul().apply(T.dvector("v")));
    assertTrue(n.getMessage().contains("matmul: expects 2 inputs"));
  }

  @Test
  void perform_rejectsBadShapesAtRunTime() {
    Variable a = T.dtensor3("a");
    Variable b = T.dtensor3("b");
    Variable y = new Matmul().apply(a, b);
    HypatiaException e =
        assertThrows(
            HypatiaException.class,
            () ->
                y.eval(
                    Map.of(
                        a,
                        NDArray.zeros(DType.FLOAT64, 2, 3, 4),
                        b,
                        NDArray.zeros(DType.FLOAT64, 3, 4, 5))));
    assertTrue(e.getMessage().contains("shapes cannot be broadcast together: [2] [3]"));
    HypatiaException m =
        assertThrows(
            HypatiaException.class,
            () ->
                y.eval(
                    Map.of(
                        a,
                        NDArray.zeros(DType.FLOAT64, 1, 3, 4),
                        b,
                        NDArray.zeros(DType.FLOAT64, 1, 3, 4))));
    assertTrue(
        m.getMessage()
            .contains(
                "shapes [1,3,4] and [1,3,4] are not aligned: axis 2 of the first (4) differs from"
                    + " axis 1 of the second (3)"));
  }

  @Test
  void perform_batchedProductsMatchPlainLoops() {
    SplittableRandom rng = new SplittableRandom(11);
    for (int t = 0; t < 15; t++) {
      int batch = rng.nextInt(1, 4);
      int m = rng.nextInt(1, 4);
      int k = rng.nextInt(0, 4);
      int n = rng.nextInt(1, 4);
      boolean broadcastA = rng.nextBoolean();
      NDArray a = random(rng, broadcastA ? 1 : batch, m, k);
      NDArray b = random(rng, batch, k, n);
      Variable va = T.dtensor3("a");
      Variable vb = T.dtensor3("b");
      NDArray got = new Matmul().apply(va, vb).eval(Map.of(va, a, vb, b));
      assertArrayEquals(new int[] {batch, m, n}, got.shape());
      for (int s = 0; s < batch; s++) {
        for (int i = 0; i < m; i++) {
          for (int j = 0; j < n; j++) {
            double want = 0;
            for (int p = 0; p < k; p++) {
              want += a.getDouble(broadcastA ? 0 : s, i, p) * b.getDouble(s, p, j);
            }
            assertEquals(want, got.getDouble(s, i, j), 1e-12);
          }
        }
      }
    }
  }

  private static NDArray random(SplittableRandom rng, int... shape) {
    NDArray a = NDArray.zeros(DType.FLOAT64, shape);
    for (int i = 0; i < a.size(); i++) {
      a.setFlat(i, rng.nextDouble(-1, 1));
    }
    return a;
  }
}
