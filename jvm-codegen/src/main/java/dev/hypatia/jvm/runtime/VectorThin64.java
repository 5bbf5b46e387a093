package dev.hypatia.jvm.runtime;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API inner loops of {@link ThinGemm64}. Each element of a result is computed the same
 * way whatever block it falls in (one vector accumulator per dot product, then its lanes' sum, then
 * the tail by fused multiply-adds; one fused multiply-add per update term, in row order), so
 * splitting the work differently never changes a bit. Loaded only when {@link
 * VectorSupport#available()}.
 */
final class VectorThin64 implements ThinGemm64.Kernel {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  /** Elements of a row of X an update sweeps before moving to the next columns (L1-sized). */
  private static final int IB = 256;

  private VectorThin64() {}

  /** The kernel for this JVM's preferred vector width. */
  static ThinGemm64.Kernel create() {
    return new VectorThin64();
  }

  @Override
  public void dots(
      int k, double[] a, int aOff, int lda, int rows, double[] bt, int n, double[] out) {
    int j = 0;
    if (rows == ThinGemm64.ROWS) {
      for (; j + 1 < n; j += 2) {
        dots4x2(k, a, aOff, lda, bt, j, n, out);
      }
    }
    for (; j < n; j++) {
      for (int r = 0; r < rows; r++) {
        out[r * n + j] = dot(k, a, aOff + r * lda, bt, j * k);
      }
    }
  }

  /** One dot product, as each lane-wise accumulation below does it. */
  private static double dot(int k, double[] a, int x, double[] bt, int y) {
    int kv = S.loopBound(k);
    DoubleVector s = DoubleVector.zero(S);
    for (int p = 0; p < kv; p += L) {
      s = DoubleVector.fromArray(S, a, x + p).fma(DoubleVector.fromArray(S, bt, y + p), s);
    }
    double v = s.reduceLanes(VectorOperators.ADD);
    for (int p = kv; p < k; p++) {
      v = Math.fma(a[x + p], bt[y + p], v);
    }
    return v;
  }

  /** Rows 0..3 of a (from aOff) dotted with columns j and j + 1 of B. */
  private static void dots4x2(
      int k, double[] a, int aOff, int lda, double[] bt, int j, int n, double[] out) {
    int kv = S.loopBound(k);
    int y0 = j * k;
    int y1 = y0 + k;
    int x0 = aOff;
    int x1 = x0 + lda;
    int x2 = x1 + lda;
    int x3 = x2 + lda;
    DoubleVector z = DoubleVector.zero(S);
    DoubleVector s00 = z, s01 = z, s10 = z, s11 = z, s20 = z, s21 = z, s30 = z, s31 = z;
    for (int p = 0; p < kv; p += L) {
      DoubleVector b0 = DoubleVector.fromArray(S, bt, y0 + p);
      DoubleVector b1 = DoubleVector.fromArray(S, bt, y1 + p);
      DoubleVector v = DoubleVector.fromArray(S, a, x0 + p);
      s00 = v.fma(b0, s00);
      s01 = v.fma(b1, s01);
      v = DoubleVector.fromArray(S, a, x1 + p);
      s10 = v.fma(b0, s10);
      s11 = v.fma(b1, s11);
      v = DoubleVector.fromArray(S, a, x2 + p);
      s20 = v.fma(b0, s20);
      s21 = v.fma(b1, s21);
      v = DoubleVector.fromArray(S, a, x3 + p);
      s30 = v.fma(b0, s30);
      s31 = v.fma(b1, s31);
    }
    out[j] = s00.reduceLanes(VectorOperators.ADD);
    out[j + 1] = s01.reduceLanes(VectorOperators.ADD);
    out[n + j] = s10.reduceLanes(VectorOperators.ADD);
    out[n + j + 1] = s11.reduceLanes(VectorOperators.ADD);
    out[2 * n + j] = s20.reduceLanes(VectorOperators.ADD);
    out[2 * n + j + 1] = s21.reduceLanes(VectorOperators.ADD);
    out[3 * n + j] = s30.reduceLanes(VectorOperators.ADD);
    out[3 * n + j + 1] = s31.reduceLanes(VectorOperators.ADD);
    for (int p = kv; p < k; p++) {
      for (int r = 0; r < 4; r++) {
        double v = a[aOff + r * lda + p];
        out[r * n + j] = Math.fma(v, bt[y0 + p], out[r * n + j]);
        out[r * n + j + 1] = Math.fma(v, bt[y1 + p], out[r * n + j + 1]);
      }
    }
  }

  @Override
  public void update(
      int m, double[] x, int xOff, int ldx, int rows, double[] g, int n, double[] ct) {
    for (int i0 = 0; i0 < m; i0 += IB) {
      int len = Math.min(IB, m - i0);
      int j = 0;
      if (rows == ThinGemm64.ROWS) {
        for (; j + 1 < n; j += 2) {
          update4x2(len, x, xOff + i0, ldx, g, j, n, ct, j * m + i0, m);
        }
      }
      for (; j < n; j++) {
        for (int r = 0; r < rows; r++) {
          axpy(len, g[r * n + j], x, xOff + i0 + r * ldx, ct, j * m + i0);
        }
      }
    }
  }

  /** ct[q + i] += s * x[o + i] for i below len, fused. */
  private static void axpy(int len, double s, double[] x, int o, double[] ct, int q) {
    int lv = S.loopBound(len);
    DoubleVector sv = DoubleVector.broadcast(S, s);
    for (int i = 0; i < lv; i += L) {
      DoubleVector.fromArray(S, x, o + i)
          .fma(sv, DoubleVector.fromArray(S, ct, q + i))
          .intoArray(ct, q + i);
    }
    for (int i = lv; i < len; i++) {
      ct[q + i] = Math.fma(x[o + i], s, ct[q + i]);
    }
  }

  /** Columns j and j + 1 of C (rows q.. of ct, the second m further) += 4 rows of x times g. */
  private static void update4x2(
      int len, double[] x, int o, int ldx, double[] g, int j, int n, double[] ct, int q, int m) {
    int lv = S.loopBound(len);
    DoubleVector g0 = DoubleVector.broadcast(S, g[j]);
    DoubleVector g1 = DoubleVector.broadcast(S, g[n + j]);
    DoubleVector g2 = DoubleVector.broadcast(S, g[2 * n + j]);
    DoubleVector g3 = DoubleVector.broadcast(S, g[3 * n + j]);
    DoubleVector h0 = DoubleVector.broadcast(S, g[j + 1]);
    DoubleVector h1 = DoubleVector.broadcast(S, g[n + j + 1]);
    DoubleVector h2 = DoubleVector.broadcast(S, g[2 * n + j + 1]);
    DoubleVector h3 = DoubleVector.broadcast(S, g[3 * n + j + 1]);
    int o1 = o + ldx;
    int o2 = o1 + ldx;
    int o3 = o2 + ldx;
    int q1 = q + m;
    for (int i = 0; i < lv; i += L) {
      DoubleVector x0 = DoubleVector.fromArray(S, x, o + i);
      DoubleVector x1 = DoubleVector.fromArray(S, x, o1 + i);
      DoubleVector x2 = DoubleVector.fromArray(S, x, o2 + i);
      DoubleVector x3 = DoubleVector.fromArray(S, x, o3 + i);
      DoubleVector c = DoubleVector.fromArray(S, ct, q + i);
      x3.fma(g3, x2.fma(g2, x1.fma(g1, x0.fma(g0, c)))).intoArray(ct, q + i);
      c = DoubleVector.fromArray(S, ct, q1 + i);
      x3.fma(h3, x2.fma(h2, x1.fma(h1, x0.fma(h0, c)))).intoArray(ct, q1 + i);
    }
    for (int i = lv; i < len; i++) {
      double c = ct[q + i];
      double d = ct[q1 + i];
      for (int r = 0; r < 4; r++) {
        double v = x[o + r * ldx + i];
        c = Math.fma(v, g[r * n + j], c);
        d = Math.fma(v, g[r * n + j + 1], d);
      }
      ct[q + i] = c;
      ct[q1 + i] = d;
    }
  }
}
