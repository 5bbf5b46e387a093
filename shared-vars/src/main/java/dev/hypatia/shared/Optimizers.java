package dev.hypatia.shared;

import static dev.hypatia.shared.OptimizerArgs.fraction;
import static dev.hypatia.shared.OptimizerArgs.nonNegative;
import static dev.hypatia.shared.OptimizerArgs.positive;
import static dev.hypatia.shared.OptimizerArgs.zerosLike;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gradient-descent optimizers as update rules over shared state, after Lasagne's {@code
 * lasagne.updates} (the Theano-era reference): each method differentiates a scalar cost with {@link
 * dev.hypatia.grad.Grad#grad(Variable, List)} and returns, for every parameter, the expression of
 * its new value, plus the updates of the optimizer's own state (shared variables of zeros made by
 * the call, named for example {@code velocity(w)}). Nothing is evaluated: hand the map to a
 * function's updates, or evaluate the expressions and {@link SharedVariable#set} the results
 * yourself.
 *
 * <p>The map is ordered: the parameters first, in the given order, then each parameter's state
 * variables in parameter order, then (for Adam) the step counter. Every update has its target's
 * type: hyper-parameters are weakly typed constants, so float32 parameters stay float32.
 *
 * <p>In the formulas {@code g} is the gradient of the cost with respect to the parameter {@code w},
 * {@code lr} the learning rate, and a primed name the value after the step.
 *
 * <pre>{@code
 * SharedVariable w = SharedVariable.shared(new double[3], "w");
 * Variable cost = w.sub(c).sqr().sum();
 * Map<SharedVariable, Variable> updates = Optimizers.adam(cost, List.of(w), 0.01);
 * }</pre>
 */
public final class Optimizers {
  /** Lasagne's default momentum for {@link #momentum} and {@link #nesterov}: 0.9. */
  public static final double DEFAULT_MOMENTUM = 0.9;

  /** Lasagne's default learning rate for {@link #adagrad} and {@link #rmsprop}: 1.0. */
  public static final double DEFAULT_ADAPTIVE_LEARNING_RATE = 1.0;

  /** Lasagne's default epsilon for {@link #adagrad} and {@link #rmsprop}: 1e-6. */
  public static final double DEFAULT_ADAPTIVE_EPSILON = 1e-6;

  /** Lasagne's default decay rate for {@link #rmsprop}: 0.9. */
  public static final double DEFAULT_RHO = 0.9;

  /** Lasagne's (and the Adam paper's) default learning rate for {@link #adam}: 0.001. */
  public static final double DEFAULT_ADAM_LEARNING_RATE = 0.001;

  /** The default first-moment decay rate for {@link #adam}: 0.9. */
  public static final double DEFAULT_BETA1 = 0.9;

  /** The default second-moment decay rate for {@link #adam}: 0.999. */
  public static final double DEFAULT_BETA2 = 0.999;

  /** The default epsilon for {@link #adam}: 1e-8. */
  public static final double DEFAULT_ADAM_EPSILON = 1e-8;

  private Optimizers() {}

  /**
   * Stochastic gradient descent (Lasagne's {@code sgd}): {@code w' = w - lr * g}. No state. Not
   * modified: cost, params.
   *
   * @param cost a float scalar
   * @param params float {@link SharedVariable}s the cost depends on, each listed once
   * @param lr the learning rate, positive
   * @throws HypatiaException when the cost is not a float scalar, a parameter is not a float shared
   *     variable (or is listed twice, or the cost does not depend on it), or lr is not positive
   */
  public static Map<SharedVariable, Variable> sgd(
      Variable cost, List<? extends Variable> params, double lr) {
    positive("sgd", "learning rate", lr);
    OptimizerArgs a = OptimizerArgs.of("sgd", cost, params);
    Map<SharedVariable, Variable> updates = new LinkedHashMap<>();
    for (int i = 0; i < a.params().size(); i++) {
      SharedVariable w = a.params().get(i);
      updates.put(w, w.sub(a.grads().get(i).mul(lr)));
    }
    return updates;
  }

  /** {@link #momentum(Variable, List, double, double)} with Lasagne's momentum 0.9. */
  public static Map<SharedVariable, Variable> momentum(
      Variable cost, List<? extends Variable> params, double lr) {
    return momentum(cost, params, lr, DEFAULT_MOMENTUM);
  }

  /**
   * SGD with classical momentum (Lasagne's {@code momentum}): {@code v' = mu * v - lr * g}, {@code
   * w' = w + v'}, with a state {@code velocity(w)} of zeros per parameter. Not modified: cost,
   * params.
   *
   * @param mu the momentum, in [0, 1)
   * @throws HypatiaException as {@link #sgd}, or when mu is outside [0, 1)
   */
  public static Map<SharedVariable, Variable> momentum(
      Variable cost, List<? extends Variable> params, double lr, double mu) {
    return withMomentum("momentum", cost, params, lr, mu, false);
  }

