package dev.hypatia.grad.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.grad.Grad;
import dev.hypatia.symbolic.Constant;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Elementwise;
import dev.hypatia.symbolic.scalar.BinaryFn;
import dev.hypatia.symbolic.scalar.TernaryFn;
import dev.hypatia.symbolic.scalar.UnaryFn;
import dev.hypatia.symbolic.testing.OpSpec;
import dev.hypatia.symbolic.testing.OpSpec.Case;
import dev.hypatia.symbolic.testing.OpSpecs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScalarRulesTest {
  @Test
  void everyScalarFunction_hasAnEntry_orAnExplicitNotDifferentiable() {
    for (UnaryFn f : UnaryFn.values()) {
      assertNotNull(ScalarRules.unary(f), f.opName());
    }
    for (BinaryFn f : BinaryFn.values()) {
      assertNotNull(ScalarRules.binary(f), f.opName());
    }
    for (TernaryFn f : TernaryFn.values()) {
      assertNotNull(ScalarRules.ternary(f), f.opName());
    }
  }

  @Test
  void boolValuedFunctions_areNotDifferentiable() {
    for (UnaryFn f : UnaryFn.PREDICATES) {
      assertEquals(ScalarRules.NOT_DIFFERENTIABLE, ScalarRules.unary(f));
    }
    for (BinaryFn f : BinaryFn.COMPARISON) {
      assertEquals(ScalarRules.BINARY_NOT_DIFFERENTIABLE, ScalarRules.binary(f));
    }
  }

  private static double[] grad(Variable cost, Variable x, double... values) {
    return Grad.grad(cost, x).eval(Map.of(x, NDArray.of(values))).toDoubleArray();
  }

  @Test
  void abs_hasGradientZeroAtZero_andSqrtInfinity() {
    Variable x = T.dvector("x");
    assertArrayEquals(new double[] {-1, 0, 1}, grad(x.abs().sum(), x, -2, 0, 3), 0);
    assertEquals(Double.POSITIVE_INFINITY, grad(x.sqrt().sum(), x, 0)[0]);
  }

  @Test
  void pow_ofANegativeBaseWithAnIntegerExponent_isExact_andTheExponentGradientIsZeroThere() {
    Variable x = T.dvector("x");
    Variable y = T.dvector("y");
    Variable cost = x.pow(y).sum();
    Map<Variable, NDArray> b =
        Map.of(x, NDArray.of(-2.0, 0.0, 0.0, 3.0), y, NDArray.of(3.0, 0.0, 2.0, 0.5));
    List<Variable> g = Grad.grad(cost, List.of(x, y));
    assertArrayEquals(
        new double[] {12, 0, 0, 0.5 / Math.sqrt(3)}, g.get(0).eval(b).toDoubleArray(), 1e-15);
    assertArrayEquals(
        new double[] {0, 0, 0, Math.sqrt(3) * Math.log(3)},
        g.get(1).eval(b).toDoubleArray(),
        1e-15);
  }

  @Test
  void pow_secondDerivatives_areFinite_whereTheBaseIsNotPositive() {
    Variable x = T.dvector("x");
    Variable y = T.dvector("y");
    Variable ones = new Constant(NDArray.of(1.0, 1.0), "ones"); // lop: no shape op's rule needed
    Variable dy = Grad.lop(List.of(x.pow(y)), List.of(y), List.of(ones)).get(0);
    List<Variable> second = Grad.lop(List.of(dy), List.of(x, y), List.of(ones));
    Map<Variable, NDArray> b = Map.of(x, NDArray.of(-2.0, 0.0), y, NDArray.of(0.5, -1.0));
    for (Variable s : second) {
      for (double d : s.eval(b).toDoubleArray()) {
        assertTrue(Double.isFinite(d), "second derivative " + d);
      }
    }
  }

  @Test
  void maximumAndMinimum_splitTiesEvenly() {
    Variable x = T.dvector("x");
    Variable y = T.dvector("y");
    Map<Variable, NDArray> b = Map.of(x, NDArray.of(1.0, 2.0, 3.0), y, NDArray.of(1.0, 5.0, 0.0));
    List<Variable> gmax = Grad.grad(x.maximum(y).sum(), List.of(x, y));
    assertArrayEquals(new double[] {0.5, 0, 1}, gmax.get(0).eval(b).toDoubleArray(), 0);
    assertArrayEquals(new double[] {0.5, 1, 0}, gmax.get(1).eval(b).toDoubleArray(), 0);
    List<Variable> gmin = Grad.grad(x.minimum(y).sum(), List.of(x, y));
    assertArrayEquals(new double[] {0.5, 1, 0}, gmin.get(0).eval(b).toDoubleArray(), 0);
  }

  @Test
  void where_sendsTheGradientOnlyIntoTheChosenBranch_evenWhereTheOtherIsInfinite() {
    Variable x = T.dvector("x");
    Variable cost = Elementwise.where(x.gt(0), x.log(), x.mul(3.0)).sum();
    assertArrayEquals(new double[] {3, 0.5}, grad(cost, x, -1, 2), 0);
  }

  @Test
  void sigmoid_gradientDoesNotRoundToZero_forLargeInputs() {
    Variable x = T.dvector("x");
    double got = grad(x.sigmoid().sum(), x, 40)[0];
    assertEquals(Math.exp(-40), got, 1e-30);
  }

  @Test
  void cast_backToTheInputDType_andNothingThroughIntegers() {
    Variable x = T.fvector("x");
    Variable g = Grad.grad(x.astype(DType.FLOAT64).mul(2.0).sum(), x);
    assertEquals(DType.FLOAT32, g.dtype());
    assertArrayEquals(new float[] {2f}, g.eval(Map.of(x, NDArray.of(1f))).toFloatArray(), 0f);
    Variable z = T.dvector("z");
    Variable viaInt = z.astype(DType.INT32).astype(DType.FLOAT64).add(z).sum();
    assertArrayEquals(new double[] {1}, grad(viaInt, z, 2.5), 0);
  }

  /** Central differences of {@code f} (a graph of the float64 vector x) at x = v. */
  private static double centralDifference(Variable f, Variable x, double v) {
    double h = 1e-5;
    double up = f.eval(Map.of(x, NDArray.of(v + h))).toDoubleArray()[0];
    double down = f.eval(Map.of(x, NDArray.of(v - h))).toDoubleArray()[0];
    return (up - down) / (2 * h);
  }

  /** Checks d f / dx (a graph) against central differences of f at points off the poles. */
  private static Variable assertDerivativeMatchesFiniteDifferences(Variable f, Variable x) {
    Variable d = Grad.grad(f.sum(), x);
    for (double v : new double[] {-2.7, -0.5, 0.3, 1.5, 3.7, 12.0}) {
      double got = d.eval(Map.of(x, NDArray.of(v))).toDoubleArray()[0];
      double want = centralDifference(f, x, v);
      assertEquals(want, got, 1e-6 * Math.max(1, Math.abs(want)), "at " + v);
    }
    return d;
  }

  @Test
  void trigamma_gradientIsPolygammaTwo_matchingFiniteDifferences() {
    Variable x = T.dvector("x");
    Variable d = assertDerivativeMatchesFiniteDifferences(x.trigamma(), x);
    double want = Elementwise.polygamma(2, x).eval(Map.of(x, NDArray.of(1.5))).toDoubleArray()[0];
    assertEquals(want, d.eval(Map.of(x, NDArray.of(1.5))).toDoubleArray()[0], 0);
  }

  @Test
  void psi_secondAndThirdDerivatives_matchFiniteDifferences() {
    Variable x = T.dvector("x");
    Variable first = Grad.grad(x.psi().sum(), x);
    Variable second = assertDerivativeMatchesFiniteDifferences(first, x);
    assertDerivativeMatchesFiniteDifferences(second, x);
  }

  @Test
  void polygamma_gradientIsTheNextOrder() {
    Variable x = T.dvector("x");
    assertDerivativeMatchesFiniteDifferences(x.polygamma(3), x);
  }

  @Test
  void psi_gradientIsTrigamma() {
    Variable x = T.dvector("x");
    double got = grad(x.psi().sum(), x, 1.0)[0];
    assertEquals(Math.PI * Math.PI / 6, got, 1e-12);
  }

  /**
   * Second derivatives: the vector-Jacobian product of the first derivative (itself a lop) against
   * finite differences of the first derivative. Cases whose first-derivative graph holds an op
   * without a rule in this branch (shape ops) are skipped; at least two are checked per row.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "exp/float64",
        "log/float64",
        "tanh/float64",
        "sigmoid/float64",
        "pow/float64",
        "mul/float64",
        "true_div/float64",
        "prod/float64",
        "max/float64",
        "arcsin/float64",
        "gammaln/float64",
        "clip/float64",
        "composite/float64"
      })
  void secondDerivatives_matchFiniteDifferencesOfTheFirst(String name) {
    OpSpec row = OpSpecs.named(name);
    SplittableRandom rnd = new SplittableRandom(name.hashCode());
    int checked = 0;
    for (int seed = 0; seed < 40 && checked < 4; seed++) {
      Case c = row.sample(seed);
      List<Variable> vars = c.variables(true);
      List<Variable> outs = RowChecks.floatOutputs(c.build(vars));
      Map<Variable, NDArray> bindings = c.bindings(vars);
      List<NDArray> v1 = new ArrayList<>();
      for (NDArray value : dev.hypatia.symbolic.Interpreter.evaluate(outs, bindings)) {
        v1.add(FiniteDifferences.randomLike(value, rnd));
      }
      List<Variable> wrt = c.floatInputs().stream().map(vars::get).toList();
      List<Variable> first = Grad.lop(outs, wrt, FiniteDifferences.constants(outs, v1));
      if (!FiniteDifferences.allRulesKnown(first)) {
        continue;
      }
      List<NDArray> v2 = new ArrayList<>();
      for (NDArray value : dev.hypatia.symbolic.Interpreter.evaluate(first, bindings)) {
        v2.add(FiniteDifferences.randomLike(value, rnd));
      }
      FiniteDifferences.checkLop(first, v2, bindings, wrt, 1e-5, 1e-7, name + " " + c);
      checked++;
    }
    assertTrue(checked >= 2, name + ": only " + checked + " cases checked");
  }
}
