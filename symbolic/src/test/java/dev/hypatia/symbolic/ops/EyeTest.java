package dev.hypatia.symbolic.ops;

import static dev.hypatia.symbolic.ops.ShapeFixtures.assertArrayEquals;
import static dev.hypatia.symbolic.ops.ShapeFixtures.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EyeTest {
  @Test
  void eye_matchesNumpyFixtures() {
    for (ShapeFixtures.Case c : ShapeFixtures.cases("eye")) {
      int[] nmk = {c.ints(0)[0], c.ints(1)[0], c.ints(2)[0]};
      Variable y = Shapes.eye(nmk[0], nmk[1], nmk[2], c.expected().dtype());
      assertEquals(TensorType.of(c.expected()), y.type());
      assertArrayEquals(c.expected(), y.eval());
    }
  }

  @Test
  void eye_ofNIsTheFloat64Identity() {
    Variable y = Shapes.eye(3);
    assertEquals(TensorType.of(DType.FLOAT64, 3, 3), y.type());
    assertEquals("eye{float64}", y.owner().op().name());
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        assertEquals(i == j ? 1.0 : 0.0, y.eval().getDouble(i, j));
      }
    }
  }

  @Test
  void eye_overSymbolicSizesHasUnknownDims() {
    Variable n = T.iscalar("n");
    Variable y = Shapes.eye(n, T.constant(2L), T.constant(0L), DType.INT8);
    assertEquals(TensorType.of(DType.INT8, TensorType.UNKNOWN, 2), y.type());
    assertEquals("[4,2]", y.eval(Map.of(n, 4)).shapeString());
  }

  @Test
  void eye_rejectsNegativeSizes() {
    assertFails(() -> Shapes.eye(-1, 2, 0, DType.FLOAT64), "eye{float64}: invalid dimension -1");
    Variable n = T.iscalar("n");
    Variable y = Shapes.eye(n, n, T.constant(0L), DType.FLOAT64);
    assertFails(() -> y.eval(Map.of(n, -2)), "negative dimensions n=-2, m=-2");
  }

  @Test
  void eye_rejectsNonIntegerInputs() {
    assertFails(
        () -> Shapes.eye(T.dscalar("n"), T.constant(2L), T.constant(0L), DType.FLOAT64),
        "n must be an integer scalar, got float64[]");
  }
}
