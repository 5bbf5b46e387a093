package dev.hypatia.optimize.rules.canonicalize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.Broadcast;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.TensorType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FillTest {
  private static final int Q = TensorType.UNKNOWN;
  private static final int[] DIMS = {Q, 0, 1, 2, 3};

  private static TensorType t(int... shape) {
    return TensorType.of(DType.FLOAT64, shape);
  }

  /** Every static shape of rank 0 to 2 over {@link #DIMS}. */
  private static List<int[]> staticShapes() {
    List<int[]> out = new ArrayList<>();
    out.add(new int[0]);
    for (int a : DIMS) {
      out.add(new int[] {a});
      for (int b : DIMS) {
        out.add(new int[] {a, b});
      }
    }
    return out;
  }

  /** Every concrete shape a static shape admits, unknown dimensions in 0..3. */
  private static List<int[]> concrete(int[] s) {
    List<int[]> out = new ArrayList<>();
    out.add(new int[s.length]);
    for (int i = 0; i < s.length; i++) {
      List<int[]> next = new ArrayList<>();
      for (int[] c : out) {
        for (int d = 0; d <= 3; d++) {
          if (s[i] == Q || s[i] == d) {
            int[] e = c.clone();
            e[i] = d;
            next.add(e);
          }
        }
      }
      out = next;
    }
    return out;
  }

  @Test
  void covers_isSound_everyValidBroadcastKeepsKeepsShape() {
    for (int[] keep : staticShapes()) {
      for (int[] drop : staticShapes()) {
        if (!Fill.covers(t(keep), t(drop))) {
          continue;
        }
        for (int[] k : concrete(keep)) {
          for (int[] d : concrete(drop)) {
            int[] b;
            try {
              b = Broadcast.shape(k, d);
            } catch (RuntimeException e) {
              continue; // the original fails there; nothing to keep
            }
            String what = Arrays.toString(keep) + " covers " + Arrays.toString(drop);
            assertArrayEquals(k, b, what + " at " + Arrays.toString(k) + ", " + Arrays.toString(d));
          }
        }
      }
    }
  }

  @Test
  void covers_acceptsTheUsualCases() {
    assertTrue(Fill.covers(t(4), t(Q)));
    assertTrue(Fill.covers(t(2, 3), t(3)));
    assertTrue(Fill.covers(t(Q, Q), t()));
    assertTrue(Fill.covers(t(Q), t(1)));
    assertTrue(Fill.covers(t(0), t(Q)));
  }

  @Test
  void covers_rejectsWhatMayBroadcastFurther() {
    assertFalse(Fill.covers(t(Q), t(Q))); // 1 against 4
    assertFalse(Fill.covers(t(Q), t(4)));
    assertFalse(Fill.covers(t(1), t(Q)));
    assertFalse(Fill.covers(t(3), t(2, 3)));
  }
}
