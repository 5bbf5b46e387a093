package dev.hypatia.grad.rules;

import static dev.hypatia.grad.rules.ShapeRules.differentiable;
import static dev.hypatia.grad.rules.ShapeRules.grads;

import dev.hypatia.grad.Pullback;
import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Elementwise;
import dev.hypatia.symbolic.ops.Gemm;
import dev.hypatia.symbolic.ops.LinearAlgebra;
import dev.hypatia.symbolic.ops.Reductions;
import java.util.List;
import java.util.Map;

/**
 * The derivative rule of {@link Gemm}, {@code out = alpha * dot(a, b) + beta * c}: a and b get the
 * dot rule's gradients of {@code alpha * g}, c gets {@code beta * g} summed back to its shape,
 * alpha gets {@code sum(g * dot(a, b))} and beta {@code sum(g * c)}. Integer alpha or beta get no
 * gradient.
 */
public final class GemmRules {
  private GemmRules() {}

  /** The rules of this file, keyed by op class. */
  public static Map<Class<? extends Op>, Pullback> rules() {
    return Map.of(Gemm.class, GemmRules::gemm);
  }

  private static List<Variable> gemm(Apply node, List<Variable> grads) {
    Variable a = node.input(0);
    Variable b = node.input(1);
    Variable c = node.input(2);
    Variable alpha = node.input(3);
    Variable beta = node.input(4);
    Variable g = grads.get(0);
    Variable product = LinearAlgebra.dot(a, b);
    Variable gProduct = mayExpand(product, c) ? Unbroadcast.to(g, product) : g;
    List<Variable> ab =
        LinalgRules.contractionGrads(
            a, b, new int[] {1}, new int[] {0}, gProduct.mul(scalarOf(alpha, g)));
    Variable gc = Unbroadcast.to(g.mul(scalarOf(beta, g)), c);
    Variable gAlpha = differentiable(alpha) ? Reductions.sum(gProduct.mul(product)) : null;
    Variable gBeta = differentiable(beta) ? Reductions.sum(g.mul(c)) : null;
    return grads(ab.get(0), ab.get(1), gc, gAlpha, gBeta);
  }

  /**
   * Whether c may broadcast the product beyond its shape: along an axis where the product's length
   * may be 1 and c's may not.
   */
  private static boolean mayExpand(Variable product, Variable c) {
    int lead = product.ndim() - c.ndim();
    for (int i = 0; i < c.ndim(); i++) {
      int p = product.type().dim(lead + i);
      if (c.type().dim(i) != 1 && (p == 1 || p == TensorType.UNKNOWN)) {
        return true;
      }
    }
    return false;
  }

  /** The scalar {@code s} in {@code g}'s dtype, so that it does not widen g's gradients. */
  private static Variable scalarOf(Variable s, Variable g) {
    return s.dtype() == g.dtype() ? s : Elementwise.cast(s, g.dtype());
  }
}
