package dev.hypatia.grad;

import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Operands;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Idx;
import dev.hypatia.symbolic.ops.Indexing;
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

  /**
   * The R-operator (Jacobian-vector product, forward mode): {@code sum_j d f_i / d wrt_j . v_j} for
   * each of {@code f}, each {@code v_j} of {@code wrt_j}'s shape.
   *
   * <p>It is computed by differentiating the L-operator, which is linear in its vector, again: with
   * {@code u_i} standing for a vector of {@code f_i}'s shape, {@code d/du <lop(f, wrt, u), v> = J
   * v}. So every op with a gradient rule has a forward-mode rule too, and the result is an ordinary
   * graph (PyTensor computes Rop the same way for ops without an R_op).
   */
  public static List<Variable> rop(List<Variable> f, List<Variable> wrt, List<Variable> v) {
    if (wrt.size() != v.size()) {
      throw new HypatiaException("rop: " + wrt.size() + " variables but " + v.size() + " vectors");
    }
    List<Variable> u = new ArrayList<>(f.size());
    for (Variable fi : f) {
      // only u's shape matters, so zeros of f's shape stand for it
      u.add(Shapes.zerosLike(fi));
    }
    List<Variable> l = lop(f, wrt, u);
    List<Variable> products = new ArrayList<>(v.size());
    for (int j = 0; j < v.size(); j++) {
      products.add(l.get(j).mul(v.get(j)).sum());
    }
    Variable total = products.get(0);
    for (int j = 1; j < products.size(); j++) {
      total = total.add(products.get(j));
    }
    GradOptions ignore = GradOptions.defaults().withDisconnected(GradOptions.Disconnected.IGNORE);
    return grad(total, u, ignore);
  }

  /**
   * The Jacobian of {@code y} with respect to {@code x}: shape {@code y.shape + x.shape}, entry
   * {@code [i..., j...] = d y[i...] / d x[j...]}. Built with one reverse pass per element of y, so
   * y's shape must be known statically (and small).
   *
   * @throws HypatiaException when y's static shape is not fully known
   */
  public static Variable jacobian(Variable y, Variable x) {
    return jacobian(y, x, y);
  }

  /** The Jacobian of y, whose shape is that of {@code shaped} (statically known). */
  private static Variable jacobian(Variable y, Variable x, Variable shaped) {
    if (!shaped.type().isFullyKnown()) {
      throw new HypatiaException(
          "jacobian: the shape of "
              + shaped.describe()
              + " must be known statically (one backward pass per element); give it a static"
              + " shape with T.tensor(dtype, name, shape...)");
    }
    GradOptions ignore = GradOptions.defaults().withDisconnected(GradOptions.Disconnected.IGNORE);
    int[] yShape = shaped.type().shape();
    int n = NDArray.sizeOf(yShape);
    Variable flat = y.ndim() == 1 ? y : Shapes.reshape(y, -1);
    List<Variable> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Variable yi = Indexing.get(flat, Idx.at(i));
      Variable gi =
          grad(yi.dtype().isFloat() ? yi : yi.astype(x.dtype()), List.of(x), ignore).get(0);
      rows.add(gi);
    }
    if (n == 0) {
      throw new HypatiaException("jacobian: " + y.describe() + " has no element");
    }
    Variable stacked = Shapes.stack(rows, 0);
    if (y.ndim() == 1) {
      return stacked;
    }
    List<Object> shape = new ArrayList<>();
    for (int d : yShape) {
      shape.add(d);
    }
    for (int a = 0; a < x.ndim(); a++) {
      shape.add(Indexing.get(Shapes.shape(x), Idx.at(a)));
    }
    return Shapes.reshape(stacked, shape);
  }

  /**
   * The Hessian of a scalar {@code cost} with respect to {@code x}: the Jacobian of its gradient,
   * of shape {@code x.shape + x.shape}. x's shape must be known statically (the gradient has it
   * even where the rules could not tell).
   */
  public static Variable hessian(Variable cost, Variable x) {
    return jacobian(grad(cost, x), x, x);
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
