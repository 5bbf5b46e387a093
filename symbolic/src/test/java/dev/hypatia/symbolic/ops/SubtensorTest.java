package dev.hypatia.symbolic.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.TensorType;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubtensorTest {
  private static final IndexSpec SYMBOLIC_POINT =
      new IndexSpec(List.of(new IndexSpec.Point(new IndexSpec.Symbolic(0))));

  @Test
  void equalSpecsMakeEqualOps() {
    assertEquals(
        new Subtensor(SYMBOLIC_POINT),
        new Subtensor(new IndexSpec(List.of(new IndexSpec.Point(new IndexSpec.Symbolic(0))))));
    assertEquals("subtensor{$0}", new Subtensor(SYMBOLIC_POINT).name());
  }

  @Test
  void makeNode_rejectsMissingIndexInputs() {
    HypatiaException e =
        assertThrows(
            HypatiaException.class, () -> new Subtensor(SYMBOLIC_POINT).apply(T.dvector("x")));
    assertTrue(e.getMessage().contains("expects 2 inputs (1 data, 1 index scalars), got 1"));
  }

  @Test
  void perform_scalarResultIsAViewOfTheElement() {
    NDArray x = NDArray.of(1.0, 2.0, 3.0);
    Apply node = new Subtensor(SYMBOLIC_POINT).makeNode(T.dvector("x"), T.lscalar("i"));
    NDArray out = node.op().perform(node, List.of(x, NDArray.scalarLong(DType.INT64, -1))).get(0);
    assertEquals(TensorType.of(DType.FLOAT64), node.output(0).type());
    assertEquals(x.getDouble(2), out.item());
    assertSame(x.data(), out.data());
  }
}
