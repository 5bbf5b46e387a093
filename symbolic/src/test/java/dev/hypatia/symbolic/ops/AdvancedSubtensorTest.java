package dev.hypatia.symbolic.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

class AdvancedSubtensorTest {
  @Test
  void name_andEquality() {
    assertEquals("advanced_subtensor{axis=1}", new AdvancedSubtensor(1).name());
    assertEquals(new AdvancedSubtensor(1), new AdvancedSubtensor(1));
  }

  @Test
  void makeNode_rejectsNegativeAxis() {
    HypatiaException e =
        assertThrows(
            HypatiaException.class,
            () -> new AdvancedSubtensor(-1).apply(T.dvector("x"), T.ivector("i")));
    assertTrue(
        e.getMessage().contains("1 index arrays from axis -1 do not fit a tensor of rank 1"));
  }

  @Test
  void perform_emptyIndexGivesEmptyAxis() {
    Variable x = T.dmatrix("x");
    Variable y = Indexing.take(x, new int[0], 1);
    NDArray got = y.eval(Map.of(x, NDArray.zeros(DType.FLOAT64, 3, 4)));
    assertArrayEquals(new int[] {3, 0}, got.shape());
  }

  @Test
  void perform_takeMatchesPlainLoopsOnRandomIndices() {
    SplittableRandom rng = new SplittableRandom(9);
    NDArray x = NDArray.zeros(DType.FLOAT32, 3, 4, 5);
    for (int i = 0; i < x.size(); i++) {
      x.setFlat(i, rng.nextDouble());
    }
    for (int t = 0; t < 20; t++) {
      int axis = rng.nextInt(3);
      int n = x.shape(axis);
      long[] idx = new long[rng.nextInt(0, 6)];
      for (int j = 0; j < idx.length; j++) {
        idx[j] = rng.nextLong(-n, n);
      }
      Variable vx = T.ftensor3("x");
      Variable vi = T.lvector("i");
      NDArray got = Indexing.take(vx, vi, axis).eval(Map.of(vx, x, vi, idx));
      for (int j = 0; j < idx.length; j++) {
        int k = (int) (idx[j] < 0 ? idx[j] + n : idx[j]);
        NDArray want = x.index(axis, k);
        assertTrue(got.index(axis, j).contentEquals(want.copy()));
      }
    }
  }
}
