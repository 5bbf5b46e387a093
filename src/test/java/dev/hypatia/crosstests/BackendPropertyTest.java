package dev.hypatia.crosstests;

import dev.hypatia.grad.Grad;
import dev.hypatia.grad.GradOptions;
import dev.hypatia.grad.testing.GraphGen;
import dev.hypatia.jvm.CompiledGraph;
import dev.hypatia.jvm.JvmLinker;
import dev.hypatia.optimize.Mode;
import dev.hypatia.optimize.Optimizer;
import dev.hypatia.symbolic.ArrayCompare;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.FunctionGraph;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.Interpreter;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.testing.OpSpec;
import dev.hypatia.symbolic.testing.OpSpecs;
import dev.hypatia.symbolic.testing.Property;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JVM backends agree with the interpreter: on random graphs over the whole op set (rewritten by
 * FAST_RUN, so fused loops and folded reductions run), with inputs passed as non-contiguous views,
 * ASM with SIMD loops and Janino with scalar loops compute what the interpreter computes for the
 * same graph; and every op spec row compiles and agrees in both generators.
 */
class BackendPropertyTest {
  private static final int TRIES = 500;
  private static final JvmLinker ASM = JvmLinker.asm();
  private static final JvmLinker JANINO = JvmLinker.janino().withVectorize(false);

  @Test
  void compiledGraphs_agreeWithTheInterpreterOnRandomGraphs() {
    Property.forAll(GraphGen.over(OpSpecs.all()))
        .tries(TRIES)
        .check(
            g -> {
              List<Variable> leaves = g.variables();
              FunctionGraph fg = Optimizer.optimized(leaves, g.build(leaves), Mode.FAST_RUN);
              checkBackends(fg, views(g.inputs()), g.toString());
            });
  }

  @Test
  void compiledGradientGraphs_agreeWithTheInterpreter() {
    Property.forAll(GraphGen.differentiable())
        .tries(TRIES / 2)
        .check(
            g -> {
              List<Variable> leaves = g.variables();
              Variable cost = null;
              for (Variable out : g.build(leaves)) {
                Variable sum = out.astype(DType.FLOAT64).sum();
                cost = cost == null ? sum : cost.add(sum);
              }
              List<Variable> floats = new ArrayList<>();
              for (Variable leaf : leaves) {
                if (leaf.dtype().isFloat()) {
                  floats.add(leaf);
                }
              }
              List<Variable> outs = new ArrayList<>(List.of(cost));
              if (!floats.isEmpty()) {
                outs.addAll(
                    Grad.grad(
                        cost,
                        floats,
                        GradOptions.defaults().withDisconnected(GradOptions.Disconnected.IGNORE)));
              }
              FunctionGraph fg = Optimizer.optimized(leaves, outs, Mode.FAST_RUN);
              checkBackends(fg, views(g.inputs()), g.toString());
            });
  }

  @Test
  void everyOpSpecRow_compilesAndAgreesInBothGenerators() {
    for (OpSpec spec : OpSpecs.all()) {
      for (long seed = 0; seed < 2; seed++) {
        OpSpec.Case c = spec.sample(seed);
        List<Variable> vars = c.variables(seed == 0);
        List<Variable> outs = c.build(vars);
        FunctionGraph fg = FunctionGraph.copyOf(vars, outs);
        checkBackends(fg, views(c.inputs()), spec + " " + c);
      }
    }
  }

  /**
   * The inputs as views with other strides (transposed, or every other element of a longer array).
   */
  static List<NDArray> views(List<NDArray> inputs) {
    List<NDArray> out = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      NDArray a = inputs.get(i);
      if (i % 2 == 0 || a.ndim() == 0) {
        out.add(a);
      } else if (a.ndim() >= 2) {
        NDArray t = a.transpose().copy();
        out.add(t.transpose());
      } else {
        NDArray wide = NDArray.zeros(a.dtype(), a.shape(0) * 2);
        NDArray strided = wide.slice(0, 0, null, 2);
        for (int k = 0; k < a.size(); k++) {
          strided.setFlatLong(k, 0);
          if (a.dtype().isFloat()) {
            strided.setFlat(k, a.flatDouble(k));
          } else {
            strided.setFlatLong(k, a.flatLong(k));
          }
        }
        out.add(strided);
      }
    }
    return out;
  }

  private static void checkBackends(FunctionGraph fg, List<NDArray> inputs, String what) {
    Map<Variable, Object> bindings = new HashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      bindings.put(fg.inputs().get(i), inputs.get(i));
    }
    List<NDArray> want;
    try {
      want = Interpreter.evaluate(fg.outputs(), bindings);
    } catch (HypatiaException e) {
      for (JvmLinker linker : List.of(ASM, JANINO)) {
        CompiledGraph f = linker.link(fg);
        try {
          f.run(inputs);
        } catch (HypatiaException expected) {
          continue;
        }
        throw new AssertionError(
            linker.name() + " ran where the interpreter failed: " + e + "\n" + what);
      }
      return;
    }
    boolean single = usesFloat32(fg);
    for (JvmLinker linker : List.of(ASM, JANINO)) {
      List<NDArray> got = linker.link(fg).run(inputs);
      compare(want, got, single, linker.name(), what);
    }
  }

  /**
   * Whether float32 values flow anywhere in the graph: the matrix kernel and SIMD loops compute
   * float32 in float32 (the reference in double, rounding once), which shows through later casts.
   */
  private static boolean usesFloat32(FunctionGraph fg) {
    for (Variable in : fg.inputs()) {
      if (in.dtype() == DType.FLOAT32) {
        return true;
      }
    }
    for (dev.hypatia.symbolic.Apply node : fg.toposort()) {
      for (Variable v : node.outputs()) {
        if (v.dtype() == DType.FLOAT32) {
          return true;
        }
      }
    }
    return false;
  }

  private static void compare(
      List<NDArray> want, List<NDArray> got, boolean single, String who, String what) {
    for (int k = 0; k < want.size(); k++) {
      NDArray w = want.get(k);
      NDArray r = got.get(k);
      if (w.dtype() != r.dtype() || !Arrays.equals(w.shape(), r.shape())) {
        throw new AssertionError(
            who
                + " output "
                + k
                + " is "
                + r.dtype()
                + r.shapeString()
                + ", want "
                + w.dtype()
                + w.shapeString()
                + "\n"
                + what);
      }
      double rtol = single ? 1e-4 : 1e-9;
      double atol = single ? 1e-5 : 1e-9;
      for (int i = 0; i < w.size(); i++) {
        boolean ok =
            w.dtype().isFloat()
                ? ArrayCompare.close(r.flatDouble(i), w.flatDouble(i), rtol, atol)
                    || (Double.isNaN(w.flatDouble(i)) && Double.isNaN(r.flatDouble(i)))
                : r.flatLong(i) == w.flatLong(i);
        if (!ok) {
          throw new AssertionError(
              who
                  + " output "
                  + k
                  + " element "
                  + i
                  + ": interpreter "
                  + w.flatDouble(i)
                  + ", compiled "
                  + r.flatDouble(i)
                  + "\n"
                  + what);
        }
      }
    }
  }
}
