package dev.hypatia.symbolic;

import dev.hypatia.symbolic.ops.Elementwise;
import dev.hypatia.symbolic.ops.Idx;
import dev.hypatia.symbolic.ops.Indexing;
import dev.hypatia.symbolic.ops.LinearAlgebra;
import dev.hypatia.symbolic.ops.NN;
import dev.hypatia.symbolic.ops.Reductions;
import dev.hypatia.symbolic.ops.Shapes;

/**
 * The fluent methods of {@link Variable}: {@code x.mul(w).add(b).tanh().sum()}. Each builds new
 * nodes through the op facades ({@link Elementwise}, {@link Reductions}, {@link Shapes}, {@link
 * Indexing}, {@link LinearAlgebra}, {@link NN}) and modifies nothing; the facades' javadoc holds
 * the semantics (numpy's broadcasting, dtype promotion, negative axes).
 *
 * <p>Binary methods take a {@link Variable} or a Java value: a Java number is a weak scalar that
 * keeps this tensor's dtype ({@code x.mul(2)} of a float32 {@code x} is float32), see {@link
 * T#asOperand}.
 */
public abstract sealed class TensorMethods permits Variable {
  TensorMethods() {}

  private Variable self() {
    return (Variable) this;
  }

  /** Elementwise {@code this + other}, broadcasting. */
  public Variable add(Object other) {
    return Elementwise.add(self(), other);
  }

  /** Elementwise {@code this - other}, broadcasting. */
  public Variable sub(Object other) {
    return Elementwise.sub(self(), other);
  }

  /** Elementwise {@code this * other}, broadcasting. */
  public Variable mul(Object other) {
    return Elementwise.mul(self(), other);
  }

  /** Elementwise true division {@code this / other} (integers give float64), broadcasting. */
  public Variable div(Object other) {
    return Elementwise.trueDiv(self(), other);
  }

  /** Elementwise floor division {@code this // other} (Python signs), broadcasting. */
  public Variable floorDiv(Object other) {
    return Elementwise.floorDiv(self(), other);
  }

  /** Elementwise {@code this % other} with the divisor's sign, as Python, broadcasting. */
  public Variable mod(Object other) {
    return Elementwise.mod(self(), other);
  }

  /** Elementwise {@code this ** other}, broadcasting. */
  public Variable pow(Object other) {
    return Elementwise.pow(self(), other);
  }

  /** Elementwise the maximum (NaN propagates), broadcasting. */
  public Variable maximum(Object other) {
    return Elementwise.maximum(self(), other);
  }

  /** Elementwise the minimum (NaN propagates), broadcasting. */
  public Variable minimum(Object other) {
    return Elementwise.minimum(self(), other);
  }

  /** Elementwise {@code this < other}, broadcasting. */
  public Variable lt(Object other) {
    return Elementwise.lt(self(), other);
  }

  /** Elementwise {@code this <= other}, broadcasting. */
  public Variable le(Object other) {
    return Elementwise.le(self(), other);
  }

  /** Elementwise {@code this > other}, broadcasting. */
  public Variable gt(Object other) {
    return Elementwise.gt(self(), other);
  }

  /** Elementwise {@code this >= other}, broadcasting. */
  public Variable ge(Object other) {
    return Elementwise.ge(self(), other);
  }

  /** Elementwise {@code this == other}, broadcasting. */
  public Variable eq(Object other) {
    return Elementwise.eq(self(), other);
  }

  /** Elementwise {@code this != other}, broadcasting. */
  public Variable neq(Object other) {
    return Elementwise.neq(self(), other);
  }

  /** Elementwise logical and for bool, bitwise for integers, broadcasting. */
  public Variable and(Object other) {
    return Elementwise.and(self(), other);
  }

  /** Elementwise logical or for bool, bitwise for integers, broadcasting. */
  public Variable or(Object other) {
    return Elementwise.or(self(), other);
  }

  /** Elementwise logical xor for bool, bitwise for integers, broadcasting. */
  public Variable xor(Object other) {
    return Elementwise.xor(self(), other);
  }

  /** Elementwise neg, see {@link Elementwise#neg}. */
  public Variable neg() {
    return Elementwise.neg(self());
  }

  /** Elementwise abs, see {@link Elementwise#abs}. */
  public Variable abs() {
    return Elementwise.abs(self());
  }

  /** Elementwise sign, see {@link Elementwise#sign}. */
  public Variable sign() {
    return Elementwise.sign(self());
  }

  /** Elementwise exp, see {@link Elementwise#exp}. */
  public Variable exp() {
    return Elementwise.exp(self());
  }

