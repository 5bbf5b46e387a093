package dev.hypatia.symbolic.ops;

import static dev.hypatia.symbolic.ops.ShapeFixtures.assertFails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShapeTest {
  @Test
  void shape_isAnInt64VectorOfTheRank() {
    Variable x = T.tensor(DType.FLOAT32, "x", 2, TensorType.UNKNOWN, 4);
    Variable s = Shapes.shape(x);
    assertEquals(TensorType.of(DType.INT64, 3), s.type());
    assertEquals("shape", s.owner().op().name());
    NDArray v = NDArray.zeros(DType.FLOAT32, 2, 5, 4);
    assertArrayEquals(new long[] {2, 5, 4}, s.eval(Map.of(x, v)).toLongArray());
  }

  @Test
  void shape_ofAScalarIsEmpty() {
    Variable s = Shapes.shape(T.dscalar("x"));
    assertEquals(TensorType.of(DType.INT64, 0), s.type());
    assertEquals(0, s.eval(Map.of(s.owner().input(0), 1.0)).size());
  }

  @Test
  void shape_rejectsWrongInputCount() {
    assertFails(
        () -> new Shape().apply(T.dscalar("a"), T.dscalar("b")), "shape: expects 1 inputs, got 2");
  }
}
