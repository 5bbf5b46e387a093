package dev.hypatia.optimize.rules.canonicalize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.optimize.Mode;
import dev.hypatia.optimize.Optimizer;
import dev.hypatia.optimize.RewriteLog;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.FunctionGraph;
import dev.hypatia.symbolic.Interpreter;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.print.Printer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Runs canonicalize rules alone on a copy of a graph and checks values against the original. */
final class RuleCheck {
  private RuleCheck() {}

  /** A graph and the log of the rules that rewrote it. */
  record Rewritten(FunctionGraph graph, RewriteLog log) {
    /** The pp text of the (only) output. */
    String pp() {
      return Printer.pp(graph.outputs().get(0));
    }

    /** The rewritten output. */
    Variable out() {
      return graph.outputs().get(0);
    }
  }

  /** A copy of the graph of {@code out}, rewritten by the rules tagged {@code tags} alone. */
  static Rewritten rewrite(List<Variable> inputs, Variable out, String... tags) {
    FunctionGraph g = FunctionGraph.copyOf(inputs, List.of(out));
    Mode mode = Mode.NONE;
    for (String t : tags) {
      mode = mode.including(t);
    }
    return new Rewritten(g, Optimizer.optimize(g, mode));
  }

  /** Asserts that {@code rule} fired (and nothing else that was not selected). */
  static void assertFired(Rewritten r, String rule) {
    assertTrue(r.log().count(rule) >= 1, "expected " + rule + " to fire; log:\n" + r.log());
  }

  /** Asserts that no rule fired. */
  static void assertUnchanged(Rewritten r) {
    assertTrue(r.log().entries().isEmpty(), "expected no rewrite; log:\n" + r.log());
  }

  /**
   * Evaluates the original expression and the rewritten graph on random inputs of the given
   * concrete shapes (a few seeded draws) and asserts equal dtypes, shapes and values (NaN where
   * NaN), to {@code rtol} relative and absolute.
   */
  static void assertSameValues(
      List<Variable> inputs, Variable out, Rewritten r, double rtol, int[]... shapes) {
    SplittableRandom rnd = new SplittableRandom(42);
    for (int trial = 0; trial < 5; trial++) {
      Map<Variable, NDArray> before = new HashMap<>();
      Map<Variable, NDArray> after = new HashMap<>();
      for (int i = 0; i < inputs.size(); i++) {
        NDArray v = random(inputs.get(i).dtype(), shapes[i], rnd);
        before.put(inputs.get(i), v);
        after.put(r.graph().inputs().get(i), v);
      }
      NDArray want = Interpreter.evaluate(List.of(out), before).get(0);
      NDArray got = Interpreter.evaluate(r.graph().outputs(), after).get(0);
      assertEquals(want.dtype(), got.dtype());
      assertArrayEquals(want.shape(), got.shape(), "shape");
      assertTrue(got.allClose(want, rtol, rtol), () -> "want " + want + "\ngot  " + got);
    }
  }

  /**
   * Random values of {@code dtype}: floats of magnitude in [0.5, 2) and either sign (no zeros, so
   * that quotients stay finite), integers in [-5, 5], random bools.
   */
  static NDArray random(DType dtype, int[] shape, SplittableRandom rnd) {
    NDArray a = NDArray.zeros(dtype, shape);
    for (int i = 0; i < a.size(); i++) {
      if (dtype.isFloat()) {
        double m = rnd.nextDouble(0.5, 2.0);
        a.setFlat(i, rnd.nextBoolean() ? m : -m);
      } else if (dtype.isBool()) {
        a.setFlatLong(i, rnd.nextInt(2));
      } else {
        a.setFlatLong(i, rnd.nextInt(-5, 6));
      }
    }
    return a;
  }
}
