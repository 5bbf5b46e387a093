package dev.hypatia.optimize.rules.specialize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hypatia.optimize.Mode;
import dev.hypatia.optimize.Optimizer;
import dev.hypatia.optimize.Rewrite;
import dev.hypatia.optimize.RewriteLog;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.FunctionGraph;
import dev.hypatia.symbolic.Interpreter;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Variable;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

/** Runs one rule alone on a graph and evaluates the graph before and after. */
final class RuleCheck {
  private RuleCheck() {}

  /** The rewritten copy of the graph of {@code out} and the log of running only {@code rule}. */
  record Result(FunctionGraph graph, RewriteLog log, List<Variable> inputs, Variable original) {
    /** The rewritten graph's only output. */
    Variable output() {
      return graph.outputs().get(0);
    }

    /** The original's and the rewritten graph's values for the same inputs. */
    NDArray[] evaluate(List<NDArray> values) {
      Map<Variable, NDArray> before = new IdentityHashMap<>();
      Map<Variable, NDArray> after = new IdentityHashMap<>();
      for (int i = 0; i < inputs.size(); i++) {
        before.put(inputs.get(i), values.get(i));
        after.put(graph.cloneOf(inputs.get(i)), values.get(i));
      }
      NDArray want = Interpreter.evaluate(List.of(original), before).get(0);
      NDArray got = Interpreter.evaluate(graph.outputs(), after).get(0);
      return new NDArray[] {want, got};
    }

    /** Values drawn from {@code draw} for every input, shaped by {@code shapes}. */
    NDArray[] evaluateRandom(DoubleSupplier draw, int[]... shapes) {
      List<NDArray> values = new ArrayList<>();
      for (int i = 0; i < inputs.size(); i++) {
        NDArray v = NDArray.zeros(DType.FLOAT64, shapes[i]);
        for (int k = 0; k < v.size(); k++) {
          v.setFlat(k, draw.getAsDouble());
        }
        values.add(v.astype(inputs.get(i).dtype()));
      }
      return evaluate(values);
    }
  }

  /** Optimizes a copy of the graph from {@code inputs} to {@code out} with only {@code rule}. */
  static Result run(String rule, Variable out, Variable... inputs) {
    return run(Mode.NONE.including(rule), out, inputs);
  }

  /** As {@link #run(String, Variable, Variable...)} for a rule that does not run by default. */
  static Result runWith(Rewrite rule, Variable out, Variable... inputs) {
    return run(Mode.NONE.including(rule.name()).withRule(rule), out, inputs);
  }

  private static Result run(Mode mode, Variable out, Variable... inputs) {
    FunctionGraph g = FunctionGraph.copyOf(List.of(inputs), List.of(out));
    RewriteLog log = Optimizer.optimize(g, mode);
    return new Result(g, log, List.of(inputs), out);
  }

  /** Asserts that {@code rule} fired exactly {@code times} times. */
  static void assertFired(Result r, String rule, int times) {
    assertEquals(times, r.log().count(rule), r.log().toString());
  }

  /** A seeded draw uniform in [lo, hi). */
  static DoubleSupplier uniform(long seed, double lo, double hi) {
    SplittableRandom rnd = new SplittableRandom(seed);
    return () -> rnd.nextDouble(lo, hi);
  }
}
