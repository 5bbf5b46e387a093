package dev.hypatia.jvm.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.AdvancedIncSubtensor;
import dev.hypatia.symbolic.ops.AdvancedSubtensor;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fancy-indexing fast paths are bit-identical to the ops' reference, or step aside. */
class IndexKernelsTest {
  private static final SplittableRandom R = new SplittableRandom(3);

  private static NDArray matrix(int r, int c, boolean transposed) {
    NDArray x = NDArray.zeros(DType.FLOAT64, transposed ? c : r, transposed ? r : c);
    for (int i = 0; i < x.size(); i++) {
      x.setFlat(i, R.nextDouble(-5, 5));
    }
    return transposed ? x.transpose() : x;
  }

  private static NDArray indices(int n, int bound, DType dtype) {
    NDArray a = NDArray.zeros(dtype, n);
    for (int i = 0; i < n; i++) {
      a.setFlatLong(i, R.nextInt(-bound, bound)); // negatives count from the end; repeats
    }
    return a;
  }

  @Test
  void takeAndUpdate_matchTheReference_onViewsNegativeAndRepeatedIndices() {
    for (int t = 0; t < 40; t++) {
      int r = 1 + R.nextInt(6);
      int c = 1 + R.nextInt(6);
      int n = R.nextInt(12);
      NDArray x = matrix(r, c, t % 2 == 1);
      NDArray i0 = indices(n, r, DType.INT64);
      NDArray i1 = indices(n, c, DType.INT32);
      Variable vx = T.dmatrix("x");
      Variable v0 = T.lvector("i0");
      Variable v1 = T.ivector("i1");
      AdvancedSubtensor take = new AdvancedSubtensor(0);
      NDArray want = take.perform(take.makeNode(vx, v0, v1), List.of(x, i0, i1)).get(0);
      assertArrayEquals(want.toDoubleArray(), IndexKernels.take(x, i0, i1).toDoubleArray(), 0.0);
      NDArray y = t % 3 == 0 ? NDArray.scalar(1.5) : matrix(1, n, false).reshape(n);
      Variable vy = y.ndim() == 0 ? T.dscalar("y") : T.dvector("y");
      for (boolean set : new boolean[] {false, true}) {
        AdvancedIncSubtensor inc = new AdvancedIncSubtensor(0, set);
        NDArray w = inc.perform(inc.makeNode(vx, vy, v0, v1), List.of(x, y, i0, i1)).get(0);
        NDArray got = IndexKernels.update(x, y, i0, i1, set);
        assertArrayEquals(w.toDoubleArray(), got.toDoubleArray(), 0.0, "set " + set);
        assertArrayEquals(w.shape(), got.shape());
      }
    }
  }

  @Test
  void outOfRangeOrOtherCases_stepAside() {
    NDArray x = matrix(3, 4, false);
    assertNull(IndexKernels.take(x, NDArray.of(0L, 3L), NDArray.of(0L, 0L)));
    assertNull(IndexKernels.take(x, NDArray.of(0L, 1L), NDArray.of(0L)));
    assertNull(IndexKernels.take(x.astype(DType.FLOAT32), NDArray.of(0L), NDArray.of(0L)));
    assertNull(
        IndexKernels.update(x, NDArray.of(1.0, 2.0, 3.0), NDArray.of(0L), NDArray.of(1L), false));
  }
}
