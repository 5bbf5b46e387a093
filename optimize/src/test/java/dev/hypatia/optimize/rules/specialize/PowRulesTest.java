package dev.hypatia.optimize.rules.specialize;

import static dev.hypatia.optimize.rules.specialize.RuleCheck.assertFired;
import static dev.hypatia.optimize.rules.specialize.RuleCheck.run;
import static dev.hypatia.optimize.rules.specialize.RuleCheck.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hypatia.optimize.rules.specialize.RuleCheck.Result;
import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Elemwise;
import dev.hypatia.symbolic.scalar.BinaryFn;
import dev.hypatia.symbolic.scalar.ScalarOp;
import dev.hypatia.symbolic.scalar.UnaryFn;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

class PowRulesTest {
  private static final int[] SHAPE = {50};

  /** The scalar function of the Elemwise node computing {@code v}. */
  private static ScalarOp fn(Variable v) {
    Apply node = v.owner();
    assertTrue(node != null && node.op() instanceof Elemwise, String.valueOf(node));
    return ((Elemwise) node.op()).scalar();
  }

  /**
   * Magnitudes spread over many binades (normal intermediates up to the 4th power), either sign.
   */
  private static DoubleSupplier spread(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    return () -> (rnd.nextBoolean() ? 1 : -1) * Math.pow(10, rnd.nextDouble(-30, 30));
  }

  /** Asserts |got - want| <= ulps ulps of want, in the dtype of the arrays. */
  private static void assertWithinUlps(NDArray[] values, double ulps, String what) {
    NDArray want = values[0];
    NDArray got = values[1];
    assertEquals(want.dtype(), got.dtype());
    boolean f32 = want.dtype() == DType.FLOAT32;
    for (int k = 0; k < want.size(); k++) {
      double w = want.flatDouble(k);
      double g = got.flatDouble(k);
      double ulp = f32 ? Math.ulp((float) w) : Math.ulp(w);
      if (g != w && !(Math.abs(g - w) <= ulps * ulp) && !(Double.isNaN(w) && Double.isNaN(g))) {
        fail(what + " element " + k + ": pow gives " + w + ", the rewrite " + g);
      }
    }
  }

  @Test
  void powSqr_becomesSqrAndAgreesWithPow() {
    for (DType dtype : new DType[] {DType.FLOAT64, DType.FLOAT32}) {
      Variable x = T.tensor(dtype, "x", TensorType.UNKNOWN);
      Result r = run("pow_sqr", x.pow(2.0), x);
      assertFired(r, "pow_sqr", 1);
      assertEquals("sqr(x)", r.log().entries().get(0).after());
      assertEquals(UnaryFn.SQR, fn(r.output()));
      assertSame(r.graph().inputs().get(0), r.output().owner().input(0));
      assertWithinUlps(r.evaluateRandom(spread(1), SHAPE), 1, "x**2 " + dtype);
    }
  }

  @Test
  void powSqr_ofIntegersIsExactWithWrapAround() {
    Variable x = T.tensor(DType.INT32, "x", TensorType.UNKNOWN);
    Result r = run("pow_sqr", x.pow(2), x);
    assertFired(r, "pow_sqr", 1);
    NDArray[] v = r.evaluateRandom(uniform(2, -1e6, 1e6), SHAPE);
    assertTrue(v[0].contentEquals(v[1]));
  }

  @Test
  void powSqrt_becomesSqrtWithin1Ulp() {
    Variable x = T.dvector("x");
    Result r = run("pow_sqrt", x.pow(0.5), x);
    assertFired(r, "pow_sqrt", 1);
    assertEquals(UnaryFn.SQRT, fn(r.output()));
    assertWithinUlps(r.evaluateRandom(uniform(3, 0, 1e6), SHAPE), 1, "x**0.5");
  }

  @Test
  void powReciprocal_becomesReciprocalWithin1Ulp() {
    Variable x = T.fvector("x");
    Result r = run("pow_reciprocal", x.pow(-1), x);
    assertFired(r, "pow_reciprocal", 1);
    assertEquals(UnaryFn.RECIPROCAL, fn(r.output()));
    assertWithinUlps(r.evaluateRandom(spread(4), SHAPE), 1, "x**-1");
  }

  @Test
  void powReciprocalSqrt_becomesReciprocalOfSqrtWithin2Ulps() {
    Variable x = T.dvector("x");
    Result r = RuleCheck.runWith(PowRules.powReciprocalSqrt(), x.pow(-0.5), x);
    assertFired(r, "pow_reciprocal_sqrt", 1);
    assertEquals(UnaryFn.RECIPROCAL, fn(r.output()));
    assertEquals(UnaryFn.SQRT, fn(r.output().owner().input(0)));
    assertWithinUlps(r.evaluateRandom(uniform(5, 1e-6, 1e6), SHAPE), 2, "x**-0.5");
    // the documented exception, which keeps it out of the default rules
    NDArray[] atMinusInf = r.evaluate(List.of(NDArray.of(Double.NEGATIVE_INFINITY)));
    assertEquals(0.0, atMinusInf[0].getDouble(0));
    assertTrue(Double.isNaN(atMinusInf[1].getDouble(0)));
  }