  /** {@link #nesterov(Variable, List, double, double)} with Lasagne's momentum 0.9. */
  public static Map<SharedVariable, Variable> nesterov(
      Variable cost, List<? extends Variable> params, double lr) {
    return nesterov(cost, params, lr, DEFAULT_MOMENTUM);
  }

  /**
   * SGD with Nesterov momentum in Lasagne's reformulation ({@code nesterov_momentum}, after
   * Sutskever et al.), where the gradient is taken at the stored parameters: {@code v' = mu * v -
   * lr * g}, {@code w' = w - lr * g + mu * v'}, with a state {@code velocity(w)} of zeros per
   * parameter. Not modified: cost, params.
   *
   * @param mu the momentum, in [0, 1)
   * @throws HypatiaException as {@link #sgd}, or when mu is outside [0, 1)
   */
  public static Map<SharedVariable, Variable> nesterov(
      Variable cost, List<? extends Variable> params, double lr, double mu) {
    return withMomentum("nesterov", cost, params, lr, mu, true);
  }

  private static Map<SharedVariable, Variable> withMomentum(
      String name,
      Variable cost,
      List<? extends Variable> params,
      double lr,
      double mu,
      boolean nesterov) {
    positive(name, "learning rate", lr);
    fraction(name, "momentum", mu);
    OptimizerArgs a = OptimizerArgs.of(name, cost, params);
    Map<SharedVariable, Variable> updates = new LinkedHashMap<>();
    Map<SharedVariable, Variable> state = new LinkedHashMap<>();
    for (int i = 0; i < a.params().size(); i++) {
      SharedVariable w = a.params().get(i);
      SharedVariable v = zerosLike(w, "velocity");
      Variable step = a.grads().get(i).mul(lr);
      Variable next = v.mul(mu).sub(step);
      updates.put(w, nesterov ? w.sub(step).add(next.mul(mu)) : w.add(next));
      state.put(v, next);
    }
    updates.putAll(state);
    return updates;
  }

  /** {@link #adagrad(Variable, List, double, double)} with Lasagne's lr 1.0 and epsilon 1e-6. */
  public static Map<SharedVariable, Variable> adagrad(
      Variable cost, List<? extends Variable> params) {
    return adagrad(cost, params, DEFAULT_ADAPTIVE_LEARNING_RATE);
  }

  /** {@link #adagrad(Variable, List, double, double)} with Lasagne's epsilon 1e-6. */
  public static Map<SharedVariable, Variable> adagrad(
      Variable cost, List<? extends Variable> params, double lr) {
    return adagrad(cost, params, lr, DEFAULT_ADAPTIVE_EPSILON);
  }

  /**
   * Adagrad (Lasagne's {@code adagrad}, Duchi et al. 2011): {@code a' = a + g^2}, {@code w' = w -
   * lr * g / sqrt(a' + eps)}, with a state {@code accu(w)} of zeros per parameter. Not modified:
   * cost, params.
   *
   * @param eps added under the square root for numerical stability, zero or positive
   * @throws HypatiaException as {@link #sgd}, or when eps is negative
   */
  public static Map<SharedVariable, Variable> adagrad(
      Variable cost, List<? extends Variable> params, double lr, double eps) {
    positive("adagrad", "learning rate", lr);
    nonNegative("adagrad", "epsilon", eps);
    return accumulating(OptimizerArgs.of("adagrad", cost, params), lr, eps, 1.0, 1.0);
  }

  /** {@link #rmsprop(Variable, List, double, double, double)} with Lasagne's defaults. */
  public static Map<SharedVariable, Variable> rmsprop(
      Variable cost, List<? extends Variable> params) {
    return rmsprop(cost, params, DEFAULT_ADAPTIVE_LEARNING_RATE);
  }

  /** {@link #rmsprop(Variable, List, double, double, double)} with rho 0.9 and epsilon 1e-6. */
  public static Map<SharedVariable, Variable> rmsprop(
      Variable cost, List<? extends Variable> params, double lr) {
    return rmsprop(cost, params, lr, DEFAULT_RHO, DEFAULT_ADAPTIVE_EPSILON);
  }

  /**
   * RMSProp (Lasagne's {@code rmsprop}, Tieleman and Hinton 2012): {@code a' = rho * a + (1 - rho)
   * * g^2}, {@code w' = w - lr * g / sqrt(a' + eps)}, with a state {@code accu(w)} of zeros per
   * parameter. Not modified: cost, params.
   *
   * @param rho the decay rate of the running average of squared gradients, in [0, 1)
   * @param eps added under the square root for numerical stability, zero or positive
   * @throws HypatiaException as {@link #sgd}, or when rho is outside [0, 1) or eps is negative
   */
  public static Map<SharedVariable, Variable> rmsprop(
      Variable cost, List<? extends Variable> params, double lr, double rho, double eps) {
    positive("rmsprop", "learning rate", lr);
    fraction("rmsprop", "decay rate rho", rho);
    nonNegative("rmsprop", "epsilon", eps);
    return accumulating(OptimizerArgs.of("rmsprop", cost, params), lr, eps, rho, 1 - rho);
  }

