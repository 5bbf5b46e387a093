package dev.hypatia.symbolic.ops;

import static dev.hypatia.symbolic.ops.ShapeFixtures.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.Interpreter;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SplitTest {
  private static final int U = TensorType.UNKNOWN;

  @Test
  void split_isOneNodeWithAnOutputPerPieceMatchingAJavaLoop() {
    Variable x = T.tensor(DType.FLOAT32, "x", 2, U);
    List<Variable> pieces = Shapes.split(x, new int[] {1, 0, 3}, -1);
    assertEquals(3, pieces.size());
    assertEquals(pieces.get(0).owner(), pieces.get(2).owner());
    assertEquals("split{axis=1,n=3}", pieces.get(0).owner().op().name());
    assertEquals(TensorType.of(DType.FLOAT32, 2, 1), pieces.get(0).type());
    assertEquals(TensorType.of(DType.FLOAT32, 2, 0), pieces.get(1).type());
    assertEquals(TensorType.of(DType.FLOAT32, 2, 3), pieces.get(2).type());
    NDArray v = ShapeFixtures.randomArray(new SplittableRandom(2), 2, 4).astype(DType.FLOAT32);
    List<NDArray> out = Interpreter.evaluate(pieces, Map.of(x, v));
    for (int i = 0; i < 2; i++) {
      assertEquals(v.getDouble(i, 0), out.get(0).getDouble(i, 0));
      for (int j = 0; j < 3; j++) {
        assertEquals(v.getDouble(i, j + 1), out.get(2).getDouble(i, j));
      }
    }
  }

  @Test
  void split_withSymbolicSizesHasUnknownLengths() {
    Variable sizes = T.tensor(DType.INT32, "sizes", 2);
    List<Variable> pieces = Shapes.split(T.tensor(DType.FLOAT64, "x", 5, 2), sizes, 0);
    assertEquals(TensorType.of(DType.FLOAT64, U, 2), pieces.get(1).type());
  }

  @Test
  void split_rejectsSizesNotSummingToTheLengthAtBuildTime() {
    assertFails(
        () -> Shapes.split(T.tensor(DType.FLOAT64, "x", 2, 6), new int[] {2, 3}, 1),
        "split{axis=1,n=2}: sizes [2, 3] sum to 5 but axis 1 has length 6");
  }

  @Test
  void split_rejectsSizesNotSummingToTheLengthAtRunTime() {
    Variable x = T.dmatrix("x");
    List<Variable> pieces = Shapes.split(x, new int[] {2, 3}, 1);
    assertFails(
        () -> pieces.get(0).eval(Map.of(x, new double[2][6])),
        "split{axis=1,n=2}: sizes [2, 3] sum to 5 but axis 1 has length 6");
  }

  @Test
  void split_rejectsNegativeSizes() {
    assertFails(
        () -> Shapes.split(T.dvector("x"), new int[] {-1, 3}, 0), "negative size -1 in [-1, 3]");
    Variable x = T.dvector("x");
    Variable sizes = T.tensor(DType.INT64, "sizes", 2);
    List<Variable> pieces = Shapes.split(x, sizes, 0);
    assertFails(
        () -> pieces.get(0).eval(Map.of(x, new double[2], sizes, new long[] {3, -1})),
        "negative size -1 in [3, -1]");
  }

  @Test
  void split_rejectsBadSizesAndAxes() {
    assertFails(
        () -> Shapes.split(T.dvector("x"), T.dvector("sizes"), 0),
        "the sizes must be an integer vector, got float64[?]");
    assertFails(
        () -> new Split(0, 3).makeNode(T.dvector("x"), T.constant(new long[] {1, 2})),
        "the sizes must have length 3, got int64[2]");
    assertFails(
        () -> new Split(1, 1).makeNode(T.dvector("x"), T.constant(new long[] {1})),
        "axis 1 is out of bounds for a tensor of rank 1");
    assertFails(
        IllegalArgumentException.class,
        () -> new Split(0, 0),
        "split: needs a normalized axis (>= 0) and at least one piece, got axis 0 and 0 pieces");
  }
}
