package dev.hypatia.optimize.passes;

import dev.hypatia.optimize.GraphPass;
import dev.hypatia.optimize.Phase;
import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Constant;
import dev.hypatia.symbolic.FunctionGraph;
import dev.hypatia.symbolic.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges common subexpressions: constants of equal type and value become one, then nodes of equal
 * ops over the same inputs become one (Theano's MergeOptimizer). Exact.
 */
public final class MergePass implements GraphPass {
  @Override
  public String name() {
    return "merge";
  }

  @Override
  public Phase phase() {
    return Phase.MERGE;
  }

  @Override
  public void apply(FunctionGraph graph) {
    mergeConstants(graph);
    Map<List<Object>, Apply> seen = new HashMap<>();
    for (Apply node : graph.toposort()) {
      if (!graph.contains(node)) {
        continue;
      }
      List<Object> key = new ArrayList<>();
      key.add(node.op());
      for (Variable in : node.inputs()) {
        key.add(new Identity(in));
      }
      Apply twin = seen.putIfAbsent(key, node);
      if (twin != null && twin != node) {
        for (int i = 0; i < node.outputs().size(); i++) {
          graph.replace(node.output(i), twin.output(i), name());
        }
      }
    }
  }

  private void mergeConstants(FunctionGraph graph) {
    Map<Variable, Boolean> constants = new IdentityHashMap<>();
    for (Apply node : graph.toposort()) {
      for (Variable in : node.inputs()) {
        if (in instanceof Constant) {
          constants.put(in, true);
        }
      }
    }
    // bucket by content hash, so that each constant is compared only with likely equals
    Map<Integer, List<Constant>> kept = new HashMap<>();
    for (Variable v : constants.keySet()) {
      Constant c = (Constant) v;
      List<Constant> bucket =
          kept.computeIfAbsent(c.valueView().contentHash(), k -> new ArrayList<>());
      Constant same = null;
      for (Constant k : bucket) {
        if (k.sameValue(c)) {
          same = k;
          break;
        }
      }
      if (same == null) {
        bucket.add(c);
      } else {
        graph.replace(c, same, name());
      }
    }
  }

  /** A variable compared by identity inside a key of equal-ops-over-same-inputs. */
  private record Identity(Variable v) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Identity i && i.v == v;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(v);
    }
  }
}
