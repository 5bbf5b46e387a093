package dev.hypatia.symbolic;

import dev.hypatia.symbolic.ops.Elementwise;
import dev.hypatia.symbolic.ops.Indexing;
import dev.hypatia.symbolic.ops.LinearAlgebra;
import dev.hypatia.symbolic.ops.Reductions;
import dev.hypatia.symbolic.ops.Shapes;
import java.util.List;

/**
 * The tensor factory, as Theano's {@code theano.tensor}: symbolic inputs by dtype and rank ({@code
 * T.dmatrix("x")}), constants, and conversion of Java values.
 *
 * <p>Prefixes follow Theano: {@code d} float64, {@code f} float32, {@code l} int64, {@code i}
 * int32, {@code b} int8. Every dimension of these inputs is unknown; {@link #tensor} takes a static
 * shape.
 */
public final class T {
  private static final int U = TensorType.UNKNOWN;

  private T() {}

  /** A symbolic input of {@code dtype} and static {@code shape} (UNKNOWN, -1, where unknown). */
  public static Variable tensor(DType dtype, String name, int... shape) {
    return new Variable(TensorType.of(dtype, shape), name);
  }

  /** A symbolic input of type {@code type}. */
  public static Variable tensor(TensorType type, String name) {
    return new Variable(type, name);
  }

  private static Variable ofRank(DType d, int rank, String name) {
    return new Variable(TensorType.ofRank(d, rank), name);
  }

  /** A float64 scalar input. */
  public static Variable dscalar(String name) {
    return ofRank(DType.FLOAT64, 0, name);
  }

  /** A float64 vector input. */
  public static Variable dvector(String name) {
    return ofRank(DType.FLOAT64, 1, name);
  }

  /** A float64 row (shape {@code [1,?]}, broadcastable over rows). */
  public static Variable drow(String name) {
    return tensor(DType.FLOAT64, name, 1, U);
  }

  /** A float64 column (shape {@code [?,1]}, broadcastable over columns). */
  public static Variable dcol(String name) {
    return tensor(DType.FLOAT64, name, U, 1);
  }

  /** A float64 matrix input. */
  public static Variable dmatrix(String name) {
    return ofRank(DType.FLOAT64, 2, name);
  }

  /** A float64 rank-3 input. */
  public static Variable dtensor3(String name) {
    return ofRank(DType.FLOAT64, 3, name);
  }

  /** A float64 rank-4 input. */
  public static Variable dtensor4(String name) {
    return ofRank(DType.FLOAT64, 4, name);
  }

  /** A float32 scalar input. */
  public static Variable fscalar(String name) {
    return ofRank(DType.FLOAT32, 0, name);
  }

  /** A float32 vector input. */
  public static Variable fvector(String name) {
    return ofRank(DType.FLOAT32, 1, name);
  }

  /** A float32 matrix input. */
  public static Variable fmatrix(String name) {
    return ofRank(DType.FLOAT32, 2, name);
  }

  /** A float32 rank-3 input. */
  public static Variable ftensor3(String name) {
    return ofRank(DType.FLOAT32, 3, name);
  }

  /** A float32 rank-4 input. */
  public static Variable ftensor4(String name) {
    return ofRank(DType.FLOAT32, 4, name);
  }

  /** An int32 scalar input. */
  public static Variable iscalar(String name) {
    return ofRank(DType.INT32, 0, name);
  }

  /** An int32 vector input. */
  public static Variable ivector(String name) {
    return ofRank(DType.INT32, 1, name);
  }

  /** An int32 matrix input. */
  public static Variable imatrix(String name) {
    return ofRank(DType.INT32, 2, name);
  }

  /** An int64 scalar input. */
  public static Variable lscalar(String name) {
    return ofRank(DType.INT64, 0, name);
  }

  /** An int64 vector input. */
  public static Variable lvector(String name) {
    return ofRank(DType.INT64, 1, name);
  }

  /** An int64 matrix input. */
  public static Variable lmatrix(String name) {
    return ofRank(DType.INT64, 2, name);
  }

  /** An int8 vector input. */
  public static Variable bvector(String name) {
    return ofRank(DType.INT8, 1, name);
  }

  /** A bool vector input. */
  public static Variable boolvector(String name) {
    return ofRank(DType.BOOL, 1, name);
  }

  /** A bool matrix input. */
  public static Variable boolmatrix(String name) {
    return ofRank(DType.BOOL, 2, name);
  }

