package dev.hypatia.symbolic.ops;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.Operands;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.scalar.BinaryFn;
import dev.hypatia.symbolic.scalar.Cast;
import dev.hypatia.symbolic.scalar.Polygamma;
import dev.hypatia.symbolic.scalar.ScalarOp;
import dev.hypatia.symbolic.scalar.TernaryFn;
import dev.hypatia.symbolic.scalar.UnaryFn;

/**
 * Elementwise functions of tensors, with numpy's broadcasting and dtype rules (see {@link UnaryFn},
 * {@link BinaryFn} and {@link TernaryFn} for each rule). Every function builds one {@link Elemwise}
 * node; none evaluates anything.
 *
 * <p>Binary functions take {@code Object}s: a Java number beside a variable is a weak scalar
 * ({@link Operands#asOperand}), so {@code mul(x, 2)} keeps a float32 {@code x} float32; other
 * values go through {@link Operands#asVariable}. Static shapes broadcast at build time: known
 * dimensions that conflict are a {@link dev.hypatia.symbolic.HypatiaException} naming both inputs.
 */
public final class Elementwise {
  private Elementwise() {}

  /** {@code op} applied elementwise to {@code inputs} (broadcast together). */
  public static Variable elemwise(ScalarOp op, Variable... inputs) {
    return new Elemwise(op).apply(inputs);
  }

  /** {@code fn} applied to {@code a} and {@code b}, Java numbers becoming weak scalars. */
  public static Variable binary(BinaryFn fn, Object a, Object b) {
    Variable[] v = operands(a, b);
    return elemwise(fn, v[0], v[1]);
  }

  private static Variable[] operands(Object a, Object b) {
    if (a instanceof Variable va) {
      return new Variable[] {va, Operands.asOperand(b, va)};
    }
    if (b instanceof Variable vb) {
      return new Variable[] {Operands.asOperand(a, vb), vb};
    }
    return new Variable[] {Operands.asVariable(a), Operands.asVariable(b)};
  }

  /**
   * Elements of {@code a} where {@code cond} is non-zero, else of {@code b} (numpy's where,
   * Theano's switch); dtype promote(a, b), any cond dtype; all three broadcast.
   */
  public static Variable where(Object cond, Object a, Object b) {
    Variable[] v = operands(a, b);
    return elemwise(TernaryFn.WHERE, Operands.asVariable(cond), v[0], v[1]);
  }

  /**
   * {@code x} limited to {@code [lo, hi]}: min(max(x, lo), hi), NaN propagating; dtype promote(x,
   * lo, hi), Java numbers weak beside x; all three broadcast.
   */
  public static Variable clip(Variable x, Object lo, Object hi) {
    return elemwise(TernaryFn.CLIP, x, Operands.asOperand(lo, x), Operands.asOperand(hi, x));
  }

  /** {@code x} converted to {@code dtype} as numpy's astype (truncating, wrapping). */
  public static Variable cast(Variable x, DType dtype) {
    return elemwise(new Cast(dtype), x);
  }

  /** Elementwise a + b (logical or on bools); dtype as {@link BinaryFn#ADD}; a and b broadcast. */
  public static Variable add(Object a, Object b) {
    return binary(BinaryFn.ADD, a, b);
  }

  /** Elementwise a - b (rejects two bools); dtype as {@link BinaryFn#SUB}; a and b broadcast. */
  public static Variable sub(Object a, Object b) {
    return binary(BinaryFn.SUB, a, b);
  }

  /** Elementwise a * b (logical and on bools); dtype as {@link BinaryFn#MUL}; a and b broadcast. */
  public static Variable mul(Object a, Object b) {
    return binary(BinaryFn.MUL, a, b);
  }

  /**
   * Elementwise a / b, float64 for integers and bools; dtype as {@link BinaryFn#TRUE_DIV}; a and b
   * broadcast.
   */
  public static Variable trueDiv(Object a, Object b) {
    return binary(BinaryFn.TRUE_DIV, a, b);
  }

  /**
   * Elementwise floor(a / b) with Python's signs; integer division by 0 gives 0; dtype as {@link
   * BinaryFn#FLOOR_DIV}; a and b broadcast.
   */
  public static Variable floorDiv(Object a, Object b) {
    return binary(BinaryFn.FLOOR_DIV, a, b);
  }

