package dev.hypatia.grad.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.grad.Grad;
import dev.hypatia.grad.GradRules;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.Interpreter;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Operands;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.LinearAlgebra;
import dev.hypatia.symbolic.ops.Shapes;
import dev.hypatia.symbolic.testing.OpSpec;
import dev.hypatia.symbolic.testing.OpSpecs;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ShapeRulesTest {
  private static final Set<String> ROWS =
      Set.of(
          "reshape",
          "reshape-symbolic",
          "flatten",
          "dimshuffle",
          "transpose",
          "transpose-axes",
          "expand_dims",
          "squeeze",
          "squeeze-all",
          "concatenate",
          "stack",
          "split",
          "broadcast_to",
          "alloc",
          "tile",
          "repeat",
          "repeat-flat");

  static Stream<OpSpec> rows() {
    return OpSpecs.differentiable().stream().filter(r -> ROWS.contains(r.function()));
  }

  @ParameterizedTest
  @MethodSource("rows")
  void specRow_matchesFiniteDifferences(OpSpec spec) {
    for (int t = 0; t < 6; t++) {
      LopCheck.checkCase(spec, spec.sample(100 + t), t % 2 == 0, t);
    }
  }

  @Test
  void everyRuleIsInTheTable() {
    assertTrue(GradRules.builtInOps().containsAll(ShapeRules.rules().keySet()));
  }

  private static Variable var(String name, int... shape) {
    return new Variable(TensorType.of(DType.FLOAT64, shape), name);
  }

  private static void check(String what, Variable out, Variable x, NDArray value) {
    LopCheck.check(what, List.of(out), List.of(x), LopCheck.bind(List.of(x), List.of(value)), 7);
  }

  @Test
  void dimshuffle_dropsAndAddsAxes() {
    SplittableRandom rnd = new SplittableRandom(1);
    Variable x = var("x", 3, 1, 4);
    Variable y = Shapes.dimshuffle(x, 2, Shapes.X, 0, Shapes.X);
    check("dimshuffle", y, x, LopCheck.random(rnd, 3, 1, 4));
  }

  @Test
  void dimshuffle_newAxisGradientOfUnknownLength() {
    SplittableRandom rnd = new SplittableRandom(2);
    Variable x = new Variable(TensorType.ofRank(DType.FLOAT64, 2), "x");
    // reshape to a symbolic shape leaves the added axis of unknown static length in the gradient
    Variable y = Shapes.reshape(Shapes.dimshuffle(x, 1, Shapes.X, 0), Shapes.shape(x));
    check("dimshuffle then reshape", y, x, LopCheck.random(rnd, 2, 3));
  }

  @Test
  void join_unknownLengths() {
    SplittableRandom rnd = new SplittableRandom(3);
    Variable a = new Variable(TensorType.ofRank(DType.FLOAT64, 2), "a");
    Variable b = new Variable(TensorType.ofRank(DType.FLOAT64, 2), "b");
    Variable y = Shapes.concatenate(List.of(a, b, a), 1);
    List<NDArray> values = List.of(LopCheck.random(rnd, 2, 3), LopCheck.random(rnd, 2, 1));
    LopCheck.check("join", List.of(y), List.of(a, b), LopCheck.bind(List.of(a, b), values), 4);
  }

  @Test
  void split_pieceWithoutGradientGetsZeros() {
    SplittableRandom rnd = new SplittableRandom(4);
    Variable x = var("x", 3, 5);
    List<Variable> pieces = Shapes.split(x, new int[] {2, 0, 3}, 1);
    check("split, last piece", pieces.get(2), x, LopCheck.random(rnd, 3, 5));
    LopCheck.check(
        "split, all pieces",
        pieces,
        List.of(x),
        LopCheck.bind(List.of(x), List.of(LopCheck.random(rnd, 3, 5))),
        5);
  }

  @Test
  void tile_moreRepsThanAxesAndMoreAxesThanReps() {
    SplittableRandom rnd = new SplittableRandom(5);
    Variable x = var("x", 2, 3);
    check("tile (2,1,3)", Shapes.tile(x, 2, 1, 3), x, LopCheck.random(rnd, 2, 3));
    check("tile (2)", Shapes.tile(x, 2), x, LopCheck.random(rnd, 2, 3));
    check("tile (0,2)", Shapes.tile(x, 0, 2), x, LopCheck.random(rnd, 2, 3));
    Variable u = new Variable(TensorType.ofRank(DType.FLOAT64, 2), "u");
    check("tile unknown shape", Shapes.tile(u, 3, 2), u, LopCheck.random(rnd, 2, 3));
  }

  @Test
  void repeat_countsPerEntry() {
    SplittableRandom rnd = new SplittableRandom(6);
    Variable x = var("x", 4, 2);
    check("repeat counts", Shapes.repeat(x, new int[] {0, 3, 1, 2}, 0), x, rnd(rnd));
    check("repeat flat", Shapes.repeat(x, 3), x, rnd(rnd));
    check("repeat axis 1", Shapes.repeat(x, 2, 1), x, rnd(rnd));
    Variable counts = new Variable(TensorType.of(DType.INT32, 4), "counts");
    Variable y = Shapes.repeat(x, counts, 0);
    var b =
        LopCheck.bind(List.of(x, counts), List.of(rnd(rnd), NDArray.of(new int[] {2, 1, 0, 3})));
    LopCheck.check("repeat symbolic counts", List.of(y), List.of(x), b, 8);
  }

  private static NDArray rnd(SplittableRandom rnd) {
    return LopCheck.random(rnd, 4, 2);
  }

  @Test
  void arangeEyeShape_giveZeroGradients() {
    Variable start = new Variable(TensorType.scalar(DType.FLOAT64), "start");
    Variable x = var("x", 2, 3);
    Variable r = Shapes.arange(start, Operands.constant(5.0), Operands.constant(1.0));
    Variable s = Shapes.shape(x);
    List<Variable> g =
        Grad.lop(
            List.of(r, Shapes.eye(3), s),
            List.of(start, x),
            List.of(Shapes.ones(5), Shapes.ones(3, 3), Operands.constant(new long[] {1, 1})));
    var b =
        LopCheck.bind(
            List.of(start, x), List.of(NDArray.scalar(0.5), NDArray.zeros(DType.FLOAT64, 2, 3)));
    List<NDArray> values = Interpreter.evaluate(g, b);
    assertArrayEquals(new double[1], values.get(0).toDoubleArray());
    assertArrayEquals(new double[6], values.get(1).toDoubleArray());
  }

  @Test
  void reshapeDimshuffleChain_secondDerivative() {
    SplittableRandom rnd = new SplittableRandom(9);
    Variable x = var("x", 2, 6);
    Variable y = var("y", 4, 3);
    Variable chain =
        LinearAlgebra.dot(
            Shapes.reshape(x, 3, 4), Shapes.dimshuffle(Shapes.reshape(y, 3, 4), 1, 0));
    var b =
        LopCheck.bind(
            List.of(x, y), List.of(LopCheck.random(rnd, 2, 6), LopCheck.random(rnd, 4, 3)));
    LopCheck.check("chain", List.of(chain), List.of(x, y), b, 10);
    LopCheck.checkSecondOrder("chain", List.of(chain), List.of(x, y), b, 11);
  }
}
