package dev.hypatia.symbolic.ops;

import static dev.hypatia.symbolic.ops.ShapeFixtures.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AllocTest {
  private static final int U = TensorType.UNKNOWN;

  @Test
  void broadcastTo_matchesAJavaLoopIntoNewMemory() {
    Variable x = T.tensor(DType.INT32, "x", 3, 1);
    Variable y = Shapes.broadcastTo(x, 2, 3, 4);
    assertEquals(TensorType.of(DType.INT32, 2, 3, 4), y.type());
    assertEquals("alloc", y.owner().op().name());
    NDArray v = NDArray.of(new int[][] {{5}, {-2}, {9}});
    NDArray out = y.eval(Map.of(x, v));
    assertEquals(true, out.isContiguous());
    for (int k = 0; k < out.size(); k++) {
      int[] idx = ShapeFixtures.unravel(k, out.shape());
      assertEquals(v.getLong(idx[1], 0), out.flatLong(k));
    }
  }

  @Test
  void alloc_takesUnknownTargetDimsFromTheValue() {
    Variable shape = T.tensor(DType.INT64, "shape", 3);
    Variable x = T.tensor(DType.FLOAT32, "x", 1, 4);
    Variable y = Shapes.alloc(x, shape);
    assertEquals(TensorType.of(DType.FLOAT32, U, U, 4), y.type());
    NDArray v = ShapeFixtures.randomArray(new SplittableRandom(4), 1, 4).astype(DType.FLOAT32);
    NDArray out = y.eval(Map.of(x, v, shape, new long[] {2, 3, 4}));
    assertEquals("[2,3,4]", out.shapeString());
    for (int k = 0; k < out.size(); k++) {
      assertEquals(v.getDouble(0, k % 4), out.flatDouble(k));
    }
  }

  @Test
  void alloc_givesAJavaIntTheInt64DtypeOfNumpy() {
    Variable y = Shapes.alloc(3, Shapes.shape(T.tensor(DType.FLOAT32, "x", 2)));
    assertEquals(TensorType.of(DType.INT64, 2), y.type());
  }

  @Test
  void alloc_rejectsAValueOfHigherRank() {
    assertFails(
        () -> Shapes.broadcastTo(T.dmatrix("x"), 3),
        "alloc: the value has rank 2 but the target shape has length 1");
  }

  @Test
  void alloc_rejectsStaticallyIncompatibleShapes() {
    assertFails(
        () -> Shapes.broadcastTo(T.tensor(DType.FLOAT64, "x", 3), 2, 4),
        "alloc: cannot broadcast a value of shape [3] to shape [2,4]");
    Variable shape = Shapes.shapeVector(java.util.List.of(T.lscalar("n"), 4));
    assertFails(
        () -> Shapes.alloc(T.tensor(DType.FLOAT64, "x", 3), shape),
        "cannot broadcast a value of shape [3] to shape [?,4]");
  }

  @Test
  void alloc_rejectsIncompatibleShapesAtRunTime() {
    Variable x = T.dvector("x");
    Variable y = Shapes.broadcastTo(x, 2, 4);
    assertFails(
        () -> y.eval(Map.of(x, new double[3])),
        "alloc: cannot broadcast an array of shape [3] to shape [2,4]");
  }

  @Test
  void alloc_rejectsNegativeDimensions() {
    assertFails(
        () -> Shapes.broadcastTo(T.dscalar("x"), 2, -1),
        "alloc: invalid dimension -1 in the target shape");
    Variable shape = T.tensor(DType.INT64, "shape", 2);
    Variable y = Shapes.alloc(0.0, shape);
    assertFails(
        () -> y.eval(Map.of(shape, new long[] {2, -3})), "negative dimension in shape [2, -3]");
  }
}
