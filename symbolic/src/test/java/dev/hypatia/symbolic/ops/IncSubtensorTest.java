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
import org.junit.jupiter.api.Test;

class IncSubtensorTest {
  private static final IndexSpec EVERY_OTHER =
      new IndexSpec(List.of(new IndexSpec.Range(null, null, new IndexSpec.Fixed(2))));

  @Test
  void name_saysSetOrInc() {
    assertEquals("set_subtensor{::2}", new IncSubtensor(EVERY_OTHER, true).name());
    assertEquals("inc_subtensor{::2}", new IncSubtensor(EVERY_OTHER, false).name());
  }

  @Test
  void perform_neverModifiesTheInput() {
    NDArray x = NDArray.of(1L, 2L, 3L, 4L, 5L);
    NDArray before = x.copy();
    Apply node = new IncSubtensor(EVERY_OTHER, false).makeNode(T.lvector("x"), T.lscalar("y"));
    NDArray out = node.op().perform(node, List.of(x, NDArray.scalarLong(DType.INT64, 10))).get(0);
    assertTrue(x.contentEquals(before));
    long[] want = before.toLongArray();
    for (int i = 0; i < want.length; i += 2) {
      want[i] += 10;
    }
    assertArrayEquals(want, out.toLongArray());
  }

  @Test
  void perform_incOnBoolIsLogicalOr() {
    NDArray x = NDArray.of(true, false, false);
    Apply node =
        new IncSubtensor(EVERY_OTHER, false).makeNode(T.boolvector("x"), T.boolvector("y"));
    NDArray y = NDArray.of(false, true);
    NDArray out = node.op().perform(node, List.of(x, y)).get(0);
    boolean[] want = {true, false, false};
    for (int i = 0; i < 2; i++) {
      want[2 * i] |= y.getBoolean(i);
    }
    assertArrayEquals(
        new long[] {want[0] ? 1 : 0, want[1] ? 1 : 0, want[2] ? 1 : 0}, out.toLongArray());
  }

  @Test
  void makeNode_rejectsWrongArity() {
    HypatiaException e =
        assertThrows(
            HypatiaException.class,
            () -> new IncSubtensor(EVERY_OTHER, true).apply(T.dvector("x")));
    assertTrue(e.getMessage().contains("expects 2 inputs (2 data, 0 index scalars), got 1"));
  }
}
