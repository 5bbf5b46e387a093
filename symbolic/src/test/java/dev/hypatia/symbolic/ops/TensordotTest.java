package dev.hypatia.symbolic.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TensordotTest {
  private static final int U = TensorType.UNKNOWN;

  @Test
  void makeNode_keepsFreeAxesInOrder() {
    Variable a = T.tensor(DType.INT8, "a", 2, U, 4);
    Variable b = T.tensor(DType.BOOL, "b", 4, 5, 3);
    Variable y = new Tensordot(List.of(2, 1), List.of(0, 2)).apply(a, b);
    assertEquals(TensorType.of(DType.INT8, 2, 5), y.type());
    assertEquals("tensordot{axes=([2, 1], [0, 2])}", y.owner().op().name());
  }

  @Test
  void makeNode_rejectsBadAxes() {
    Variable a = T.tensor(DType.FLOAT64, "a", 2, 3);
    Variable b = T.tensor(DType.FLOAT64, "b", 3, 2);
    HypatiaException len =
        assertThrows(
            HypatiaException.class, () -> new Tensordot(List.of(0), List.of()).apply(a, b));
    assertTrue(len.getMessage().contains("the axis lists have different lengths (1 and 0)"));
    HypatiaException rep =
        assertThrows(
            HypatiaException.class, () -> new Tensordot(List.of(0, 0), List.of(0, 1)).apply(a, b));
    assertTrue(
        rep.getMessage()
            .contains(
                "axes [0, 0] of input 0 are out of range or repeated for a tensor of rank 2"));
    HypatiaException mis =
        assertThrows(
            HypatiaException.class, () -> new Tensordot(List.of(0), List.of(0)).apply(a, b));
    assertTrue(
        mis.getMessage()
            .contains(
                "shapes [2,3] and [3,2] are not aligned: axis 0 of the first (2) differs from axis"
                    + " 0 of the second (3)"));
    HypatiaException ar =
        assertThrows(HypatiaException.class, () -> new Tensordot(List.of(), List.of()).apply(a));
    assertTrue(ar.getMessage().contains("expects 2 inputs"));
  }

  @Test
  void perform_rejectsMisalignedDimsAtRunTime() {
    Variable a = T.dmatrix("a");
    Variable b = T.dmatrix("b");
    Variable y = new Tensordot(List.of(1), List.of(1)).apply(a, b);
    HypatiaException e =
        assertThrows(
            HypatiaException.class,
            () -> y.eval(Map.of(a, new double[][] {{1, 2}}, b, new double[][] {{1, 2, 3}})));
    assertTrue(e.getMessage().contains("axis 1 of the first (2) differs from axis 1"));
  }

  @Test
  void perform_matchesPlainLoops() {
    SplittableRandom rng = new SplittableRandom(3);
    for (int t = 0; t < 10; t++) {
      int p = rng.nextInt(1, 4);
      int q = rng.nextInt(1, 4);
      int r = rng.nextInt(1, 4);
      int s = rng.nextInt(1, 4);
      NDArray a = NDArray.zeros(DType.FLOAT64, p, q, r);
      NDArray b = NDArray.zeros(DType.FLOAT64, r, s, q);
      for (NDArray x : List.of(a, b)) {
        for (int i = 0; i < x.size(); i++) {
          x.setFlat(i, rng.nextDouble(-1, 1));
        }
      }
      Variable va = T.dtensor3("a");
      Variable vb = T.dtensor3("b");
      Variable y = new Tensordot(List.of(1, 2), List.of(2, 0)).apply(va, vb);
      NDArray got = y.eval(Map.of(va, a, vb, b));
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < s; j++) {
          double want = 0;
          for (int u = 0; u < q; u++) {
            for (int v = 0; v < r; v++) {
              want += a.getDouble(i, u, v) * b.getDouble(v, j, u);
            }
          }
          assertEquals(want, got.getDouble(i, j), 1e-12);
        }
      }
    }
  }
}
