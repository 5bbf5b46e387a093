package dev.hypatia.grad.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.grad.Grad;
import dev.hypatia.grad.GradOptions;
import dev.hypatia.symbolic.Constant;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Reductions;
import dev.hypatia.symbolic.ops.SumToShape;
import dev.hypatia.symbolic.testing.OpSpec;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReduceRulesTest {
  private static final List<String> REDUCTIONS =
      List.of("sum", "prod", "max", "min", "mean", "var", "std", "logsumexp");

  static Stream<OpSpec> float64Rows() {
    return RowChecks.rows(
        r ->
            REDUCTIONS.stream().anyMatch(f -> r.function().startsWith(f))
                && r.name().endsWith("float64"))
        .stream();
  }

  static Stream<OpSpec> float32Rows() {
    return RowChecks.rows(
        r ->
            REDUCTIONS.stream().anyMatch(f -> r.function().startsWith(f))
                && r.name().endsWith("float32"))
        .stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("float64Rows")
  void firstDerivatives_matchFiniteDifferences_onTheRowDomain(OpSpec row) {
    RowChecks.checkFirstDerivatives(row, 6);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("float32Rows")
  void float32Inputs_getFloat32Gradients_closeToFloat64Ones(OpSpec row) {
    RowChecks.checkFloat32(row, 3);
  }

  private static NDArray eval(Variable v, Variable x, NDArray value) {
    return v.eval(Map.of(x, value));
  }

  /** The gradient of prod along the last axis by a plain loop: the product of the others. */
  private static double[] prodGradByLoop(double[] x, int lane) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      int start = i / lane * lane;
      double p = 1;
      for (int j = start; j < start + lane; j++) {
        p *= j == i ? 1 : x[j];
      }
      out[i] = p;
    }
    return out;
  }

  @Test
  void prod_withZeros_givesTheProductOfTheOthers_withoutNaN() {
    Variable x = T.dmatrix("x");
    double[] values = {0, 2, 3, 4, 0, 0, 5, 6, 7, 0.5, 0, 3};
    NDArray xv = NDArray.of(values).reshape(4, 3);
    NDArray g = eval(Grad.grad(x.prod(1).sum(), x), x, xv);
    assertArrayEquals(prodGradByLoop(values, 3), g.toDoubleArray(), 1e-15);
  }

  @Test
  void prod_secondDerivatives_atZeros_matchFiniteDifferencesOfTheFirst() {
    Variable x = T.dvector("x");
    // lop rather than grad of a sum, whose rule allocates: this test needs no shape op's rule
    Variable seed = new Constant(NDArray.of(1.7), "v");
    Variable first = Grad.lop(List.of(x.prod(true, 0)), List.of(x), List.of(seed)).get(0);
    SplittableRandom rnd = new SplittableRandom(3);
    for (double[] values : new double[][] {{0, 2, 3}, {0, -1.5, 0}, {0, 0, 0}, {2, 0.5, 3}}) {
      NDArray xv = NDArray.of(values);
      List<NDArray> v = List.of(FiniteDifferences.randomLike(xv, rnd));
      FiniteDifferences.checkLop(
          List.of(first), v, Map.of(x, xv), List.of(x), 1e-6, 1e-8, "prod at zeros");
    }
  }

  @Test
  void max_withTies_splitsTheGradientEvenly() {
    Variable x = T.dmatrix("x");
    NDArray xv = NDArray.of(new double[] {1, 3, 3, 2, 2, 2, 5, 1, 0}).reshape(3, 3);
    NDArray g = eval(Grad.grad(x.max(1).sum(), x), x, xv);
    double third = 1.0 / 3;
    assertArrayEquals(
        new double[] {0, 0.5, 0.5, third, third, third, 1, 0, 0}, g.toDoubleArray(), 1e-15);
    NDArray gmin = eval(Grad.grad(x.min(0).sum(), x), x, xv);
    assertArrayEquals(new double[] {1, 0, 0, 0, 0, 0, 0, 1, 1}, gmin.toDoubleArray(), 0);
  }

  @Test
  void max_ofALaneWithNaN_givesZeros_notNaN() {
    Variable x = T.dvector("x");
    NDArray g = eval(Grad.grad(x.max(), x), x, NDArray.of(new double[] {1, Double.NaN, 2}));
    assertArrayEquals(new double[] {0, 0, 0}, g.toDoubleArray(), 0);
  }

  @Test
  void sum_withoutKeepdims_broadcastsTheGradientBackOverTheReducedAxes() {
    Variable x = new Variable(TensorType.ofRank(DType.FLOAT32, 3), "x");
    Variable w = T.dmatrix("w");
    Variable cost = x.sum(1).mul(w).sum();
    Variable g = Grad.grad(cost, x);
    assertEquals(DType.FLOAT32, g.dtype());
    NDArray xv = NDArray.zeros(DType.FLOAT32, 2, 3, 2);
    NDArray wv = NDArray.of(new double[] {1, 2, 3, 4}).reshape(2, 2);
    NDArray got = g.eval(Map.of(x, xv, w, wv));
    assertArrayEquals(new int[] {2, 3, 2}, got.shape());
    assertArrayEquals(new double[] {1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4}, got.toDoubleArray(), 0);
  }

  @Test
  void argmaxAndCount_haveNoGradient() {
    Variable x = T.dvector("x");
    Variable cost = x.argmax().astype(DType.FLOAT64).add(Reductions.count(x).astype(DType.FLOAT64));
    GradOptions ignore = GradOptions.defaults().withDisconnected(GradOptions.Disconnected.IGNORE);
    Variable g = Grad.grad(cost, List.of(x), ignore).get(0);
    assertArrayEquals(
        new double[] {0, 0}, g.eval(Map.of(x, NDArray.of(new double[] {1, 2}))).toDoubleArray(), 0);
  }

  @Test
  void allAndAny_haveNoGradient() {
    Variable x = T.dvector("x");
    Variable cost = Reductions.any(x.gt(0)).astype(DType.FLOAT64);
    GradOptions ignore = GradOptions.defaults().withDisconnected(GradOptions.Disconnected.IGNORE);
    Variable g = Grad.grad(cost, List.of(x), ignore).get(0);
    assertTrue(g.eval(Map.of(x, NDArray.of(new double[] {1, -2}))).toDoubleArray()[0] == 0);
  }

  @Test
  void sumToShape_broadcastsTheGradientBackToItsFirstInput() {
    Variable g0 = T.dmatrix("g");
    Variable like = T.dvector("like");
    Variable s = new SumToShape().apply(g0, like);
    Variable w = T.dvector("w");
    Variable grad = Grad.grad(s.mul(w).sum(), g0);
    NDArray got =
        grad.eval(
            Map.of(
                g0, NDArray.zeros(DType.FLOAT64, 3, 2),
                like, NDArray.zeros(DType.FLOAT64, 2),
                w, NDArray.of(new double[] {5, 7})));
    assertArrayEquals(new double[] {5, 7, 5, 7, 5, 7}, got.toDoubleArray(), 0);
  }
}
