package dev.hypatia.shared;

import dev.hypatia.grad.Grad;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Variable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The checked arguments of one optimizer call: the parameters as shared variables and their
 * gradients, with the checks of cost, parameters and hyper-parameters that {@link Optimizers}
 * shares. Every message starts with the optimizer's name.
 */
record OptimizerArgs(String optimizer, List<SharedVariable> params, List<Variable> grads) {

  /**
   * Checks {@code cost} (a float scalar) and {@code params} (distinct float shared variables, at
   * least one), then builds the gradients of cost with respect to each parameter. Not modified:
   * cost, params.
   *
   * @throws HypatiaException naming the optimizer and the offending argument
   */
  static OptimizerArgs of(String optimizer, Variable cost, List<? extends Variable> params) {
    checkCost(optimizer, cost);
    if (params == null || params.isEmpty()) {
      throw new HypatiaException(optimizer + ": no parameters to update; pass at least one");
    }
    List<SharedVariable> shared = new ArrayList<>(params.size());
    Set<Variable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (int i = 0; i < params.size(); i++) {
      Variable p = params.get(i);
      shared.add(checkParam(optimizer, i, p));
      if (!seen.add(p)) {
        throw new HypatiaException(
            optimizer + ": parameter " + i + " (" + p.label() + ") is listed twice");
      }
    }
    List<Variable> grads = Grad.grad(cost, new ArrayList<Variable>(shared));
    return new OptimizerArgs(optimizer, List.copyOf(shared), grads);
  }

  private static void checkCost(String optimizer, Variable cost) {
    if (cost == null) {
      throw new HypatiaException(optimizer + ": the cost is null");
    }
    if (cost.ndim() != 0) {
      throw new HypatiaException(
          optimizer
              + ": the cost must be a scalar, got "
              + cost.describe()
              + "; reduce it first (for example with sum() or mean())");
    }
    if (!cost.dtype().isFloat()) {
      throw new HypatiaException(
          optimizer + ": the cost must be a float scalar, got " + cost.describe());
    }
  }

  private static SharedVariable checkParam(String optimizer, int i, Variable p) {
    if (p == null) {
      throw new HypatiaException(optimizer + ": parameter " + i + " is null");
    }
    if (!(p instanceof SharedVariable s)) {
      throw new HypatiaException(
          optimizer
              + ": parameter "
              + i
              + " ("
              + p.describe()
              + ") is not a SharedVariable; optimizers update shared state, so make it with"
              + " SharedVariable.shared(value, name)");
    }
    if (!p.dtype().isFloat()) {
      throw new HypatiaException(
          optimizer
              + ": parameter "
              + i
              + " ("
              + p.describe()
              + ") is not a float tensor; only float parameters can be optimized");
    }
    return s;
  }

  /**
   * Checks that {@code value} is positive and finite.
   *
   * @throws HypatiaException otherwise, naming the optimizer and {@code what}
   */
  static double positive(String optimizer, String what, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new HypatiaException(
          optimizer + ": the " + what + " must be positive and finite, got " + value);
    }
    return value;
  }

  /**
   * Checks that {@code value} is zero or positive and finite.
   *
   * @throws HypatiaException otherwise, naming the optimizer and {@code what}
   */
  static double nonNegative(String optimizer, String what, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new HypatiaException(
          optimizer + ": the " + what + " must be zero or positive and finite, got " + value);
    }
    return value;
  }

  /**
   * Checks that {@code value} lies in [0, 1).
   *
   * @throws HypatiaException otherwise, naming the optimizer and {@code what}
   */
  static double fraction(String optimizer, String what, double value) {
    if (!(value >= 0 && value < 1)) {
      throw new HypatiaException(optimizer + ": the " + what + " must be in [0, 1), got " + value);
    }
    return value;
  }

  /**
   * A new shared variable of zeros with {@code param}'s type and current shape, named {@code
   * what(param)}, as the per-parameter state of an optimizer.
   */
  static SharedVariable zerosLike(SharedVariable param, String what) {
    NDArray zeros = NDArray.zeros(param.dtype(), param.get(true).shape());
    return SharedVariable.shared(zeros, what + "(" + param.label() + ")", param.type());
  }
}
