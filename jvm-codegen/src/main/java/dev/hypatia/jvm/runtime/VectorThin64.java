package dev.hypatia.jvm.runtime;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API inner loop of {@link ThinGemm64}: 8 rows of A, each element broadcast, times a
 * packed panel of two vectors of B's columns, in sixteen accumulators. Every element of the result
 * is one chain of fused multiply-adds in the order of p, whether its row falls in a full block or
 * not, so splitting the work differently never changes a bit. The update form (for A =
 * X<sup>T</sup>) adds 8 rows of X times 2 columns of G to C transposed, one fused multiply-add per
 * term in the order of X's rows. Loaded only when {@link VectorSupport#available()}.
 */
final class VectorThin64 implements ThinGemm64.Kernel {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  private static final int W = 2 * L;

  /** Elements of a row of X an update sweeps before moving to the next columns (L1-sized). */
  private static final int IB = 256;

  private VectorThin64() {}

  /** The kernel for this JVM's preferred vector width. */
  static ThinGemm64.Kernel create() {
    return new VectorThin64();
  }

  @Override
  public int width() {
    return W;
  }

  @Override
  public void tile(
      int kc, double[] a, int aOff, int rs, int rows, double[] bp, int pb, double[] acc, int q) {
    if (rows == ThinGemm64.ROWS) {
      tile8(kc, a, aOff, rs, bp, pb, acc, q);
    } else {
      for (int r = 0; r < rows; r++) {
        tile1(kc, a, aOff + r * rs, bp, pb, acc, q + r * W);
      }
    }
  }

  /** One row: acc[q + c] = sum_p a[x + p] * bp[pb + p * W + c]. */
  private static void tile1(int kc, double[] a, int x, double[] bp, int pb, double[] acc, int q) {
    DoubleVector s0 = DoubleVector.zero(S);
    DoubleVector s1 = s0;
    for (int p = 0; p < kc; p++) {
      DoubleVector v = DoubleVector.broadcast(S, a[x + p]);
      s0 = v.fma(DoubleVector.fromArray(S, bp, pb + p * W), s0);
      s1 = v.fma(DoubleVector.fromArray(S, bp, pb + p * W + L), s1);
    }
    s0.intoArray(acc, q);
    s1.intoArray(acc, q + L);
  }

  /** Rows 0..7: the sums of {@link #tile} for a full block, in registers. */
  private static void tile8(
      int kc, double[] a, int aOff, int rs, double[] bp, int pb, double[] acc, int q) {
    int x0 = aOff + 0 * rs;
    int x1 = aOff + 1 * rs;
    int x2 = aOff + 2 * rs;
    int x3 = aOff + 3 * rs;
    int x4 = aOff + 4 * rs;
    int x5 = aOff + 5 * rs;
    int x6 = aOff + 6 * rs;
    int x7 = aOff + 7 * rs;
    DoubleVector z = DoubleVector.zero(S);
    DoubleVector s00 = z,
        s01 = z,
        s10 = z,
        s11 = z,
        s20 = z,
        s21 = z,
        s30 = z,
        s31 = z,
        s40 = z,
        s41 = z,
        s50 = z,
        s51 = z,
        s60 = z,
        s61 = z,
        s70 = z,
        s71 = z;
    for (int p = 0; p < kc; p++) {
      DoubleVector b0 = DoubleVector.fromArray(S, bp, pb + p * W);
      DoubleVector b1 = DoubleVector.fromArray(S, bp, pb + p * W + L);
      DoubleVector v;
      v = DoubleVector.broadcast(S, a[x0 + p]);
      s00 = v.fma(b0, s00);
      s01 = v.fma(b1, s01);
      v = DoubleVector.broadcast(S, a[x1 + p]);
      s10 = v.fma(b0, s10);
      s11 = v.fma(b1, s11);
      v = DoubleVector.broadcast(S, a[x2 + p]);
      s20 = v.fma(b0, s20);
      s21 = v.fma(b1, s21);
      v = DoubleVector.broadcast(S, a[x3 + p]);
      s30 = v.fma(b0, s30);
      s31 = v.fma(b1, s31);
      v = DoubleVector.broadcast(S, a[x4 + p]);
      s40 = v.fma(b0, s40);
      s41 = v.fma(b1, s41);
      v = DoubleVector.broadcast(S, a[x5 + p]);
      s50 = v.fma(b0, s50);
      s51 = v.fma(b1, s51);
      v = DoubleVector.broadcast(S, a[x6 + p]);
      s60 = v.fma(b0, s60);
      s61 = v.fma(b1, s61);
      v = DoubleVector.broadcast(S, a[x7 + p]);
      s70 = v.fma(b0, s70);
      s71 = v.fma(b1, s71);
    }
    s00.intoArray(acc, q + 0 * W);
    s01.intoArray(acc, q + 0 * W + L);
    s10.intoArray(acc, q + 1 * W);
    s11.intoArray(acc, q + 1 * W + L);
    s20.intoArray(acc, q + 2 * W);
    s21.intoArray(acc, q + 2 * W + L);
    s30.intoArray(acc, q + 3 * W);
    s31.intoArray(acc, q + 3 * W + L);
    s40.intoArray(acc, q + 4 * W);
    s41.intoArray(acc, q + 4 * W + L);
    s50.intoArray(acc, q + 5 * W);
    s51.intoArray(acc, q + 5 * W + L);
    s60.intoArray(acc, q + 6 * W);
    s61.intoArray(acc, q + 6 * W + L);
    s70.intoArray(acc, q + 7 * W);
    s71.intoArray(acc, q + 7 * W + L);
  }

