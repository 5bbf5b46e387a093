package dev.hypatia.grad.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.grad.Grad;
import dev.hypatia.grad.GradRules;
import dev.hypatia.symbolic.Constant;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.Interpreter;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Idx;
import dev.hypatia.symbolic.ops.Indexing;
import dev.hypatia.symbolic.testing.OpSpec;
import dev.hypatia.symbolic.testing.OpSpecs;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IndexingRulesTest {
  private static final Set<String> ROWS =
      Set.of(
          "get",
          "get-symbolic",
          "set",
          "inc",
          "take",
          "fancy",
          "set_take",
          "inc_take",
          "set_fancy",
          "inc_fancy");

  static Stream<OpSpec> rows() {
    return OpSpecs.differentiable().stream().filter(r -> ROWS.contains(r.function()));
  }

  @ParameterizedTest
  @MethodSource("rows")
  void specRow_matchesFiniteDifferences(OpSpec spec) {
    for (int t = 0; t < 8; t++) {
      LopCheck.checkCase(spec, spec.sample(200 + t), t % 2 == 0, t);
    }
  }

  @Test
  void everyRuleIsInTheTable() {
    assertTrue(GradRules.builtInOps().containsAll(IndexingRules.rules().keySet()));
  }

  private static Variable var(String name, int... shape) {
    return new Variable(TensorType.of(DType.FLOAT64, shape), name);
  }

  private static Map<Variable, NDArray> bind(List<Variable> vars, List<NDArray> values) {
    return LopCheck.bind(vars, values);
  }

  @Test
  void subtensor_negativeStepsPointsAndNewAxes() {
    SplittableRandom rnd = new SplittableRandom(1);
    Variable x = var("x", 5, 4, 3);
    for (String index : List.of("::-2, 1, None", "3:0:-1, ::-1", "-1, :, ::-2", "1:4, None, 2")) {
      Variable y = Indexing.get(x, index);
      LopCheck.check(index, List.of(y), List.of(x), bind(List.of(x), List.of(random(rnd))), 2);
    }
  }

  private static NDArray random(SplittableRandom rnd) {
    return LopCheck.random(rnd, 5, 4, 3);
  }

  @Test
  void subtensor_symbolicBoundsGetNoGradient() {
    SplittableRandom rnd = new SplittableRandom(2);
    Variable x = var("x", 5, 4, 3);
    Variable i = new Variable(TensorType.scalar(DType.INT64), "i");
    Variable y = Indexing.get(x, "$0:, ::-1, $0", i);
    var b = bind(List.of(x, i), List.of(random(rnd), NDArray.scalarLong(DType.INT64, 1)));
    LopCheck.check("symbolic bounds", List.of(y), List.of(x), b, 3);
  }

  @Test
  void incAndSet_negativeStepRegionWithBroadcastValue() {
    SplittableRandom rnd = new SplittableRandom(3);
    Variable x = var("x", 5, 4, 3);
    Variable v = var("v", 4);
    for (boolean set : new boolean[] {true, false}) {
      List<Idx> index = List.of(Idx.slice(null, null, -2), Idx.all(), Idx.at(1));
      Variable y = set ? Indexing.set(x, index, v) : Indexing.inc(x, index, v);
      var b = bind(List.of(x, v), List.of(random(rnd), LopCheck.random(rnd, 4)));
      LopCheck.check(set ? "set" : "inc", List.of(y), List.of(x, v), b, 4);
    }
  }

  @Test
  void take_repeatedAndNegativeIndicesAccumulate() {
    SplittableRandom rnd = new SplittableRandom(4);
    Variable x = var("x", 5, 4, 3);
    for (int axis = 0; axis < 3; axis++) {
      int[][] idx = {{1, 1, -1}, {2, 0, 2}};
      Variable y = Indexing.take(x, idx, axis);
      var b = bind(List.of(x), List.of(random(rnd)));
      LopCheck.check("take axis " + axis, List.of(y), List.of(x), b, 5);
    }
  }

  @Test
  void take_repeatedIndexGetsTheSumOfItsGradients() {
    Variable x = var("x", 3);
    Variable y = Indexing.take(x, new int[] {2, 0, 2, -1}, 0);
    Variable v = new Constant(NDArray.of(1.0, 10.0, 100.0, 1000.0), "v");
    Variable g = Grad.lop(List.of(y), List.of(x), List.of(v)).get(0);
    NDArray got = Interpreter.evaluate(List.of(g), Map.of(x, NDArray.of(0.0, 0.0, 0.0))).get(0);
    assertArrayEquals(new double[] {10, 0, 1101}, got.toDoubleArray());
  }

  @Test
  void fancy_repeatedIndexTuples() {
    SplittableRandom rnd = new SplittableRandom(5);
    Variable x = var("x", 5, 4, 3);
    Variable y = Indexing.fancy(x, new int[] {1, 1, 4, 1}, new int[][] {{2}, {2}});
    LopCheck.check("fancy", List.of(y), List.of(x), bind(List.of(x), List.of(random(rnd))), 6);
  }

  @Test
  void incTakeAndIncFancy_repeatedIndicesAccumulate() {
    SplittableRandom rnd = new SplittableRandom(6);
    Variable x = var("x", 5, 4, 3);
    Variable v = var("v", 3, 1);
    Variable w = var("w", 2, 3);
    Variable y1 = Indexing.incTake(x, new int[] {3, 3, -2}, 1, v);
    Variable y2 = Indexing.incFancy(x, List.of(new int[] {0, 0}, new int[] {1, 1}), w);
    List<Variable> in = List.of(x, v, w);
    var b = bind(in, List.of(random(rnd), LopCheck.random(rnd, 3, 1), LopCheck.random(rnd, 2, 3)));
    LopCheck.check("inc_take", List.of(y1), List.of(x, v), b, 7);
    LopCheck.check("inc_fancy", List.of(y2), List.of(x, w), b, 8);
  }

  @Test
  void setTakeAndSetFancy_onlyTheLastWriteGetsTheGradient() {
    SplittableRandom rnd = new SplittableRandom(7);
    Variable x = var("x", 5, 4, 3);
    Variable v = var("v", 4, 3);
    Variable w = var("w", 3, 1, 3);
    Variable y1 = Indexing.setTake(x, new int[] {2, 4, 2, -3}, 0, v);
    Variable y2 = Indexing.setFancy(x, List.of(new int[][] {{0}, {0}, {4}}, new int[] {1, -3}), w);
    List<Variable> in = List.of(x, v, w);
    var b =
        bind(in, List.of(random(rnd), LopCheck.random(rnd, 4, 3), LopCheck.random(rnd, 3, 1, 3)));
    LopCheck.check("set_take", List.of(y1), List.of(x, v), b, 9);
    LopCheck.check("set_fancy", List.of(y2), List.of(x, w), b, 10);
  }

  @Test
  void setTake_earlierWritesGetZero() {
    Variable x = var("x", 3);
    Variable v = var("v", 3);
    Variable y = Indexing.setTake(x, new int[] {1, 1, -2}, 0, v);
    Variable c = new Constant(NDArray.of(1.0, 2.0, 3.0), "c");
    List<Variable> g = Grad.lop(List.of(y), List.of(x, v), List.of(c));
    var b = bind(List.of(x, v), List.of(NDArray.of(0.0, 0.0, 0.0), NDArray.of(0.0, 0.0, 0.0)));
    List<NDArray> got = Interpreter.evaluate(g, b);
    assertArrayEquals(new double[] {1, 0, 3}, got.get(0).toDoubleArray());
    assertArrayEquals(new double[] {0, 0, 2}, got.get(1).toDoubleArray());
  }
}
