package dev.hypatia.jvm.runtime;

/**
 * The plain-Java inner loop of {@link ThinGemm64}, for JVMs without the Vector API (and as the
 * reference the vector loop is tested against): panels four columns wide.
 */
final class ScalarThin64 implements ThinGemm64.Kernel {
  static final ScalarThin64 INSTANCE = new ScalarThin64();

  private static final int W = 4;

  private ScalarThin64() {}

  @Override
  public int width() {
    return W;
  }

  @Override
  public void tile(
      int kc, double[] a, int aOff, int rs, int rows, double[] bp, int pb, double[] acc, int q) {
    for (int r = 0; r < rows; r++, q += W) {
      double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (int p = 0, o = aOff + r * rs, t = pb; p < kc; p++, t += W) {
        double v = a[o + p];
        s0 += v * bp[t];
        s1 += v * bp[t + 1];
        s2 += v * bp[t + 2];
        s3 += v * bp[t + 3];
      }
      acc[q] = s0;
      acc[q + 1] = s1;
      acc[q + 2] = s2;
      acc[q + 3] = s3;
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
