package dev.hypatia.optimize.rules.stabilize;

import static dev.hypatia.optimize.Pattern.capture;
import static dev.hypatia.optimize.Pattern.unary;
import static dev.hypatia.optimize.rules.stabilize.Forms.fit;

import dev.hypatia.optimize.Pattern;
import dev.hypatia.optimize.Phase;
import dev.hypatia.optimize.Rewrite;
import dev.hypatia.symbolic.ops.Softmax;
import dev.hypatia.symbolic.scalar.UnaryFn;
import java.util.List;

/**
 * Stable forms around softmax. A softmax written by hand, {@code exp(x) / sum(exp(x), axis,
 * keepdims)}, becomes the {@link Softmax} op (which subtracts the max) through {@link
 * QuotientRules#expRatio}.
 */
public final class SoftmaxRules {
  private SoftmaxRules() {}

  /** The rules of this file. */
  public static List<Rewrite> rules() {
    return List.of(logSoftmax());
  }

  /**
   * log(softmax(x, axis)) -> log_softmax(x, axis); exact, finite where a softmax entry underflows
   * to 0 (entries near 1000 beside small ones).
   */
  public static Rewrite logSoftmax() {
    return Rewrite.rule(
        "log_softmax",
        Phase.STABILIZE,
        unary(
            UnaryFn.LOG,
            Pattern.op("softmax", o -> o instanceof Softmax s && !s.log(), capture("x"))),
        m -> {
          Softmax s = (Softmax) Forms.arg(m.root(), 0).owner().op();
          return fit(m.root(), new Softmax(s.axis(), true).apply(m.get("x")));
        });
  }
}
