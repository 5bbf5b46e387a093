package dev.hypatia.jvm.runtime;

/**
 * The plain-Java inner loop of {@link ThinGemm32}, for JVMs without the Vector API (and as the
 * reference the vector loop is tested against): panels four columns wide.
 */
final class ScalarThin32 implements ThinGemm32.Kernel {
  static final ScalarThin32 INSTANCE = new ScalarThin32();

  private static final int W = 4;

  private ScalarThin32() {}

  @Override
  public int width() {
    return W;
  }

  @Override
  public void tile(
      int kc, float[] a, int aOff, int rs, int rows, float[] bp, int pb, float[] acc, int q) {
    for (int r = 0; r < rows; r++, q += W) {
      float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (int p = 0, o = aOff + r * rs, t = pb; p < kc; p++, t += W) {
        float v = a[o + p];
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
  public void update(int m, float[] x, int xOff, int ldx, int rows, float[] g, int n, float[] ct) {
    for (int j = 0; j < n; j++) {
      int q = j * m;
      for (int r = 0; r < rows; r++) {
        float s = g[r * n + j];
        int o = xOff + r * ldx;
        for (int i = 0; i < m; i++) {
          ct[q + i] += x[o + i] * s;
        }
      }
    }
  }
}
