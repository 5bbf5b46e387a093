package dev.hypatia.jvm.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThinGemm64Test {
  private static final double TOL = 1e-12;
  private final SplittableRandom rnd = new SplittableRandom(164);

  @AfterEach
  void restoreThreads() {
    Parallel.setThreads(2);
  }

  /** True for the scalar kernel, then false for the vector one when the JVM has it. */
  private static List<Boolean> scalarFlags() {
    List<Boolean> out = new ArrayList<>();
    out.add(true);
    if (VectorSupport.available()) {
      out.add(false);
    }
    return out;
  }

  private double[] random(int size) {
    double[] d = new double[size];
    for (int i = 0; i < d.length; i++) {
      d[i] = rnd.nextDouble(-1, 1);
    }
    return d;
  }

  /** An r-by-c view: layout 0 row-major, 1 column-major, 2 reversed rows, 3 rows padded. */
  private Gemm64.View matrix(int r, int c, int layout) {
    int pad = 3;
    double[] d = random(pad + (r + 2) * (c + 2));
    return switch (layout) {
      case 0 -> new Gemm64.View(d, pad, c, 1);
      case 1 -> new Gemm64.View(d, pad, 1, r);
      case 2 -> new Gemm64.View(d, pad + Math.max(r - 1, 0) * (c + 2), -(c + 2), 1);
      default -> new Gemm64.View(d, pad, 1, r + 2);
    };
  }

  private static double[] elements(Gemm64.View c, int m, int n) {
    double[] out = new double[m * n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        out[i * n + j] = c.get(i, j);
      }
    }
    return out;
  }

  /** Runs the thin path on the given views and checks C against a triple loop. */
  private void check(
      boolean scalar,
      int m,
      int n,
      int k,
      double alpha,
      Gemm64.View a,
      Gemm64.View b,
      double beta) {
    Gemm64.View c = matrix(m, n, rnd.nextInt(2));
    double[] before = elements(c, m, n);
    assertTrue(ThinGemm64.gemm(scalar, m, n, k, alpha, a, b, beta, c), "thin path not taken");
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        double bound = 0;
        for (int p = 0; p < k; p++) {
          s += a.get(i, p) * b.get(p, j);
          bound += Math.abs(a.get(i, p) * b.get(p, j));
        }
        double old = before[i * n + j];
        double want = alpha * s + (beta == 0 ? 0 : beta * old);
        double tol = TOL * (Math.abs(alpha) * bound + Math.abs(beta * old)) + 1e-300;
        double got = c.get(i, j);
        assertTrue(
            Math.abs(got - want) <= tol,
            m + "x" + n + "x" + k + " scalar=" + scalar + " at " + i + "," + j + ": " + got);
      }
    }
  }

  @Test
  void gemm_thinColumnsMatchTripleLoopInEveryLayoutOfA() {
    for (boolean scalar : scalarFlags()) {
      for (int t = 0; t < 120; t++) {
        int m = 1 + rnd.nextInt(300);
        int n = 1 + rnd.nextInt(16);
        int k = 1 + rnd.nextInt(70);
        double alpha = rnd.nextBoolean() ? 1 : rnd.nextDouble(-2, 2);
        double beta = new double[] {0, 1, -0.5}[rnd.nextInt(3)];
        Gemm64.View a = matrix(m, k, rnd.nextInt(4));
        Gemm64.View b = matrix(k, n, rnd.nextInt(4));
        check(scalar, m, n, k, alpha, a, b, beta);
      }
    }
  }

  @Test
  void gemm_thinRowsMatchTripleLoop() {
    for (boolean scalar : scalarFlags()) {
      for (int t = 0; t < 60; t++) {
        int m = 1 + rnd.nextInt(16);
        int n = 17 + rnd.nextInt(280);
        int k = 1 + rnd.nextInt(70);
        Gemm64.View a = matrix(m, k, rnd.nextInt(4));
        Gemm64.View b = matrix(k, n, rnd.nextInt(4));
        check(scalar, m, n, k, rnd.nextDouble(-2, 2), a, b, rnd.nextBoolean() ? 0 : 2);
      }
    }
  }

  @Test
  void gemm_transposedViewOfRowMajorX() {
    for (boolean scalar : scalarFlags()) {
      for (int[] s : new int[][] {{70, 10, 300}, {33, 3, 257}, {9, 16, 41}, {1, 5, 8}}) {
        Gemm64.View x = matrix(s[2], s[0], 0);
        Gemm64.View g = matrix(s[2], s[1], 0);
        check(scalar, s[0], s[1], s[2], 1, x.transposed(), g, 0);
        check(scalar, s[0], s[1], s[2], -1, x.transposed(), g, 0.5);
      }
    }
  }

  @Test
  void gemm_declinesWhenNoSideIsThinOrNoStrideIsOne() {
    Gemm64.View a = new Gemm64.View(random(4000), 0, 40, 2);
    Gemm64.View c = new Gemm64.View(new double[400], 0, 20, 1);
    assertFalse(ThinGemm64.gemm(false, 20, 20, 20, 1, a, a, 0, c));
    assertFalse(ThinGemm64.gemm(false, 20, 10, 20, 1, a, a, 0, c));
  }

  @Test
  void gemm_betaZeroIgnoresNaNInC() {
    for (boolean scalar : scalarFlags()) {
      for (int layout = 0; layout < 2; layout++) {
        double[] c = new double[37 * 5];
        java.util.Arrays.fill(c, Double.NaN);
        Gemm64.View a = matrix(37, 9, layout);
        Gemm64.View b = matrix(9, 5, 0);
        ThinGemm64.gemm(scalar, 37, 5, 9, 1, a, b, 0, new Gemm64.View(c, 0, 5, 1));
        for (double v : c) {
          assertTrue(Double.isFinite(v), "NaN of C leaked with beta = 0");
        }
      }
    }
  }

  @Test
  void gemm_twoThreadsGiveTheSameBitsAsOne() {
    int[][] shapes = {{2001, 10, 300}, {1203, 7, 500}, {10, 3001, 200}};
    for (boolean scalar : scalarFlags()) {
      for (int[] s : shapes) {
        for (int layout = 0; layout < 2; layout++) {
          Gemm64.View a = matrix(s[0], s[2], layout);
          Gemm64.View b = matrix(s[2], s[1], 1 - layout);
          double[] c1 = new double[s[0] * s[1]];
          double[] c2 = new double[s[0] * s[1]];
          Parallel.setThreads(1);
          ThinGemm64.gemm(scalar, s[0], s[1], s[2], 1, a, b, 0, new Gemm64.View(c1, 0, s[1], 1));
          Parallel.setThreads(2);
          ThinGemm64.gemm(scalar, s[0], s[1], s[2], 1, a, b, 0, new Gemm64.View(c2, 0, s[1], 1));
          assertArrayEquals(c1, c2);
        }
      }
    }
  }
}
