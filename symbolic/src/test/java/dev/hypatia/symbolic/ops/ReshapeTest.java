package dev.hypatia.symbolic.ops;

import static dev.hypatia.symbolic.ops.ShapeFixtures.assertArrayEquals;
import static dev.hypatia.symbolic.ops.ShapeFixtures.assertFails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReshapeTest {
  private static final int U = TensorType.UNKNOWN;

  @Test
  void reshape_infersStaticShapeFromConstantWithMinusOne() {
    Variable x = T.tensor(DType.FLOAT32, "x", 2, 3, 4);
    Variable y = Shapes.reshape(x, 6, -1);
    assertEquals(TensorType.of(DType.FLOAT32, 6, 4), y.type());
    assertEquals("reshape{2}", y.owner().op().name());
  }

  @Test
  void reshape_keepsMinusOneUnknownWhenInputShapeIsUnknown() {
    Variable y = Shapes.reshape(T.dmatrix("x"), -1, 3);
    assertArrayEquals(new int[] {U, 3}, y.type().shape());
  }

  @Test
  void reshape_infersTheOneSymbolicEntryFromAKnownSize() {
    Variable n = T.lscalar("n");
    Variable y = Shapes.reshape(T.tensor(DType.FLOAT64, "x", 2, 6), List.of(n, 4));
    assertArrayEquals(new int[] {3, 4}, y.type().shape());
  }

  @Test
  void reshape_symbolicShapeVectorGivesUnknownDims() {
    Variable s = T.tensor(DType.INT32, "s", 3);
    Variable y = Shapes.reshape(T.dmatrix("x"), s);
    assertArrayEquals(new int[] {U, U, U}, y.type().shape());
    Variable z = Shapes.reshape(T.dmatrix("x"), List.of(T.iscalar("n"), 2, -1));
    assertArrayEquals(new int[] {U, 2, U}, z.type().shape());
  }

  @Test
  void reshape_readsStaticDimsThroughShapeOfAnotherVariable() {
    Variable like = T.tensor(DType.FLOAT64, "like", 3, U);
    Variable y = Shapes.reshape(T.dvector("x"), Shapes.shape(like));
    assertArrayEquals(new int[] {3, U}, y.type().shape());
  }

  @Test
  void reshape_roundTripsOnRandomShapes() {
    SplittableRandom rng = new SplittableRandom(11);
    for (int trial = 0; trial < 40; trial++) {
      int[] shape = ShapeFixtures.randomShape(rng, rng.nextInt(1, 5), 4);
      NDArray value = ShapeFixtures.randomArray(rng, shape);
      Variable x = T.tensor(TensorType.ofRank(DType.FLOAT64, shape.length), "x");
      int[] target = randomFactorization(rng, value.size());
      target[rng.nextInt(target.length)] = -1;
      Variable y = Shapes.reshape(x, target);
      Variable back = Shapes.reshape(y, Shapes.shape(x));
      NDArray out = y.eval(Map.of(x, value));
      assertArrayEquals(value.toDoubleArray(), out.toDoubleArray());
      assertArrayEquals(value, back.eval(Map.of(x, value)));
    }
  }

  private static int[] randomFactorization(SplittableRandom rng, int size) {
    List<Integer> dims = new ArrayList<>();
    int rest = size;
    while (rest > 1 && dims.size() < 3) {
      int d = rng.nextInt(1, rest + 1);
      if (rest % d == 0) {
        dims.add(d);
        rest /= d;
      }
    }
    dims.add(rest);
    return dims.stream().mapToInt(Integer::intValue).toArray();
  }

  @Test
  void reshape_ofATransposedInputFollowsCOrderOfTheView() {
    NDArray v = ShapeFixtures.randomArray(new SplittableRandom(3), 2, 3);
    Variable x = T.dmatrix("x");
    NDArray out = Shapes.reshape(Shapes.transpose(x), -1).eval(Map.of(x, v));
    double[] expected = new double[6];
    for (int j = 0; j < 3; j++) {
      for (int i = 0; i < 2; i++) {
        expected[j * 2 + i] = v.getDouble(i, j);
      }
    }
    assertArrayEquals(expected, out.toDoubleArray());
  }

  @Test
  void reshape_toAnEmptyShapeMakesAScalar() {
    Variable x = T.tensor(DType.INT32, "x", 1, 1);
    Variable y = Shapes.reshape(x);
    assertEquals(TensorType.scalar(DType.INT32), y.type());
    assertEquals(7, y.eval(Map.of(x, new int[][] {{7}})).itemLong());
  }

  @Test
  void reshape_rejectsIncompatibleSizeAtBuildTime() {
    Variable x = T.tensor(DType.FLOAT64, "x", 2, 3);
    assertFails(
        () -> Shapes.reshape(x, 4, -1),
        "reshape{2}: cannot reshape a tensor of shape [2,3] (6 elements) into shape [4,-1]",
        "input 0: x: float64[2,3]");
    assertFails(() -> Shapes.reshape(x, 4, 2), "into shape [4,2]");
  }

  @Test
  void reshape_rejectsIncompatibleSizeAtRunTime() {
    Variable x = T.dmatrix("x");
    Variable y = Shapes.reshape(x, 4, -1);
    assertFails(
        () -> y.eval(Map.of(x, new double[2][3])),
        "reshape{2}: cannot reshape an array of shape [2,3] (6 elements) into shape [4,-1]",
        "actual float64[2,3]");
  }

  @Test
  void reshape_rejectsTwoInferredDims() {
    assertFails(() -> Shapes.reshape(T.dmatrix("x"), -1, -1), "can only infer one dimension (-1)");
    Variable x = T.dmatrix("x");
    Variable s = T.tensor(DType.INT64, "s", 2);
    Variable y = Shapes.reshape(x, s);
    assertFails(
        () -> y.eval(Map.of(x, new double[2][3], s, new long[] {-1, -1})),
        "can only infer one dimension (-1)");
  }

  @Test
  void reshape_rejectsNegativeDimension() {
    assertFails(
        () -> Shapes.reshape(T.dmatrix("x"), -2, 3), "invalid dimension -2 in the target shape");
  }

  @Test
  void reshape_rejectsTooLargeRunTimeDimension() {
    Variable x = T.dmatrix("x");
    Variable s = T.tensor(DType.INT64, "s", 1);
    Variable y = Shapes.reshape(x, s);
    assertFails(
        () -> y.eval(Map.of(x, new double[2][3], s, new long[] {1L << 40})),
        "dimension 1099511627776 in [1099511627776] is too large");
  }

  @Test
  void reshape_rejectsNonIntegerShape() {
    Variable s = T.tensor(DType.FLOAT64, "s", 2);
    assertFails(
        () -> Shapes.reshape(T.dmatrix("x"), s),
        "the target shape must be an integer vector, got float64[2]");
  }

  @Test
  void reshape_rejectsShapeOfUnknownLength() {
    assertFails(
        () -> new Reshape(2).apply(T.dmatrix("x"), T.lvector("s")),
        "the target shape must have a length known at build time, got int64[?]");
  }

  @Test
  void reshape_rejectsShapeWhoseLengthIsNotTheRank() {
    assertFails(
        () -> new Reshape(3).apply(T.dmatrix("x"), T.constant(new long[] {2, 3})),
        "the target shape must have length 3, got int64[2]");
  }

  @Test
  void reshape_rejectsWrongInputCount() {
    assertFails(() -> new Reshape(1).apply(T.dmatrix("x")), "expects 2 inputs, got 1");
  }

  @Test
  void reshape_rejectsNegativeRank() {
    assertFails(IllegalArgumentException.class, () -> new Reshape(-1), "negative output rank -1");
  }

  @Test
  void reshape_opsAreValues() {
    assertEquals(new Reshape(2), new Reshape(2));
    assertNotEquals(new Reshape(2), new Reshape(3));
  }
}
