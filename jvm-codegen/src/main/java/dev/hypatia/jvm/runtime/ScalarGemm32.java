package dev.hypatia.jvm.runtime;

/**
 * The scalar float32 micro-kernel of {@link Gemm32}: a 4-by-4 register block in plain Java that C2
 * keeps in registers, for JVMs without the Vector API (and as the reference the vector kernel is
 * tested against).
 */
final class ScalarGemm32 implements Gemm32.Kernel {
  static final ScalarGemm32 INSTANCE = new ScalarGemm32();

  private static final int MR = 4;
  private static final int NR = 4;

  private ScalarGemm32() {}

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
    float c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
    float c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
    for (int p = 0; p < kc; p++, pa += MR, pb += NR) {
      float b0 = bp[pb], b1 = bp[pb + 1], b2 = bp[pb + 2], b3 = bp[pb + 3];
      float a = ap[pa];
      c00 += a * b0;
      c01 += a * b1;
      c02 += a * b2;
      c03 += a * b3;
      a = ap[pa + 1];
      c10 += a * b0;
      c11 += a * b1;
      c12 += a * b2;
      c13 += a * b3;
      a = ap[pa + 2];
      c20 += a * b0;
      c21 += a * b1;
      c22 += a * b2;
      c23 += a * b3;
      a = ap[pa + 3];
      c30 += a * b0;
      c31 += a * b1;
      c32 += a * b2;
      c33 += a * b3;
    }
    row(tile, 0, c00, c01, c02, c03);
    row(tile, 4, c10, c11, c12, c13);
    row(tile, 8, c20, c21, c22, c23);
    row(tile, 12, c30, c31, c32, c33);
    store(tile, NR, alpha, beta, c, rows, cols);
  }

  private static void row(float[] tile, int at, float x0, float x1, float x2, float x3) {
    tile[at] = x0;
    tile[at + 1] = x1;
    tile[at + 2] = x2;
    tile[at + 3] = x3;
  }

  /** C[i, j] = alpha * tile[i * nr + j] + beta * C[i, j] (beta == 0 overwrites). */
  static void store(
      float[] tile, int nr, float alpha, float beta, Gemm32.View c, int rows, int cols) {
    float[] d = c.data();
    for (int i = 0; i < rows; i++) {
      int q = c.offset() + i * c.rowStride();
      for (int j = 0; j < cols; j++, q += c.colStride()) {
        float v = alpha * tile[i * nr + j];
        d[q] = beta == 0.0 ? v : v + beta * d[q];
      }
    }
  }

  @Override
  public float dot(int k, float[] x, int xOff, float[] y, int yOff) {
    float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int p = 0;
    for (; p + 3 < k; p += 4) {
      s0 += x[xOff + p] * y[yOff + p];
      s1 += x[xOff + p + 1] * y[yOff + p + 1];
      s2 += x[xOff + p + 2] * y[yOff + p + 2];
      s3 += x[xOff + p + 3] * y[yOff + p + 3];
    }
    for (; p < k; p++) {
      s0 += x[xOff + p] * y[yOff + p];
    }
    return (s0 + s1) + (s2 + s3);
  }

  @Override
  public void axpy(int n, float s, float[] x, int xOff, float[] y, int yOff) {
    for (int t = 0; t < n; t++) {
      y[yOff + t] += s * x[xOff + t];
    }
  }
}
