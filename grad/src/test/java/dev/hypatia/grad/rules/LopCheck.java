package dev.hypatia.grad.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hypatia.grad.Grad;
import dev.hypatia.symbolic.Constant;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.Interpreter;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.testing.OpSpec;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Checks derivative rules alone: the vector-Jacobian product that {@link Grad#lop} builds from a
 * random cotangent {@code v} against central differences of {@code sum(v * f(x))}, where that sum
 * is computed in Java (so no rule but the ones under test is involved). Inputs are perturbed in
 * their own dtype and the step actually stored is the divisor.
 */
final class LopCheck {
  private LopCheck() {}

  /** Checks every float input of a drawn op spec case, with static or unknown shapes. */
  static void checkCase(OpSpec spec, OpSpec.Case c, boolean staticShapes, long seed) {
    List<Variable> vars = c.variables(staticShapes);
    List<Variable> outs = c.build(vars);
    List<Variable> wrt = new ArrayList<>();
    for (int i : c.floatInputs()) {
      wrt.add(vars.get(i));
    }
    String what = spec.name() + " " + c + (staticShapes ? " static" : " unknown shapes");
    check(what, outs, wrt, c.bindings(vars), seed);
  }

  /** Checks the lop of {@code outs} with respect to each of {@code wrt} at {@code bindings}. */
  static void check(
      String what,
      List<Variable> outs,
      List<Variable> wrt,
      Map<Variable, NDArray> bindings,
      long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<NDArray> values = Interpreter.evaluate(outs, bindings);
    List<NDArray> cotangents = new ArrayList<>();
    List<Variable> vs = new ArrayList<>();
    for (int i = 0; i < outs.size(); i++) {
      NDArray v = NDArray.zeros(DType.FLOAT64, values.get(i).shape());
      for (int k = 0; k < v.size(); k++) {
        v.setFlat(k, rnd.nextDouble(-1, 1));
      }
      v = v.astype(outs.get(i).dtype());
      cotangents.add(v);
      vs.add(new Constant(v, "v" + i));
    }
    List<Variable> grads = Grad.lop(outs, wrt, vs);
    List<NDArray> analytic = Interpreter.evaluate(grads, bindings);
    for (int j = 0; j < wrt.size(); j++) {
      Variable w = wrt.get(j);
      NDArray x = bindings.get(w);
      NDArray a = analytic.get(j);
      assertEquals(w.dtype(), a.dtype(), what + ": dtype of the gradient of " + w.name());
      assertArrayEquals(x.shape(), a.shape(), what + ": shape of the gradient of " + w.name());
      compare(what, outs, cotangents, bindings, w, a);
    }
  }

  private static void compare(
      String what,
      List<Variable> outs,
      List<NDArray> cotangents,
      Map<Variable, NDArray> bindings,
      Variable w,
      NDArray analytic) {
    boolean f32 = w.dtype() == DType.FLOAT32;
    double rtol = f32 ? 2e-2 : 1e-5;
    double atol = f32 ? 2e-2 : 1e-6;
    NDArray x = bindings.get(w);
    for (int k = 0; k < x.size(); k++) {
      // float32 steps are large against its rounding, but kept small against |x| (domains such as
      // log's end near 0)
      double h = f32 ? 1e-2 * Math.max(Math.abs(x.flatDouble(k)), 0.1) : 1e-6;
      NDArray plus = x.copy();
      NDArray minus = x.copy();
      plus.setFlat(k, x.flatDouble(k) + h);
      minus.setFlat(k, x.flatDouble(k) - h);
      double step = plus.flatDouble(k) - minus.flatDouble(k);
      double numeric =
          (project(outs, cotangents, bindings, w, plus)
                  - project(outs, cotangents, bindings, w, minus))
              / step;
      double got = analytic.flatDouble(k);
      if (!(Math.abs(got - numeric) <= atol + rtol * Math.abs(numeric))) {
        fail(
            what
                + ": d/d"
                + w.name()
                + " element "
                + k
                + ": analytic "
                + got
                + ", numeric "
                + numeric);
      }
    }
  }

  /** {@code sum_i sum(v_i * out_i)} with {@code w} bound to {@code value}. */
  private static double project(
      List<Variable> outs,
      List<NDArray> cotangents,
      Map<Variable, NDArray> bindings,
      Variable w,
      NDArray value) {
    Map<Variable, NDArray> b = new IdentityHashMap<>(bindings);
    b.put(w, value);
    List<NDArray> ys = Interpreter.evaluate(outs, b);
    double s = 0;
    for (int i = 0; i < ys.size(); i++) {
      NDArray y = ys.get(i);
      NDArray v = cotangents.get(i);
      for (int k = 0; k < y.size(); k++) {
        s += v.flatDouble(k) * y.flatDouble(k);
      }
    }
    return s;
  }

  /**
   * Checks second derivatives: the lop of {@code outs} with a random cotangent, itself a graph of
   * the inputs, is checked as {@link #check} checks {@code outs}.
   */
  static void checkSecondOrder(
      String what,
      List<Variable> outs,
      List<Variable> wrt,
      Map<Variable, NDArray> bindings,
      long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<NDArray> values = Interpreter.evaluate(outs, bindings);
    List<Variable> vs = new ArrayList<>();
    for (int i = 0; i < outs.size(); i++) {
      NDArray v = random(rnd, values.get(i).shape()).astype(outs.get(i).dtype());
      vs.add(new Constant(v, "u" + i));
    }
    check(what + " (second order)", Grad.lop(outs, wrt, vs), wrt, bindings, seed + 1);
  }

  /** A float64 array of {@code shape} with entries drawn from {@code [-1, 1)}. */
  static NDArray random(SplittableRandom rnd, int... shape) {
    NDArray a = NDArray.zeros(DType.FLOAT64, shape);
    for (int k = 0; k < a.size(); k++) {
      a.setFlat(k, rnd.nextDouble(-1, 1));
    }
    return a;
  }

  /** Bindings of each variable to the value at the same position. */
  static Map<Variable, NDArray> bind(List<Variable> vars, List<NDArray> values) {
    Map<Variable, NDArray> m = new IdentityHashMap<>();
    for (int i = 0; i < vars.size(); i++) {
      m.put(vars.get(i), values.get(i));
    }
    return m;
  }
}