  /**
   * Elementwise the remainder with the divisor's sign; integer division by 0 gives 0; dtype as
   * {@link BinaryFn#MOD}; a and b broadcast.
   */
  public static Variable mod(Object a, Object b) {
    return binary(BinaryFn.MOD, a, b);
  }

  /**
   * Elementwise a^b; an integer base with a negative integer exponent is a run-time error; dtype as
   * {@link BinaryFn#POW}; a and b broadcast.
   */
  public static Variable pow(Object a, Object b) {
    return binary(BinaryFn.POW, a, b);
  }

  /**
   * Elementwise the angle of the point (b, a); dtype as {@link BinaryFn#ARCTAN2}; a and b
   * broadcast.
   */
  public static Variable arctan2(Object a, Object b) {
    return binary(BinaryFn.ARCTAN2, a, b);
  }

  /**
   * Elementwise the larger of a and b, NaN if either is NaN; dtype as {@link BinaryFn#MAXIMUM}; a
   * and b broadcast.
   */
  public static Variable maximum(Object a, Object b) {
    return binary(BinaryFn.MAXIMUM, a, b);
  }

  /**
   * Elementwise the smaller of a and b, NaN if either is NaN; dtype as {@link BinaryFn#MINIMUM}; a
   * and b broadcast.
   */
  public static Variable minimum(Object a, Object b) {
    return binary(BinaryFn.MINIMUM, a, b);
  }

  /** Elementwise {@code a < b}; dtype as {@link BinaryFn#LT}; a and b broadcast. */
  public static Variable lt(Object a, Object b) {
    return binary(BinaryFn.LT, a, b);
  }

  /** Elementwise {@code a <= b}; dtype as {@link BinaryFn#LE}; a and b broadcast. */
  public static Variable le(Object a, Object b) {
    return binary(BinaryFn.LE, a, b);
  }

  /** Elementwise {@code a > b}; dtype as {@link BinaryFn#GT}; a and b broadcast. */
  public static Variable gt(Object a, Object b) {
    return binary(BinaryFn.GT, a, b);
  }

  /** Elementwise {@code a >= b}; dtype as {@link BinaryFn#GE}; a and b broadcast. */
  public static Variable ge(Object a, Object b) {
    return binary(BinaryFn.GE, a, b);
  }

  /** Elementwise {@code a == b}; dtype as {@link BinaryFn#EQ}; a and b broadcast. */
  public static Variable eq(Object a, Object b) {
    return binary(BinaryFn.EQ, a, b);
  }

  /** Elementwise {@code a != b}; dtype as {@link BinaryFn#NEQ}; a and b broadcast. */
  public static Variable neq(Object a, Object b) {
    return binary(BinaryFn.NEQ, a, b);
  }

  /**
   * Elementwise logical and of bools, bitwise and of integers; dtype as {@link BinaryFn#AND}; a and
   * b broadcast.
   */
  public static Variable and(Object a, Object b) {
    return binary(BinaryFn.AND, a, b);
  }

  /**
   * Elementwise logical or of bools, bitwise or of integers; dtype as {@link BinaryFn#OR}; a and b
   * broadcast.
   */
  public static Variable or(Object a, Object b) {
    return binary(BinaryFn.OR, a, b);
  }

  /**
   * Elementwise logical xor of bools, bitwise xor of integers; dtype as {@link BinaryFn#XOR}; a and
   * b broadcast.
   */
  public static Variable xor(Object a, Object b) {
    return binary(BinaryFn.XOR, a, b);
  }

  /** Elementwise -x; dtype as {@link UnaryFn#NEG}. */
  public static Variable neg(Variable x) {
    return elemwise(UnaryFn.NEG, x);
  }

  /** Elementwise |x|; dtype as {@link UnaryFn#ABS}. */
  public static Variable abs(Variable x) {
    return elemwise(UnaryFn.ABS, x);
  }

  /** Elementwise the sign of x: -1, 0 or 1 (NaN for NaN); dtype as {@link UnaryFn#SIGN}. */
  public static Variable sign(Variable x) {
    return elemwise(UnaryFn.SIGN, x);
  }

