package dev.hypatia.symbolic.ops;

import static dev.hypatia.symbolic.ops.ShapeFixtures.assertArrayEquals;
import static dev.hypatia.symbolic.ops.ShapeFixtures.assertFails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DimShuffleTest {
  private static final int U = TensorType.UNKNOWN;

  @Test
  void dimshuffle_permutesAndAddsBroadcastableAxes() {
    Variable x = T.tensor(DType.INT32, "x", 2, U);
    Variable y = Shapes.dimshuffle(x, 1, Shapes.X, 0);
    assertEquals(TensorType.of(DType.INT32, U, 1, 2), y.type());
    assertEquals("dimshuffle{1,x,0}", y.owner().op().name());
    NDArray v = NDArray.of(new int[][] {{1, 2, 3}, {4, 5, 6}});
    NDArray out = y.eval(Map.of(x, v));
    assertArrayEquals(new int[] {3, 1, 2}, out.shape());
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 3; j++) {
        assertEquals(v.getLong(i, j), out.getLong(j, 0, i));
      }
    }
  }

  @Test
  void dimshuffle_dropsAxesKnownToHaveLengthOne() {
    Variable x = T.tensor(DType.FLOAT64, "x", 2, 1, 3);
    Variable y = Shapes.dimshuffle(x, 2, 0);
    assertEquals(TensorType.of(DType.FLOAT64, 3, 2), y.type());
    NDArray v = ShapeFixtures.randomArray(new SplittableRandom(5), 2, 1, 3);
    NDArray out = y.eval(Map.of(x, v));
    for (int i = 0; i < 2; i++) {
      for (int k = 0; k < 3; k++) {
        assertEquals(v.getDouble(i, 0, k), out.getDouble(k, i));
      }
    }
  }

  @Test
  void dimshuffle_turnsAScalarIntoABroadcastableMatrix() {
    Variable s = T.dscalar("s");
    Variable y = Shapes.dimshuffle(s, Shapes.X, Shapes.X);
    assertEquals(TensorType.of(DType.FLOAT64, 1, 1), y.type());
    assertEquals(2.5, y.eval(Map.of(s, 2.5)).getDouble(0, 0));
  }

  @Test
  void dimshuffle_rejectsDroppingAnAxisOfUnknownLength() {
    assertFails(
        () -> Shapes.dimshuffle(T.dmatrix("x"), 0),
        "dimshuffle{0}: cannot drop axis 1 of static length ?: only axes known to have length 1"
            + " can be dropped",
        "input 0: x: float64[?,?]");
  }

  @Test
  void dimshuffle_rejectsDroppingAnAxisOfLengthThree() {
    assertFails(
        () -> Shapes.dimshuffle(T.tensor(DType.FLOAT64, "x", 1, 3), 0),
        "cannot drop axis 1 of static length 3");
  }

  @Test
  void dimshuffle_rejectsAnInputOfAnotherRank() {
    assertFails(
        () -> DimShuffle.of(2, 1, 0).apply(T.dtensor3("x")),
        "expects an input of rank 2, got rank 3");
  }

  @Test
  void dimshuffle_rejectsOutOfRangeAndRepeatedAxes() {
    assertFails(
        IllegalArgumentException.class,
        () -> DimShuffle.of(2, 0, 2),
        "dimshuffle: axis 2 is out of range for an input of rank 2");
    assertFails(
        IllegalArgumentException.class,
        () -> DimShuffle.of(2, 1, 1),
        "dimshuffle: axis 1 is repeated in [1, 1]");
    assertFails(
        IllegalArgumentException.class,
        () -> Shapes.dimshuffle(T.dmatrix("x"), 0, -2),
        "dimshuffle: axis -2 is out of range for an input of rank 2");
  }

  @Test
  void transpose_reversesAxesByDefault() {
    Variable x = T.tensor(DType.FLOAT64, "x", 2, 3, 4);
    assertEquals(TensorType.of(DType.FLOAT64, 4, 3, 2), Shapes.transpose(x).type());
    assertEquals(DimShuffle.of(3, 2, 1, 0), Shapes.transpose(x).owner().op());
  }

  @Test
  void transpose_acceptsNegativeAxes() {
    Variable x = T.tensor(DType.FLOAT64, "x", 2, 3, 4);
    Variable y = Shapes.transpose(x, -1, 0, -2);
    assertEquals(TensorType.of(DType.FLOAT64, 4, 2, 3), y.type());
    assertTrue(((DimShuffle) y.owner().op()).isPermutation());
    assertFalse(DimShuffle.of(1, 0, DimShuffle.NEW_AXIS).isPermutation());
  }

  @Test
  void transpose_rejectsAxesOfTheWrongLength() {
    assertFails(
        IllegalArgumentException.class,
        () -> Shapes.transpose(T.dmatrix("x"), 0),
        "transpose: axes [0] do not match a tensor of rank 2");
  }

  @Test
  void transpose_roundTripsOnRandomShapesAndMatchesIndexMapping() {
    SplittableRandom rng = new SplittableRandom(7);
    for (int trial = 0; trial < 30; trial++) {
      int rank = rng.nextInt(1, 5);
      int[] shape = ShapeFixtures.randomShape(rng, rank, 4);
      int[] perm = randomPermutation(rng, rank);
      int[] inverse = new int[rank];
      for (int i = 0; i < rank; i++) {
        inverse[perm[i]] = i;
      }
      NDArray v = ShapeFixtures.randomArray(rng, shape);
      Variable x = T.tensor(TensorType.ofRank(DType.FLOAT64, rank), "x");
      Variable y = Shapes.transpose(x, perm);
      NDArray out = y.eval(Map.of(x, v));
      for (int k = 0; k < out.size(); k++) {
        int[] outIdx = ShapeFixtures.unravel(k, out.shape());
        int[] inIdx = new int[rank];
        for (int i = 0; i < rank; i++) {
          inIdx[perm[i]] = outIdx[i];
        }
        assertEquals(v.getDouble(inIdx), out.flatDouble(k));
      }
      assertArrayEquals(v, Shapes.transpose(y, inverse).eval(Map.of(x, v)).copy());
    }
  }

  private static int[] randomPermutation(SplittableRandom rng, int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  @Test
  void dimshuffle_opsAreValues() {
    assertEquals(new DimShuffle(2, List.of(1, 0)), DimShuffle.of(2, 1, 0));
  }
}
