package dev.hypatia.symbolic.ops;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Broadcast;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.List;

/**
 * BLAS's product with accumulation, {@code out = alpha * dot(a, b) + beta * c}, over the inputs
 * {@code (a, b, c, alpha, beta)}: a matrix times a matrix (gemm) or a matrix times a vector (gemv),
 * with numpy's {@code dot} semantics. dtype: a, b and c share one float dtype, which is the
 * output's; alpha and beta are rank-0 tensors of any dtype, used at their own precision.
 * Broadcasting: as numpy's for the sum ({@code c} of a rank up to the product's usually broadcasts
 * to the product's shape).
 *
 * <p>The specialize phase builds it from {@code beta*c + alpha*dot(a, b)} and its variants, so it
 * computes exactly what that unfused expression does: the product rounded to the dtype, each term
 * rounded, then their sum ({@code beta = 0} still propagates a NaN of c, as {@code 0 * c} does;
 * BLAS would skip c).
 */
public record Gemm() implements Op {
  /**
   * A node over {@code (a, b, c, alpha, beta)}.
   *
   * @throws HypatiaException for the wrong input count, ranks other than matrix.matrix or
   *     matrix.vector, a c of higher rank than the product, an alpha or beta that is not rank 0,
   *     dtypes that differ or are not float, or static dims that do not align or broadcast
   */
  @Override
  public Apply makeNode(List<Variable> inputs) {
    if (inputs.size() != 5) {
      throw HypatiaException.forInputs(
          name(), "expects 5 inputs (a, b, c, alpha, beta), got " + inputs.size(), inputs);
    }
    TensorType a = inputs.get(0).type();
    TensorType b = inputs.get(1).type();
    TensorType c = inputs.get(2).type();
    if (a.ndim() != 2 || (b.ndim() != 1 && b.ndim() != 2) || c.ndim() > b.ndim()) {
      throw HypatiaException.forInputs(
          name(),
          "gemm takes a matrix a, a matrix or vector b and a c of rank at most b's, got ranks "
              + a.ndim()
              + ", "
              + b.ndim()
              + " and "
              + c.ndim(),
          inputs);
    }
    for (int i = 3; i < 5; i++) {
      if (inputs.get(i).ndim() != 0) {
        throw HypatiaException.forInputs(
            name(),
            (i == 3 ? "alpha" : "beta")
                + " must be a scalar (rank 0), got rank "
                + inputs.get(i).ndim(),
            inputs);
      }
    }
    if (!a.dtype().isFloat() || a.dtype() != b.dtype() || a.dtype() != c.dtype()) {
      throw HypatiaException.forInputs(
          name(),
          "a, b and c must share one float dtype, got "
              + a.dtype()
              + ", "
              + b.dtype()
              + " and "
              + c.dtype(),
          inputs);
    }
    Tensordot.checkAligned(name(), inputs, new int[] {1}, new int[] {0});
    int[] shape = b.ndim() == 1 ? new int[] {a.dim(0)} : new int[] {a.dim(0), b.dim(1)};
    String productShape = TensorType.shapeString(shape);
    int offset = shape.length - c.ndim();
    for (int i = 0; i < c.ndim(); i++) {
      int d = shape[offset + i];
      int e = c.dim(i);
      if (e == 1 || e == d || e == TensorType.UNKNOWN && d != 1) {
        continue;
      }
      if (d == 1 || d == TensorType.UNKNOWN) {
        shape[offset + i] = e;
      } else {
        throw HypatiaException.forInputs(
            name(),
            "c of shape "
                + TensorType.shapeString(c.shape())
                + " does not broadcast with the product's shape "
                + productShape,
            inputs);
      }
    }
    return new Apply(this, inputs, List.of(TensorType.of(a.dtype(), shape)));
  }

  /**
   * Computes {@code alpha * dot(a, b) + beta * c}.
   *
   * @throws IllegalArgumentException when a and b do not align, or c and the product do not
   *     broadcast together
   */
  @Override
  public List<NDArray> perform(Apply node, List<NDArray> inputs) {
    NDArray a = inputs.get(0);
    NDArray b = inputs.get(1);
    NDArray c = inputs.get(2);
    double alpha = inputs.get(3).item();
    double beta = inputs.get(4).item();
    DType dtype = node.output(0).dtype();
    NDArray product = Contraction.tensordot(a, new int[] {1}, b, new int[] {0}, dtype);
    int[] shape = Broadcast.shape(product.shape(), c.shape());
    int[] p = product.broadcastTo(shape).storageIndices();
    int[] q = c.broadcastTo(shape).storageIndices();
    NDArray out = NDArray.zeros(dtype, shape);
    for (int e = 0; e < p.length; e++) {
      double term = round(dtype, alpha * dtype.getDouble(product.data(), p[e]));
      double acc = round(dtype, beta * c.dtype().getDouble(c.data(), q[e]));
      dtype.setDouble(out.data(), e, term + acc);
    }
    return List.of(out);
  }

  /** {@code v} rounded to {@code dtype}, as storing an elementwise result would. */
  private static double round(DType dtype, double v) {
    return dtype == DType.FLOAT32 ? (float) v : v;
  }

  @Override
  public String name() {
    return "gemm";
  }
}
