package dev.hypatia.benchmarks;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Hand-written Vector API loops: the baselines generated SIMD code is held against. Species are
 * {@code static final} (a non-final species boxes every step: see the shared notes).
 */
final class VectorBaselines {
  private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

  private VectorBaselines() {}

  /** W1 {@code exp(-x*x)*sin(y)+0.5*x} into a new array. */
  static double[] w1(double[] x, double[] y) {
    int n = x.length;
    double[] out = new double[n];
    int i = 0;
    for (int upper = D.loopBound(n); i < upper; i += D.length()) {
      DoubleVector a = DoubleVector.fromArray(D, x, i);
      DoubleVector b = DoubleVector.fromArray(D, y, i);
      a.mul(a)
          .neg()
          .lanewise(VectorOperators.EXP)
          .mul(b.lanewise(VectorOperators.SIN))
          .add(a.mul(0.5))
          .intoArray(out, i);
    }
    for (; i < n; i++) {
      out[i] = Math.exp(-x[i] * x[i]) * Math.sin(y[i]) + 0.5 * x[i];
    }
    return out;
  }

  /** W1 in float lanes, into a new array. */
  static float[] w1(float[] x, float[] y) {
    int n = x.length;
    float[] out = new float[n];
    int i = 0;
    for (int upper = F.loopBound(n); i < upper; i += F.length()) {
      FloatVector a = FloatVector.fromArray(F, x, i);
      FloatVector b = FloatVector.fromArray(F, y, i);
      a.mul(a)
          .neg()
          .lanewise(VectorOperators.EXP)
          .mul(b.lanewise(VectorOperators.SIN))
          .add(a.mul(0.5f))
          .intoArray(out, i);
    }
    for (; i < n; i++) {
      out[i] = (float) (Math.exp(-x[i] * x[i]) * Math.sin(y[i]) + 0.5 * x[i]);
    }
    return out;
  }

  /** W2 {@code sum(exp(x)*y)} with a vector accumulator (fused multiply-add). */
  static double w2(double[] x, double[] y) {
    int n = x.length;
    DoubleVector acc = DoubleVector.zero(D);
    int i = 0;
    for (int upper = D.loopBound(n); i < upper; i += D.length()) {
      DoubleVector a = DoubleVector.fromArray(D, x, i);
      DoubleVector b = DoubleVector.fromArray(D, y, i);
      acc = a.lanewise(VectorOperators.EXP).fma(b, acc);
    }
    double s = acc.reduceLanes(VectorOperators.ADD);
    for (; i < n; i++) {
      s += Math.exp(x[i]) * y[i];
    }
    return s;
  }
}
