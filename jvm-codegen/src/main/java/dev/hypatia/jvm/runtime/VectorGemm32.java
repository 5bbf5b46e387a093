package dev.hypatia.jvm.runtime;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API float32 micro-kernel of {@link Gemm32}: a block of 6 rows by two vectors of
 * columns held in twelve accumulators, updated by fused multiply-adds. Loaded only when {@link
 * VectorSupport#available()}.
 */
final class VectorGemm32 implements Gemm32.Kernel {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  private static final int MR = 6;
  private static final int NR = 2 * L;

  private VectorGemm32() {}

  /** The kernel for this JVM's preferred vector width. */
  static Gemm32.Kernel create() {
    return new VectorGemm32();
  }

  @Override
  public int mr() {
    return MR;
  }

  @Override
  public int nr() {
    return NR;
  }

  @Override
  public void multiply(
      int kc,
      float[] ap,
      int pa,
      float[] bp,
      int pb,
      float alpha,
      float beta,
      Gemm32.View c,
      int rows,
      int cols,
      float[] tile) {
    FloatVector z = FloatVector.zero(S);
    FloatVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z;
    FloatVector c30 = z, c31 = z, c40 = z, c41 = z, c50 = z, c51 = z;
    for (int p = 0; p < kc; p++, pa += MR, pb += NR) {
      FloatVector b0 = FloatVector.fromArray(S, bp, pb);
      FloatVector b1 = FloatVector.fromArray(S, bp, pb + L);
      FloatVector a = FloatVector.broadcast(S, ap[pa]);
      c00 = a.fma(b0, c00);
      c01 = a.fma(b1, c01);
      a = FloatVector.broadcast(S, ap[pa + 1]);
      c10 = a.fma(b0, c10);
      c11 = a.fma(b1, c11);
      a = FloatVector.broadcast(S, ap[pa + 2]);
      c20 = a.fma(b0, c20);
      c21 = a.fma(b1, c21);
      a = FloatVector.broadcast(S, ap[pa + 3]);
      c30 = a.fma(b0, c30);
      c31 = a.fma(b1, c31);
      a = FloatVector.broadcast(S, ap[pa + 4]);
      c40 = a.fma(b0, c40);
      c41 = a.fma(b1, c41);
      a = FloatVector.broadcast(S, ap[pa + 5]);
      c50 = a.fma(b0, c50);
      c51 = a.fma(b1, c51);
    }
    // Vectors stored before any branch or call: C2 (JDK 17) boxes loop accumulators that reach
    // a call, allocating in the loop.
    c00.intoArray(tile, 0);
    c01.intoArray(tile, L);
    c10.intoArray(tile, NR);
    c11.intoArray(tile, NR + L);
    c20.intoArray(tile, 2 * NR);
    c21.intoArray(tile, 2 * NR + L);
    c30.intoArray(tile, 3 * NR);
    c31.intoArray(tile, 3 * NR + L);
    c40.intoArray(tile, 4 * NR);
    c41.intoArray(tile, 4 * NR + L);
    c50.intoArray(tile, 5 * NR);
    c51.intoArray(tile, 5 * NR + L);
    if (rows == MR && cols == NR && c.colStride() == 1) {
      update(tile, alpha, beta, c.data(), c.offset(), c.rowStride());
    } else {
      ScalarGemm32.store(tile, NR, alpha, beta, c, rows, cols);
    }
  }

  /** A full tile into C with unit column stride: d[q + i*rs + j] = alpha*tile + beta*d. */
  private static void update(float[] tile, float alpha, float beta, float[] d, int q, int rs) {
    for (int r = 0; r < MR; r++) {
      for (int j = 0; j < NR; j += L) {
        FloatVector x = FloatVector.fromArray(S, tile, r * NR + j).mul(alpha);
        if (beta != 0.0) {
          x = x.add(FloatVector.fromArray(S, d, q + r * rs + j).mul(beta));
        }
        x.intoArray(d, q + r * rs + j);
      }
    }
  }

  @Override
  public float dot(int k, float[] x, int xOff, float[] y, int yOff) {
    FloatVector s0 = FloatVector.zero(S);
    FloatVector s1 = s0;
    int p = 0;
    for (; p + 2 * L <= k; p += 2 * L) {
      s0 = FloatVector.fromArray(S, x, xOff + p).fma(FloatVector.fromArray(S, y, yOff + p), s0);
      s1 =
          FloatVector.fromArray(S, x, xOff + p + L)
              .fma(FloatVector.fromArray(S, y, yOff + p + L), s1);
    }
    float s = s0.add(s1).reduceLanes(VectorOperators.ADD);
    for (; p < k; p++) {
      s += x[xOff + p] * y[yOff + p];
    }
    return s;
  }

  @Override
  public void axpy(int n, float s, float[] x, int xOff, float[] y, int yOff) {
    FloatVector sv = FloatVector.broadcast(S, s);
    int t = 0;
    for (; t + L <= n; t += L) {
      FloatVector.fromArray(S, x, xOff + t)
          .fma(sv, FloatVector.fromArray(S, y, yOff + t))
          .intoArray(y, yOff + t);
    }
    for (; t < n; t++) {
      y[yOff + t] += s * x[xOff + t];
    }
  }
}