  /** Elementwise exp2, see {@link Elementwise#exp2}. */
  public Variable exp2() {
    return Elementwise.exp2(self());
  }

  /** Elementwise expm1, see {@link Elementwise#expm1}. */
  public Variable expm1() {
    return Elementwise.expm1(self());
  }

  /** Elementwise log, see {@link Elementwise#log}. */
  public Variable log() {
    return Elementwise.log(self());
  }

  /** Elementwise log2, see {@link Elementwise#log2}. */
  public Variable log2() {
    return Elementwise.log2(self());
  }

  /** Elementwise log10, see {@link Elementwise#log10}. */
  public Variable log10() {
    return Elementwise.log10(self());
  }

  /** Elementwise log1p, see {@link Elementwise#log1p}. */
  public Variable log1p() {
    return Elementwise.log1p(self());
  }

  /** Elementwise sqrt, see {@link Elementwise#sqrt}. */
  public Variable sqrt() {
    return Elementwise.sqrt(self());
  }

  /** Elementwise sqr, see {@link Elementwise#sqr}. */
  public Variable sqr() {
    return Elementwise.sqr(self());
  }

  /** Elementwise reciprocal, see {@link Elementwise#reciprocal}. */
  public Variable reciprocal() {
    return Elementwise.reciprocal(self());
  }

  /** Elementwise sin, see {@link Elementwise#sin}. */
  public Variable sin() {
    return Elementwise.sin(self());
  }

  /** Elementwise cos, see {@link Elementwise#cos}. */
  public Variable cos() {
    return Elementwise.cos(self());
  }

  /** Elementwise tan, see {@link Elementwise#tan}. */
  public Variable tan() {
    return Elementwise.tan(self());
  }

  /** Elementwise arcsin, see {@link Elementwise#arcsin}. */
  public Variable arcsin() {
    return Elementwise.arcsin(self());
  }

  /** Elementwise arccos, see {@link Elementwise#arccos}. */
  public Variable arccos() {
    return Elementwise.arccos(self());
  }

  /** Elementwise arctan, see {@link Elementwise#arctan}. */
  public Variable arctan() {
    return Elementwise.arctan(self());
  }

  /** Elementwise sinh, see {@link Elementwise#sinh}. */
  public Variable sinh() {
    return Elementwise.sinh(self());
  }

  /** Elementwise cosh, see {@link Elementwise#cosh}. */
  public Variable cosh() {
    return Elementwise.cosh(self());
  }

  /** Elementwise tanh, see {@link Elementwise#tanh}. */
  public Variable tanh() {
    return Elementwise.tanh(self());
  }

  /** Elementwise arcsinh, see {@link Elementwise#arcsinh}. */
  public Variable arcsinh() {
    return Elementwise.arcsinh(self());
  }

  /** Elementwise arccosh, see {@link Elementwise#arccosh}. */
  public Variable arccosh() {
    return Elementwise.arccosh(self());
  }

  /** Elementwise arctanh, see {@link Elementwise#arctanh}. */
  public Variable arctanh() {
    return Elementwise.arctanh(self());
  }

  /** Elementwise sigmoid, see {@link Elementwise#sigmoid}. */
  public Variable sigmoid() {
    return Elementwise.sigmoid(self());
  }

  /** Elementwise softplus, see {@link Elementwise#softplus}. */
  public Variable softplus() {
    return Elementwise.softplus(self());
  }

  /** Elementwise erf, see {@link Elementwise#erf}. */
  public Variable erf() {
    return Elementwise.erf(self());
  }

  /** Elementwise erfc, see {@link Elementwise#erfc}. */
  public Variable erfc() {
    return Elementwise.erfc(self());
  }

  /** Elementwise erfinv, see {@link Elementwise#erfinv}. */
  public Variable erfinv() {
    return Elementwise.erfinv(self());
  }

  /** Elementwise gamma, see {@link Elementwise#gamma}. */
  public Variable gamma() {
    return Elementwise.gamma(self());
  }

  /** Elementwise gammaln, see {@link Elementwise#gammaln}. */
  public Variable gammaln() {
    return Elementwise.gammaln(self());
  }

  /** Elementwise trigamma (psi's derivative), see {@link Elementwise#trigamma}. */
  public Variable trigamma() {
    return Elementwise.trigamma(self());
  }

  /**
   * Elementwise polygamma of order n (psi's n-th derivative), see {@link Elementwise#polygamma}.
   */
  public Variable polygamma(int n) {
    return Elementwise.polygamma(n, self());
  }