  /** Elementwise e^x; dtype as {@link UnaryFn#EXP}. */
  public static Variable exp(Variable x) {
    return elemwise(UnaryFn.EXP, x);
  }

  /** Elementwise 2^x; dtype as {@link UnaryFn#EXP2}. */
  public static Variable exp2(Variable x) {
    return elemwise(UnaryFn.EXP2, x);
  }

  /** Elementwise e^x - 1, accurate near 0; dtype as {@link UnaryFn#EXPM1}. */
  public static Variable expm1(Variable x) {
    return elemwise(UnaryFn.EXPM1, x);
  }

  /** Elementwise the natural logarithm; dtype as {@link UnaryFn#LOG}. */
  public static Variable log(Variable x) {
    return elemwise(UnaryFn.LOG, x);
  }

  /** Elementwise the base-2 logarithm; dtype as {@link UnaryFn#LOG2}. */
  public static Variable log2(Variable x) {
    return elemwise(UnaryFn.LOG2, x);
  }

  /** Elementwise the base-10 logarithm; dtype as {@link UnaryFn#LOG10}. */
  public static Variable log10(Variable x) {
    return elemwise(UnaryFn.LOG10, x);
  }

  /** Elementwise log(1 + x), accurate near 0; dtype as {@link UnaryFn#LOG1P}. */
  public static Variable log1p(Variable x) {
    return elemwise(UnaryFn.LOG1P, x);
  }

  /** Elementwise the square root; dtype as {@link UnaryFn#SQRT}. */
  public static Variable sqrt(Variable x) {
    return elemwise(UnaryFn.SQRT, x);
  }

  /** Elementwise x*x; dtype as {@link UnaryFn#SQR}. */
  public static Variable sqr(Variable x) {
    return elemwise(UnaryFn.SQR, x);
  }

  /** Elementwise 1/x; dtype as {@link UnaryFn#RECIPROCAL}. */
  public static Variable reciprocal(Variable x) {
    return elemwise(UnaryFn.RECIPROCAL, x);
  }

  /** Elementwise the sine; dtype as {@link UnaryFn#SIN}. */
  public static Variable sin(Variable x) {
    return elemwise(UnaryFn.SIN, x);
  }

  /** Elementwise the cosine; dtype as {@link UnaryFn#COS}. */
  public static Variable cos(Variable x) {
    return elemwise(UnaryFn.COS, x);
  }

  /** Elementwise the tangent; dtype as {@link UnaryFn#TAN}. */
  public static Variable tan(Variable x) {
    return elemwise(UnaryFn.TAN, x);
  }

  /** Elementwise the inverse sine; dtype as {@link UnaryFn#ARCSIN}. */
  public static Variable arcsin(Variable x) {
    return elemwise(UnaryFn.ARCSIN, x);
  }

  /** Elementwise the inverse cosine; dtype as {@link UnaryFn#ARCCOS}. */
  public static Variable arccos(Variable x) {
    return elemwise(UnaryFn.ARCCOS, x);
  }

  /** Elementwise the inverse tangent; dtype as {@link UnaryFn#ARCTAN}. */
  public static Variable arctan(Variable x) {
    return elemwise(UnaryFn.ARCTAN, x);
  }

  /** Elementwise the hyperbolic sine; dtype as {@link UnaryFn#SINH}. */
  public static Variable sinh(Variable x) {
    return elemwise(UnaryFn.SINH, x);
  }

  /** Elementwise the hyperbolic cosine; dtype as {@link UnaryFn#COSH}. */
  public static Variable cosh(Variable x) {
    return elemwise(UnaryFn.COSH, x);
  }

  /** Elementwise the hyperbolic tangent; dtype as {@link UnaryFn#TANH}. */
  public static Variable tanh(Variable x) {
    return elemwise(UnaryFn.TANH, x);
  }

  /** Elementwise the inverse hyperbolic sine; dtype as {@link UnaryFn#ARCSINH}. */
  public static Variable arcsinh(Variable x) {
    return elemwise(UnaryFn.ARCSINH, x);
  }

  /** Elementwise the inverse hyperbolic cosine; dtype as {@link UnaryFn#ARCCOSH}. */
  public static Variable arccosh(Variable x) {
    return elemwise(UnaryFn.ARCCOSH, x);
  }

