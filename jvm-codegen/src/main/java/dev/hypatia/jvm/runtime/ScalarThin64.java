package dev.hypatia.jvm.runtime;

/**
 * The plain-Java inner loops of {@link ThinGemm64}, for JVMs without the Vector API (and as the
 * reference the vector loops are tested against).
 */
final class ScalarThin64 implements ThinGemm64.Kernel {
  static final ScalarThin64 INSTANCE = new ScalarThin64();

  private ScalarThin64() {}

  @Override
  public void dots(
      int k, double[] a, int aOff, int lda, int rows, double[] bt, int n, double[] out) {
    for (int r = 0; r < rows; r++) {
      int x = aOff + r * lda;
      for (int j = 0; j < n; j++) {
        int y = j * k;
        double s0 = 0, s1 = 0;
        int p = 0;
        for (; p + 1 < k; p += 2) {
          s0 += a[x + p] * bt[y + p];
          s1 += a[x + p + 1] * bt[y + p + 1];
        }
        if (p < k) {
          s0 += a[x + p] * bt[y + p];
        }
        out[r * n + j] = s0 + s1;
      }
    }
  }

  @Override
  public void update(
      int m, double[] x, int xOff, int ldx, int rows, double[] g, int n, double[] ct) {
    for (int j = 0; j < n; j++) {
      int q = j * m;
      for (int r = 0; r < rows; r++) {
        double s = g[r * n + j];
        int o = xOff + r * ldx;
        for (int i = 0; i < m; i++) {
          ct[q + i] += x[o + i] * s;
        }
      }
    }
  }
}
