package dev.hypatia.optimize.rules.specialize;

import static dev.hypatia.optimize.rules.specialize.RuleCheck.assertFired;
import static dev.hypatia.optimize.rules.specialize.RuleCheck.run;
import static dev.hypatia.optimize.rules.specialize.RuleCheck.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.optimize.Mode;
import dev.hypatia.optimize.Optimizer;
import dev.hypatia.optimize.rules.specialize.RuleCheck.Result;
import dev.hypatia.symbolic.Constant;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.FunctionGraph;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Dot;
import dev.hypatia.symbolic.ops.Gemm;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlasRulesTest {
  private static final int U = TensorType.UNKNOWN;
  private final Variable a = T.dmatrix("a");
  private final Variable b = T.dmatrix("b");
  private final Variable c = T.dmatrix("c");
  private final Variable v = T.dvector("v");
  private final Variable w = T.dvector("w");
  private final Variable alpha = T.dscalar("alpha");
  private final Variable beta = T.dscalar("beta");

  /** Asserts the output is gemm(a, b, c, ...) over the rewritten graph's clones of a, b, c. */
  private static Variable[] assertGemm(Result r, Variable a, Variable b, Variable c) {
    FunctionGraph g = r.graph();
    Variable out = r.output();
    assertTrue(out.owner().op() instanceof Gemm, out.owner().op().name());
    assertSame(g.cloneOf(a), out.owner().input(0));
    assertSame(g.cloneOf(b), out.owner().input(1));
    assertSame(g.cloneOf(c), out.owner().input(2));
    return new Variable[] {out.owner().input(3), out.owner().input(4)};
  }

  private static double item(Variable constant) {
    return ((Constant) constant).valueView().item();
  }

  /** Asserts exact agreement of the graph before and after on random values. */
  private static void assertExact(Result r, long seed, int[]... shapes) {
    for (int t = 0; t < 3; t++) {
      NDArray[] values = r.evaluateRandom(uniform(seed + t, -2, 2), shapes);
      assertTrue(
          values[0].contentEquals(values[1]),
          "before " + values[0].format() + " after " + values[1].format());
    }
  }

  private static final int[] M = {3, 4};
  private static final int[] N = {4, 5};
  private static final int[] MN = {3, 5};
  private static final int[] S = {};

  @Test
  void gemm_plusDotBecomesGemmWithUnitScalars() {
    Result r = run("gemm", c.add(a.dot(b)), a, b, c);
    assertFired(r, "gemm", 1);
    Variable[] scalars = assertGemm(r, a, b, c);
    assertEquals(1.0, item(scalars[0]));
    assertEquals(1.0, item(scalars[1]));
    assertExact(r, 1, M, N, MN);
  }

  @Test
  void gemm_gemvAndBroadcastC() {
    Result r = run("gemm", a.dot(v).add(w), a, v, w);
    assertFired(r, "gemm", 1);
    assertGemm(r, a, v, w);
    assertExact(r, 2, M, new int[] {4}, new int[] {3});
    Result row = run("gemm", a.dot(b).add(v), a, b, v);
    assertFired(row, "gemm", 1);
    assertExact(row, 3, M, N, new int[] {5});
    // a product axis of length 1 stretched by c, as the sum does
    assertExact(row, 4, M, new int[] {4, 1}, new int[] {5});
  }

  @Test
  void gemm_readsMatmulAndTensordotOverTheDotAxesAsDot() {
    Variable matmul = T.matmul(a, b).add(c);
    Result r = run("gemm", matmul, a, b, c);
    assertFired(r, "gemm", 1);
    assertGemm(r, a, b, c);
    assertExact(r, 21, M, N, MN);
    Variable td = c.add(T.tensordot(a, b, 1));
    Result t = run("gemm", td, a, b, c);
    assertFired(t, "gemm", 1);
    assertExact(t, 22, M, N, MN);
    // a tensordot over other axes is another product
    Variable transposed =
        c.add(dev.hypatia.symbolic.ops.LinearAlgebra.tensordot(a, b, new int[] {0}, new int[] {0}));
    assertFired(run("gemm", transposed, a, b, c), "gemm", 0);
  }

  @Test
  void gemmScaled_foldsAlphaInEitherOrder() {
    for (Variable scaled : List.of(alpha.mul(a.dot(b)), a.dot(b).mul(alpha))) {
      Result r = run("gemm_scaled", c.add(scaled), a, b, c, alpha);
      assertFired(r, "gemm_scaled", 1);
      Variable[] scalars = assertGemm(r, a, b, c);
      assertSame(r.graph().cloneOf(alpha), scalars[0]);
      assertEquals(1.0, item(scalars[1]));
      assertExact(r, 5, M, N, MN, S);
    }
  }

  @Test
  void gemmScaledBoth_foldsAlphaAndBeta() {
    for (Variable scaledC : List.of(beta.mul(c), c.mul(beta))) {
      Variable out = scaledC.add(alpha.mul(a.dot(b)));
      Result r = run("gemm_scaled_both", out, a, b, c, alpha, beta);
      assertFired(r, "gemm_scaled_both", 1);
      Variable[] scalars = assertGemm(r, a, b, c);
      assertSame(r.graph().cloneOf(alpha), scalars[0]);
      assertSame(r.graph().cloneOf(beta), scalars[1]);
      assertExact(r, 6, M, N, MN, S, S);
    }
  }

  @Test
  void gemmSub_isGemmWithAlphaMinusOne() {
    Result r = run("gemm_sub", w.sub(a.dot(v)), w, a, v);
    assertFired(r, "gemm_sub", 1);
    Variable[] scalars = assertGemm(r, a, v, w);
    assertEquals(-1.0, item(scalars[0]));
    assertExact(r, 7, new int[] {3}, M, new int[] {4});
  }

  @Test
  void gemmSubScaled_negatesAlpha() {
    Result r = run("gemm_sub_scaled", c.sub(a.dot(b).mul(alpha)), c, a, b, alpha);
    assertFired(r, "gemm_sub_scaled", 1);
    assertGemm(r, a, b, c);
    assertEquals(
        "[specialize] gemm_sub_scaled: (c - (dot(a, b) * alpha))  ->  gemm(a, b, c, -alpha, 1.0)",
        r.log().entries().get(0).toString());
    assertExact(r, 8, MN, M, N, S);
  }

  @Test
  void gemm_float32WithWeakScalarsStaysExact() {
    Variable fa = T.fmatrix("fa");
    Variable fb = T.fmatrix("fb");
    Variable fc = T.fmatrix("fc");
    Result r = run("gemm_scaled_both", fc.mul(0.3).add(fa.dot(fb).mul(-1.7)), fa, fb, fc);
    assertFired(r, "gemm_scaled_both", 1);
    assertEquals(DType.FLOAT32, r.output().dtype());
    assertExact(r, 9, M, N, MN);
  }

  @Test
  void gemm_declinesShapesAndDtypesThatAreNotGemmForms() {
    Variable fa = T.fmatrix("fa");
    Variable i = T.imatrix("i");
    // vector.vector and vector.matrix products, a c of higher rank than a gemv product
    assertFired(run("gemm", v.dot(w).add(alpha), v, w, alpha), "gemm", 0);
    assertFired(run("gemm", v.dot(a).add(w), v, a, w), "gemm", 0);
    assertFired(run("gemm", a.dot(v).add(c), a, v, c), "gemm", 0);
    // mixed or integer dtypes, an alpha that widens float32 matrices, a non-scalar alpha
    assertFired(run("gemm", fa.dot(fa).add(c), fa, c), "gemm", 0);
    assertFired(run("gemm", i.dot(i).add(i), i), "gemm", 0);
    Variable widened = fa.add(alpha.mul(fa.dot(fa)));
    assertFired(run("gemm_scaled", widened, fa, alpha), "gemm_scaled", 0);
    assertFired(run("gemm_scaled", c.add(w.mul(a.dot(b))), c, w, a, b), "gemm_scaled", 0);
  }

  @Test
  void sumOfProductToDot_knownEqualLengths() {
    Variable x = T.tensor(DType.FLOAT64, "x", 7);
    Variable y = T.tensor(DType.FLOAT64, "y", 7);
    Result r = run("sum_of_product_to_dot", x.mul(y).sum(), x, y);
    assertFired(r, "sum_of_product_to_dot", 1);
    assertTrue(r.output().owner().op() instanceof Dot);
    assertSame(r.graph().cloneOf(x), r.output().owner().input(0));
    assertEquals(
        "[specialize] sum_of_product_to_dot: sum{axes=(0)}((x * y))  ->  dot(x, y)",
        r.log().entries().get(0).toString());
    assertExact(r, 10, new int[] {7}, new int[] {7});
  }

  @Test
  void sumOfProductToDot_squaredNormOfOneVectorOfUnknownLength() {
    Result r = run("sum_of_product_to_dot", v.mul(v).sum(), v);
    assertFired(r, "sum_of_product_to_dot", 1);
    assertExact(r, 11, new int[] {9});
  }

  @Test
  void sumOfProductToDot_int64IsExact() {
    Variable x = T.tensor(DType.INT64, "x", 6);
    Variable y = T.tensor(DType.INT64, "y", 6);
    Result r = run("sum_of_product_to_dot", x.mul(y).sum(), x, y);
    assertFired(r, "sum_of_product_to_dot", 1);
    NDArray[] values = r.evaluateRandom(uniform(12, -1e9, 1e9), new int[] {6}, new int[] {6});
    assertTrue(values[0].contentEquals(values[1]));
  }

  @Test
  void sumOfProductToDot_float32WithinTheStatedBound() {
    Variable x = T.tensor(DType.FLOAT32, "x", 40);
    Variable y = T.tensor(DType.FLOAT32, "y", 40);
    Result r = run("sum_of_product_to_dot", x.mul(y).sum(), x, y);
    assertFired(r, "sum_of_product_to_dot", 1);
    for (int t = 0; t < 5; t++) {
      java.util.List<NDArray> in =
          List.of(random(DType.FLOAT32, 40, 13 + 2 * t), random(DType.FLOAT32, 40, 14 + 2 * t));
      NDArray[] values = r.evaluate(in);
      double bound = 0;
      for (int k = 0; k < 40; k++) {
        bound += Math.abs(in.get(0).flatDouble(k) * in.get(1).flatDouble(k));
      }
      double want = values[0].item();
      bound = bound * 0x1p-24 + Math.ulp((float) want);
      assertTrue(Math.abs(values[1].item() - want) <= bound, values[1].item() + " vs " + want);
    }
  }

  private static NDArray random(DType dtype, int n, long seed) {
    java.util.function.DoubleSupplier draw = uniform(seed, -3, 3);
    NDArray v = NDArray.zeros(DType.FLOAT64, n);
    for (int k = 0; k < n; k++) {
      v.setFlat(k, draw.getAsDouble());
    }
    return v.astype(dtype);
  }

  @Test
  void sumOfProductToDot_declinesWhereTheLengthsMayDifferOrTheDtypeWould() {
    String rule = "sum_of_product_to_dot";
    // unknown lengths may broadcast (1 against n), which dot rejects
    assertFired(run(rule, v.mul(w).sum(), v, w), rule, 0);
    Variable x = T.tensor(DType.FLOAT64, "x", 7);
    assertFired(run(rule, x.mul(v).sum(), x, v), rule, 0);
    // int32 sums to int64, dot stays int32; keepdims keeps rank 1; matrices are not vectors
    Variable i = T.tensor(DType.INT32, "i", 5);
    assertFired(run(rule, i.mul(i).sum(), i), rule, 0);
    assertFired(run(rule, x.mul(x).sum(true, 0), x), rule, 0);
    assertFired(run(rule, c.mul(c).sum(), c), rule, 0);
  }

  @Test
  void fastRun_specializesAnAffineLayer() {
    Variable x = T.tensor(DType.FLOAT64, "x", U, 4);
    Variable wt = T.tensor(DType.FLOAT64, "W", 4, 3);
    Variable bias = T.tensor(DType.FLOAT64, "bias", 3);
    FunctionGraph g = FunctionGraph.copyOf(List.of(x, wt, bias), List.of(x.dot(wt).add(bias)));
    Optimizer.optimize(g, Mode.FAST_RUN);
    assertTrue(g.outputs().get(0).owner().op() instanceof Gemm, g.toString());
  }
}
