package dev.hypatia.grad.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.grad.GradRules;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.LinearAlgebra;
import dev.hypatia.symbolic.testing.OpSpec;
import dev.hypatia.symbolic.testing.OpSpecs;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LinalgRulesTest {
  static Stream<OpSpec> rows() {
    return OpSpecs.differentiable().stream()
        .filter(
            r ->
                List.of("dot", "matmul", "outer", "tensordot", "tensordot-pairs")
                    .contains(r.function()));
  }

  @ParameterizedTest
  @MethodSource("rows")
  void specRow_matchesFiniteDifferences(OpSpec spec) {
    for (int t = 0; t < 6; t++) {
      LopCheck.checkCase(spec, spec.sample(300 + t), t % 2 == 0, t);
    }
  }

  @ParameterizedTest
  @MethodSource("rows")
  void specRow_secondDerivatives(OpSpec spec) {
    for (int t = 0; t < 3; t++) {
      OpSpec.Case c = spec.sample(400 + t);
      List<Variable> vars = c.variables(true);
      List<Variable> wrt = c.floatInputs().stream().map(vars::get).toList();
      LopCheck.checkSecondOrder(spec.name(), c.build(vars), wrt, c.bindings(vars), t);
    }
  }

  @Test
  void everyRuleIsInTheTable() {
    assertTrue(GradRules.builtInOps().containsAll(LinalgRules.rules().keySet()));
  }

  private static Variable var(String name, DType dtype, int[] shape, boolean known) {
    TensorType t = known ? TensorType.of(dtype, shape) : TensorType.ofRank(dtype, shape.length);
    return new Variable(t, name);
  }

  private static NDArray random(SplittableRandom rnd, DType dtype, int[] shape) {
    return LopCheck.random(rnd, shape).astype(dtype);
  }

  /** Checks {@code op(a, b)} and its second derivatives at random values of both shapes. */
  private static void checkPair(
      String what, int[] sa, int[] sb, DType dtype, boolean known, Op2 op, long seed) {
    checkPair(what, sa, sb, dtype, known, op, seed, true);
  }

  private static void checkPair(
      String what,
      int[] sa,
      int[] sb,
      DType dtype,
      boolean known,
      Op2 op,
      long seed,
      boolean secondOrder) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Variable a = var("a", dtype, sa, known);
    Variable b = var("b", dtype, sb, known);
    Variable out = op.apply(a, b);
    Map<Variable, NDArray> bind =
        LopCheck.bind(List.of(a, b), List.of(random(rnd, dtype, sa), random(rnd, dtype, sb)));
    String name = what + " " + Arrays.toString(sa) + " x " + Arrays.toString(sb);
    LopCheck.check(name, List.of(out), List.of(a, b), bind, seed);
    if (dtype == DType.FLOAT64 && secondOrder) {
      LopCheck.checkSecondOrder(name, List.of(out), List.of(a, b), bind, seed);
    }
  }

  /** A product of two variables. */
  private interface Op2 {
    Variable apply(Variable a, Variable b);
  }

  private static final int[][] DOT_SHAPES = {{}, {3}, {3, 4}};

  @Test
  void dot_everyRankPair_firstAndSecondDerivatives() {
    for (int ra = 0; ra <= 2; ra++) {
      for (int rb = 0; rb <= 2; rb++) {
        int[] sa = ra == 2 ? new int[] {2, 3} : DOT_SHAPES[ra];
        int[] sb = DOT_SHAPES[rb];
        for (boolean known : new boolean[] {true, false}) {
          checkPair("dot", sa, sb, DType.FLOAT64, known, LinearAlgebra::dot, 10 * ra + rb);
        }
      }
    }
  }

  @Test
  void dot_float32GradientsStayFloat32() {
    checkPair(
        "dot", new int[] {2, 3}, new int[] {3, 4}, DType.FLOAT32, true, LinearAlgebra::dot, 1);
    checkPair("dot", new int[] {3}, new int[] {}, DType.FLOAT32, false, LinearAlgebra::dot, 2);
  }

  @Test
  void matmul_batchBroadcastAndVectorPromotion() {
    int[][][] pairs = {
      {{2, 1, 3, 4}, {5, 4, 2}},
      {{1, 3, 4}, {2, 1, 4, 2}},
      {{4}, {2, 4, 3}},
      {{2, 3, 4}, {4}},
      {{4}, {4}},
      {{4}, {4, 2}},
      {{3, 4}, {4}},
      {{3, 4}, {2, 2, 4, 5}},
    };
    long seed = 0;
    for (int[][] p : pairs) {
      for (boolean known : new boolean[] {true, false}) {
        checkPair("matmul", p[0], p[1], DType.FLOAT64, known, LinearAlgebra::matmul, seed++, true);
      }
    }
    checkPair(
        "matmul",
        new int[] {1, 3, 4},
        new int[] {2, 4, 2},
        DType.FLOAT32,
        true,
        LinearAlgebra::matmul,
        seed);
  }

  @Test
  void tensordot_pairedAxesInAnyOrder() {
    checkPair(
        "tensordot",
        new int[] {2, 3, 4},
        new int[] {4, 5, 3},
        DType.FLOAT64,
        true,
        (a, b) -> LinearAlgebra.tensordot(a, b, new int[] {2, 1}, new int[] {0, 2}),
        1);
    checkPair(
        "tensordot",
        new int[] {3, 2, 4},
        new int[] {4, 3},
        DType.FLOAT64,
        false,
        (a, b) -> LinearAlgebra.tensordot(a, b, new int[] {0, -1}, new int[] {1, 0}),
        2);
    checkPair(
        "outer", new int[] {2, 2}, new int[] {3}, DType.FLOAT64, true, LinearAlgebra::outer, 3);
  }
}