  @Test
  void powReciprocalSqrt_isNotADefaultRule() {
    assertTrue(PowRules.rules().stream().noneMatch(r -> r.name().equals("pow_reciprocal_sqrt")));
    Variable x = T.dvector("x");
    assertFired(run("pow_reciprocal_sqrt", x.pow(-0.5), x), "pow_reciprocal_sqrt", 0);
  }

  @Test
  void powSmallInteger_becomesProductsWithinTheStatedUlps() {
    for (DType dtype : new DType[] {DType.FLOAT64, DType.FLOAT32}) {
      for (int n : new int[] {-4, -3, -2, 3, 4}) {
        Variable x = T.tensor(dtype, "x", TensorType.UNKNOWN);
        Result r = run("pow_small_integer", x.pow(n), x);
        assertFired(r, "pow_small_integer", 1);
        Variable p = n < 0 ? r.output().owner().input(0) : r.output();
        if (n < 0) {
          assertEquals(UnaryFn.RECIPROCAL, fn(r.output()));
        }
        assertEquals(Math.abs(n) == 3 ? BinaryFn.MUL : UnaryFn.SQR, fn(p));
        // float32 intermediates stay normal for magnitudes up to 1e9 to the 4th power
        DoubleSupplier draw = dtype == DType.FLOAT32 ? uniform(6 + n, -1e4, 1e4) : spread(6 + n);
        assertWithinUlps(
            r.evaluateRandom(draw, SHAPE), PowRules.PRODUCT_ULPS, "x**" + n + " " + dtype);
      }
    }
  }

  @Test
  void powSmallInteger_ofIntegersIsExact() {
    for (int n : new int[] {3, 4}) {
      Variable x = T.tensor(DType.INT64, "x", TensorType.UNKNOWN);
      Result r = run("pow_small_integer", x.pow(n), x);
      assertFired(r, "pow_small_integer", 1);
      NDArray[] v = r.evaluateRandom(uniform(7, -1e7, 1e7), SHAPE);
      assertTrue(v[0].contentEquals(v[1]));
    }
  }

  @Test
  void powSmallInteger_logsTheProduct() {
    Variable x = T.dvector("x");
    Result r = run("pow_small_integer", x.pow(-3), x);
    assertEquals(
        "[specialize] pow_small_integer: (x ** -3.0)  ->  reciprocal((sqr(x) * x))",
        r.log().entries().get(0).toString());
  }

  @Test
  void rules_declineExponentsTheyCannotSpecialize() {
    Variable x = T.dvector("x");
    Variable s = T.dscalar("s");
    Variable i = T.ivector("i");
    // a non-constant exponent, a non-integer one, |n| > 4, mixed exponents, one that broadcasts x
    assertFired(run("pow_sqr", x.pow(s), x, s), "pow_sqr", 0);
    assertFired(run("pow_small_integer", x.pow(2.5), x), "pow_small_integer", 0);
    assertFired(run("pow_small_integer", x.pow(5), x), "pow_small_integer", 0);
    Variable mixed = x.pow(T.constant(new double[] {3, 4}));
    assertFired(run("pow_small_integer", mixed, x), "pow_small_integer", 0);
    Variable broadcast = s.pow(T.constant(new double[] {2, 2}));
    assertFired(run("pow_sqr", broadcast, s), "pow_sqr", 0);
    // integers: reciprocal would change the dtype (and numpy rejects negative integer powers)
    assertFired(run("pow_reciprocal", i.pow(-1), i), "pow_reciprocal", 0);
    assertFired(run("pow_small_integer", i.pow(-2), i), "pow_small_integer", 0);
    // an integer squared by a float exponent is float64: sqr would keep int32
    assertFired(run("pow_sqr", i.pow(2.0), i), "pow_sqr", 0);
  }

  @Test
  void exponentOfXsOwnShape_isAccepted() {
    Variable x = T.tensor(DType.FLOAT64, "x", 2);
    Result r = run("pow_sqr", x.pow(T.constant(new double[] {2, 2})), x);
    assertFired(r, "pow_sqr", 1);
    NDArray[] v = r.evaluateRandom(uniform(8, -5, 5), new int[] {2});
    assertTrue(v[0].contentEquals(v[1]));
  }
}