  /**
   * A constant holding {@code value}: an {@link NDArray} (copied) or a Java value converted by
   * {@link NDArray#from(Object)}; see {@link Operands#constant(Object)}.
   */
  public static Constant constant(Object value) {
    return Operands.constant(value);
  }

  /** A named constant. */
  public static Constant constant(Object value, String name) {
    return new Constant(NDArray.from(value), name);
  }

  /** See {@link Operands#asVariable(Object)}. */
  public static Variable asVariable(Object value) {
    return Operands.asVariable(value);
  }

  /** See {@link Operands#asOperand(Object, Variable)}. */
  public static Variable asOperand(Object value, Variable other) {
    return Operands.asOperand(value, other);
  }

  // ------------------------------------------------------------ elementwise (Elementwise)

  /** See {@link Elementwise#add}. */
  public static Variable add(Object a, Object b) {
    return Elementwise.add(a, b);
  }

  /** See {@link Elementwise#sub}. */
  public static Variable sub(Object a, Object b) {
    return Elementwise.sub(a, b);
  }

  /** See {@link Elementwise#mul}. */
  public static Variable mul(Object a, Object b) {
    return Elementwise.mul(a, b);
  }

  /** See {@link Elementwise#trueDiv}. */
  public static Variable trueDiv(Object a, Object b) {
    return Elementwise.trueDiv(a, b);
  }

  /** See {@link Elementwise#floorDiv}. */
  public static Variable floorDiv(Object a, Object b) {
    return Elementwise.floorDiv(a, b);
  }

  /** See {@link Elementwise#mod}. */
  public static Variable mod(Object a, Object b) {
    return Elementwise.mod(a, b);
  }

  /** See {@link Elementwise#pow}. */
  public static Variable pow(Object a, Object b) {
    return Elementwise.pow(a, b);
  }

  /** See {@link Elementwise#arctan2}. */
  public static Variable arctan2(Object a, Object b) {
    return Elementwise.arctan2(a, b);
  }

  /** See {@link Elementwise#maximum}. */
  public static Variable maximum(Object a, Object b) {
    return Elementwise.maximum(a, b);
  }

  /** See {@link Elementwise#minimum}. */
  public static Variable minimum(Object a, Object b) {
    return Elementwise.minimum(a, b);
  }

  /** See {@link Elementwise#lt}. */
  public static Variable lt(Object a, Object b) {
    return Elementwise.lt(a, b);
  }

  /** See {@link Elementwise#le}. */
  public static Variable le(Object a, Object b) {
    return Elementwise.le(a, b);
  }

  /** See {@link Elementwise#gt}. */
  public static Variable gt(Object a, Object b) {
    return Elementwise.gt(a, b);
  }

  /** See {@link Elementwise#ge}. */
  public static Variable ge(Object a, Object b) {
    return Elementwise.ge(a, b);
  }

  /** See {@link Elementwise#eq}. */
  public static Variable eq(Object a, Object b) {
    return Elementwise.eq(a, b);
  }

  /** See {@link Elementwise#neq}. */
  public static Variable neq(Object a, Object b) {
    return Elementwise.neq(a, b);
  }

  /** See {@link Elementwise#and}. */
  public static Variable and(Object a, Object b) {
    return Elementwise.and(a, b);
  }

  /** See {@link Elementwise#or}. */
  public static Variable or(Object a, Object b) {
    return Elementwise.or(a, b);
  }

  /** See {@link Elementwise#xor}. */
  public static Variable xor(Object a, Object b) {
    return Elementwise.xor(a, b);
  }

  /** See {@link Elementwise#neg}. */
  public static Variable neg(Variable x) {
    return Elementwise.neg(x);
  }

  /** See {@link Elementwise#abs}. */
  public static Variable abs(Variable x) {
    return Elementwise.abs(x);
  }

  /** See {@link Elementwise#sign}. */
  public static Variable sign(Variable x) {
    return Elementwise.sign(x);
  }

  /** See {@link Elementwise#exp}. */
  public static Variable exp(Variable x) {
    return Elementwise.exp(x);
  }

  /** See {@link Elementwise#exp2}. */
  public static Variable exp2(Variable x) {
    return Elementwise.exp2(x);
  }

  /** See {@link Elementwise#expm1}. */
  public static Variable expm1(Variable x) {
    return Elementwise.expm1(x);
  }

  /** See {@link Elementwise#log}. */
  public static Variable log(Variable x) {
    return Elementwise.log(x);
  }

  /** See {@link Elementwise#log2}. */
  public static Variable log2(Variable x) {
    return Elementwise.log2(x);
  }