  @Override
  public void update(
      int m, double[] x, int xOff, int ldx, int rows, double[] g, int n, double[] ct) {
    for (int i0 = 0; i0 < m; i0 += IB) {
      int len = Math.min(IB, m - i0);
      int j = 0;
      if (rows == ThinGemm64.XROWS) {
        for (; j + 1 < n; j += 2) {
          update8x2(len, x, xOff + i0, ldx, g, j, n, ct, j * m + i0, m);
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

  /** Columns j and j + 1 of C (from ct[q], the second m further) += 8 rows of x times g. */
  private static void update8x2(
      int len, double[] x, int o, int ldx, double[] g, int j, int n, double[] ct, int q, int m) {
    int lv = S.loopBound(len);
    DoubleVector g0 = DoubleVector.broadcast(S, g[0 * n + j]);
    DoubleVector h0 = DoubleVector.broadcast(S, g[0 * n + j + 1]);
    DoubleVector g1 = DoubleVector.broadcast(S, g[1 * n + j]);
    DoubleVector h1 = DoubleVector.broadcast(S, g[1 * n + j + 1]);
    DoubleVector g2 = DoubleVector.broadcast(S, g[2 * n + j]);
    DoubleVector h2 = DoubleVector.broadcast(S, g[2 * n + j + 1]);
    DoubleVector g3 = DoubleVector.broadcast(S, g[3 * n + j]);
    DoubleVector h3 = DoubleVector.broadcast(S, g[3 * n + j + 1]);
    DoubleVector g4 = DoubleVector.broadcast(S, g[4 * n + j]);
    DoubleVector h4 = DoubleVector.broadcast(S, g[4 * n + j + 1]);
    DoubleVector g5 = DoubleVector.broadcast(S, g[5 * n + j]);
    DoubleVector h5 = DoubleVector.broadcast(S, g[5 * n + j + 1]);
    DoubleVector g6 = DoubleVector.broadcast(S, g[6 * n + j]);
    DoubleVector h6 = DoubleVector.broadcast(S, g[6 * n + j + 1]);
    DoubleVector g7 = DoubleVector.broadcast(S, g[7 * n + j]);
    DoubleVector h7 = DoubleVector.broadcast(S, g[7 * n + j + 1]);
    int q1 = q + m;
    for (int i = 0; i < lv; i += L) {
      DoubleVector x0 = DoubleVector.fromArray(S, x, o + 0 * ldx + i);
      DoubleVector x1 = DoubleVector.fromArray(S, x, o + 1 * ldx + i);
      DoubleVector x2 = DoubleVector.fromArray(S, x, o + 2 * ldx + i);
      DoubleVector x3 = DoubleVector.fromArray(S, x, o + 3 * ldx + i);
      DoubleVector x4 = DoubleVector.fromArray(S, x, o + 4 * ldx + i);
      DoubleVector x5 = DoubleVector.fromArray(S, x, o + 5 * ldx + i);
      DoubleVector x6 = DoubleVector.fromArray(S, x, o + 6 * ldx + i);
      DoubleVector x7 = DoubleVector.fromArray(S, x, o + 7 * ldx + i);
      DoubleVector c = DoubleVector.fromArray(S, ct, q + i);
      c = x0.fma(g0, c);
      c = x1.fma(g1, c);
      c = x2.fma(g2, c);
      c = x3.fma(g3, c);
      c = x4.fma(g4, c);
      c = x5.fma(g5, c);
      c = x6.fma(g6, c);
      c = x7.fma(g7, c);
      c.intoArray(ct, q + i);
      DoubleVector d = DoubleVector.fromArray(S, ct, q1 + i);
      d = x0.fma(h0, d);
      d = x1.fma(h1, d);
      d = x2.fma(h2, d);
      d = x3.fma(h3, d);
      d = x4.fma(h4, d);
      d = x5.fma(h5, d);
      d = x6.fma(h6, d);
      d = x7.fma(h7, d);
      d.intoArray(ct, q1 + i);
    }
    for (int i = lv; i < len; i++) {
      double c = ct[q + i];
      double d = ct[q1 + i];
      for (int r = 0; r < ThinGemm64.XROWS; r++) {
        double v = x[o + r * ldx + i];
        c = Math.fma(v, g[r * n + j], c);
        d = Math.fma(v, g[r * n + j + 1], d);
      }
      ct[q + i] = c;
      ct[q1 + i] = d;
    }
  }
}
