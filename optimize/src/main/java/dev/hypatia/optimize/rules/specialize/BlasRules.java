package dev.hypatia.optimize.rules.specialize;

import static dev.hypatia.optimize.Pattern.binary;
import static dev.hypatia.optimize.Pattern.capture;

import dev.hypatia.optimize.Match;
import dev.hypatia.optimize.Pattern;
import dev.hypatia.optimize.Phase;
import dev.hypatia.optimize.Rewrite;
import dev.hypatia.symbolic.Constant;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Dot;
import dev.hypatia.symbolic.ops.Elementwise;
import dev.hypatia.symbolic.ops.Gemm;
import dev.hypatia.symbolic.ops.LinearAlgebra;
import dev.hypatia.symbolic.ops.Matmul;
import dev.hypatia.symbolic.ops.Reduce;
import dev.hypatia.symbolic.ops.Tensordot;
import dev.hypatia.symbolic.scalar.BinaryFn;
import java.util.List;

/**
 * Products as BLAS forms: a dot plus a scaled add as one {@link Gemm} node (gemm for matrix.matrix,
 * gemv for matrix.vector), and the full sum of an elementwise product of two vectors as a dot.
 *
 * <p>The gemm rules read {@code dot(a, b)} as a dot, a matmul or a tensordot over a's axis 1 and
 * b's axis 0, and apply when a is a matrix, b a matrix or a vector, c of rank at most the product's
 * (so it broadcasts into it; {@link Gemm} broadcasts exactly as the sum it replaces), a, b and c
 * share one float dtype, alpha and beta are rank 0, and the result keeps the sum's dtype (a float64
 * alpha beside float32 matrices widens the sum: no rewrite). They are exact: Gemm rounds as the
 * unfused expression does.
 */
public final class BlasRules {
  private BlasRules() {}

  private static final Pattern.Capture A = capture("a");
  private static final Pattern.Capture B = capture("b");
  private static final Pattern.Capture C = capture("c");
  private static final Pattern.Capture ALPHA = capture("alpha");
  private static final Pattern.Capture BETA = capture("beta");
  private static final Pattern DOT = Pattern.op("dot", BlasRules::isDot, A, B);

  /**
   * Whether {@code op} computes numpy's dot on the ranks gemm takes (a matrix a, b of rank 1 or 2,
   * which {@link #gemm(Match, Variable, Variable, Variable)} checks): dot, matmul, and tensordot
   * over a's axis 1 and b's axis 0. All three sum the same products in the same order.
   */
  private static boolean isDot(Op op) {
    return op instanceof Dot
        || op instanceof Matmul
        || op instanceof Tensordot t
            && t.axesA().equals(List.of(1))
            && t.axesB().equals(List.of(0));
  }

  /** The rules of this file, the more specific forms first. */
  public static List<Rewrite> rules() {
    return List.of(
        gemmScaledBoth(), gemmScaled(), gemm(), gemmSubScaled(), gemmSub(), sumOfProductToDot());
  }

  /** c + dot(a, b) -> gemm(a, b, c, 1, 1); exact (gemm/gemv shapes, one float dtype). */
  public static Rewrite gemm() {
    return Rewrite.rule(
        "gemm",
        Phase.SPECIALIZE,
        binary(BinaryFn.ADD, C, DOT),
        m -> gemm(m, m.get(C), one(m), one(m)));
  }

  /** c + alpha*dot(a, b) -> gemm(a, b, c, alpha, 1); exact, alpha of rank 0. */
  public static Rewrite gemmScaled() {
    return Rewrite.rule(
        "gemm_scaled",
        Phase.SPECIALIZE,
        binary(BinaryFn.ADD, C, binary(BinaryFn.MUL, ALPHA, DOT)),
        m -> gemm(m, m.get(C), m.get(ALPHA), one(m)));
  }

