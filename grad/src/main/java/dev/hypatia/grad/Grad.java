package dev.hypatia.grad;

import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.Operands;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Shapes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Symbolic differentiation, as Theano's {@code T.grad}: the result is new graph nodes appended to
 * the same graph, so gradients print, rewrite, compile and differentiate again.
 *
 * <pre>{@code
 * Variable x = T.dvector("x");
 * Variable cost = x.mul(x).sum();
 * Variable g = Grad.grad(cost, x);        // 2 * x, as a graph
 * }</pre>
 */
public final class Grad {
  private static final System.Logger LOG = System.getLogger(Grad.class.getName());

  private Grad() {}

  /** The gradient of a scalar {@code cost} with respect to {@code wrt}, default options. */
  public static Variable grad(Variable cost, Variable wrt) {
    return grad(cost, List.of(wrt), GradOptions.defaults()).get(0);
  }

  /** The gradients of a scalar {@code cost} with respect to each of {@code wrt}. */
  public static List<Variable> grad(Variable cost, List<Variable> wrt) {
    return grad(cost, wrt, GradOptions.defaults());
  }

  /**
   * The gradients of a scalar {@code cost} (which may be null when {@code options} has known
   * gradients) with respect to each of {@code wrt}.
   *
   * @throws HypatiaException when the cost is not a float scalar, a variable asked for is an
   *     integer, an op on the way has no rule, or (under {@link GradOptions.Disconnected#RAISE})
   *     the cost does not depend on a variable asked for
   */
  public static List<Variable> grad(Variable cost, List<Variable> wrt, GradOptions options) {
    Map<Variable, Variable> seeds = new LinkedHashMap<>();
    if (cost != null) {
      checkCost(cost);
      seeds.put(cost, Operands.asOperand(1.0, cost));
    }
    for (var e : options.knownGrads().entrySet()) {
      seeds.merge(e.getKey(), e.getValue(), (a, b) -> a.add(b));
    }
    if (seeds.isEmpty()) {
      throw new HypatiaException("grad needs a cost or known gradients, got neither");
    }
    return differentiate(seeds, wrt, options);
  }

  /**
   * The L-operator (vector-Jacobian product): {@code sum_i v_i . d f_i / d wrt} for each of {@code
   * wrt}, where each {@code v_i} has the shape of {@code f_i}. Disconnected variables get zeros.
   */
  public static List<Variable> lop(List<Variable> f, List<Variable> wrt, List<Variable> v) {
    if (f.size() != v.size()) {
      throw new HypatiaException("lop: " + f.size() + " outputs but " + v.size() + " vectors");
    }
    Map<Variable, Variable> seeds = new LinkedHashMap<>();
    for (int i = 0; i < f.size(); i++) {
      seeds.merge(f.get(i), v.get(i), (a, b) -> a.add(b));
    }
    GradOptions options = GradOptions.defaults().withDisconnected(GradOptions.Disconnected.IGNORE);
    return differentiate(seeds, wrt, options);
  }

  /** Theano's {@code zero_grad}: x in the forward pass, a zero gradient in the backward pass. */
  public static Variable zeroGrad(Variable x) {
    return new GradBlock(GradBlock.Kind.ZERO).apply(x);
  }

  /** Theano's {@code disconnected_grad}: x, through which no gradient flows. */
  public static Variable disconnectedGrad(Variable x) {
    return new GradBlock(GradBlock.Kind.DISCONNECTED).apply(x);
  }

  /** JAX's {@code stop_gradient}: x, with a zero gradient (the same as {@link #zeroGrad}). */
  public static Variable stopGradient(Variable x) {
    return zeroGrad(x);
  }

  /** Whether {@code g} is the marker of a disconnected gradient. */
  public static boolean isDisconnected(Variable g) {
    return g instanceof DisconnectedGradient;
  }

  private static void checkCost(Variable cost) {
    if (cost.ndim() != 0) {
      throw new HypatiaException(
          "grad: the cost must be a scalar, got "
              + cost.describe()
              + "; reduce it first (for example with sum() or mean())");
    }
    if (!cost.dtype().isFloat()) {
      throw new HypatiaException("grad: the cost must be a float scalar, got " + cost.describe());
    }
  }

  private static List<Variable> differentiate(
      Map<Variable, Variable> seeds, List<Variable> wrt, GradOptions options) {
    for (Variable w : wrt) {
      if (!w.dtype().isFloat()) {
        throw new HypatiaException(
            "grad: cannot differentiate with respect to "
                + w.describe()
                + ": its dtype is not a float (integer inputs have no gradient)");
      }
    }
    Set<Variable> stops = Collections.newSetFromMap(new IdentityHashMap<>());
    stops.addAll(options.considerConstant());
    ReverseMode pass = new ReverseMode(seeds, wrt, stops);
    Map<Variable, Variable> grads = pass.run();
    List<Variable> result = new ArrayList<>(wrt.size());
    for (Variable w : wrt) {
      Variable g = grads.get(w);
      result.add(g != null ? g : disconnected(w, options));
    }
    return result;
  }

  private static Variable disconnected(Variable w, GradOptions options) {
    String problem = "the cost does not depend on " + w.describe();
    switch (options.disconnected()) {
      case RAISE ->
          throw new HypatiaException(
              "grad: "
                  + problem
                  + " (to allow this, use GradOptions.withDisconnected(WARN or IGNORE))");
      case WARN -> LOG.log(System.Logger.Level.WARNING, "grad: " + problem);
      case IGNORE -> {}
    }
    return options.returnDisconnected() == GradOptions.ReturnDisconnected.ZERO
        ? Shapes.zerosLike(w)
        : new DisconnectedGradient(w);
  }
}
