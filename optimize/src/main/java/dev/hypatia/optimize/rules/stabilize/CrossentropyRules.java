package dev.hypatia.optimize.rules.stabilize;

import static dev.hypatia.optimize.rules.stabilize.Forms.arg;
import static dev.hypatia.optimize.rules.stabilize.Forms.fit;
import static dev.hypatia.optimize.rules.stabilize.Forms.is;
import static dev.hypatia.optimize.rules.stabilize.Forms.same;

import dev.hypatia.optimize.Match;
import dev.hypatia.optimize.Pattern;
import dev.hypatia.optimize.Phase;
import dev.hypatia.optimize.Rewrite;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.Operands;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.AdvancedSubtensor;
import dev.hypatia.symbolic.ops.Arange;
import dev.hypatia.symbolic.ops.CrossentropyCategorical1Hot;
import dev.hypatia.symbolic.ops.Elementwise;
import dev.hypatia.symbolic.ops.Idx;
import dev.hypatia.symbolic.ops.Indexing;
import dev.hypatia.symbolic.ops.Shapes;
import dev.hypatia.symbolic.ops.Softmax;
import dev.hypatia.symbolic.scalar.BinaryFn;
import dev.hypatia.symbolic.scalar.UnaryFn;
import java.util.List;

/**
 * The cross-entropies of sigmoid and softmax outputs in fused forms over the logits, finite however
 * large the logits are. Categorical cross-entropy against one-hot targets, {@code -sum(t *
 * log(softmax(z)))}, needs no rule of its own: {@link SoftmaxRules#logSoftmax} makes it one over
 * log_softmax(z).
 */
public final class CrossentropyRules {
  private CrossentropyRules() {}

  /** The rules of this file. */
  public static List<Rewrite> rules() {
    return List.of(binarySigmoid(), categoricalSoftmax());
  }

  /**
   * -(t*log(sigmoid(z)) + (1-t)*log(1-sigmoid(z))) -> softplus(z) - t*z; exact, finite at z =
   * +-800. Also matches the logs already rewritten by {@link SigmoidRules} (-softplus(-z),
   * -softplus(z)).
   */
  public static Rewrite binarySigmoid() {
    return Rewrite.rule(
        "binary_crossentropy_sigmoid",
        Phase.STABILIZE,
        Pattern.unary(
            UnaryFn.NEG, Pattern.binary(BinaryFn.ADD, Pattern.capture("a"), Pattern.capture("b"))),
        CrossentropyRules::binary);
  }

  /**
   * crossentropy_categorical_1hot(softmax(z), y) -> -log_softmax(z)[i, y[i]]; exact, finite where
   * the label's softmax entry underflows to 0.
   */
  public static Rewrite categoricalSoftmax() {
    return Rewrite.rule(
        "categorical_crossentropy_softmax",
        Phase.STABILIZE,
        Pattern.op(
            CrossentropyCategorical1Hot.class,
            Pattern.op(
                "softmax{axis=1}",
                o -> o instanceof Softmax s && !s.log() && s.axis() == 1,
                Pattern.capture("z")),
            Pattern.capture("y")),
        m -> {
          Variable z = m.get("z");
          Variable logp = new Softmax(1, true).apply(z);
          Variable n = Indexing.get(Shapes.shape(z), Idx.at(0));
          Variable rows =
              new Arange(DType.INT64).apply(Operands.constant(0L), n, Operands.constant(1L));
          Variable picked = new AdvancedSubtensor(0).apply(logp, rows, m.get("y"));
          return fit(m.root(), Elementwise.neg(picked));
        });
  }

  private static Variable binary(Match m) {
    Variable r = binary(m.root(), m.get("a"), m.get("b"));
    return r != null ? r : binary(m.root(), m.get("b"), m.get("a"));
  }

  /** pos = t * log(sigmoid(z)), neg = (1 - t) * log(1 - sigmoid(z)), in either order. */
  private static Variable binary(Variable root, Variable pos, Variable neg) {
    if (!is(pos, BinaryFn.MUL) || !is(neg, BinaryFn.MUL)) {
      return null;
    }
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        Variable t = arg(pos, i);
        Variable z = logSigmoidArg(arg(pos, 1 - i));
        Variable t2 = Forms.oneMinusArg(arg(neg, j));
        Variable z2 = logOneMinusSigmoidArg(arg(neg, 1 - j));
        if (z != null && z2 != null && t2 != null && same(z, z2) && same(t2, t)) {
          Variable rep = Elementwise.sub(Elementwise.softplus(z), Elementwise.mul(t, z));
          return fit(root, rep);
        }
      }
    }
    return null;
  }

  /** z for log(sigmoid(z)) or its stable form -softplus(-z); else null. */
  private static Variable logSigmoidArg(Variable v) {
    if (is(v, UnaryFn.LOG) && is(arg(v, 0), UnaryFn.SIGMOID)) {
      return arg(arg(v, 0), 0);
    }
    if (is(v, UnaryFn.NEG) && is(arg(v, 0), UnaryFn.SOFTPLUS)) {
      Variable w = arg(arg(v, 0), 0);
      return is(w, UnaryFn.NEG) ? arg(w, 0) : null;
    }
    return null;
  }

  /**
   * z for log(1 - sigmoid(z)), log1p(-sigmoid(z)), log(sigmoid(-z)) or the stable form
   * -softplus(z); else null.
   */
  private static Variable logOneMinusSigmoidArg(Variable v) {
    if (is(v, UnaryFn.NEG) && is(arg(v, 0), UnaryFn.SOFTPLUS)) {
      return arg(arg(v, 0), 0);
    }
    if (is(v, UnaryFn.LOG1P) && is(arg(v, 0), UnaryFn.NEG)) {
      Variable s = arg(arg(v, 0), 0);
      return is(s, UnaryFn.SIGMOID) ? arg(s, 0) : null;
    }
    if (!is(v, UnaryFn.LOG)) {
      return null;
    }
    Variable u = arg(v, 0);
    if (is(u, UnaryFn.SIGMOID) && is(arg(u, 0), UnaryFn.NEG)) {
      return arg(arg(u, 0), 0);
    }
    Variable s = Forms.oneMinusArg(u);
    return s != null && is(s, UnaryFn.SIGMOID) ? arg(s, 0) : null;
  }
}
