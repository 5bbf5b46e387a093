package dev.hypatia.benchmarks;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import java.util.SplittableRandom;

/** Seeded inputs and result checks shared by the benchmarks. */
final class BenchData {
  private BenchData() {}

  /** {@code n} doubles uniform in [lo, hi), from {@code seed}. */
  static double[] uniform(long seed, int n, double lo, double hi) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = lo + (hi - lo) * r.nextDouble();
    }
    return a;
  }

  /** {@code a} rounded to float. */
  static float[] toFloat(double[] a) {
    float[] f = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      f[i] = (float) a[i];
    }
    return f;
  }

  /** The dtype named by a benchmark parameter ("float64" or "float32"). */
  static DType dtype(String name) {
    switch (name) {
      case "float64":
        return DType.FLOAT64;
      case "float32":
        return DType.FLOAT32;
      default:
        throw new IllegalArgumentException("dtype must be float64 or float32, got " + name);
    }
  }

  /**
   * Fails the benchmark's setup when {@code actual} and {@code expected} differ by more than {@code
   * tol * (1 + |expected|)} anywhere: a benchmark of a wrong result measures nothing.
   */
  static void check(String what, NDArray actual, double[] expected, double tol) {
    double[] a = actual.toDoubleArray();
    if (a.length != expected.length) {
      throw new IllegalStateException(
          what + ": " + a.length + " elements, expected " + expected.length);
    }
    for (int i = 0; i < a.length; i++) {
      if (!(Math.abs(a[i] - expected[i]) <= tol * (1 + Math.abs(expected[i])))) {
        throw new IllegalStateException(
            what + ": element " + i + " is " + a[i] + ", expected " + expected[i]);
      }
    }
  }

  /** {@link #check(String, NDArray, double[], double)} for float results. */
  static void check(String what, NDArray actual, float[] expected, double tol) {
    double[] e = new double[expected.length];
    for (int i = 0; i < e.length; i++) {
      e[i] = expected[i];
    }
    check(what, actual, e, tol);
  }

  /**
   * Sets the run-time thread count before the first compile: the system property, and {@code
   * MatrixKernels.setThreads} when that class exists (called reflectively until it is merged).
   */
  static void setThreads(int threads) {
    System.setProperty("hypatia.threads", Integer.toString(threads));
    try {
      Class.forName("dev.hypatia.jvm.runtime.MatrixKernels")
          .getMethod("setThreads", int.class)
          .invoke(null, threads);
    } catch (ReflectiveOperationException e) {
      // not on this branch yet: the system property is all there is
    }
  }
}
