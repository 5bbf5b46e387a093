package dev.hypatia.grad.rules;

import static dev.hypatia.grad.rules.ShapeRules.differentiable;
import static dev.hypatia.grad.rules.ShapeRules.grads;

import dev.hypatia.grad.Pullback;
import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.AdvancedIncSubtensor;
import dev.hypatia.symbolic.ops.AdvancedSubtensor;
import dev.hypatia.symbolic.ops.CrossentropyCategorical1Hot;
import dev.hypatia.symbolic.ops.Elementwise;
import dev.hypatia.symbolic.ops.Reductions;
import dev.hypatia.symbolic.ops.Shapes;
import dev.hypatia.symbolic.ops.Softmax;
import java.util.List;
import java.util.Map;

/**
 * Derivative rules of softmax, log_softmax and the categorical cross-entropy with integer labels.
 * They reuse the op's output ({@code y}), as Theano's do, so no exponential is recomputed.
 */
public final class NNRules {
  private NNRules() {}

  /** The rules of this file, keyed by op class. */
  public static Map<Class<? extends Op>, Pullback> rules() {
    return Map.of(
        Softmax.class, NNRules::softmax,
        CrossentropyCategorical1Hot.class, NNRules::crossentropy);
  }

  /**
   * softmax: {@code y * (g - sum(g * y, axis, keepdims))}; log_softmax: {@code g - exp(y) * sum(g,
   * axis, keepdims)}.
   */
  private static List<Variable> softmax(Apply node, List<Variable> g) {
    Softmax op = (Softmax) node.op();
    Variable x = node.input(0);
    if (!differentiable(x)) {
      return grads((Variable) null);
    }
    Variable y = node.output(0);
    Variable gy = g.get(0);
    if (op.log()) {
      Variable total = Reductions.sum(gy, true, op.axis());
      return grads(Elementwise.sub(gy, Elementwise.mul(Elementwise.exp(y), total)));
    }
    Variable dotted = Reductions.sum(Elementwise.mul(gy, y), true, op.axis());
    return grads(Elementwise.mul(y, Elementwise.sub(gy, dotted)));
  }

  /**
   * {@code out[i] = -log(p[i, y[i]])}: p receives {@code -g[i] / p[i, y[i]]} at each label position
   * and 0 elsewhere, by an indexed inc into zeros; the labels get none.
   */
  private static List<Variable> crossentropy(Apply node, List<Variable> g) {
    Variable p = node.input(0);
    Variable labels = node.input(1);
    Variable rows = ShapeRules.arange(ShapeRules.dim(p, 0));
    Variable picked = new AdvancedSubtensor(0).apply(p, rows, labels);
    Variable value = Elementwise.neg(Elementwise.trueDiv(g.get(0), picked));
    Variable gp =
        new AdvancedIncSubtensor(0, false).apply(Shapes.zerosLike(p), value, rows, labels);
    return grads(gp, null);
  }
}
