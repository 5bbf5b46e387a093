package dev.hypatia.optimize.rules.canonicalize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.optimize.Mode;
import dev.hypatia.optimize.Optimizer;
import dev.hypatia.optimize.RewriteLog;
import dev.hypatia.symbolic.FunctionGraph;
import dev.hypatia.symbolic.Interpreter;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.testing.OpSpec;
import dev.hypatia.symbolic.testing.OpSpecs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every op spec row, with static shapes known and unknown, through the merge, constant folding and
 * canonicalize phases: the rewritten graph evaluates to the reference values, to the row's
 * tolerance, and a second run of the phases finds nothing to do.
 */
class CanonicalizeConformanceTest {
  @Test
  void everyOpSpecRow_keepsItsValuesAndReachesAFixedPoint() {
    int rewritten = 0;
    for (OpSpec spec : OpSpecs.all()) {
      OpSpec.Case c = spec.sample(1);
      for (boolean staticShapes : new boolean[] {true, false}) {
        List<Variable> vars = c.variables(staticShapes);
        List<Variable> outs = c.build(vars);
        List<NDArray> want = Interpreter.evaluate(outs, c.bindings(vars));
        FunctionGraph g = FunctionGraph.copyOf(vars, outs);
        RewriteLog log = Optimizer.optimize(g, Mode.FAST_COMPILE);
        rewritten += log.entries().isEmpty() ? 0 : 1;
        Map<Variable, NDArray> after = new HashMap<>();
        for (int i = 0; i < vars.size(); i++) {
          after.put(g.inputs().get(i), c.inputs().get(i));
        }
        List<NDArray> got = Interpreter.evaluate(g.outputs(), after);
        String what = spec + " " + c + "\n" + log;
        for (int k = 0; k < want.size(); k++) {
          assertEquals(want.get(k).dtype(), got.get(k).dtype(), what);
          assertArrayEquals(want.get(k).shape(), got.get(k).shape(), what);
          OpSpec.Tolerance tol = spec.tolerance(want.get(k).dtype());
          assertTrue(tol.close(got.get(k), want.get(k)), what + "\ngot " + got.get(k));
        }
        RewriteLog again = Optimizer.optimize(g.copy(), Mode.FAST_COMPILE);
        assertTrue(again.entries().isEmpty(), what + "\nsecond run:\n" + again);
      }
    }
    assertTrue(rewritten > 0);
  }
}
