package dev.hypatia.grad;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Graphs;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Elementwise;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reverse-mode differentiation over a graph, the textbook algorithm: mark the variables that depend
 * on the ones asked for, then walk the nodes backwards from the seeds, asking each node's {@link
 * Pullback} for its inputs' gradients and summing the contributions to each variable.
 */
final class ReverseMode {
  private final Set<Variable> stops;
  private final Set<Variable> reach = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<Variable, List<Variable>> contributions = new IdentityHashMap<>();
  private final List<Apply> order;

  /**
   * @param seeds the variables the backward pass starts from, with their gradients
   * @param wrt the variables whose gradients are wanted
   * @param stops variables treated as constants
   */
  ReverseMode(Map<Variable, Variable> seeds, List<Variable> wrt, Set<Variable> stops) {
    this.stops = stops;
    this.order = Graphs.toposort(new ArrayList<>(seeds.keySet()), stops);
    for (Variable w : wrt) {
      if (!stops.contains(w)) {
        reach.add(w);
      }
    }
    for (Apply node : order) {
      if (inputsReached(node)) {
        for (Variable out : node.outputs()) {
          // integer and bool values (shapes, indices, comparisons) carry no gradient
          if (out.dtype().isFloat()) {
            reach.add(out);
          }
        }
      }
    }
    for (var e : seeds.entrySet()) {
      contribute(e.getKey(), e.getValue());
    }
  }

  /** Whether {@code v} depends on a variable asked for, other than through constants. */
  boolean reaches(Variable v) {
    return reach.contains(v);
  }

  /** Runs the backward pass; returns the summed gradient of each variable (null for none). */
  Map<Variable, Variable> run() {
    for (int k = order.size() - 1; k >= 0; k--) {
      Apply node = order.get(k);
      if (!inputsReached(node)) {
        continue;
      }
      List<Variable> outGrads = new ArrayList<>(node.outputs().size());
      boolean any = false;
      for (Variable out : node.outputs()) {
        Variable g = total(out);
        outGrads.add(g);
        any |= g != null;
      }
      if (!any) {
        continue;
      }
      Pullback rule =
          GradRules.forOp(node.op())
              .orElseThrow(
                  () ->
                      HypatiaException.forInputs(
                          node.op().name(),
                          "has no gradient rule (register one with GradRules.register, or wrap"
                              + " the input in Grad.disconnectedGrad); node created at "
                              + node.output(0).location(),
                          node.inputs()));
      List<Variable> inGrads = rule.apply(node, outGrads);
      for (int i = 0; i < node.inputs().size(); i++) {
        Variable in = node.input(i);
        Variable g = inGrads.get(i);
        if (g != null && reach.contains(in) && !stops.contains(in)) {
          contribute(in, conform(g, in, node));
        }
      }
    }
    Map<Variable, Variable> result = new IdentityHashMap<>();
    for (Variable v : contributions.keySet()) {
      result.put(v, total(v));
    }
    return result;
  }

  private boolean inputsReached(Apply node) {
    for (Variable in : node.inputs()) {
      if (reach.contains(in) && !stops.contains(in)) {
        return true;
      }
    }
    return false;
  }

  private void contribute(Variable v, Variable g) {
    contributions.computeIfAbsent(v, k -> new ArrayList<>()).add(g);
  }

  /** The sum of the contributions to {@code v}, replaced by that sum; null when none. */
  private Variable total(Variable v) {
    List<Variable> parts = contributions.get(v);
    if (parts == null || parts.isEmpty()) {
      return null;
    }
    Variable sum = parts.get(0);
    for (int i = 1; i < parts.size(); i++) {
      sum = Elementwise.add(sum, parts.get(i));
    }
    if (parts.size() > 1) {
      parts.clear();
      parts.add(sum);
    }
    return sum;
  }

  /** {@code g} with {@code in}'s dtype; a rule that returns another rank is a bug in the rule. */
  private static Variable conform(Variable g, Variable in, Apply node) {
    if (g.ndim() != in.ndim()) {
      throw new IllegalStateException(
          "the gradient rule of "
              + node.op().name()
              + " returned rank "
              + g.ndim()
              + " for input "
              + in.describe());
    }
    return g.dtype() == in.dtype() ? g : Elementwise.cast(g, in.dtype());
  }
}