  /** See {@link Elementwise#log10}. */
  public static Variable log10(Variable x) {
    return Elementwise.log10(x);
  }

  /** See {@link Elementwise#log1p}. */
  public static Variable log1p(Variable x) {
    return Elementwise.log1p(x);
  }

  /** See {@link Elementwise#sqrt}. */
  public static Variable sqrt(Variable x) {
    return Elementwise.sqrt(x);
  }

  /** See {@link Elementwise#sqr}. */
  public static Variable sqr(Variable x) {
    return Elementwise.sqr(x);
  }

  /** See {@link Elementwise#reciprocal}. */
  public static Variable reciprocal(Variable x) {
    return Elementwise.reciprocal(x);
  }

  /** See {@link Elementwise#sin}. */
  public static Variable sin(Variable x) {
    return Elementwise.sin(x);
  }

  /** See {@link Elementwise#cos}. */
  public static Variable cos(Variable x) {
    return Elementwise.cos(x);
  }

  /** See {@link Elementwise#tan}. */
  public static Variable tan(Variable x) {
    return Elementwise.tan(x);
  }

  /** See {@link Elementwise#arcsin}. */
  public static Variable arcsin(Variable x) {
    return Elementwise.arcsin(x);
  }

  /** See {@link Elementwise#arccos}. */
  public static Variable arccos(Variable x) {
    return Elementwise.arccos(x);
  }

  /** See {@link Elementwise#arctan}. */
  public static Variable arctan(Variable x) {
    return Elementwise.arctan(x);
  }

  /** See {@link Elementwise#sinh}. */
  public static Variable sinh(Variable x) {
    return Elementwise.sinh(x);
  }

  /** See {@link Elementwise#cosh}. */
  public static Variable cosh(Variable x) {
    return Elementwise.cosh(x);
  }

  /** See {@link Elementwise#tanh}. */
  public static Variable tanh(Variable x) {
    return Elementwise.tanh(x);
  }

  /** See {@link Elementwise#arcsinh}. */
  public static Variable arcsinh(Variable x) {
    return Elementwise.arcsinh(x);
  }

  /** See {@link Elementwise#arccosh}. */
  public static Variable arccosh(Variable x) {
    return Elementwise.arccosh(x);
  }

  /** See {@link Elementwise#arctanh}. */
  public static Variable arctanh(Variable x) {
    return Elementwise.arctanh(x);
  }

  /** See {@link Elementwise#sigmoid}. */
  public static Variable sigmoid(Variable x) {
    return Elementwise.sigmoid(x);
  }

  /** See {@link Elementwise#softplus}. */
  public static Variable softplus(Variable x) {
    return Elementwise.softplus(x);
  }

  /** See {@link Elementwise#erf}. */
  public static Variable erf(Variable x) {
    return Elementwise.erf(x);
  }

  /** See {@link Elementwise#erfc}. */
  public static Variable erfc(Variable x) {
    return Elementwise.erfc(x);
  }

  /** See {@link Elementwise#erfinv}. */
  public static Variable erfinv(Variable x) {
    return Elementwise.erfinv(x);
  }

  /** See {@link Elementwise#gamma}. */
  public static Variable gamma(Variable x) {
    return Elementwise.gamma(x);
  }

  /** See {@link Elementwise#gammaln}. */
  public static Variable gammaln(Variable x) {
    return Elementwise.gammaln(x);
  }

  /** See {@link Elementwise#trigamma}. */
  public static Variable trigamma(Variable x) {
    return Elementwise.trigamma(x);
  }

  /** See {@link Elementwise#polygamma}. */
  public static Variable polygamma(int n, Variable x) {
    return Elementwise.polygamma(n, x);
  }

  /** See {@link Elementwise#psi}. */
  public static Variable psi(Variable x) {
    return Elementwise.psi(x);
  }

  /** See {@link Elementwise#floor}. */
  public static Variable floor(Variable x) {
    return Elementwise.floor(x);
  }

  /** See {@link Elementwise#ceil}. */
  public static Variable ceil(Variable x) {
    return Elementwise.ceil(x);
  }

  /** See {@link Elementwise#round}. */
  public static Variable round(Variable x) {
    return Elementwise.round(x);
  }

  /** See {@link Elementwise#trunc}. */
  public static Variable trunc(Variable x) {
    return Elementwise.trunc(x);
  }

  /** See {@link Elementwise#not}. */
  public static Variable not(Variable x) {
    return Elementwise.not(x);
  }

  /** See {@link Elementwise#isnan}. */
  public static Variable isnan(Variable x) {
    return Elementwise.isnan(x);
  }

