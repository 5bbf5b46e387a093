package dev.hypatia.optimize.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.FunctionGraph;
import dev.hypatia.symbolic.Interpreter;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Elemwise;
import dev.hypatia.symbolic.ops.FusedReduce;
import dev.hypatia.symbolic.scalar.Composite;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Shared checks of the fusion tests: values against the unfused graph, and counts of work. */
final class FusionTesting {
  private FusionTesting() {}

  /** A fused copy of the graph between {@code inputs} and {@code outputs}. */
  static FunctionGraph fused(List<Variable> inputs, List<Variable> outputs) {
    FunctionGraph g = FunctionGraph.copyOf(inputs, outputs);
    new FusionPass().apply(g);
    return g;
  }

  /** Random values for {@code inputs}, unknown lengths drawn from {@code unknownLength}. */
  static List<NDArray> randomValues(List<Variable> inputs, SplittableRandom rnd, int unknownLen) {
    List<NDArray> values = new ArrayList<>();
    for (Variable in : inputs) {
      int[] shape = in.type().shape().clone();
      for (int i = 0; i < shape.length; i++) {
        shape[i] = shape[i] == TensorType.UNKNOWN ? unknownLen : shape[i];
      }
      NDArray a = NDArray.zeros(in.dtype(), shape);
      for (int k = 0; k < a.size(); k++) {
        if (in.dtype().isDiscrete()) {
          a.setFlatLong(k, rnd.nextInt(-4, 5));
        } else {
          a.setFlat(k, rnd.nextDouble(-2, 2));
        }
      }
      values.add(a);
    }
    return values;
  }

  /**
   * Asserts that {@code fused} (a rewritten copy) computes exactly what the graph between {@code
   * inputs} and {@code outputs} computes on {@code values}: same dtypes, shapes and elements.
   */
  static void assertSameValues(
      List<Variable> inputs, List<Variable> outputs, FunctionGraph fused, List<NDArray> values) {
    Map<Variable, NDArray> before = new IdentityHashMap<>();
    Map<Variable, NDArray> after = new IdentityHashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      before.put(inputs.get(i), values.get(i));
      after.put(fused.inputs().get(i), values.get(i));
    }
    List<NDArray> want = Interpreter.evaluate(outputs, before);
    List<NDArray> got = Interpreter.evaluate(fused.outputs(), after);
    for (int o = 0; o < want.size(); o++) {
      assertTrue(
          got.get(o).contentEquals(want.get(o)),
          "output " + o + ": " + got.get(o) + " vs " + want.get(o) + "\n" + fused.toposort());
      assertEquals(outputs.get(o).type(), fused.outputs().get(o).type());
    }
  }

  /**
   * The scalar instructions the graph runs: one per elementwise node, a program's per fused one.
   */
  static int scalarWork(List<Apply> nodes) {
    int n = 0;
    for (Apply a : nodes) {
      if (a.op() instanceof Elemwise e) {
        n += e.scalar() instanceof Composite c ? c.instructions().size() : 1;
      } else if (a.op() instanceof FusedReduce f) {
        n += f.producer().instructions().size();
      }
    }
    return n;
  }

  /** How many nodes of {@code nodes} are elementwise. */
  static long elemwiseNodes(List<Apply> nodes) {
    return nodes.stream().filter(a -> a.op() instanceof Elemwise).count();
  }
}
