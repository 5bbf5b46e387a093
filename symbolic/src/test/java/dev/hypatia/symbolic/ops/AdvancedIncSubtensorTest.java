package dev.hypatia.symbolic.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AdvancedIncSubtensorTest {
  @Test
  void name_saysSetOrInc() {
    assertEquals("advanced_set_subtensor{axis=0}", new AdvancedIncSubtensor(0, true).name());
    assertEquals("advanced_inc_subtensor{axis=2}", new AdvancedIncSubtensor(2, false).name());
  }

  @Test
  void perform_repeatsAccumulateForIncAndLastWriteWinsForSet() {
    SplittableRandom rng = new SplittableRandom(13);
    for (int t = 0; t < 20; t++) {
      int n = rng.nextInt(1, 5);
      long[] idx = new long[rng.nextInt(0, 8)];
      long[] y = new long[idx.length];
      for (int j = 0; j < idx.length; j++) {
        idx[j] = rng.nextLong(-n, n);
        y[j] = rng.nextLong(-9, 9);
      }
      NDArray x = NDArray.zeros(DType.INT32, n);
      NDArray before = x.copy();
      long[] inc = new long[n];
      long[] set = new long[n];
      for (int j = 0; j < idx.length; j++) {
        int k = (int) (idx[j] < 0 ? idx[j] + n : idx[j]);
        inc[k] += y[j];
        set[k] = y[j];
      }
      for (boolean isSet : new boolean[] {true, false}) {
        Apply node =
            new AdvancedIncSubtensor(0, isSet)
                .makeNode(T.ivector("x"), T.lvector("y"), T.lvector("i"));
        NDArray out = node.op().perform(node, List.of(x, NDArray.of(y), NDArray.of(idx))).get(0);
        assertArrayEquals(isSet ? set : inc, out.toLongArray());
        assertTrue(x.contentEquals(before));
      }
    }
  }

  @Test
  void makeNode_rejectsValueOfHigherKind() {
    HypatiaException e =
        assertThrows(
            HypatiaException.class,
            () ->
                new AdvancedIncSubtensor(0, true)
                    .apply(T.boolvector("x"), T.ivector("y"), T.ivector("i")));
    assertTrue(e.getMessage().contains("cannot write int32 values into a bool tensor"));
  }
}