  /** See {@link Elementwise#isinf}. */
  public static Variable isinf(Variable x) {
    return Elementwise.isinf(x);
  }

  /** See {@link Elementwise#isfinite}. */
  public static Variable isfinite(Variable x) {
    return Elementwise.isfinite(x);
  }

  /**
   * {@code cond ? a : b} elementwise, broadcasting all three (Theano's {@code switch}, numpy's
   * {@code where}).
   */
  public static Variable where(Object cond, Object a, Object b) {
    return Elementwise.where(cond, a, b);
  }

  /** See {@link Elementwise#clip}. */
  public static Variable clip(Variable x, Object lo, Object hi) {
    return Elementwise.clip(x, lo, hi);
  }

  /** See {@link Elementwise#cast}. */
  public static Variable cast(Variable x, DType dtype) {
    return Elementwise.cast(x, dtype);
  }

  // ------------------------------------------------------------ reductions (Reductions)

  /** See {@link Reductions#sum(Variable, int...)}. */
  public static Variable sum(Variable x, int... axes) {
    return Reductions.sum(x, axes);
  }

  /** See {@link Reductions#sum(Variable, boolean, int...)}. */
  public static Variable sum(Variable x, boolean keepdims, int... axes) {
    return Reductions.sum(x, keepdims, axes);
  }

  /** See {@link Reductions#prod(Variable, int...)}. */
  public static Variable prod(Variable x, int... axes) {
    return Reductions.prod(x, axes);
  }

  /** See {@link Reductions#prod(Variable, boolean, int...)}. */
  public static Variable prod(Variable x, boolean keepdims, int... axes) {
    return Reductions.prod(x, keepdims, axes);
  }

  /** See {@link Reductions#max(Variable, int...)}. */
  public static Variable max(Variable x, int... axes) {
    return Reductions.max(x, axes);
  }

  /** See {@link Reductions#max(Variable, boolean, int...)}. */
  public static Variable max(Variable x, boolean keepdims, int... axes) {
    return Reductions.max(x, keepdims, axes);
  }

  /** See {@link Reductions#min(Variable, int...)}. */
  public static Variable min(Variable x, int... axes) {
    return Reductions.min(x, axes);
  }

  /** See {@link Reductions#min(Variable, boolean, int...)}. */
  public static Variable min(Variable x, boolean keepdims, int... axes) {
    return Reductions.min(x, keepdims, axes);
  }

  /** See {@link Reductions#all(Variable, int...)}. */
  public static Variable all(Variable x, int... axes) {
    return Reductions.all(x, axes);
  }

  /** See {@link Reductions#all(Variable, boolean, int...)}. */
  public static Variable all(Variable x, boolean keepdims, int... axes) {
    return Reductions.all(x, keepdims, axes);
  }

  /** See {@link Reductions#any(Variable, int...)}. */
  public static Variable any(Variable x, int... axes) {
    return Reductions.any(x, axes);
  }

  /** See {@link Reductions#any(Variable, boolean, int...)}. */
  public static Variable any(Variable x, boolean keepdims, int... axes) {
    return Reductions.any(x, keepdims, axes);
  }

  /** See {@link Reductions#mean(Variable, int...)}. */
  public static Variable mean(Variable x, int... axes) {
    return Reductions.mean(x, axes);
  }

  /** See {@link Reductions#mean(Variable, boolean, int...)}. */
  public static Variable mean(Variable x, boolean keepdims, int... axes) {
    return Reductions.mean(x, keepdims, axes);
  }

  /** See {@link Reductions#logsumexp(Variable, int...)}. */
  public static Variable logsumexp(Variable x, int... axes) {
    return Reductions.logsumexp(x, axes);
  }

  /** See {@link Reductions#logsumexp(Variable, boolean, int...)}. */
  public static Variable logsumexp(Variable x, boolean keepdims, int... axes) {
    return Reductions.logsumexp(x, keepdims, axes);
  }

  /** See {@link Reductions#var(Variable, int...)}. */
  public static Variable var(Variable x, int... axes) {
    return Reductions.var(x, axes);
  }

  /** See {@link Reductions#var(Variable, int, boolean, int...)}. */
  public static Variable var(Variable x, int ddof, boolean keepdims, int... axes) {
    return Reductions.var(x, ddof, keepdims, axes);
  }

  /** See {@link Reductions#std(Variable, int...)}. */
  public static Variable std(Variable x, int... axes) {
    return Reductions.std(x, axes);
  }

