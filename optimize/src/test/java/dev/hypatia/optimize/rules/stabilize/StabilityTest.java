package dev.hypatia.optimize.rules.stabilize;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.grad.Grad;
import dev.hypatia.optimize.Mode;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Elementwise;
import dev.hypatia.symbolic.ops.NN;
import dev.hypatia.symbolic.ops.Reductions;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The stability suite: each expression the stabilize phase knows, and its gradient, at inputs where
 * the naive graph gives inf, nan or a wrong 0, is finite and correct after FAST_RUN. References are
 * computed stably in plain Java.
 */
class StabilityTest {
  private static final double REL = 1e-12;
  private static final double[] EXTREME = {-800, 800, 0.5, -3};
  private static final double[][] NEAR_1000 = {{1000, 999, 0}, {998, 1000, 997.5}};

  private final Variable x = T.dvector("x");
  private final Variable m = T.dmatrix("m");

  /** log(1 + exp(x)) without overflow. */
  private static double softplus(double v) {
    return Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)));
  }

  /** 1 / (1 + exp(-x)) without overflow. */
  private static double sigmoid(double v) {
    return v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v));
  }

  /** Each row's log(sum(exp(row))), shifted by its max. */
  private static double[] logsumexp(double[][] a) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (double v : a[i]) {
        max = Math.max(max, v);
      }
      double s = 0;
      for (double v : a[i]) {
        s += Math.exp(v - max);
      }
      out[i] = max + Math.log(s);
    }
    return out;
  }

  private static double[][] logSoftmax(double[][] a) {
    double[] lse = logsumexp(a);
    double[][] out = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      out[i] = new double[a[i].length];
      for (int j = 0; j < a[i].length; j++) {
        out[i][j] = a[i][j] - lse[i];
      }
    }
    return out;
  }

  private static double[][] softmax(double[][] a) {
    double[][] out = logSoftmax(a);
    for (double[] row : out) {
      for (int j = 0; j < row.length; j++) {
        row[j] = Math.exp(row[j]);
      }
    }
    return out;
  }

  private static double sum(double[] v) {
    double s = 0;
    for (double e : v) {
      s += e;
    }
    return s;
  }

  private static double[] map(double[] v, DoubleUnaryOperator f) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = f.applyAsDouble(v[i]);
    }
    return out;
  }

  /** Whether v is finite and within REL of e (relative; absolute near 1 and above). */
  private static boolean close(double e, double v) {
    double scale = Math.abs(e) < 1e-6 ? Math.abs(e) : Math.max(1, Math.abs(e));
    return Double.isFinite(v) && Math.abs(v - e) <= REL * scale;
  }

  /** Whether a is finite and within REL of expected everywhere. */
  private static boolean right(NDArray a, NDArray expected) {
    for (int i = 0; i < a.size(); i++) {
      if (!close(expected.flatDouble(i), a.flatDouble(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * cost = sum(expr) and its gradient wrt the first input, at values: after FAST_RUN both equal the
   * references; the naive graph gets the cost (and, when gradBreaks, the gradient) wrong.
   */
  private static void check(
      Variable expr,
      List<Variable> inputs,
      Object[] values,
      double cost,
      NDArray grad,
      boolean gradBreaks) {
    Variable c = Reductions.sum(expr);
    Variable g = Grad.grad(c, inputs.get(0));
    var r = RuleTesting.with(Mode.FAST_RUN, inputs, c, g);
    List<NDArray> naive = r.original(values);
    List<NDArray> stable = r.rewritten(values);
    String where = r.log() + r.log().graphAfter();
    assertFalse(right(naive.get(0), NDArray.of(cost)), "naive cost is right: " + naive.get(0));
    if (gradBreaks) {
      assertFalse(right(naive.get(1), grad), "naive gradient is right: " + naive.get(1));
    }
    assertTrue(
        right(stable.get(0), NDArray.of(cost)), cost + " vs " + stable.get(0) + "\n" + where);
    assertTrue(right(stable.get(1), grad), grad + " vs " + stable.get(1) + "\n" + where);
  }

  private static Object[] at(Object... values) {
    return values;
  }

  @Test
  void log1p_atTinyX() {
    double[] v = {1e-17, 3e-17};
    check(
        Elementwise.log(T.add(1, x)),
        List.of(x),
        at(v),
        sum(map(v, Math::log1p)),
        NDArray.of(map(v, e -> 1 / (1 + e))),
        false);
  }

  @Test
  void expm1_atTinyX() {
    double[] v = {1e-17, 3e-17};
    check(
        T.sub(x.exp(), 1),
        List.of(x),
        at(v),
        sum(map(v, Math::expm1)),
        NDArray.of(map(v, Math::exp)),
        false);
  }

  @Test
  void softplus_atPlusMinus800() {
    check(
        Elementwise.log(T.add(1, x.exp())),
        List.of(x),
        at(EXTREME),
        sum(map(EXTREME, StabilityTest::softplus)),
        NDArray.of(map(EXTREME, StabilityTest::sigmoid)),
        true);
  }

  @Test
  void logSigmoid_atPlusMinus800() {
    check(
        Elementwise.log(x.sigmoid()),
        List.of(x),
        at(EXTREME),
        sum(map(EXTREME, e -> -softplus(-e))),
        NDArray.of(map(EXTREME, e -> sigmoid(-e))),
        true);
  }

  @Test
  void logOneMinusSigmoid_atPlusMinus800() {
    check(
        Elementwise.log(T.sub(1, x.sigmoid())),
        List.of(x),
        at(EXTREME),
        sum(map(EXTREME, e -> -softplus(e))),
        NDArray.of(map(EXTREME, e -> -sigmoid(e))),
        true);
  }

  @Test
  void logSoftmax_atEntriesNear1000() {
    double[][] ls = logSoftmax(NEAR_1000);
    double[][] sm = softmax(NEAR_1000);
    double cost = 0;
    double[][] grad = new double[sm.length][];
    for (int i = 0; i < sm.length; i++) {
      cost += sum(ls[i]);
      grad[i] = map(sm[i], s -> 0);
      for (int j = 0; j < sm[i].length; j++) {
        grad[i][j] = 1 - sm[i].length * sm[i][j];
      }
    }
    check(
        Elementwise.log(NN.softmax(m)),
        List.of(m),
        at((Object) NEAR_1000),
        cost,
        NDArray.of(grad),
        true);
  }

  @Test
  void logsumexp_atEntriesNear1000() {
    for (boolean keep : new boolean[] {false, true}) {
      Variable lse = Elementwise.log(Reductions.sum(m.exp(), keep, 1));
      check(
          lse,
          List.of(m),
          at((Object) NEAR_1000),
          sum(logsumexp(NEAR_1000)),
          NDArray.of(softmax(NEAR_1000)),
          true);
    }
  }

  @Test
  void softmaxByHand_atEntriesNear1000() {
    double[] w = {1, 2, 3};
    Variable e = m.exp();
    Variable hand = e.div(Reductions.sum(e, true, 1)).mul(T.constant(w));
    double[][] sm = softmax(NEAR_1000);
    double cost = 0;
    double[][] grad = new double[sm.length][3];
    for (int i = 0; i < sm.length; i++) {
      double mean = 0;
      for (int j = 0; j < 3; j++) {
        mean += w[j] * sm[i][j];
      }
      cost += mean;
      for (int j = 0; j < 3; j++) {
        grad[i][j] = sm[i][j] * (w[j] - mean);
      }
    }
    check(hand, List.of(m), at((Object) NEAR_1000), cost, NDArray.of(grad), true);
  }

  @Test
  void binaryCrossentropyOfSigmoid_atPlusMinus800() {
    Variable t = T.dvector("t");
    double[] tv = {0.25, 0.5, 1, 0};
    double cost = 0;
    double[] grad = new double[tv.length];
    for (int i = 0; i < tv.length; i++) {
      cost += softplus(EXTREME[i]) - tv[i] * EXTREME[i];
      grad[i] = sigmoid(EXTREME[i]) - tv[i];
    }
    check(
        NN.binaryCrossentropy(x.sigmoid(), t),
        List.of(x, t),
        at(EXTREME, tv),
        cost,
        NDArray.of(grad),
        true);
  }

  @Test
  void categoricalCrossentropyOfSoftmax_withLabelsAndOneHotTargets() {
    long[] labels = {2, 0};
    double[][] oneHot = {{0, 0, 1}, {1, 0, 0}};
    double[][] ls = logSoftmax(NEAR_1000);
    double[][] grad = softmax(NEAR_1000);
    double cost = 0;
    for (int i = 0; i < labels.length; i++) {
      cost -= ls[i][(int) labels[i]];
      grad[i][(int) labels[i]] -= 1;
    }
    Variable y = T.lvector("y");
    check(
        NN.categoricalCrossentropy(NN.softmax(m), y),
        List.of(m, y),
        at(NEAR_1000, labels),
        cost,
        NDArray.of(grad),
        true);
    Variable t = T.dmatrix("t");
    check(
        NN.categoricalCrossentropy(NN.softmax(m), t),
        List.of(m, t),
        at(NEAR_1000, oneHot),
        cost,
        NDArray.of(grad),
        true);
  }

  private static final double[][] FEATURES = {{1, 2}, {-1, -2}, {3, 0}};

  /** FEATURES times a vector. */
  private static double[] times(double[] w) {
    double[] z = new double[FEATURES.length];
    for (int i = 0; i < z.length; i++) {
      for (int k = 0; k < w.length; k++) {
        z[i] += FEATURES[i][k] * w[k];
      }
    }
    return z;
  }

  @Test
  void logisticRegressionStep_atLogitsOfPlusMinus400AndMore() {
    Variable features = T.dmatrix("X");
    Variable w = T.dvector("w");
    Variable t = T.dvector("t");
    Variable p = NN.sigmoid(dev.hypatia.symbolic.ops.LinearAlgebra.dot(features, w));
    Variable cost = Reductions.mean(NN.binaryCrossentropy(p, t));
    Variable g = Grad.grad(cost, w);
    double[] wv = {400, 0};
    double[] tv = {0, 1, 1};
    double[] z = times(wv);
    double loss = 0;
    double[] grad = new double[wv.length];
    for (int i = 0; i < z.length; i++) {
      loss += (softplus(z[i]) - tv[i] * z[i]) / z.length;
      for (int k = 0; k < wv.length; k++) {
        grad[k] += FEATURES[i][k] * (sigmoid(z[i]) - tv[i]) / z.length;
      }
    }
    var r = RuleTesting.with(Mode.FAST_RUN, List.of(features, w, t), cost, g);
    List<NDArray> naive = r.original(FEATURES, wv, tv);
    List<NDArray> stable = r.rewritten(FEATURES, wv, tv);
    assertFalse(right(naive.get(0), NDArray.of(loss)), naive.toString());
    assertTrue(right(stable.get(0), NDArray.of(loss)), stable + "\n" + r.log());
    assertTrue(right(stable.get(1), NDArray.of(grad)), stable + "\n" + r.log());
  }

  @Test
  void softmaxRegressionStep_atLogitsOfPlusMinus1000() {
    Variable features = T.dmatrix("X");
    Variable w = T.dmatrix("W");
    Variable y = T.lvector("y");
    Variable p = NN.softmax(dev.hypatia.symbolic.ops.LinearAlgebra.dot(features, w));
    Variable cost = Reductions.mean(NN.categoricalCrossentropy(p, y));
    Variable g = Grad.grad(cost, w);
    double[][] wv = {{500, -500, 0}, {0, 300, -300}};
    long[] yv = {1, 0, 2};
    double[][] logits = new double[FEATURES.length][];
    for (int i = 0; i < logits.length; i++) {
      logits[i] = new double[3];
      for (int j = 0; j < 3; j++) {
        logits[i][j] = FEATURES[i][0] * wv[0][j] + FEATURES[i][1] * wv[1][j];
      }
    }
    double[][] ls = logSoftmax(logits);
    double[][] dz = softmax(logits);
    double loss = 0;
    for (int i = 0; i < yv.length; i++) {
      loss -= ls[i][(int) yv[i]] / yv.length;
      dz[i][(int) yv[i]] -= 1;
    }
    double[][] grad = new double[2][3];
    for (int k = 0; k < 2; k++) {
      for (int j = 0; j < 3; j++) {
        for (int i = 0; i < yv.length; i++) {
          grad[k][j] += FEATURES[i][k] * dz[i][j] / yv.length;
        }
      }
    }
    var r = RuleTesting.with(Mode.FAST_RUN, List.of(features, w, y), cost, g);
    List<NDArray> naive = r.original(FEATURES, wv, yv);
    List<NDArray> stable = r.rewritten(FEATURES, wv, yv);
    assertFalse(right(naive.get(0), NDArray.of(loss)), naive.toString());
    assertTrue(right(stable.get(0), NDArray.of(loss)), stable + "\n" + r.log());
    assertTrue(right(stable.get(1), NDArray.of(grad)), stable + "\n" + r.log());
  }

  @Test
  void everyExpressionAndGradient_agreesWithTheNaiveGraphAtModerateInputs() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(23);
    Variable t = T.dvector("t");
    Variable y = T.lvector("y");
    Variable e = m.exp();
    List<Variable> vectorCases =
        List.of(
            Elementwise.log(T.add(1, x)),
            T.sub(x.exp(), 1),
            Elementwise.log(T.add(1, x.exp())),
            Elementwise.log(x.sigmoid()),
            Elementwise.log(T.sub(1, x.sigmoid())),
            NN.binaryCrossentropy(x.sigmoid(), t));
    for (Variable expr : vectorCases) {
      for (int trial = 0; trial < 5; trial++) {
        agree(
            expr,
            List.of(x, t),
            RuleTesting.vector(random, 4, -0.9, 4),
            RuleTesting.vector(random, 4, 0, 1));
      }
    }
    List<Variable> matrixCases =
        List.of(
            Elementwise.log(NN.softmax(m)),
            Elementwise.log(Reductions.sum(m.exp(), 1)),
            Elementwise.log(Reductions.sum(m.exp(), true, 0)),
            e.div(Reductions.sum(e, true, 1)).mul(T.constant(new double[] {1, -2, 3})),
            NN.categoricalCrossentropy(NN.softmax(m), y));
    for (Variable expr : matrixCases) {
      for (int trial = 0; trial < 5; trial++) {
        agree(
            expr,
            List.of(m, y),
            RuleTesting.matrix(random, 2, 3, -4, 4),
            new long[] {random.nextInt(3), random.nextInt(3)});
      }
    }
  }

  /** sum(expr) and its gradient wrt inputs[0]: FAST_RUN equals the naive graph at values. */
  private static void agree(Variable expr, List<Variable> inputs, Object... values) {
    Variable c = Reductions.sum(expr);
    Variable g = Grad.grad(c, inputs.get(0));
    List<Variable> used = new java.util.ArrayList<>();
    List<Object> usedValues = new java.util.ArrayList<>();
    List<Variable> leaves = dev.hypatia.symbolic.Graphs.inputs(List.of(c, g));
    for (int i = 0; i < inputs.size(); i++) {
      if (leaves.contains(inputs.get(i))) {
        used.add(inputs.get(i));
        usedValues.add(values[i]);
      }
    }
    var r = RuleTesting.with(Mode.FAST_RUN, used, c, g);
    r.assertSameValues(usedValues.toArray());
  }
}
