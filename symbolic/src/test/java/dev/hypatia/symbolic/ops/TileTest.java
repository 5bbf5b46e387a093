package dev.hypatia.symbolic.ops;

import static dev.hypatia.symbolic.ops.ShapeFixtures.assertArrayEquals;
import static dev.hypatia.symbolic.ops.ShapeFixtures.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TileTest {
  private static final int U = TensorType.UNKNOWN;

  @Test
  void tile_matchesNumpyFixtures() {
    for (ShapeFixtures.Case c : ShapeFixtures.cases("tile")) {
      int[] shape = c.ints(0);
      NDArray v = NDArray.zeros(DType.FLOAT64, shape);
      for (int i = 0; i < v.size(); i++) {
        v.setFlat(i, i);
      }
      Variable x = T.tensor(TensorType.ofRank(DType.FLOAT64, shape.length), "x");
      Variable y = Shapes.tile(x, c.ints(1));
      assertEquals(c.expected().ndim(), y.ndim());
      assertArrayEquals(c.expected(), y.eval(Map.of(x, v)));
      Variable known = Shapes.tile(T.tensor(DType.FLOAT64, "k", shape), c.ints(1));
      assertEquals(TensorType.of(c.expected()), known.type());
    }
  }

  @Test
  void tile_infersStaticShapeWithUnknownDims() {
    Variable x = T.tensor(DType.INT8, "x", U, 3);
    assertEquals(TensorType.of(DType.INT8, 2, U, 6), Shapes.tile(x, 2, 1, 2).type());
    assertEquals(TensorType.of(DType.INT8, 0, 3), Shapes.tile(x, 0, 1).type());
    assertEquals("tile{reps=(2,1,2)}", Shapes.tile(x, 2, 1, 2).owner().op().name());
  }

  @Test
  void tile_keepsIntegerValuesExactly() {
    Variable x = T.lvector("x");
    NDArray out = Shapes.tile(x, 2).eval(Map.of(x, NDArray.of(Long.MAX_VALUE, -1L)));
    assertArrayEquals(NDArray.of(Long.MAX_VALUE, -1L, Long.MAX_VALUE, -1L), out);
  }

  @Test
  void tile_rejectsNegativeRepetitions() {
    assertFails(
        IllegalArgumentException.class,
        () -> Shapes.tile(T.dvector("x"), 2, -1),
        "tile: repetitions must be >= 0, got [2, -1]");
  }
}