  /** Elementwise the inverse hyperbolic tangent; dtype as {@link UnaryFn#ARCTANH}. */
  public static Variable arctanh(Variable x) {
    return elemwise(UnaryFn.ARCTANH, x);
  }

  /**
   * Elementwise the logistic function 1/(1+e^-x), without overflow; dtype as {@link
   * UnaryFn#SIGMOID}.
   */
  public static Variable sigmoid(Variable x) {
    return elemwise(UnaryFn.SIGMOID, x);
  }

  /** Elementwise log(1+e^x), without overflow; dtype as {@link UnaryFn#SOFTPLUS}. */
  public static Variable softplus(Variable x) {
    return elemwise(UnaryFn.SOFTPLUS, x);
  }

  /** Elementwise the error function; dtype as {@link UnaryFn#ERF}. */
  public static Variable erf(Variable x) {
    return elemwise(UnaryFn.ERF, x);
  }

  /** Elementwise the complementary error function 1 - erf(x); dtype as {@link UnaryFn#ERFC}. */
  public static Variable erfc(Variable x) {
    return elemwise(UnaryFn.ERFC, x);
  }

  /** Elementwise the inverse error function; dtype as {@link UnaryFn#ERFINV}. */
  public static Variable erfinv(Variable x) {
    return elemwise(UnaryFn.ERFINV, x);
  }

  /** Elementwise the gamma function; dtype as {@link UnaryFn#GAMMA}. */
  public static Variable gamma(Variable x) {
    return elemwise(UnaryFn.GAMMA, x);
  }

  /** Elementwise log|gamma(x)|; dtype as {@link UnaryFn#GAMMALN}. */
  public static Variable gammaln(Variable x) {
    return elemwise(UnaryFn.GAMMALN, x);
  }

  /** Elementwise the digamma function; dtype as {@link UnaryFn#PSI}. */
  public static Variable psi(Variable x) {
    return elemwise(UnaryFn.PSI, x);
  }

  /** Elementwise the trigamma function, psi's derivative; dtype as {@link UnaryFn#TRIGAMMA}. */
  public static Variable trigamma(Variable x) {
    return elemwise(UnaryFn.TRIGAMMA, x);
  }

  /**
   * Elementwise the polygamma function of order n, psi's n-th derivative (scipy's {@code
   * polygamma(n, x)}); dtype as {@link Polygamma}: float of the input.
   *
   * @throws IllegalArgumentException for a negative n
   */
  public static Variable polygamma(int n, Variable x) {
    return elemwise(new Polygamma(n), x);
  }

  /** Elementwise the largest integer not above x; dtype as {@link UnaryFn#FLOOR}. */
  public static Variable floor(Variable x) {
    return elemwise(UnaryFn.FLOOR, x);
  }

  /** Elementwise the smallest integer not below x; dtype as {@link UnaryFn#CEIL}. */
  public static Variable ceil(Variable x) {
    return elemwise(UnaryFn.CEIL, x);
  }

  /** Elementwise x rounded half to even; dtype as {@link UnaryFn#ROUND}. */
  public static Variable round(Variable x) {
    return elemwise(UnaryFn.ROUND, x);
  }

  /** Elementwise x rounded toward zero; dtype as {@link UnaryFn#TRUNC}. */
  public static Variable trunc(Variable x) {
    return elemwise(UnaryFn.TRUNC, x);
  }

  /** Elementwise logical not of bool, bitwise not of integers; dtype as {@link UnaryFn#NOT}. */
  public static Variable not(Variable x) {
    return elemwise(UnaryFn.NOT, x);
  }

  /** Elementwise whether x is NaN; dtype as {@link UnaryFn#ISNAN}. */
  public static Variable isnan(Variable x) {
    return elemwise(UnaryFn.ISNAN, x);
  }

  /** Elementwise whether x is infinite; dtype as {@link UnaryFn#ISINF}. */
  public static Variable isinf(Variable x) {
    return elemwise(UnaryFn.ISINF, x);
  }

  /** Elementwise whether x is finite; dtype as {@link UnaryFn#ISFINITE}. */
  public static Variable isfinite(Variable x) {
    return elemwise(UnaryFn.ISFINITE, x);
  }
}
