package dev.hypatia.symbolic.ops;

import static dev.hypatia.symbolic.ops.ShapeFixtures.assertArrayEquals;
import static dev.hypatia.symbolic.ops.ShapeFixtures.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShapesTest {
  private static final int U = TensorType.UNKNOWN;

  @Test
  void flatten_makesAVectorInCOrder() {
    Variable x = T.tensor(DType.FLOAT64, "x", 2, 3, 4);
    Variable y = Shapes.flatten(x);
    assertEquals(TensorType.of(DType.FLOAT64, 24), y.type());
    NDArray v = ShapeFixtures.randomArray(new SplittableRandom(9), 2, 3, 4);
    assertArrayEquals(NDArray.of(v.toDoubleArray()), y.eval(Map.of(x, v)));
  }

  @Test
  void flatten_keepsLeadingAxesWithStaticDimsThroughTheShapeGraph() {
    Variable x = T.tensor(DType.FLOAT32, "x", 2, U, 4, 5);
    assertEquals(TensorType.of(DType.FLOAT32, 2, U, 20), Shapes.flatten(x, 3).type());
    Variable known = T.tensor(DType.FLOAT32, "k", 2, 3, 4, 5);
    assertEquals(TensorType.of(DType.FLOAT32, 2, 60), Shapes.flatten(known, 2).type());
    assertEquals(known.type(), Shapes.flatten(known, 4).type());
    NDArray v = ShapeFixtures.randomArray(new SplittableRandom(8), 2, 3, 4, 5);
    Variable z = T.dtensor4("z");
    NDArray out = Shapes.flatten(z, 2).eval(Map.of(z, v));
    assertArrayEquals(v.reshape(2, 60), out);
  }

  @Test
  void flatten_withUnknownDimsKeepsEmptyLeadingAxes() {
    Variable x = T.dtensor3("x");
    NDArray empty = NDArray.zeros(DType.FLOAT64, 0, 2, 0);
    assertArrayEquals(empty.reshape(0, 0), Shapes.flatten(x, 2).eval(Map.of(x, empty)));
    NDArray zeroTail = NDArray.zeros(DType.FLOAT64, 3, 0, 2);
    assertArrayEquals(zeroTail.reshape(3, 0), Shapes.flatten(x, 2).eval(Map.of(x, zeroTail)));
  }

  @Test
  void flatten_rejectsAnOutOfRangeRank() {
    assertFails(
        IllegalArgumentException.class,
        () -> Shapes.flatten(T.dmatrix("x"), 3),
        "flatten: ndim must be in [1, 2], got 3");
  }

  @Test
  void expandDims_addsBroadcastableAxesAtOutputPositions() {
    Variable x = T.tensor(DType.INT64, "x", 2, 3);
    assertEquals(TensorType.of(DType.INT64, 2, 3, 1), Shapes.expandDims(x, -1).type());
    assertEquals(TensorType.of(DType.INT64, 1, 2, 1, 3), Shapes.expandDims(x, 0, 2).type());
    NDArray out = Shapes.expandDims(x, 1).eval(Map.of(x, new long[][] {{1, 2, 3}, {4, 5, 6}}));
    assertEquals("[2,1,3]", out.shapeString());
    assertEquals(6, out.getLong(1, 0, 2));
  }

  @Test
  void squeeze_dropsEveryAxisKnownToHaveLengthOne() {
    Variable x = T.tensor(DType.FLOAT64, "x", 1, U, 1, 3);
    assertEquals(TensorType.of(DType.FLOAT64, U, 3), Shapes.squeeze(x).type());
    assertEquals(TensorType.of(DType.FLOAT64, 1, U, 3), Shapes.squeeze(x, -2).type());
    NDArray v = ShapeFixtures.randomArray(new SplittableRandom(6), 1, 2, 1, 3);
    assertArrayEquals(v.reshape(2, 3), Shapes.squeeze(x).eval(Map.of(x, v)).copy());
  }

  @Test
  void squeeze_rejectsAnAxisNotKnownToHaveLengthOne() {
    Variable x = T.tensor(DType.FLOAT64, "x", 1, U);
    assertFails(
        IllegalArgumentException.class,
        () -> Shapes.squeeze(x, 1),
        "squeeze: axis 1 of x: float64[1,?]",
        "is not known to have length 1; give it a static length of 1 to squeeze it");
  }

  @Test
  void stack_joinsAlongANewAxis() {
    Variable a = T.tensor(DType.INT32, "a", 3);
    Variable b = T.tensor(DType.FLOAT32, "b", 3);
    Variable y = Shapes.stack(List.of(a, b), -1);
    assertEquals(TensorType.of(DType.FLOAT64, 3, 2), y.type());
    NDArray out = y.eval(Map.of(a, NDArray.of(1, 2, 3), b, NDArray.of(4f, 5f, 6f)));
    for (int i = 0; i < 3; i++) {
      assertEquals(i + 1.0, out.getDouble(i, 0));
      assertEquals(i + 4.0, out.getDouble(i, 1));
    }
    assertEquals(TensorType.of(DType.INT32, 1, 3), Shapes.stack(List.of(a)).type());
  }

  @Test
  void stack_rejectsNoInputsAndUnequalShapes() {
    assertFails(
        IllegalArgumentException.class,
        () -> Shapes.stack(List.of()),
        "stack: needs at least one tensor");
    assertFails(
        () -> Shapes.stack(List.of(T.tensor(DType.INT32, "a", 3), T.tensor(DType.INT32, "b", 2))),
        "has length 2 on axis 1 but input 0");
  }

  @Test
  void zerosOnesAndFull_followNumpyDtypesAndStaticShapes() {
    assertEquals(TensorType.of(DType.FLOAT64, 2, 3), Shapes.zeros(2, 3).type());
    assertEquals(TensorType.of(DType.INT32, 2), Shapes.ones(new int[] {2}, DType.INT32).type());
    assertEquals(DType.INT64, Shapes.full(new int[] {2}, 7).dtype());
    assertEquals(DType.FLOAT64, Shapes.full(new int[] {2}, 7.5).dtype());
    assertEquals(DType.BOOL, Shapes.full(new int[] {2}, true).dtype());
    assertEquals(DType.INT8, Shapes.full(new int[] {2}, 3.9, DType.INT8).dtype());
    assertArrayEquals(NDArray.full(DType.FLOAT64, 0.0, 2, 3), Shapes.zeros(2, 3).eval());
    assertArrayEquals(
        NDArray.full(DType.FLOAT32, 1.0, 4), Shapes.ones(new int[] {4}, DType.FLOAT32).eval());
    assertArrayEquals(
        NDArray.full(DType.INT8, 3.0, 2), Shapes.full(new int[] {2}, 3.9, DType.INT8).eval());
    Variable s = T.dscalar("s");
    assertArrayEquals(
        NDArray.full(DType.FLOAT64, 2.5, 2, 2),
        Shapes.full(new int[] {2, 2}, s).eval(Map.of(s, 2.5)));
  }

  @Test
  void likeForms_takeTheShapeAndDtypeOfTheirArgument() {
    Variable x = T.tensor(DType.FLOAT32, "x", U, 3);
    assertEquals(x.type(), Shapes.zerosLike(x).type());
    assertEquals(x.type(), Shapes.onesLike(x).type());
    assertEquals(x.type().withDType(DType.INT32), Shapes.fullLike(x, 4, DType.INT32).type());
    NDArray v = NDArray.zeros(DType.FLOAT32, 2, 3);
    assertArrayEquals(
        NDArray.full(DType.FLOAT32, 1.0, 2, 3), Shapes.onesLike(x).eval(Map.of(x, v)));
    assertArrayEquals(
        NDArray.full(DType.FLOAT32, -2.0, 2, 3), Shapes.fullLike(x, -2.0).eval(Map.of(x, v)));
    assertArrayEquals(
        NDArray.full(DType.BOOL, 0.0, 2, 3), Shapes.zerosLike(x, DType.BOOL).eval(Map.of(x, v)));
    assertEquals(DType.INT64, Shapes.onesLike(x, DType.INT64).dtype());
  }

  @Test
  void full_rejectsAVariableValueOfAnotherDtype() {
    assertFails(
        IllegalArgumentException.class,
        () -> Shapes.full(new int[] {2}, T.dscalar("v"), DType.INT32),
        "full: the fill value v: float64[]",
        "is not of dtype int32");
  }

  @Test
  void shapeVector_mixesJavaIntsAndSymbolicScalars() {
    Variable n = T.iscalar("n");
    Variable s = Shapes.shapeVector(List.of(2, n, 3, 4));
    assertEquals(TensorType.of(DType.INT64, 4), s.type());
    assertArrayEquals(NDArray.of(2L, 5L, 3L, 4L), s.eval(Map.of(n, 5)));
    assertEquals(TensorType.of(DType.INT64, 0), Shapes.shapeVector(List.of()).type());
    Variable y = Shapes.zeros(Shapes.shapeVector(List.of(n, 2)), DType.FLOAT64);
    assertEquals(TensorType.of(DType.FLOAT64, U, 2), y.type());
  }

  @Test
  void shapeVector_ofConstantScalarsIsStaticallyKnown() {
    Variable s = Shapes.shapeVector(List.of(T.constant(3L), 2));
    assertEquals(TensorType.of(DType.FLOAT64, 3, 2), Shapes.zeros(s, DType.FLOAT64).type());
  }
}
