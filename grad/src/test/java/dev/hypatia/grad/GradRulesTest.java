package dev.hypatia.grad;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Graphs;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.testing.OpSpec;
import dev.hypatia.symbolic.testing.OpSpecs;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class GradRulesTest {
  /** Every op the spec table builds has a rule (possibly one that passes no gradient). */
  @Test
  void everyOpOfTheOpSetHasARule() {
    Set<String> missing = new TreeSet<>();
    for (OpSpec spec : OpSpecs.all()) {
      OpSpec.Case c = spec.sample(1);
      List<Variable> outs = c.build(c.variables(false));
      for (Apply node : Graphs.toposort(outs)) {
        Op op = node.op();
        if (GradRules.forOp(op).isEmpty()) {
          missing.add(op.getClass().getSimpleName() + " (" + spec.name() + ")");
        }
      }
    }
    assertTrue(missing.isEmpty(), "ops without a gradient rule: " + missing);
  }

  @Test
  void userRulesOverrideAndUnregister() {
    Pullback none = (node, grads) -> java.util.Arrays.asList(new Variable[node.inputs().size()]);
    GradRules.register(GradBlock.class, none);
    try {
      assertTrue(GradRules.forOp(new GradBlock(GradBlock.Kind.ZERO)).get() == none);
    } finally {
      GradRules.unregister(GradBlock.class);
    }
    assertTrue(GradRules.forOp(new GradBlock(GradBlock.Kind.ZERO)).get() != none);
  }
}