  /** Elementwise psi, see {@link Elementwise#psi}. */
  public Variable psi() {
    return Elementwise.psi(self());
  }

  /** Elementwise floor, see {@link Elementwise#floor}. */
  public Variable floor() {
    return Elementwise.floor(self());
  }

  /** Elementwise ceil, see {@link Elementwise#ceil}. */
  public Variable ceil() {
    return Elementwise.ceil(self());
  }

  /** Elementwise round, see {@link Elementwise#round}. */
  public Variable round() {
    return Elementwise.round(self());
  }

  /** Elementwise trunc, see {@link Elementwise#trunc}. */
  public Variable trunc() {
    return Elementwise.trunc(self());
  }

  /** Elementwise not, see {@link Elementwise#not}. */
  public Variable not() {
    return Elementwise.not(self());
  }

  /** Elementwise isnan, see {@link Elementwise#isnan}. */
  public Variable isnan() {
    return Elementwise.isnan(self());
  }

  /** Elementwise isinf, see {@link Elementwise#isinf}. */
  public Variable isinf() {
    return Elementwise.isinf(self());
  }

  /** Elementwise isfinite, see {@link Elementwise#isfinite}. */
  public Variable isfinite() {
    return Elementwise.isfinite(self());
  }

  /** Elementwise clip to {@code [lo, hi]}. */
  public Variable clip(Object lo, Object hi) {
    return Elementwise.clip(self(), lo, hi);
  }

  /** This tensor converted to {@code dtype} as a C cast (Theano's {@code astype}). */
  public Variable astype(DType dtype) {
    return Elementwise.cast(self(), dtype);
  }

  /** max(x, 0). */
  public Variable relu() {
    return NN.relu(self());
  }

  /** sum over {@code axes} (every axis when none is given; negative axes count from the end). */
  public Variable sum(int... axes) {
    return Reductions.sum(self(), axes);
  }

  /** sum over {@code axes}, keeping them as length-1 axes when {@code keepdims}. */
  public Variable sum(boolean keepdims, int... axes) {
    return Reductions.sum(self(), keepdims, axes);
  }

  /** prod over {@code axes} (every axis when none is given; negative axes count from the end). */
  public Variable prod(int... axes) {
    return Reductions.prod(self(), axes);
  }

  /** prod over {@code axes}, keeping them as length-1 axes when {@code keepdims}. */
  public Variable prod(boolean keepdims, int... axes) {
    return Reductions.prod(self(), keepdims, axes);
  }

  /** max over {@code axes} (every axis when none is given; negative axes count from the end). */
  public Variable max(int... axes) {
    return Reductions.max(self(), axes);
  }

  /** max over {@code axes}, keeping them as length-1 axes when {@code keepdims}. */
  public Variable max(boolean keepdims, int... axes) {
    return Reductions.max(self(), keepdims, axes);
  }

  /** min over {@code axes} (every axis when none is given; negative axes count from the end). */
  public Variable min(int... axes) {
    return Reductions.min(self(), axes);
  }

  /** min over {@code axes}, keeping them as length-1 axes when {@code keepdims}. */
  public Variable min(boolean keepdims, int... axes) {
    return Reductions.min(self(), keepdims, axes);
  }

  /** all over {@code axes} (every axis when none is given; negative axes count from the end). */
  public Variable all(int... axes) {
    return Reductions.all(self(), axes);
  }

  /** all over {@code axes}, keeping them as length-1 axes when {@code keepdims}. */
  public Variable all(boolean keepdims, int... axes) {
    return Reductions.all(self(), keepdims, axes);
  }

  /** any over {@code axes} (every axis when none is given; negative axes count from the end). */
  public Variable any(int... axes) {
    return Reductions.any(self(), axes);
  }

  /** any over {@code axes}, keeping them as length-1 axes when {@code keepdims}. */
  public Variable any(boolean keepdims, int... axes) {
    return Reductions.any(self(), keepdims, axes);
  }

  /** mean over {@code axes} (every axis when none is given; negative axes count from the end). */
  public Variable mean(int... axes) {
    return Reductions.mean(self(), axes);
  }

  /** mean over {@code axes}, keeping them as length-1 axes when {@code keepdims}. */
  public Variable mean(boolean keepdims, int... axes) {
    return Reductions.mean(self(), keepdims, axes);
  }

  /**
   * logsumexp over {@code axes} (every axis when none is given; negative axes count from the end).
   */
  public Variable logsumexp(int... axes) {
    return Reductions.logsumexp(self(), axes);
  }

