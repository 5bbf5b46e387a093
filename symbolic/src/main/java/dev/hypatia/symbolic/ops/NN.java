package dev.hypatia.symbolic.ops;

import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.Operands;
import dev.hypatia.symbolic.Variable;
import java.util.List;

/**
 * Neural-network basics, as Theano's {@code T.nnet}: activations, softmax and the cross-entropies.
 * Each is an op or a small graph of ops, so it differentiates, rewrites and compiles like any other
 * expression.
 */
public final class NN {
  private NN() {}

  /** {@code max(x, 0)} elementwise; the dtype of x. */
  public static Variable relu(Variable x) {
    return Elementwise.maximum(x, 0);
  }

  /** {@code 1 / (1 + exp(-x))} elementwise, computed without overflow. */
  public static Variable sigmoid(Variable x) {
    return Elementwise.sigmoid(x);
  }

  /** {@code log(1 + exp(x))} elementwise, computed without overflow. */
  public static Variable softplus(Variable x) {
    return Elementwise.softplus(x);
  }

  /** softmax over the last axis. */
  public static Variable softmax(Variable x) {
    return softmax(x, -1);
  }

  /** softmax over {@code axis} (negative counts from the end), max-shifted. */
  public static Variable softmax(Variable x, int axis) {
    return Softmax.over(x, axis, false).apply(x);
  }

  /** log_softmax over the last axis. */
  public static Variable logSoftmax(Variable x) {
    return logSoftmax(x, -1);
  }

  /** log_softmax over {@code axis}, computed as {@code x - max - log(sum(exp(x - max)))}. */
  public static Variable logSoftmax(Variable x, int axis) {
    return Softmax.over(x, axis, true).apply(x);
  }

  /**
   * Binary cross-entropy {@code -(t * log(p) + (1 - t) * log(1 - p))} elementwise, for
   * probabilities {@code p} in (0, 1) and targets {@code t} (broadcasting).
   */
  public static Variable binaryCrossentropy(Variable p, Object t) {
    Variable target = Operands.asOperand(t, p);
    Variable positive = Elementwise.mul(target, Elementwise.log(p));
    Variable negative =
        Elementwise.mul(Elementwise.sub(1, target), Elementwise.log(Elementwise.sub(1, p)));
    return Elementwise.neg(Elementwise.add(positive, negative));
  }

  /**
   * Categorical cross-entropy of rows of probabilities {@code p} (a matrix) against either integer
   * labels (a vector: {@code -log(p[i, y[i]])}) or one-hot / soft targets (a matrix of the same
   * shape: {@code -sum(t * log(p), axis=-1)}). One value per row.
   *
   * @throws HypatiaException when the targets are neither
   */
  public static Variable categoricalCrossentropy(Variable p, Variable targets) {
    if (targets.ndim() == 1 && targets.dtype().isInteger()) {
      return new CrossentropyCategorical1Hot().apply(p, targets);
    }
    if (targets.ndim() == p.ndim() && !targets.dtype().isBool()) {
      return Elementwise.neg(Reductions.sum(Elementwise.mul(targets, Elementwise.log(p)), -1));
    }
    throw HypatiaException.forInputs(
        "categorical_crossentropy",
        "targets must be integer labels (a vector) or a matrix of target probabilities",
        List.of(p, targets));
  }
}
