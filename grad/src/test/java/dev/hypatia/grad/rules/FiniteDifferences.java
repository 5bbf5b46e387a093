package dev.hypatia.grad.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hypatia.grad.Grad;
import dev.hypatia.grad.GradRules;
import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Constant;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.Graphs;
import dev.hypatia.symbolic.Interpreter;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Variable;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Central finite differences through the interpreter, and the check of a symbolic vector-Jacobian
 * product ({@link Grad#lop}) against them.
 */
final class FiniteDifferences {
  private FiniteDifferences() {}

  /** A float64 array of {@code like}'s shape with elements uniform in [-1, 1]. */
  static NDArray randomLike(NDArray like, SplittableRandom rnd) {
    NDArray v = NDArray.zeros(DType.FLOAT64, like.shape());
    for (int i = 0; i < v.size(); i++) {
      v.setFlat(i, rnd.nextDouble(-1, 1));
    }
    return v;
  }

  /** {@code sum_o <v_o, out_o>} at {@code bindings}. */
  static double dot(List<Variable> outs, List<NDArray> vs, Map<Variable, NDArray> bindings) {
    List<NDArray> values = Interpreter.evaluate(outs, bindings);
    double s = 0;
    for (int o = 0; o < outs.size(); o++) {
      for (int i = 0; i < values.get(o).size(); i++) {
        s += vs.get(o).flatDouble(i) * values.get(o).flatDouble(i);
      }
    }
    return s;
  }

  /**
   * The gradient of {@code sum_o <v_o, out_o>} with respect to {@code wrt} by central differences
   * with a step of {@code 1e-6 max(1, |x|)}. Not modified: bindings.
   */
  static NDArray vjp(
      List<Variable> outs, List<NDArray> vs, Map<Variable, NDArray> bindings, Variable wrt) {
    NDArray x = bindings.get(wrt);
    NDArray result = NDArray.zeros(DType.FLOAT64, x.shape());
    Map<Variable, NDArray> b = new IdentityHashMap<>(bindings);
    for (int k = 0; k < x.size(); k++) {
      double x0 = x.flatDouble(k);
      double h = 1e-6 * Math.max(1, Math.abs(x0));
      NDArray plus = x.copy();
      plus.setFlat(k, x0 + h);
      b.put(wrt, plus);
      double fp = dot(outs, vs, b);
      NDArray minus = x.copy();
      minus.setFlat(k, x0 - h);
      b.put(wrt, minus);
      double fm = dot(outs, vs, b);
      result.setFlat(k, (fp - fm) / (2 * h));
    }
    return result;
  }

  /** Constants holding {@code vs}, each cast to its output's dtype. */
  static List<Variable> constants(List<Variable> outs, List<NDArray> vs) {
    List<Variable> out = new ArrayList<>();
    for (int o = 0; o < outs.size(); o++) {
      out.add(new Constant(vs.get(o).astype(outs.get(o).dtype()), "v" + o));
    }
    return out;
  }

  /**
   * Checks {@code Grad.lop(outs, wrt, vs)} against central differences, for each variable of {@code
   * wrt} (float64): within {@code rtol |numeric| + atol (1 + sum_o <|v_o|, |out_o|>)}.
   */
  static void checkLop(
      List<Variable> outs,
      List<NDArray> vs,
      Map<Variable, NDArray> bindings,
      List<Variable> wrt,
      double rtol,
      double atol,
      String what) {
    List<Variable> grads = Grad.lop(outs, wrt, constants(outs, vs));
    List<NDArray> analytic = Interpreter.evaluate(grads, bindings);
    double scale = 1 + magnitude(outs, vs, bindings);
    for (int i = 0; i < wrt.size(); i++) {
      NDArray numeric = vjp(outs, vs, bindings, wrt.get(i));
      NDArray a = analytic.get(i);
      assertEquals(wrt.get(i).dtype(), a.dtype(), what + ": gradient dtype of " + wrt.get(i));
      for (int k = 0; k < numeric.size(); k++) {
        double n = numeric.flatDouble(k);
        double got = a.flatDouble(k);
        if (!(Math.abs(got - n) <= rtol * Math.abs(n) + atol * scale)) {
          fail(
              what
                  + ": d/d"
                  + wrt.get(i).name()
                  + "["
                  + k
                  + "] analytic "
                  + got
                  + ", numeric "
                  + n);
        }
      }
    }
  }

  private static double magnitude(
      List<Variable> outs, List<NDArray> vs, Map<Variable, NDArray> bindings) {
    List<NDArray> values = Interpreter.evaluate(outs, bindings);
    double s = 0;
    for (int o = 0; o < outs.size(); o++) {
      for (int i = 0; i < values.get(o).size(); i++) {
        s += Math.abs(vs.get(o).flatDouble(i) * values.get(o).flatDouble(i));
      }
    }
    return Double.isFinite(s) ? s : 0;
  }

  /** Whether every op of the graph of {@code outs} has a built-in gradient rule. */
  static boolean allRulesKnown(List<Variable> outs) {
    for (Apply node : Graphs.toposort(outs)) {
      if (GradRules.forOp(node.op()).isEmpty()) {
        return false;
      }
    }
    return true;
  }
}
