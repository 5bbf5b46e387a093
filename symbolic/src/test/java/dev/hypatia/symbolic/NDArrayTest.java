package dev.hypatia.symbolic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NDArrayTest {
  private static NDArray iota(int... shape) {
    int n = NDArray.sizeOf(shape);
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = i;
    }
    return NDArray.wrap(DType.FLOAT64, d, shape);
  }

  @Test
  void slice_matchesPythonForEveryFixture() {
    for (String[] f : CoreFixtures.rows("slice")) {
      int n = Integer.parseInt(f[1]);
      Integer start = f[2].equals("None") ? null : Integer.valueOf(f[2]);
      Integer stop = f[3].equals("None") ? null : Integer.valueOf(f[3]);
      int step = Integer.parseInt(f[4]);
      double[] expected =
          f[5].isEmpty()
              ? new double[0]
              : java.util.Arrays.stream(f[5].split(",")).mapToDouble(Double::parseDouble).toArray();
      NDArray s = iota(n).slice(0, start, stop, step);
      assertArrayEquals(expected, s.toDoubleArray(), String.join(" ", f));
    }
  }

  @Test
  void transpose_isAViewWithSwappedIndices() {
    NDArray a = iota(2, 3);
    NDArray t = a.transpose();
    assertArrayEquals(new int[] {3, 2}, t.shape());
    assertFalse(t.isContiguous());
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 3; j++) {
        assertEquals(a.getDouble(i, j), t.getDouble(j, i));
      }
    }
    a.set(99, 1, 2);
    assertEquals(99, t.getDouble(2, 1));
  }

  @Test
  void transpose_roundTripsOnRandomPermutations() {
    SplittableRandom rnd = new SplittableRandom(1);
    for (int trial = 0; trial < 50; trial++) {
      int nd = 1 + rnd.nextInt(4);
      int[] shape = new int[nd];
      for (int i = 0; i < nd; i++) {
        shape[i] = 1 + rnd.nextInt(4);
      }
      int[] perm = shuffled(nd, rnd);
      int[] inverse = new int[nd];
      for (int i = 0; i < nd; i++) {
        inverse[perm[i]] = i;
      }
      NDArray a = iota(shape);
      NDArray back = a.transpose(perm).copy().transpose(inverse);
      assertTrue(back.contentEquals(a));
    }
  }

  private static int[] shuffled(int n, SplittableRandom rnd) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  @Test
  void broadcastTo_stretchesWithZeroStrides() {
    NDArray v = NDArray.of(1.0, 2.0, 3.0);
    NDArray b = v.broadcastTo(2, 3);
    assertArrayEquals(new double[] {1, 2, 3, 1, 2, 3}, b.toDoubleArray());
    assertArrayEquals(new int[] {0, 1}, b.strides());
  }

  @Test
  void broadcastTo_rejectsIncompatibleShapes() {
    var e = assertThrows(IllegalArgumentException.class, () -> NDArray.of(1.0, 2.0).broadcastTo(3));
    assertEquals("cannot broadcast an array of shape [2] to shape [3]", e.getMessage());
  }

  @Test
  void reshape_infersMinusOneAndCopiesNonContiguous() {
    NDArray a = iota(2, 3);
    assertArrayEquals(new int[] {3, 2}, a.reshape(-1, 2).shape());
    NDArray t = a.transpose().reshape(6);
    assertArrayEquals(new double[] {0, 3, 1, 4, 2, 5}, t.toDoubleArray());
  }

  @Test
  void reshape_rejectsIncompatibleSize() {
    var e = assertThrows(IllegalArgumentException.class, () -> iota(2, 3).reshape(4, -1));
    assertEquals(
        "cannot reshape an array of shape [2,3] (6 elements) into shape [4,-1]", e.getMessage());
  }

  @Test
  void indexAndNewAxis_areViews() {
    NDArray a = iota(3, 4);
    NDArray row = a.index(0, -1);
    assertArrayEquals(new double[] {8, 9, 10, 11}, row.toDoubleArray());
    assertArrayEquals(new int[] {3, 1, 4}, a.newAxis(1).shape());
    var e = assertThrows(IndexOutOfBoundsException.class, () -> a.index(1, 4));
    assertEquals("index 4 is out of bounds for axis 1 with size 4", e.getMessage());
  }

  @Test
  void from_convertsNestedJavaArraysAndScalars() {
    NDArray m = NDArray.from(new int[][] {{1, 2}, {3, 4}});
    assertEquals(DType.INT32, m.dtype());
    assertArrayEquals(new long[] {1, 2, 3, 4}, m.toLongArray());
    assertEquals(DType.FLOAT64, NDArray.from(2.5).dtype());
    assertEquals(0, NDArray.from(2.5).ndim());
    assertEquals(DType.BOOL, NDArray.from(new boolean[] {true}).dtype());
  }

  @Test
  void from_rejectsRaggedAndUnknownValues() {
    var ragged =
        assertThrows(
            IllegalArgumentException.class, () -> NDArray.from(new double[][] {{1}, {2, 3}}));
    assertTrue(ragged.getMessage().contains("ragged"), ragged.getMessage());
    var odd = assertThrows(IllegalArgumentException.class, () -> NDArray.from("text"));
    assertTrue(odd.getMessage().contains("String"), odd.getMessage());
  }

  @Test
  void astype_truncatesAndWraps() {
    NDArray a = NDArray.of(-1.5, 2.7, 300.0).astype(DType.INT8);
    assertArrayEquals(new long[] {-1, 2, 44}, a.toLongArray());
  }

  @Test
  void toString_matchesNumpyRepr() {
    for (String[] f : CoreFixtures.rows("repr")) {
      DType d = DType.fromName(f[1]);
      int[] shape =
          f[2].isEmpty()
              ? new int[0]
              : java.util.Arrays.stream(f[2].split(",")).mapToInt(Integer::parseInt).toArray();
      String[] vals = f[3].split(",");
      NDArray a = NDArray.zeros(d, shape);
      for (int i = 0; i < vals.length; i++) {
        a.setFlat(i, parse(vals[i]));
      }
      assertEquals(f[4].replace("\\n", "\n"), a.toString(), String.join(" ", f));
    }
  }

  private static double parse(String pythonFloat) {
    return switch (pythonFloat) {
      case "nan" -> Double.NaN;
      case "inf" -> Double.POSITIVE_INFINITY;
      case "-inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(pythonFloat);
    };
  }

  @Test
  void format_ofScalarsMatchesNumpyStr() {
    for (String[] f : CoreFixtures.rows("str")) {
      DType d = DType.fromName(f[1]);
      NDArray a = NDArray.zeros(d);
      a.setFlat(0, parse(f[2]));
      assertEquals(f[3], a.format(), String.join(" ", f));
    }
  }

  @Test
  void allClose_treatsNanAndInfinityExactly() {
    NDArray a = NDArray.of(Double.NaN, Double.POSITIVE_INFINITY, 1.0);
    assertTrue(a.allClose(NDArray.of(Double.NaN, Double.POSITIVE_INFINITY, 1.0 + 1e-12), 1e-9, 0));
    assertFalse(a.allClose(NDArray.of(0.0, Double.POSITIVE_INFINITY, 1.0), 1e-9, 0));
  }
}
