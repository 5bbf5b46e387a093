package dev.hypatia.grad.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.hypatia.grad.Grad;
import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.ArrayCompare;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.Graphs;
import dev.hypatia.symbolic.Interpreter;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.ArgReduce;
import dev.hypatia.symbolic.ops.ElementCount;
import dev.hypatia.symbolic.ops.Elemwise;
import dev.hypatia.symbolic.ops.Reduce;
import dev.hypatia.symbolic.ops.SumToShape;
import dev.hypatia.symbolic.testing.OpSpec;
import dev.hypatia.symbolic.testing.OpSpec.Case;
import dev.hypatia.symbolic.testing.OpSpecs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/** Gradient checks of op spec rows whose graphs use only the ops these rule files cover. */
final class RowChecks {
  private static final Set<Class<?>> COVERED =
      Set.of(Elemwise.class, Reduce.class, ArgReduce.class, ElementCount.class, SumToShape.class);

  private RowChecks() {}

  /** The differentiable rows that {@code keep} accepts and whose graphs use only covered ops. */
  static List<OpSpec> rows(Predicate<OpSpec> keep) {
    List<OpSpec> out = new ArrayList<>();
    for (OpSpec row : OpSpecs.differentiable()) {
      Case c = row.sample(0);
      if (keep.test(row) && coveredOnly(c.build(c.variables(true)))) {
        out.add(row);
      }
    }
    assertFalse(out.isEmpty(), "no row selected");
    return out;
  }

  private static boolean coveredOnly(List<Variable> outs) {
    for (Apply node : Graphs.toposort(outs)) {
      if (!COVERED.contains(node.op().getClass())) {
        return false;
      }
    }
    return true;
  }

  /** The float outputs of a case's graph. */
  static List<Variable> floatOutputs(List<Variable> outs) {
    return outs.stream().filter(v -> v.dtype().isFloat()).toList();
  }

  /**
   * The first derivatives of a float64 row's cases against finite differences, with static shapes
   * on even seeds and unknown ones on odd seeds (where unbroadcasting is decided at run time).
   */
  static void checkFirstDerivatives(OpSpec row, int cases) {
    SplittableRandom rnd = new SplittableRandom(row.name().hashCode());
    for (int seed = 0; seed < cases; seed++) {
      Case c = offBranchCut(row, row.sample(seed));
      List<Variable> vars = c.variables(seed % 2 == 0);
      List<Variable> outs = floatOutputs(c.build(vars));
      List<Variable> wrt = c.floatInputs().stream().map(vars::get).toList();
      List<NDArray> vs = new ArrayList<>();
      Map<Variable, NDArray> bindings = c.bindings(vars);
      for (NDArray value : Interpreter.evaluate(outs, bindings)) {
        vs.add(FiniteDifferences.randomLike(value, rnd));
      }
      FiniteDifferences.checkLop(outs, vs, bindings, wrt, 1e-6, 1e-8, row.name() + " " + c);
    }
  }

  /**
   * arctan2(a, b) jumps by 2 pi across a = 0 where b &lt; 0 (its branch cut), which the row's
   * domain includes: finite differences need a off 0 there.
   */
  private static Case offBranchCut(OpSpec row, Case c) {
    if (row.function().equals("arctan2")) {
      NDArray a = c.inputs().get(0);
      for (int i = 0; i < a.size(); i++) {
        if (a.flatDouble(i) == 0) {
          a.setFlat(i, 0.25);
        }
      }
    }
    return c;
  }

  /**
   * For a float32 row: the gradient of each float32 input is float32 and close to the gradient of
   * the same expression over float64 inputs.
   */
  static void checkFloat32(OpSpec row, int cases) {
    SplittableRandom rnd = new SplittableRandom(row.name().hashCode());
    for (int seed = 0; seed < cases; seed++) {
      Case c = row.sample(seed);
      List<Variable> vars = c.variables(true);
      List<Variable> wide = new ArrayList<>();
      List<NDArray> wideValues = new ArrayList<>();
      for (int i = 0; i < vars.size(); i++) {
        NDArray a = c.inputs().get(i);
        DType d = a.dtype().isFloat() ? DType.FLOAT64 : a.dtype();
        wide.add(new Variable(TensorType.of(d, a.shape()), "w" + i));
        wideValues.add(a.astype(d));
      }
      List<Variable> outs = floatOutputs(c.build(vars));
      List<Variable> wideOuts = floatOutputs(c.build(wide));
      List<Variable> vs = new ArrayList<>();
      List<Variable> wideVs = new ArrayList<>();
      Map<Variable, NDArray> bindings = c.bindings(vars);
      for (int o = 0; o < outs.size(); o++) {
        NDArray v = FiniteDifferences.randomLike(Interpreter.evaluate(outs, bindings).get(o), rnd);
        vs.addAll(FiniteDifferences.constants(List.of(outs.get(o)), List.of(v)));
        wideVs.addAll(FiniteDifferences.constants(List.of(wideOuts.get(o)), List.of(v)));
      }
      List<Integer> floats = c.floatInputs();
      List<Variable> g = Grad.lop(outs, floats.stream().map(vars::get).toList(), vs);
      List<Variable> wideG = Grad.lop(wideOuts, floats.stream().map(wide::get).toList(), wideVs);
      List<NDArray> got = Interpreter.evaluate(g, bindings);
      Map<Variable, NDArray> wideBindings = new java.util.IdentityHashMap<>();
      for (int i = 0; i < wide.size(); i++) {
        wideBindings.put(wide.get(i), wideValues.get(i));
      }
      List<NDArray> want = Interpreter.evaluate(wideG, wideBindings);
      for (int k = 0; k < floats.size(); k++) {
        NDArray a = got.get(k);
        assertEquals(c.inputs().get(floats.get(k)).dtype(), a.dtype(), row.name() + ": dtype");
        for (int e = 0; e < a.size(); e++) {
          double w = want.get(k).flatDouble(e);
          double x = a.flatDouble(e);
          if (!ArrayCompare.close(x, w, 1e-3, 1e-4)) {
            throw new AssertionError(row.name() + " " + c + ": float32 " + x + ", float64 " + w);
          }
        }
      }
    }
  }
}
