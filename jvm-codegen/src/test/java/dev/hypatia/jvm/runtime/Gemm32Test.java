package dev.hypatia.jvm.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class Gemm32Test {
  private static final float TOL = 1e-4f;
  private static final int[] DIMS = {0, 1, 2, 3, 5, 6, 7, 11, 13, 16, 17, 31, 33, 48, 70};
  private final SplittableRandom rnd = new SplittableRandom(32);

  @AfterEach
  void restoreThreads() {
    Parallel.setThreads(2);
  }

  private static List<Gemm32.Kernel> kernels() {
    List<Gemm32.Kernel> out = new ArrayList<>();
    out.add(ScalarGemm32.INSTANCE);
    if (VectorSupport.available()) {
      out.add(VectorGemm32.create());
    }
    return out;
  }

  /** A random r-by-c matrix in one of several layouts; broadcast (stride 0) only when allowed. */
  private Gemm32.View matrix(int r, int c, boolean allowBroadcast) {
    int layout = rnd.nextInt(allowBroadcast ? 6 : 4);
    int pad = 3;
    float[] d = new float[pad + 4 * Math.max(r, 1) * Math.max(c, 1)];
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) rnd.nextDouble(-1, 1);
    }
    return switch (layout) {
      case 0 -> new Gemm32.View(d, pad, c, 1);
      case 1 -> new Gemm32.View(d, pad, 1, r);
      case 2 -> new Gemm32.View(d, pad + Math.max(r - 1, 0) * c, -c, 1);
      case 3 -> new Gemm32.View(d, pad, 4 * c, 2);
      case 4 -> new Gemm32.View(d, pad, 0, 1);
      default -> new Gemm32.View(d, pad, 1, 0);
    };
  }

  /** C's elements as a row-major array. */
  private static float[] elements(Gemm32.View c, int m, int n) {
    float[] out = new float[m * n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        out[i * n + j] = c.get(i, j);
      }
    }
    return out;
  }

  /** Checks C against a triple loop, with tolerance TOL times the sum of |terms|. */
  private void check(Gemm32.Kernel kr, int m, int n, int k, float alpha, float beta) {
    Gemm32.View a = matrix(m, k, true);
    Gemm32.View b = matrix(k, n, true);
    Gemm32.View c = matrix(m, n, false);
    float[] before = elements(c, m, n);
    float[] a0 = elements(a, m, k);
    float[] b0 = elements(b, k, n);
    Gemm32.gemm(kr, m, n, k, alpha, a, b, beta, c);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        float s = 0;
        float bound = 0;
        for (int p = 0; p < k; p++) {
          s += a.get(i, p) * b.get(p, j);
          bound += Math.abs(a.get(i, p) * b.get(p, j));
        }
        float old = before[i * n + j];
        float want = alpha * s + (beta == 0 ? 0 : beta * old);
        float tol = TOL * (Math.abs(alpha) * bound + Math.abs(beta * old)) + 1e-30f;
        float got = c.get(i, j);
        assertTrue(
            Math.abs(got - want) <= tol,
            kr + " " + m + "x" + n + "x" + k + " at " + i + "," + j + ": " + got + " vs " + want);
      }
    }
    assertArrayEquals(a0, elements(a, m, k), "a modified");
    assertArrayEquals(b0, elements(b, k, n), "b modified");
  }

  @Test
  void gemm_matchesTripleLoopOnSmallShapesAndLayouts() {
    for (Gemm32.Kernel kr : kernels()) {
      for (int t = 0; t < 150; t++) {
        int m = DIMS[rnd.nextInt(DIMS.length)];
        int n = DIMS[rnd.nextInt(DIMS.length)];
        int k = DIMS[rnd.nextInt(DIMS.length)];
        float alpha = rnd.nextBoolean() ? 1 : (float) rnd.nextDouble(-2, 2);
        float beta = new float[] {0, 1, -0.5f}[rnd.nextInt(3)];
        check(kr, m, n, k, alpha, beta);
      }
    }
  }

  @Test
  void gemm_matchesTripleLoopAcrossBlockBoundaries() {
    for (Gemm32.Kernel kr : kernels()) {
      check(kr, 301, 133, 263, 1, 0);
      check(kr, 121, 19, 520, -1.5f, 1);
      check(kr, 7, 3100, 9, 1, 0.5f);
      check(kr, 125, 3100, 3, 1, 0);
      check(kr, 333, 10, 40, 1, 0);
      check(kr, 10, 311, 300, 2, 0);
    }
  }

  @Test
  void gemm_matrixVectorAndVectorVector() {
    for (Gemm32.Kernel kr : kernels()) {
      for (int k : new int[] {0, 1, 7, 40, 301}) {
        check(kr, 37, 1, k, 1, 0);
        check(kr, 1, 45, k, 0.5f, 1);
        check(kr, 1, 1, k, 1, 0);
        check(kr, 300, 1, k, 1, -1);
      }
    }
  }

  @Test
  void gemm_betaZeroIgnoresNaNInC() {
    for (Gemm32.Kernel kr : kernels()) {
      for (int n : new int[] {1, 5, 40}) {
        float[] c = new float[13 * n];
        java.util.Arrays.fill(c, Float.NaN);
        Gemm32.View a = matrix(13, 9, false);
        Gemm32.View b = matrix(9, n, false);
        Gemm32.gemm(kr, 13, n, 9, 1, a, b, 0, new Gemm32.View(c, 0, n, 1));
        for (float v : c) {
          assertTrue(Float.isFinite(v), "NaN of C leaked with beta = 0");
        }
      }
    }
  }

  @Test
  void gemm_kZeroScalesCByBeta() {
    float[] c = {1, 2, 3, 4};
    Gemm32.View e = new Gemm32.View(new float[0], 0, 0, 0);
    Gemm32.gemm(2, 2, 0, 1, e, e, 3, new Gemm32.View(c, 0, 2, 1));
    assertArrayEquals(new float[] {3, 6, 9, 12}, c);
  }

  @Test
  void gemm_twoThreadsGiveTheSameResultAsOne() {
    int[][] shapes = {{300, 280, 90}, {10, 2000, 200}, {2000, 10, 200}, {32, 32, 700}};
    for (int[] s : shapes) {
      Gemm32.View a = matrix(s[0], s[2], false);
      Gemm32.View b = matrix(s[2], s[1], false);
      float[] c1 = new float[s[0] * s[1]];
      float[] c2 = new float[s[0] * s[1]];
      Parallel.setThreads(1);
      Gemm32.gemm(s[0], s[1], s[2], 1, a, b, 0, new Gemm32.View(c1, 0, s[1], 1));
      Parallel.setThreads(2);
      Gemm32.gemm(s[0], s[1], s[2], 1, a, b, 0, new Gemm32.View(c2, 0, s[1], 1));
      assertArrayEquals(c1, c2);
    }
  }

  @Test
  void transposed_exchangesStrides() {
    Gemm32.View v = new Gemm32.View(new float[6], 1, 3, 1).transposed();
    assertEquals(1, v.rowStride());
    assertEquals(3, v.colStride());
  }
}