  /** {@code a' = keep * a + add * g^2; w' = w - lr * g / sqrt(a' + eps)}, factors of 1 omitted. */
  private static Map<SharedVariable, Variable> accumulating(
      OptimizerArgs a, double lr, double eps, double keep, double add) {
    Map<SharedVariable, Variable> updates = new LinkedHashMap<>();
    Map<SharedVariable, Variable> state = new LinkedHashMap<>();
    for (int i = 0; i < a.params().size(); i++) {
      SharedVariable w = a.params().get(i);
      Variable g = a.grads().get(i);
      SharedVariable accu = zerosLike(w, "accu");
      Variable old = keep == 1.0 ? accu : accu.mul(keep);
      Variable next = old.add(add == 1.0 ? g.sqr() : g.sqr().mul(add));
      updates.put(w, w.sub(g.mul(lr).div(next.add(eps).sqrt())));
      state.put(accu, next);
    }
    updates.putAll(state);
    return updates;
  }

  /** {@link #adam(Variable, List, double, double, double, double)} with all defaults. */
  public static Map<SharedVariable, Variable> adam(Variable cost, List<? extends Variable> params) {
    return adam(cost, params, DEFAULT_ADAM_LEARNING_RATE);
  }

  /** {@link #adam(Variable, List, double, double, double, double)} with default betas and eps. */
  public static Map<SharedVariable, Variable> adam(
      Variable cost, List<? extends Variable> params, double lr) {
    return adam(cost, params, lr, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_ADAM_EPSILON);
  }

  /**
   * Adam (Kingma and Ba 2014, Algorithm 1 with the efficient bias correction; Lasagne's {@code
   * adam}): {@code t' = t + 1}, {@code m' = beta1 * m + (1 - beta1) * g}, {@code v' = beta2 * v +
   * (1 - beta2) * g^2}, {@code w' = w - a * m' / (sqrt(v') + eps)} with {@code a = lr * sqrt(1 -
   * beta2^t') / (1 - beta1^t')}. States: {@code m(w)} and {@code v(w)} of zeros per parameter, and
   * one float64 scalar step counter {@code t}, starting at 0 and listed last. Not modified: cost,
   * params.
   *
   * @param beta1 the decay rate of the first-moment estimate, in [0, 1)
   * @param beta2 the decay rate of the second-moment estimate, in [0, 1)
   * @param eps added to the denominator for numerical stability, zero or positive
   * @throws HypatiaException as {@link #sgd}, or when a beta is outside [0, 1) or eps is negative
   */
  public static Map<SharedVariable, Variable> adam(
      Variable cost,
      List<? extends Variable> params,
      double lr,
      double beta1,
      double beta2,
      double eps) {
    positive("adam", "learning rate", lr);
    fraction("adam", "beta1", beta1);
    fraction("adam", "beta2", beta2);
    nonNegative("adam", "epsilon", eps);
    OptimizerArgs a = OptimizerArgs.of("adam", cost, params);
    SharedVariable t =
        SharedVariable.shared(NDArray.scalar(0.0), "t", TensorType.scalar(DType.FLOAT64));
    Variable tNext = t.add(1.0);
    Variable one = T.asOperand(1.0, tNext);
    Variable rate = one.sub(powOf(beta2, tNext)).sqrt().mul(lr).div(one.sub(powOf(beta1, tNext)));
    Map<SharedVariable, Variable> updates = new LinkedHashMap<>();
    Map<SharedVariable, Variable> state = new LinkedHashMap<>();
    for (int i = 0; i < a.params().size(); i++) {
      SharedVariable w = a.params().get(i);
      Variable g = a.grads().get(i);
      SharedVariable m = zerosLike(w, "m");
      SharedVariable v = zerosLike(w, "v");
      Variable mNext = m.mul(beta1).add(g.mul(1 - beta1));
      Variable vNext = v.mul(beta2).add(g.sqr().mul(1 - beta2));
      Variable stepSize = w.dtype() == DType.FLOAT64 ? rate : rate.astype(w.dtype());
      updates.put(w, w.sub(stepSize.mul(mNext).div(vNext.sqrt().add(eps))));
      state.put(m, mNext);
      state.put(v, vNext);
    }
    updates.putAll(state);
    updates.put(t, tNext);
    return updates;
  }

  /** {@code base^exponent} for a Java base and a float64 scalar exponent. */
  private static Variable powOf(double base, Variable exponent) {
    return T.asOperand(base, exponent).pow(exponent);
  }
}
