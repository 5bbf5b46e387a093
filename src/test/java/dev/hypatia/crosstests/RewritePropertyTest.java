package dev.hypatia.crosstests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.grad.Grad;
import dev.hypatia.grad.testing.GraphGen;
import dev.hypatia.grad.testing.RandomGraph;
import dev.hypatia.optimize.Mode;
import dev.hypatia.optimize.Optimizer;
import dev.hypatia.symbolic.ArrayCompare;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.FunctionGraph;
import dev.hypatia.symbolic.Interpreter;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.testing.OpSpecs;
import dev.hypatia.symbolic.testing.Property;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rewritten graphs agree with the original: for random graphs over the whole op set, and for the
 * gradient graphs of random differentiable graphs, the FAST_RUN graph evaluates to the original's
 * values wherever the original is finite.
 */
class RewritePropertyTest {
  private static final int TRIES = 500;

  @Test
  void fastRun_agreesWithTheOriginalOnRandomGraphs() {
    Property.forAll(GraphGen.over(OpSpecs.all()))
        .tries(TRIES)
        .check(g -> checkAgreement(g.variables(), g, g::build));
  }

  @Test
  void fastRun_agreesWithTheOriginalOnRandomGradientGraphs() {
    Property.forAll(GraphGen.differentiable())
        .tries(TRIES)
        .check(
            g ->
                checkAgreement(
                    g.variables(),
                    g,
                    leaves -> {
                      Variable cost = null;
                      for (Variable out : g.build(leaves)) {
                        Variable s = out.astype(DType.FLOAT64).sum();
                        cost = cost == null ? s : cost.add(s);
                      }
                      List<Variable> floats = new ArrayList<>();
                      for (Variable leaf : leaves) {
                        if (leaf.dtype().isFloat()) {
                          floats.add(leaf);
                        }
                      }
                      return floats.isEmpty()
                          ? List.of(cost)
                          : Grad.grad(
                              cost,
                              floats,
                              dev.hypatia.grad.GradOptions.defaults()
                                  .withDisconnected(
                                      dev.hypatia.grad.GradOptions.Disconnected.IGNORE));
                    }));
  }

  private static void checkAgreement(
      List<Variable> leaves,
      RandomGraph g,
      java.util.function.Function<List<Variable>, List<Variable>> build) {
    List<Variable> outs = build.apply(leaves);
    Map<Variable, Object> bindings = new HashMap<>();
    for (int i = 0; i < leaves.size(); i++) {
      bindings.put(leaves.get(i), g.inputs().get(i));
    }
    List<NDArray> want = Interpreter.evaluate(outs, bindings);
    FunctionGraph fg = Optimizer.optimized(leaves, outs, Mode.FAST_RUN);
    Map<Variable, Object> fgBindings = new HashMap<>();
    for (int i = 0; i < leaves.size(); i++) {
      fgBindings.put(fg.inputs().get(i), g.inputs().get(i));
    }
    List<NDArray> got = Interpreter.evaluate(fg.outputs(), fgBindings);
    for (int k = 0; k < want.size(); k++) {
      NDArray w = want.get(k);
      NDArray r = got.get(k);
      assertEquals(w.dtype(), r.dtype(), "dtype of output " + k);
      assertTrue(java.util.Arrays.equals(w.shape(), r.shape()), "shape of output " + k);
      boolean single = w.dtype() == DType.FLOAT32;
      double rtol = single ? 1e-3 : 1e-7;
      double atol = single ? 1e-5 : 1e-10;
      for (int i = 0; i < w.size(); i++) {
        double a = w.flatDouble(i);
        if (Double.isFinite(a) && !ArrayCompare.close(r.flatDouble(i), a, rtol, atol)) {
          throw new AssertionError(
              "output "
                  + k
                  + " element "
                  + i
                  + ": original "
                  + a
                  + ", FAST_RUN "
                  + r.flatDouble(i)
                  + "\n"
                  + g);
        }
      }
    }
  }
}
