package dev.hypatia.symbolic.ops;

import static dev.hypatia.symbolic.ops.ShapeFixtures.assertArrayEquals;
import static dev.hypatia.symbolic.ops.ShapeFixtures.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JoinTest {
  private static final int U = TensorType.UNKNOWN;

  @Test
  void concatenate_matchesAJavaLoopAlongANegativeAxis() {
    SplittableRandom rng = new SplittableRandom(1);
    NDArray a = ShapeFixtures.randomArray(rng, 2, 3);
    NDArray b = ShapeFixtures.randomArray(rng, 2, 1);
    Variable x = T.dmatrix("x");
    Variable y = T.dmatrix("y");
    NDArray out = Shapes.concatenate(List.of(x, y), -1).eval(Map.of(x, a, y, b));
    assertEquals("[2,4]", out.shapeString());
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 4; j++) {
        double expected = j < 3 ? a.getDouble(i, j) : b.getDouble(i, j - 3);
        assertEquals(expected, out.getDouble(i, j));
      }
    }
  }

  @Test
  void concatenate_infersStaticShape() {
    Variable x = T.tensor(DType.FLOAT64, "x", 2, U);
    Variable y = T.tensor(DType.FLOAT64, "y", 3, 4);
    assertEquals(TensorType.of(DType.FLOAT64, 5, 4), Shapes.concatenate(List.of(x, y)).type());
    assertEquals(
        TensorType.of(DType.FLOAT64, U, 4),
        Shapes.concatenate(List.of(x, y, T.dmatrix("z"))).type());
    assertEquals("join{axis=0}", Shapes.concatenate(List.of(x, y)).owner().op().name());
  }

  @Test
  void concatenate_promotesDtypes() {
    Variable i = T.tensor(DType.INT32, "i", 2);
    Variable f = T.tensor(DType.FLOAT32, "f", 1);
    Variable b = T.tensor(DType.BOOL, "b", 1);
    Variable y = Shapes.concatenate(List.of(i, f, b));
    assertEquals(TensorType.of(DType.FLOAT64, 4), y.type());
    NDArray out =
        y.eval(
            Map.of(i, NDArray.of(7, -3), f, NDArray.of(2.5f), b, NDArray.of(new boolean[] {true})));
    assertArrayEquals(NDArray.of(7.0, -3.0, 2.5, 1.0), out);
  }

  @Test
  void concatenate_roundTripsWithSplitOnRandomShapes() {
    SplittableRandom rng = new SplittableRandom(21);
    for (int trial = 0; trial < 30; trial++) {
      int rank = rng.nextInt(1, 4);
      int[] shape = ShapeFixtures.randomShape(rng, rank, 5);
      int axis = rng.nextInt(-rank, rank);
      int len = shape[axis < 0 ? axis + rank : axis];
      List<Integer> sizes = new ArrayList<>();
      for (int rest = len; rest > 0; ) {
        int s = rng.nextInt(0, rest + 1);
        sizes.add(s);
        rest -= s;
      }
      NDArray v = ShapeFixtures.randomArray(rng, shape);
      Variable x = T.tensor(TensorType.ofRank(DType.FLOAT64, rank), "x");
      int[] sz = sizes.stream().mapToInt(Integer::intValue).toArray();
      List<Variable> pieces = Shapes.split(x, sz, axis);
      Variable joined = Shapes.concatenate(pieces, axis);
      assertArrayEquals(v, joined.eval(Map.of(x, v)));
    }
  }

  @Test
  void concatenate_rejectsInputsOfDifferentRanks() {
    assertFails(
        () -> Shapes.concatenate(List.of(T.dmatrix("x"), T.dvector("y"))),
        "join{axis=0}: all inputs must have the same rank, but input 0 has rank 2 and input 1 has"
            + " rank 1",
        "input 1: y: float64[?]");
  }

  @Test
  void concatenate_rejectsStaticLengthMismatchNamingInputs() {
    Variable x = T.tensor(DType.FLOAT64, "x", 2, 3);
    Variable y = T.tensor(DType.FLOAT64, "y", 2, 4);
    assertFails(
        () -> Shapes.concatenate(List.of(x, y)),
        "input 1 (y) has length 4 on axis 1 but input 0 (x) has length 3; all axes but 0 must"
            + " match");
  }

  @Test
  void concatenate_rejectsRunTimeShapeMismatchNamingInputs() {
    Variable x = T.dmatrix("x");
    Variable y = T.dmatrix("y");
    Variable z = Shapes.concatenate(List.of(x, y));
    Map<Variable, Object> in = new HashMap<>();
    in.put(x, new double[2][3]);
    in.put(y, new double[2][4]);
    assertFails(
        () -> z.eval(in),
        "join{axis=0}: input 1 (y) has shape [2,4] but input 0 (x) has shape [2,3]; all axes but"
            + " 0 must match");
  }

  @Test
  void concatenate_rejectsScalarsAndBadAxes() {
    assertFails(
        () -> Shapes.concatenate(List.of(T.dscalar("s"))),
        "zero-dimensional tensors cannot be concatenated");
    assertFails(
        () -> new Join(2).apply(T.dmatrix("x")), "axis 2 is out of bounds for tensors of rank 2");
    assertFails(
        IllegalArgumentException.class,
        () -> Shapes.concatenate(List.of(T.dmatrix("x")), 2),
        "axis 2 is out of bounds for a tensor of rank 2");
    assertFails(() -> new Join(0).makeNode(List.of()), "join{axis=0}: needs at least one input");
    assertFails(
        IllegalArgumentException.class,
        () -> Shapes.concatenate(List.of()),
        "concatenate: needs at least one tensor");
    assertFails(
        IllegalArgumentException.class,
        () -> new Join(-1),
        "join: axis must be normalized (>= 0), got -1");
  }
}
