package dev.hypatia.benchmarks;

/** Hand-written scalar Java loops: what a programmer writes without SIMD or a compiler. */
final class ScalarBaselines {
  private ScalarBaselines() {}

  /** W1 {@code exp(-x*x)*sin(y)+0.5*x} into a new array. */
  static double[] w1(double[] x, double[] y) {
    double[] out = new double[x.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.exp(-x[i] * x[i]) * Math.sin(y[i]) + 0.5 * x[i];
    }
    return out;
  }

  /** W1 on floats (java.lang.Math works in double), into a new array. */
  static float[] w1(float[] x, float[] y) {
    float[] out = new float[x.length];
    for (int i = 0; i < out.length; i++) {
      double a = x[i];
      out[i] = (float) (Math.exp(-a * a) * Math.sin(y[i]) + 0.5 * a);
    }
    return out;
  }

  /** W2 {@code sum(exp(x)*y)}. */
  static double w2(double[] x, double[] y) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += Math.exp(x[i]) * y[i];
    }
    return s;
  }

  /** W4 {@code a (n x n) . b (n x n)}, i-k-j loop order, into a new array. */
  static double[] matmul(double[] a, double[] b, int n) {
    double[] c = new double[n * n];
    for (int i = 0; i < n; i++) {
      int ci = i * n;
      for (int k = 0; k < n; k++) {
        double aik = a[ci + k];
        int bk = k * n;
        for (int j = 0; j < n; j++) {
          c[ci + j] += aik * b[bk + j];
        }
      }
    }
    return c;
  }

  /** {@link #matmul(double[], double[], int)} on floats. */
  static float[] matmul(float[] a, float[] b, int n) {
    float[] c = new float[n * n];
    for (int i = 0; i < n; i++) {
      int ci = i * n;
      for (int k = 0; k < n; k++) {
        float aik = a[ci + k];
        int bk = k * n;
        for (int j = 0; j < n; j++) {
          c[ci + j] += aik * b[bk + j];
        }
      }
    }
    return c;
  }
}
