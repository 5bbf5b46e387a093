package dev.hypatia.optimize.rules.stabilize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.optimize.Mode;
import dev.hypatia.optimize.Optimizer;
import dev.hypatia.optimize.RewriteLog;
import dev.hypatia.symbolic.FunctionGraph;
import dev.hypatia.symbolic.Interpreter;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.print.Printer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Runs one stabilize rule alone and compares the rewritten graph with the original. */
final class RuleTesting {
  private RuleTesting() {}

  /**
   * A rewrite of one graph.
   *
   * @param inputs the user's inputs
   * @param outputs the user's outputs (never modified)
   * @param graph the rewritten copy
   * @param log what fired
   */
  record Rewritten(
      List<Variable> inputs, List<Variable> outputs, FunctionGraph graph, RewriteLog log) {
    /** The rewritten first output, as pp text. */
    String after() {
      return Printer.pp(graph.outputs().get(0));
    }

    /** Asserts that {@code rule} fired (at least once) and the result prints as {@code pp}. */
    Rewritten assertFired(String rule, String pp) {
      assertTrue(log.count(rule) >= 1, rule + " did not fire:\n" + log + log.graphAfter());
      assertEquals(pp, after(), log.toString());
      return this;
    }

    /** Asserts that nothing fired. */
    Rewritten assertNothingFired() {
      assertTrue(log.entries().isEmpty(), log.toString());
      return this;
    }

    /** Original and rewritten outputs at {@code values} (by the user's inputs, in order). */
    List<NDArray> original(Object... values) {
      return Interpreter.evaluate(outputs, bind(inputs, values));
    }

    /** The rewritten graph's outputs at {@code values}. */
    List<NDArray> rewritten(Object... values) {
      return Interpreter.evaluate(graph.outputs(), bind(graph.inputs(), values));
    }

    /** Asserts that both graphs agree (to a few ulps) at {@code values}. */
    void assertSameValues(Object... values) {
      List<NDArray> a = original(values);
      List<NDArray> b = rewritten(values);
      for (int i = 0; i < a.size(); i++) {
        assertClose(a.get(i), b.get(i), 1e-12);
      }
    }
  }

  /** {@code out} over {@code inputs} rewritten by the rule (or rules) tagged {@code tag} alone. */
  static Rewritten alone(String tag, List<Variable> inputs, Variable... outputs) {
    return with(Mode.NONE.including(tag), inputs, outputs);
  }

  /** {@code out} over {@code inputs} rewritten in {@code mode}. */
  static Rewritten with(Mode mode, List<Variable> inputs, Variable... outputs) {
    FunctionGraph g = FunctionGraph.copyOf(inputs, List.of(outputs));
    RewriteLog log = Optimizer.optimize(g, mode);
    return new Rewritten(inputs, List.of(outputs), g, log);
  }

  private static Map<Variable, Object> bind(List<Variable> inputs, Object[] values) {
    Map<Variable, Object> m = new HashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      m.put(inputs.get(i), values[i]);
    }
    return m;
  }

  /** Asserts equal shapes and elements within {@code rel} relative (absolute near 0). */
  static void assertClose(NDArray expected, NDArray actual, double rel) {
    assertEquals(
        java.util.Arrays.toString(expected.shape()), java.util.Arrays.toString(actual.shape()));
    for (int i = 0; i < expected.size(); i++) {
      assertClose(expected.flatDouble(i), actual.flatDouble(i), rel);
    }
  }

  /** Asserts a finite actual value within {@code rel} of expected (absolute near 0). */
  static void assertClose(double expected, double actual, double rel) {
    assertTrue(Double.isFinite(actual), "not finite: " + actual + ", expected " + expected);
    double tol = rel * Math.max(1, Math.abs(expected));
    assertEquals(expected, actual, tol);
  }

  /** A vector of n uniform values in [lo, hi). */
  static double[] vector(SplittableRandom r, int n, double lo, double hi) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextDouble(lo, hi);
    }
    return v;
  }

  /** A rows x cols matrix of uniform values in [lo, hi). */
  static double[][] matrix(SplittableRandom r, int rows, int cols, double lo, double hi) {
    double[][] m = new double[rows][];
    for (int i = 0; i < rows; i++) {
      m[i] = vector(r, cols, lo, hi);
    }
    return m;
  }
}