  /** logsumexp over {@code axes}, keeping them as length-1 axes when {@code keepdims}. */
  public Variable logsumexp(boolean keepdims, int... axes) {
    return Reductions.logsumexp(self(), keepdims, axes);
  }

  /** var over {@code axes} with ddof 0 (every axis when none is given). */
  public Variable var(int... axes) {
    return Reductions.var(self(), axes);
  }

  /** var over {@code axes} with {@code ddof} delta degrees of freedom. */
  public Variable var(int ddof, boolean keepdims, int... axes) {
    return Reductions.var(self(), ddof, keepdims, axes);
  }

  /** std over {@code axes} with ddof 0 (every axis when none is given). */
  public Variable std(int... axes) {
    return Reductions.std(self(), axes);
  }

  /** std over {@code axes} with {@code ddof} delta degrees of freedom. */
  public Variable std(int ddof, boolean keepdims, int... axes) {
    return Reductions.std(self(), ddof, keepdims, axes);
  }

  /** The int64 index of the first maximum of the flattened tensor. */
  public Variable argmax() {
    return Reductions.argmax(self());
  }

  /** The int64 indices of the first maximum along {@code axis}. */
  public Variable argmax(int axis) {
    return Reductions.argmax(self(), axis);
  }

  /** The int64 index of the first minimum of the flattened tensor. */
  public Variable argmin() {
    return Reductions.argmin(self());
  }

  /** The int64 indices of the first minimum along {@code axis}. */
  public Variable argmin(int axis) {
    return Reductions.argmin(self(), axis);
  }

  /** The shape as a symbolic int64 vector. */
  public Variable shape() {
    return Shapes.shape(self());
  }

  /** The same elements in C order with another shape; one entry may be -1. */
  public Variable reshape(int... shape) {
    return Shapes.reshape(self(), shape);
  }

  /** Reshape to a symbolic int vector {@code shape}. */
  public Variable reshape(Variable shape) {
    return Shapes.reshape(self(), shape);
  }

  /** The elements as a vector, in C order. */
  public Variable flatten() {
    return Shapes.flatten(self());
  }

  /** Theano's {@code flatten(ndim)}: keeps the first ndim-1 axes and merges the rest. */
  public Variable flatten(int ndim) {
    return Shapes.flatten(self(), ndim);
  }

  /** Theano's dimshuffle: input axes in a new order, {@link Shapes#X} for new axes. */
  public Variable dimshuffle(int... order) {
    return Shapes.dimshuffle(self(), order);
  }

  /** The axes reversed. */
  public Variable transpose() {
    return Shapes.transpose(self());
  }

  /** The axes permuted: output axis i is input axis {@code axes[i]}. */
  public Variable transpose(int... axes) {
    return Shapes.transpose(self(), axes);
  }

  /** New length-1 axes at {@code axes} of the result. */
  public Variable expandDims(int... axes) {
    return Shapes.expandDims(self(), axes);
  }

  /** Without the axes known to have length 1, or without the given ones. */
  public Variable squeeze(int... axes) {
    return axes.length == 0 ? Shapes.squeeze(self()) : Shapes.squeeze(self(), axes);
  }

  /** Broadcast to {@code shape}, as numpy's broadcast_to. */
  public Variable broadcastTo(int... shape) {
    return Shapes.broadcastTo(self(), shape);
  }

  /** numpy's tile. */
  public Variable tile(int... reps) {
    return Shapes.tile(self(), reps);
  }

  /** numpy's repeat along {@code axis}. */
  public Variable repeat(int repeats, int axis) {
    return Shapes.repeat(self(), repeats, axis);
  }

  /**
   * Basic indexing in numpy's notation: {@code x.get("1:, ::-1, None")}; {@code $k} stands for
   * {@code symbols[k]}, a symbolic integer scalar.
   */
  public Variable get(String index, Variable... symbols) {
    return Indexing.get(self(), index, symbols);
  }

  /** Basic indexing with {@link Idx} items: {@code x.get(Idx.at(2), Idx.slice(1, null))}. */
  public Variable get(Idx... index) {
    return Indexing.get(self(), index);
  }

  /** numpy's take along {@code axis} (negative indices count from the end). */
  public Variable take(Object indices, int axis) {
    return Indexing.take(self(), indices, axis);
  }

  /** numpy's dot (rank up to 2). */
  public Variable dot(Object other) {
    return LinearAlgebra.dot(self(), Operands.asOperand(other, self()));
  }

  /** numpy's matmul, with batch axes broadcast. */
  public Variable matmul(Object other) {
    return LinearAlgebra.matmul(self(), Operands.asOperand(other, self()));
  }
}
