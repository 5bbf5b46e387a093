package dev.hypatia.optimize;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.FunctionGraph;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.print.DebugPrint;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link Mode}'s rewrites over a graph: for each {@link Phase} in order, its graph passes,
 * then its local rules to a fixed point, then a merge of whatever the phase made equal.
 *
 * <pre>{@code
 * FunctionGraph g = FunctionGraph.copyOf(List.of(x), List.of(cost));
 * RewriteLog log = Optimizer.optimize(g, Mode.FAST_RUN);
 * }</pre>
 */
public final class Optimizer {
  /** How many sweeps over the graph one phase may take before the driver stops it. */
  public static final int MAX_SWEEPS = 100;

  private Optimizer() {}

  /**
   * A rewritten copy of the graph between {@code inputs} and {@code outputs}; the originals are not
   * modified.
   */
  public static FunctionGraph optimized(List<Variable> inputs, List<Variable> outputs, Mode mode) {
    FunctionGraph g = FunctionGraph.copyOf(inputs, outputs);
    optimize(g, mode);
    return g;
  }

  /**
   * Rewrites {@code graph} in place. Modified: graph.
   *
   * @return which rule fired on what, and the graph before and after
   * @throws HypatiaException when a rule loops (more than {@link #MAX_SWEEPS} sweeps of a phase)
   */
  public static RewriteLog optimize(FunctionGraph graph, Mode mode) {
    RewriteLog log = new RewriteLog();
    String before = DebugPrint.debugprint(graph);
    graph.addListener(log);
    try {
      for (Phase phase : Phase.values()) {
        log.setPhase(phase);
        runPhase(graph, mode, phase);
      }
    } finally {
      graph.removeListener(log);
    }
    log.setGraphs(before, DebugPrint.debugprint(graph));
    return log;
  }

  private static void runPhase(FunctionGraph graph, Mode mode, Phase phase) {
    List<GraphPass> passes = new ArrayList<>(Rules.passes());
    passes.addAll(mode.extraPasses());
    boolean any = false;
    for (GraphPass pass : passes) {
      if (pass.phase() == phase && mode.selects(phase, pass.tags())) {
        pass.apply(graph);
        any = true;
      }
    }
    List<Rewrite> rules = new ArrayList<>();
    for (Rewrite r : concat(Rules.rules(), mode.extraRules())) {
      if (r.phase() == phase && mode.selects(phase, r.tags())) {
        rules.add(r);
      }
    }
    if (!rules.isEmpty()) {
      toFixedPoint(graph, rules, phase);
      any = true;
    }
    if (any && phase != Phase.MERGE && mode.selects(Phase.MERGE, java.util.Set.of("merge"))) {
      new dev.hypatia.optimize.passes.MergePass().apply(graph);
    }
  }

  private static void toFixedPoint(FunctionGraph graph, List<Rewrite> rules, Phase phase) {
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      boolean changed = false;
      for (Apply node : graph.toposort()) {
        if (!graph.contains(node)) {
          continue;
        }
        Variable out = node.output(0);
        for (Rewrite rule : rules) {
          Variable rep = rule.apply(out);
          if (rep != null && rep != out) {
            graph.replace(out, rep, rule.name());
            changed = true;
            break;
          }
        }
      }
      if (!changed) {
        return;
      }
    }
    throw new HypatiaException(
        "rewriting did not reach a fixed point in phase "
            + phase
            + " after "
            + MAX_SWEEPS
            + " sweeps: two rules undo each other");
  }

  private static List<Rewrite> concat(List<Rewrite> a, List<Rewrite> b) {
    List<Rewrite> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
