package dev.hypatia.jvm.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Dot;
import dev.hypatia.symbolic.ops.Gemm;
import dev.hypatia.symbolic.ops.Matmul;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MatrixKernelsTest {
  private static final int[] DIMS = {0, 1, 2, 5, 6, 7, 13, 16, 17, 33};
  private static final DType[][] DTYPE_PAIRS = {
    {DType.FLOAT64, DType.FLOAT64},
    {DType.FLOAT32, DType.FLOAT32},
    {DType.FLOAT32, DType.INT8},
    {DType.FLOAT32, DType.FLOAT64},
    {DType.INT32, DType.FLOAT32},
    {DType.INT64, DType.INT32},
    {DType.BOOL, DType.BOOL},
    {DType.INT8, DType.BOOL}
  };
  private final SplittableRandom rnd = new SplittableRandom(7);

  @AfterEach
  void restoreThreads() {
    MatrixKernels.setThreads(2);
  }

  /** The op's interpreter result: the reference every kernel result is checked against. */
  private static NDArray perform(Op op, NDArray... in) {
    List<Variable> vars = new ArrayList<>();
    for (int i = 0; i < in.length; i++) {
      vars.add(T.tensor(in[i].dtype(), "x" + i, in[i].shape()));
    }
    Apply node = op.makeNode(vars);
    return op.perform(node, List.of(in)).get(0);
  }

  /**
   * A random array of {@code shape} as a contiguous, transposed, stepped, reversed or broadcast
   * view.
   */
  private NDArray array(DType dtype, int... shape) {
    int nd = shape.length;
    int layout = nd == 0 ? 0 : rnd.nextInt(5);
    int[] base = shape.clone();
    if (layout == 1) {
      base = reversed(shape);
    } else if (layout == 2) {
      base[nd - 1] *= 2;
    } else if (layout == 4) {
      base[0] = 1;
    }
    NDArray a = NDArray.zeros(dtype, base);
    for (int i = 0; i < a.size(); i++) {
      a.setFlat(
          i,
          dtype.isFloat()
              ? rnd.nextDouble(-1, 1)
              : rnd.nextInt(dtype.isBool() ? 2 : 7) - (dtype.isBool() ? 0 : 3));
    }
    return switch (layout) {
      case 1 -> a.transpose();
      case 2 -> a.slice(nd - 1, 0, null, 2);
      case 3 -> a.slice(0, null, null, -1);
      case 4 -> a.broadcastTo(shape);
      default -> a;
    };
  }

  private static int[] reversed(int[] s) {
    int[] out = new int[s.length];
    for (int i = 0; i < s.length; i++) {
      out[i] = s[s.length - 1 - i];
    }
    return out;
  }

  private static NDArray abs64(NDArray x) {
    NDArray out = NDArray.zeros(DType.FLOAT64, x.shape());
    for (int i = 0; i < x.size(); i++) {
      out.setFlat(i, Math.abs(x.flatDouble(i)));
    }
    return out;
  }

  /**
   * got equals want in dtype and shape, exactly for integer results, else within a relative
   * tolerance of {@code bound} (the result over absolute values): 1e-12 for float64, 1e-4 float32.
   */
  private static void assertClose(NDArray want, NDArray got, NDArray bound, String what) {
    assertEquals(want.dtype(), got.dtype(), what);
    assertArrayEquals(want.shape(), got.shape(), what);
    assertTrue(got.isContiguous(), what);
    double tol = want.dtype() == DType.FLOAT32 ? 1e-4 : 1e-12;
    for (int i = 0; i < want.size(); i++) {
      double w = want.flatDouble(i);
      double g = got.flatDouble(i);
      if (!want.dtype().isFloat() || Double.isNaN(w)) {
        assertEquals(w, g, what + " at " + i);
      } else {
        double t = tol * bound.flatDouble(i) + 1e-30;
        assertTrue(Math.abs(w - g) <= t, what + " at " + i + ": " + g + " vs " + w);
      }
    }
  }

  private void checkDot(NDArray a, NDArray b) {
    NDArray a0 = a.copy();
    NDArray b0 = b.copy();
    String what = "dot " + a.dtype() + a.shapeString() + " " + b.dtype() + b.shapeString();
    NDArray bound = perform(new Dot(), abs64(a), abs64(b));
    assertClose(perform(new Dot(), a, b), MatrixKernels.dot(a, b), bound, what);
    assertTrue(a0.contentEquals(a) && b0.contentEquals(b), "inputs modified: " + what);
  }

  @Test
  void dot_matchesPerformForEveryRankPairDtypeAndLayout() {
    for (DType[] dt : DTYPE_PAIRS) {
      for (int t = 0; t < 40; t++) {
        int m = DIMS[rnd.nextInt(DIMS.length)];
        int k = DIMS[rnd.nextInt(DIMS.length)];
        int n = DIMS[rnd.nextInt(DIMS.length)];
        int[][] as = {{}, {k}, {m, k}};
        int[][] bs = {{}, {k}, {k, n}};
        int ra = rnd.nextInt(3);
        int rb = rnd.nextInt(3);
        int[] sa = ra == 0 || rb != 0 ? as[ra] : ra == 1 ? new int[] {m} : new int[] {m, n};
        checkDot(array(dt[0], sa), array(dt[1], bs[rb]));
      }
    }
  }

  @Test
  void dot_matchesPerformOnLargeFloatProducts() {
    for (DType dt : new DType[] {DType.FLOAT64, DType.FLOAT32}) {
      checkDot(array(dt, 310, 301), array(dt, 301, 27));
      checkDot(array(dt, 12, 700), array(dt, 700, 130));
      checkDot(array(dt, 330, 70), array(dt, 70));
      checkDot(array(dt, 500), array(dt, 500, 9));
      checkDot(array(dt, 1000), array(dt, 1000));
    }
  }

  @Test
  void matmul_matchesPerformWithBatchBroadcastingAndVectors() {
    int[][][] shapes = {
      {{3, 5, 4}, {3, 4, 6}},
      {{2, 1, 7, 3}, {4, 3, 2}},
      {{5}, {2, 5, 3}},
      {{2, 3, 5}, {5}},
      {{9}, {9}},
      {{4, 9}, {9}},
      {{9}, {9, 4}},
      {{1, 0, 3}, {2, 3, 4}},
      {{2, 6, 0}, {0, 3}},
      {{17, 33}, {33, 18}}
    };
    for (DType[] dt : DTYPE_PAIRS) {
      for (int[][] s : shapes) {
        NDArray a = array(dt[0], s[0]);
        NDArray b = array(dt[1], s[1]);
        String what = "matmul " + dt[0] + a.shapeString() + " " + dt[1] + b.shapeString();
        NDArray bound = perform(new Matmul(), abs64(a), abs64(b));
        assertClose(perform(new Matmul(), a, b), MatrixKernels.matmul(a, b), bound, what);
      }
    }
  }

  @Test
  void gemm_matchesPerformWithBroadcastCAndAlphaBeta() {
    int[][][] shapes = {
      {{6, 5}, {5, 7}, {6, 7}},
      {{6, 5}, {5, 7}, {7}},
      {{6, 5}, {5, 7}, {6, 1}},
      {{6, 5}, {5, 7}, {}},
      {{1, 5}, {5, 7}, {4, 7}},
      {{9, 4}, {4}, {9}},
      {{9, 4}, {4}, {}},
      {{3, 0}, {0, 2}, {3, 2}},
      {{40, 70}, {70, 33}, {40, 33}}
    };
    for (DType dt : new DType[] {DType.FLOAT64, DType.FLOAT32}) {
      for (int[][] s : shapes) {
        NDArray a = array(dt, s[0]);
        NDArray b = array(dt, s[1]);
        NDArray c = array(dt, s[2]);
        NDArray alpha = NDArray.scalar(rnd.nextDouble(-2, 2));
        NDArray beta = NDArray.scalarLong(DType.INT64, rnd.nextInt(-2, 3));
        String what = "gemm " + dt + a.shapeString() + b.shapeString() + c.shapeString();
        NDArray bound =
            perform(new Gemm(), abs64(a), abs64(b), abs64(c), abs64(alpha), abs64(beta));
        NDArray want = perform(new Gemm(), a, b, c, alpha, beta);
        assertClose(want, MatrixKernels.gemm(a, b, c, alpha, beta), bound, what);
      }
    }
  }

  @Test
  void gemm_betaZeroPropagatesNaNOfCAsPerformDoes() {
    NDArray a = array(DType.FLOAT64, 3, 4);
    NDArray b = array(DType.FLOAT64, 4, 2);
    NDArray c = NDArray.full(DType.FLOAT64, Double.NaN, 3, 2);
    NDArray zero = NDArray.scalar(0);
    NDArray got = MatrixKernels.gemm(a, b, c, NDArray.scalar(1), zero);
    assertTrue(Double.isNaN(got.flatDouble(0)));
    assertClose(perform(new Gemm(), a, b, c, NDArray.scalar(1), zero), got, got, "nan");
  }

  @Test
  void threads_oneAndTwoGiveIdenticalResults() {
    for (DType dt : new DType[] {DType.FLOAT64, DType.FLOAT32}) {
      NDArray a = array(dt, 200, 150);
      NDArray b = array(dt, 150, 170);
      MatrixKernels.setThreads(1);
      assertEquals(1, MatrixKernels.threads());
      NDArray one = MatrixKernels.matmul(a, b);
      MatrixKernels.setThreads(2);
      assertTrue(one.contentEquals(MatrixKernels.matmul(a, b)), dt.toString());
    }
  }

  @Test
  void setThreads_rejectsLessThanOne() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MatrixKernels.setThreads(0));
    assertEquals("the thread count must be at least 1, got 0", e.getMessage());
  }

  @Test
  void dot_rejectsRankAboveTwo() {
    NDArray a = NDArray.zeros(DType.FLOAT64, 2, 2, 2);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MatrixKernels.dot(a, a));
    assertEquals("dot takes arrays of rank 0, 1 or 2, got ranks 3 and 3", e.getMessage());
  }

  @Test
  void dot_rejectsMisalignedAxes() {
    NDArray a = NDArray.zeros(DType.FLOAT64, 2, 3);
    NDArray b = NDArray.zeros(DType.FLOAT64, 4);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MatrixKernels.dot(a, b));
    assertEquals(
        "shapes [2,3] and [4] are not aligned: axis 1 of the first (3) differs from axis 0 of the"
            + " second (4)",
        e.getMessage());
  }

  @Test
  void matmul_rejectsScalars() {
    NDArray s = NDArray.scalar(1);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MatrixKernels.matmul(s, s));
    assertEquals("matmul does not accept scalars (rank 0); use dot or mul", e.getMessage());
  }

  @Test
  void gemm_rejectsBadRanksAndDtypes() {
    NDArray m = NDArray.zeros(DType.FLOAT64, 2, 2);
    NDArray f = NDArray.zeros(DType.FLOAT32, 2, 2);
    NDArray s = NDArray.scalar(1);
    IllegalArgumentException rank =
        assertThrows(IllegalArgumentException.class, () -> MatrixKernels.gemm(s, m, m, s, s));
    assertEquals(
        "gemm takes a matrix a and a matrix or vector b, got ranks 0 and 2", rank.getMessage());
    IllegalArgumentException dtype =
        assertThrows(IllegalArgumentException.class, () -> MatrixKernels.gemm(m, f, m, s, s));
    assertEquals(
        "gemm needs a, b and c of one float dtype, got float64, float32 and float64",
        dtype.getMessage());
  }
}