  /**
   * beta*c + alpha*dot(a, b) -> gemm(a, b, c, alpha, beta); exact, alpha and beta of rank 0 (either
   * operand of beta*c may be the scalar).
   */
  public static Rewrite gemmScaledBoth() {
    return Rewrite.rule(
        "gemm_scaled_both",
        Phase.SPECIALIZE,
        binary(BinaryFn.ADD, binary(BinaryFn.MUL, BETA, C), binary(BinaryFn.MUL, ALPHA, DOT)),
        m -> {
          Variable beta = m.get(BETA);
          Variable c = m.get(C);
          return beta.ndim() == 0 ? gemm(m, c, m.get(ALPHA), beta) : gemm(m, beta, m.get(ALPHA), c);
        });
  }

  /** c - dot(a, b) -> gemm(a, b, c, -1, 1); exact (c + (-p) is c - p in IEEE arithmetic). */
  public static Rewrite gemmSub() {
    return Rewrite.rule(
        "gemm_sub",
        Phase.SPECIALIZE,
        binary(BinaryFn.SUB, C, DOT),
        m -> gemm(m, m.get(C), scalar(m, -1), one(m)));
  }

  /** c - alpha*dot(a, b) -> gemm(a, b, c, -alpha, 1); exact, alpha of rank 0 and not bool. */
  public static Rewrite gemmSubScaled() {
    return Rewrite.rule(
        "gemm_sub_scaled",
        Phase.SPECIALIZE,
        binary(BinaryFn.SUB, C, binary(BinaryFn.MUL, ALPHA, DOT)),
        m -> {
          Variable alpha = m.get(ALPHA);
          if (alpha.ndim() != 0 || alpha.dtype().isBool()) {
            return null;
          }
          return gemm(m, m.get(C), Elementwise.neg(alpha), one(m));
        });
  }

  /**
   * sum(x*y) -> dot(x, y), for vectors x and y of the same length (known, or x == y) and a product
   * whose sum keeps its dtype (floats, int64). Exact in float64 and int64 (the same products summed
   * in the same order); in float32, dot keeps the products unrounded, so the two differ by at most
   * {@code 2^-24 * sum|x_i*y_i|} plus an ulp of the result.
   */
  public static Rewrite sumOfProductToDot() {
    Pattern sum =
        Pattern.op(
            "sum",
            o ->
                o instanceof Reduce r
                    && r.fn() == BinaryFn.ADD
                    && r.axes().size() == 1
                    && !r.keepdims(),
            binary(BinaryFn.MUL, capture("x"), capture("y")));
    return Rewrite.rule(
        "sum_of_product_to_dot",
        Phase.SPECIALIZE,
        sum,
        m -> {
          Variable x = m.get("x");
          Variable y = m.get("y");
          if (x.ndim() != 1 || y.ndim() != 1 || !sameLength(x, y)) {
            return null;
          }
          return PowRules.sameType(m.root(), LinearAlgebra.dot(x, y));
        });
  }

  private static boolean sameLength(Variable x, Variable y) {
    int n = x.type().dim(0);
    return x == y || n != TensorType.UNKNOWN && n == y.type().dim(0);
  }

  /**
   * {@code gemm(a, b, c, alpha, beta)} for the match's a and b when the shapes, ranks and dtypes
   * allow it (see the class comment), else null.
   */
  private static Variable gemm(Match m, Variable c, Variable alpha, Variable beta) {
    Variable a = m.get(A);
    Variable b = m.get(B);
    boolean shaped = a.ndim() == 2 && (b.ndim() == 1 || b.ndim() == 2) && c.ndim() <= b.ndim();
    boolean dtypes =
        a.dtype().isFloat()
            && a.dtype() == b.dtype()
            && a.dtype() == c.dtype()
            && a.dtype() == m.root().dtype();
    if (!shaped || !dtypes || alpha.ndim() != 0 || beta.ndim() != 0) {
      return null;
    }
    return new Gemm().apply(a, b, c, alpha, beta);
  }

  private static Variable one(Match m) {
    return scalar(m, 1);
  }

  /** A rank-0 constant of the match's dtype. */
  private static Variable scalar(Match m, double v) {
    return new Constant(NDArray.scalar(m.root().dtype(), v), null);
  }
}
