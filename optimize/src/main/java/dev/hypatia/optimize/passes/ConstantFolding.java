package dev.hypatia.optimize.passes;

import dev.hypatia.optimize.GraphPass;
import dev.hypatia.optimize.Phase;
import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Constant;
import dev.hypatia.symbolic.FunctionGraph;
import dev.hypatia.symbolic.Interpreter;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Alloc;
import java.util.List;
import java.util.Map;

/**
 * Evaluates, through the interpreter, every node whose inputs are all constants, and replaces its
 * outputs by constants; nodes left unused are pruned by the graph. Exact. Results larger than
 * {@value #MAX_ELEMENTS} elements, and allocations (which exist to make memory), are left alone so
 * that folding cannot blow up a graph; so is a node whose evaluation fails, which then fails at run
 * time with the usual message.
 */
public final class ConstantFolding implements GraphPass {
  /** The largest result folded into a constant. */
  public static final int MAX_ELEMENTS = 10_000;

  @Override
  public String name() {
    return "constant_folding";
  }

  @Override
  public Phase phase() {
    return Phase.CONSTANT_FOLD;
  }

  @Override
  public void apply(FunctionGraph graph) {
    for (Apply node : graph.toposort()) {
      if (!graph.contains(node)
          || node.op() instanceof Alloc
          || !allConstant(node)
          || tooBig(node)) {
        continue;
      }
      List<NDArray> values;
      try {
        values = Interpreter.evaluate(node.outputs(), Map.of());
      } catch (RuntimeException e) {
        continue;
      }
      for (int i = 0; i < values.size(); i++) {
        NDArray v = values.get(i);
        Variable out = node.output(i);
        if (v.size() <= MAX_ELEMENTS && TensorType.of(v).dtype() == out.dtype()) {
          graph.replace(out, new Constant(v, out.name()), name());
        }
      }
    }
  }

  /**
   * Whether an output's static shape is known to hold more than {@link #MAX_ELEMENTS}: such a node
   * is not evaluated at all (a constant graph can describe arrays far larger than memory).
   */
  private static boolean tooBig(Apply node) {
    for (Variable out : node.outputs()) {
      long n = 1;
      for (int d : out.type().shape()) {
        n *= Math.max(d, 1); // unknown dimensions (-1) are decided after evaluation
        if (n > MAX_ELEMENTS) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean allConstant(Apply node) {
    for (Variable in : node.inputs()) {
      if (!in.isConstant()) {
        return false;
      }
    }
    return true;
  }
}
