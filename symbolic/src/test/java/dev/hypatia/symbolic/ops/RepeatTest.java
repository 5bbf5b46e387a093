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

class RepeatTest {
  private static final int U = TensorType.UNKNOWN;

  @Test
  void repeat_matchesNumpyFixtures() {
    for (ShapeFixtures.Case c : ShapeFixtures.cases("repeat")) {
      int[] shape = c.ints(0);
      int[] reps = c.ints(1);
      String axisField = c.params().get(2);
      Integer axis = axisField.equals("None") ? null : Integer.valueOf(axisField);
      NDArray v = NDArray.zeros(DType.INT32, shape);
      for (int i = 0; i < v.size(); i++) {
        v.setFlatLong(i, i);
      }
      Variable x = T.tensor(TensorType.ofRank(DType.INT32, shape.length), "x");
      boolean scalar = reps.length == 1 && (axis == null || axis != 1);
      Variable r = scalar ? T.constant((long) reps[0]) : T.constant(toLongs(reps));
      assertArrayEquals(c.expected(), Shapes.repeat(x, r, axis).eval(Map.of(x, v)));
      Variable known = Shapes.repeat(T.tensor(DType.INT32, "k", shape), r, axis);
      assertEquals(TensorType.of(c.expected()), known.type(), () -> "case " + c.params());
    }
  }

  private static long[] toLongs(int[] a) {
    long[] out = new long[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i];
    }
    return out;
  }

  @Test
  void repeat_javaOverloadsMatchAJavaLoop() {
    Variable x = T.dmatrix("x");
    NDArray v = NDArray.of(new double[][] {{1, 2}, {3, 4}});
    NDArray flat = Shapes.repeat(x, 2).eval(Map.of(x, v));
    double[] expected = new double[8];
    for (int i = 0; i < 8; i++) {
      expected[i] = v.flatDouble(i / 2);
    }
    assertArrayEquals(NDArray.of(expected), flat);
    NDArray rows = Shapes.repeat(x, new int[] {0, 3}, 0).eval(Map.of(x, v));
    assertEquals("[3,2]", rows.shapeString());
    assertEquals(3.0, rows.getDouble(2, 0));
    NDArray cols = Shapes.repeat(x, 2, -1).eval(Map.of(x, v));
    assertEquals(2.0, cols.getDouble(0, 3));
    assertEquals(8, Shapes.repeat(x, T.constant(2L)).eval(Map.of(x, v)).size());
    assertEquals("repeat{axis=None}", Shapes.repeat(x, 2).owner().op().name());
    assertEquals("repeat{axis=1}", Shapes.repeat(x, 2, -1).owner().op().name());
  }

  @Test
  void repeat_infersStaticShapes() {
    Variable x = T.tensor(DType.FLOAT64, "x", U, 3);
    assertEquals(TensorType.of(DType.FLOAT64, U, 6), Shapes.repeat(x, 2, 1).type());
    assertEquals(TensorType.of(DType.FLOAT64, 5, 3), Shapes.repeat(x, new int[] {2, 3}, 0).type());
    assertEquals(TensorType.of(DType.FLOAT64, U, 3), Shapes.repeat(x, new int[] {5}, 0).type());
    assertEquals(TensorType.of(DType.FLOAT64, U), Shapes.repeat(x, 2).type());
    assertEquals(TensorType.of(DType.FLOAT64, U, 3), Shapes.repeat(x, T.lscalar("r"), 0).type());
  }

  @Test
  void repeat_rejectsACountVectorOfTheWrongLength() {
    Variable k = T.tensor(DType.FLOAT64, "k", 2, 3);
    assertFails(
        () -> Shapes.repeat(k, new int[] {1, 2}, 1),
        "repeat{axis=1}: 2 repeats for an axis of length 3 (need 3 or 1)");
    Variable x = T.dmatrix("x");
    Variable y = Shapes.repeat(x, new int[] {1, 2}, 1);
    assertFails(
        () -> y.eval(Map.of(x, new double[2][3])),
        "repeat{axis=1}: 2 repeats for an axis of length 3 (need 3 or 1)");
  }

  @Test
  void repeat_rejectsNegativeCounts() {
    assertFails(() -> Shapes.repeat(T.dvector("x"), -1), "negative repeats in [-1]");
    Variable x = T.dvector("x");
    Variable r = T.lscalar("r");
    Variable y = Shapes.repeat(x, r, 0);
    assertFails(() -> y.eval(Map.of(x, new double[2], r, -2L)), "negative repeats in [-2]");
  }

  @Test
  void repeat_rejectsBadCountsAndAxes() {
    assertFails(
        () -> Shapes.repeat(T.dvector("x"), T.dscalar("r"), 0),
        "repeats must be an integer scalar or vector, got float64[]");
    assertFails(
        () -> new Repeat(1).apply(T.dvector("x"), T.constant(1L)),
        "axis 1 is out of bounds for a tensor of rank 1");
    assertFails(
        IllegalArgumentException.class,
        () -> new Repeat(-1),
        "repeat: axis must be normalized (>= 0), got -1");
  }
}