  /** See {@link Reductions#std(Variable, int, boolean, int...)}. */
  public static Variable std(Variable x, int ddof, boolean keepdims, int... axes) {
    return Reductions.std(x, ddof, keepdims, axes);
  }

  /** See {@link Reductions#argmax(Variable, Integer, boolean)}; a null axis flattens. */
  public static Variable argmax(Variable x, Integer axis, boolean keepdims) {
    return Reductions.argmax(x, axis, keepdims);
  }

  /** See {@link Reductions#argmin(Variable, Integer, boolean)}; a null axis flattens. */
  public static Variable argmin(Variable x, Integer axis, boolean keepdims) {
    return Reductions.argmin(x, axis, keepdims);
  }

  // ------------------------------------------------------------ shapes (Shapes)

  /** See {@link Shapes#concatenate(List, int)}. */
  public static Variable concatenate(List<Variable> xs, int axis) {
    return Shapes.concatenate(xs, axis);
  }

  /** See {@link Shapes#stack(List, int)}. */
  public static Variable stack(List<Variable> xs, int axis) {
    return Shapes.stack(xs, axis);
  }

  /** See {@link Shapes#split(Variable, int[], int)}. */
  public static List<Variable> split(Variable x, int[] sizes, int axis) {
    return Shapes.split(x, sizes, axis);
  }

  /** See {@link Shapes#alloc}. */
  public static Variable alloc(Object value, Variable shape) {
    return Shapes.alloc(value, shape);
  }

  /** float64 zeros of {@code shape}; see {@link Shapes#zeros(int[], DType)} for others. */
  public static Variable zeros(int... shape) {
    return Shapes.zeros(shape);
  }

  /** float64 ones of {@code shape}. */
  public static Variable ones(int... shape) {
    return Shapes.ones(shape);
  }

  /** See {@link Shapes#full(int[], Object)}. */
  public static Variable full(int[] shape, Object value) {
    return Shapes.full(shape, value);
  }

  /** See {@link Shapes#zerosLike(Variable)}. */
  public static Variable zerosLike(Variable x) {
    return Shapes.zerosLike(x);
  }

  /** See {@link Shapes#onesLike(Variable)}. */
  public static Variable onesLike(Variable x) {
    return Shapes.onesLike(x);
  }

  /** See {@link Shapes#fullLike(Variable, Object)}. */
  public static Variable fullLike(Variable x, Object value) {
    return Shapes.fullLike(x, value);
  }

  /** int64 {@code 0, 1, ..., stop-1}. */
  public static Variable arange(long stop) {
    return Shapes.arange(stop);
  }

  /** See {@link Shapes#arange(double, double, double)}. */
  public static Variable arange(double start, double stop, double step) {
    return Shapes.arange(start, stop, step);
  }

  /** The float64 identity matrix of size n. */
  public static Variable eye(int n) {
    return Shapes.eye(n);
  }

  // ------------------------------------------------------------ indexing (Indexing)

  /**
   * Theano's {@code set_subtensor}: a copy of {@code x} whose region {@code index} (numpy notation,
   * {@code $k} for {@code symbols[k]}) is {@code value}, broadcast. x is not modified.
   */
  public static Variable setSubtensor(Variable x, String index, Object value, Variable... symbols) {
    return Indexing.set(x, index, value, symbols);
  }

  /**
   * Theano's {@code inc_subtensor}: a copy of {@code x} with {@code value} added to the region
   * {@code index}. x is not modified.
   */
  public static Variable incSubtensor(Variable x, String index, Object value, Variable... symbols) {
    return Indexing.inc(x, index, value, symbols);
  }

  /** See {@link Indexing#take}. */
  public static Variable take(Variable x, Object indices, int axis) {
    return Indexing.take(x, indices, axis);
  }

  // ------------------------------------------------------------ linear algebra (LinearAlgebra)

  /** See {@link LinearAlgebra#dot}. */
  public static Variable dot(Object a, Object b) {
    Variable va = asVariable(a);
    return LinearAlgebra.dot(va, asOperand(b, va));
  }

  /** See {@link LinearAlgebra#matmul}. */
  public static Variable matmul(Variable a, Variable b) {
    return LinearAlgebra.matmul(a, b);
  }

  /** See {@link LinearAlgebra#outer}. */
  public static Variable outer(Variable a, Variable b) {
    return LinearAlgebra.outer(a, b);
  }

  /** See {@link LinearAlgebra#tensordot(Variable, Variable, int)}. */
  public static Variable tensordot(Variable a, Variable b, int axes) {
    return LinearAlgebra.tensordot(a, b, axes);
  }
}
