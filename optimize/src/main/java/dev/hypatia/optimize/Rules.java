package dev.hypatia.optimize;

import dev.hypatia.optimize.passes.ConstantFolding;
import dev.hypatia.optimize.passes.FusionPass;
import dev.hypatia.optimize.passes.MergePass;
import dev.hypatia.optimize.rules.stabilize.CrossentropyRules;
import dev.hypatia.optimize.rules.stabilize.LogRules;
import dev.hypatia.optimize.rules.stabilize.QuotientRules;
import dev.hypatia.optimize.rules.stabilize.SigmoidRules;
import dev.hypatia.optimize.rules.stabilize.SoftmaxRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Hypatia's own rewrites, listed explicitly by phase (no rule registers itself as a side effect of
 * class loading). Users add theirs through {@link Mode#withRule} and {@link Mode#withPass}.
 */
public final class Rules {
  private Rules() {}

  /** The whole-graph passes, in the order they run within their phases. */
  public static List<GraphPass> passes() {
    List<GraphPass> passes = new ArrayList<>();
    passes.add(new MergePass());
    passes.add(new ConstantFolding());
    passes.add(new FusionPass());
    // one line per pass file
    return passes;
  }

  /** The local rules. */
  public static List<Rewrite> rules() {
    List<Rewrite> rules = new ArrayList<>();
    // one line per rule file, by phase and topic
    // canonicalize
    rules.addAll(dev.hypatia.optimize.rules.canonicalize.NeutralRules.rules());
    rules.addAll(dev.hypatia.optimize.rules.canonicalize.ShapeRules.rules());
    rules.addAll(dev.hypatia.optimize.rules.canonicalize.ReduceRules.rules());
    rules.addAll(dev.hypatia.optimize.rules.canonicalize.BroadcastRules.rules());
    rules.addAll(dev.hypatia.optimize.rules.canonicalize.SumProductRules.rules());
    // stabilize: sigmoid before log, so that log(1+exp(x)) becomes softplus, not log1p
    rules.addAll(SigmoidRules.rules());
    rules.addAll(LogRules.rules());
    rules.addAll(SoftmaxRules.rules());
    rules.addAll(CrossentropyRules.rules());
    rules.addAll(QuotientRules.rules());
    // specialize
    rules.addAll(dev.hypatia.optimize.rules.specialize.PowRules.rules());
    rules.addAll(dev.hypatia.optimize.rules.specialize.BlasRules.rules());
    return rules;
  }
}
