package dev.hypatia.benchmarks;

import dev.hypatia.grad.Grad;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.NN;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The W5 model, a softmax (multinomial logistic) regression trained by SGD: its training graph,
 * seeded synthetic data, and the same step written by hand with plain loops.
 */
final class LogisticModel {
  /** Examples in the batch. */
  static final int ROWS = 10_000;

  /** Features per example. */
  static final int FEATURES = 784;

  /** Classes. */
  static final int CLASSES = 10;

  /** The SGD learning rate. */
  static final double LR = 0.1;

  private LogisticModel() {}

  /**
   * A training step's graph: inputs X, y (int labels), W, b; outputs the mean softmax
   * cross-entropy, {@code W - lr*gW} and {@code b - lr*gb}.
   */
  record TrainGraph(List<Variable> inputs, List<Variable> outputs) {}

  /** The result of one hand-written step. */
  record Step(double loss, double[] w, double[] b) {}

  /**
   * Builds the training graph (forward, gradients by {@link Grad}, update) with rate {@code lr}.
   */
  static TrainGraph build(double lr) {
    Variable x = T.dmatrix("X");
    Variable y = T.ivector("y");
    Variable w = T.dmatrix("W");
    Variable b = T.dvector("b");
    Variable p = NN.softmax(x.dot(w).add(b));
    Variable loss = NN.categoricalCrossentropy(p, y).mean();
    List<Variable> g = Grad.grad(loss, List.of(w, b));
    return new TrainGraph(
        List.of(x, y, w, b), List.of(loss, w.sub(g.get(0).mul(lr)), b.sub(g.get(1).mul(lr))));
  }

  /** Seeded inputs of one step: X uniform in [0, 1), labels, small random W and b. */
  static final class Data {
    final double[] x = BenchData.uniform(7, ROWS * FEATURES, 0, 1);
    final int[] labels = new int[ROWS];
    final double[] w = BenchData.uniform(8, FEATURES * CLASSES, -0.01, 0.01);
    final double[] b = BenchData.uniform(9, CLASSES, -0.01, 0.01);

    Data() {
      SplittableRandom r = new SplittableRandom(10);
      for (int i = 0; i < ROWS; i++) {
        labels[i] = r.nextInt(CLASSES);
      }
    }

    /** The values of the graph's inputs, in {@link TrainGraph#inputs()} order. */
    Object[] arrays() {
      return new Object[] {
        NDArray.wrap(DType.FLOAT64, x, ROWS, FEATURES),
        NDArray.wrap(DType.INT32, labels, ROWS),
        NDArray.wrap(DType.FLOAT64, w, FEATURES, CLASSES),
        NDArray.wrap(DType.FLOAT64, b, CLASSES)
      };
    }
  }

  /**
   * One step by hand: logits = XW + b, a max-shifted softmax, the loss, the gradient {@code X^T (p
   * - onehot(y)) / n} and its column sums, the update into new arrays.
   */
  static Step step(double[] x, int[] y, double[] w, double[] b, double lr) {
    int n = y.length;
    int d = w.length / b.length;
    int k = b.length;
    double[] g = new double[n * k];
    for (int i = 0; i < n; i++) {
      System.arraycopy(b, 0, g, i * k, k);
      for (int c = 0; c < d; c++) {
        double v = x[i * d + c];
        for (int j = 0; j < k; j++) {
          g[i * k + j] += v * w[c * k + j];
        }
      }
    }
    double loss = softmaxGradient(g, y, k);
    double[] w2 = new double[d * k];
    double[] b2 = new double[k];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < d; c++) {
        double v = x[i * d + c];
        for (int j = 0; j < k; j++) {
          w2[c * k + j] += v * g[i * k + j];
        }
      }
      for (int j = 0; j < k; j++) {
        b2[j] += g[i * k + j];
      }
    }
    for (int i = 0; i < w2.length; i++) {
      w2[i] = w[i] - lr * w2[i];
    }
    for (int j = 0; j < k; j++) {
      b2[j] = b[j] - lr * b2[j];
    }
    return new Step(loss, w2, b2);
  }

  /**
   * Replaces the logits (rows of {@code k}) by the loss gradient {@code (softmax - onehot) / n}.
   *
   * @return the mean cross-entropy
   */
  private static double softmaxGradient(double[] g, int[] y, int k) {
    int n = y.length;
    double loss = 0;
    for (int i = 0; i < n; i++) {
      int r = i * k;
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        max = Math.max(max, g[r + j]);
      }
      double sum = 0;
      for (int j = 0; j < k; j++) {
        g[r + j] = Math.exp(g[r + j] - max);
        sum += g[r + j];
      }
      loss -= Math.log(g[r + y[i]] / sum);
      for (int j = 0; j < k; j++) {
        g[r + j] = (g[r + j] / sum - (j == y[i] ? 1 : 0)) / n;
      }
    }
    return loss / n;
  }
}
