package dev.hypatia.grad.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.grad.Grad;
import dev.hypatia.grad.GradRules;
import dev.hypatia.symbolic.Axes;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.Interpreter;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.FusedReduce;
import dev.hypatia.symbolic.scalar.BinaryFn;
import dev.hypatia.symbolic.scalar.Composite;
import dev.hypatia.symbolic.scalar.Composite.Instruction;
import dev.hypatia.symbolic.scalar.UnaryFn;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FusedReduceRulesTest {
  /** exp(i0) * i1 + sin(i0). */
  private static final Composite PRODUCER =
      new Composite(
          2,
          List.of(
              Instruction.of(UnaryFn.EXP, 0),
              Instruction.of(BinaryFn.MUL, 2, 1),
              Instruction.of(UnaryFn.SIN, 0),
              Instruction.of(BinaryFn.ADD, 3, 4)),
          List.of(5));

  private final Variable x = T.tensor(DType.FLOAT64, "x", 3, 4);
  private final Variable y = T.tensor(DType.FLOAT64, "y", 1, 4);

  private Map<Variable, NDArray> bindings(SplittableRandom rnd) {
    return LopCheck.bind(
        List.of(x, y), List.of(LopCheck.random(rnd, 3, 4), LopCheck.random(rnd, 1, 4)));
  }

  private void checkAgainstFiniteDifferences(BinaryFn fn, Axes axes, boolean keepdims, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Variable out = new FusedReduce(PRODUCER, fn, axes, keepdims).apply(x, y);
    Map<Variable, NDArray> b = bindings(rnd);
    NDArray v = LopCheck.random(rnd, Interpreter.evaluate(List.of(out), b).get(0).shape());
    FiniteDifferences.checkLop(
        List.of(out), List.of(v), b, List.of(x, y), 1e-6, 1e-7, out.owner().op().name());
  }

  @Test
  void sum_matchesFiniteDifferences_withBroadcastInputs() {
    checkAgainstFiniteDifferences(BinaryFn.ADD, Axes.of(2, 1), false, 1);
    checkAgainstFiniteDifferences(BinaryFn.ADD, Axes.all(2), true, 2);
  }

  @Test
  void prodMaxMin_matchFiniteDifferences() {
    checkAgainstFiniteDifferences(BinaryFn.MUL, Axes.of(2, 0), false, 3);
    checkAgainstFiniteDifferences(BinaryFn.MAXIMUM, Axes.of(2, 1), true, 4);
    checkAgainstFiniteDifferences(BinaryFn.MINIMUM, Axes.all(2), false, 5);
  }

  @Test
  void gradient_equalsTheGradientOfReduceOverElemwise() {
    Variable fused = new FusedReduce(PRODUCER, BinaryFn.ADD, Axes.of(2, 0), false).apply(x, y);
    Variable plain = fused.owner().op() instanceof FusedReduce f ? unfused(f) : null;
    List<Variable> gf = Grad.grad(fused.mul(fused).sum(), List.of(x, y));
    List<Variable> gp = Grad.grad(plain.mul(plain).sum(), List.of(x, y));
    Map<Variable, NDArray> b = bindings(new SplittableRandom(6));
    List<NDArray> a = Interpreter.evaluate(gf, b);
    List<NDArray> e = Interpreter.evaluate(gp, b);
    for (int i = 0; i < 2; i++) {
      assertTrue(a.get(i).allClose(e.get(i), 1e-14, 1e-14), a.get(i) + " vs " + e.get(i));
      assertEquals(List.of(x, y).get(i).type(), TensorType.of(a.get(i)));
    }
  }

  private Variable unfused(FusedReduce f) {
    return f.reduction().apply(f.elemwise().apply(x, y));
  }

  @Test
  void secondDerivatives_matchFiniteDifferences() {
    Variable out = new FusedReduce(PRODUCER, BinaryFn.ADD, Axes.all(2), false).apply(x, y);
    Variable gx = Grad.grad(out, x);
    Map<Variable, NDArray> b = bindings(new SplittableRandom(7));
    NDArray v = LopCheck.random(new SplittableRandom(8), 3, 4);
    FiniteDifferences.checkLop(List.of(gx), List.of(v), b, List.of(x, y), 1e-6, 1e-7, "d2");
  }

  @Test
  void integerInputsAndBoolFolds_getNoGradient() {
    Variable i = T.tensor(DType.INT64, "i", 1, 4);
    Variable mixed = new FusedReduce(PRODUCER, BinaryFn.ADD, Axes.all(2), false).apply(x, i);
    List<Variable> g =
        GradRules.forOp(mixed.owner().op())
            .orElseThrow()
            .apply(mixed.owner(), List.of(T.constant(1.0)));
    assertTrue(g.get(0) != null);
    assertNull(g.get(1));
    Composite greater = new Composite(2, List.of(Instruction.of(BinaryFn.GT, 0, 1)), List.of(2));
    Variable all = new FusedReduce(greater, BinaryFn.AND, Axes.all(2), false).apply(x, y);
    List<Variable> none =
        GradRules.forOp(all.owner().op())
            .orElseThrow()
            .apply(all.owner(), List.of(T.constant(1.0)));
    assertNull(none.get(0));
    assertNull(none.get(1));
  }
}
