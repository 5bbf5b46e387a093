package dev.hypatia.optimize.rules.canonicalize;

import dev.hypatia.symbolic.Constant;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Elementwise;
import java.util.Arrays;

/**
 * What the canonicalize rules share about broadcasting: whether dropping an operand can change the
 * shape of a result, and Theano's {@code fill} (a value broadcast against an operand it no longer
 * reads), written {@code where(true, value, operand)}.
 */
final class Fill {
  private Fill() {}

  /**
   * Whether broadcasting a tensor of type {@code keep} with one of type {@code drop} provably gives
   * {@code keep}'s shape at run time (wherever the broadcast is valid), so that {@code drop} may be
   * left out of an elementwise expression without changing its shape. An unknown dimension of
   * {@code keep} may be 1 at run time and is never assumed to cover anything but a 1.
   */
  static boolean covers(TensorType keep, TensorType drop) {
    if (drop.ndim() > keep.ndim()) {
      return false;
    }
    for (int i = 1; i <= drop.ndim(); i++) {
      int k = keep.dim(-i);
      int d = drop.dim(-i);
      boolean ok =
          d == 1
              || k != TensorType.UNKNOWN && k == d
              || k != TensorType.UNKNOWN && k != 1 && d == TensorType.UNKNOWN;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code value} broadcast against {@code operand} without reading its elements: {@code
   * where(true, value, operand)}, of the promoted dtype (callers pass operands of value's dtype).
   */
  static Variable fill(Variable value, Variable operand) {
    return Elementwise.where(boolTrue(), value, operand);
  }

  /** The scalar constant {@code true}. */
  static Constant boolTrue() {
    return new Constant(NDArray.scalarLong(DType.BOOL, 1), null);
  }

  /** A scalar constant of {@code dtype} holding {@code value}. */
  static Constant scalar(DType dtype, double value) {
    NDArray a =
        dtype.isDiscrete() ? NDArray.scalarLong(dtype, (long) value) : NDArray.scalar(dtype, value);
    return new Constant(a, null);
  }

  /** An int64 vector constant. */
  static Constant longs(long... values) {
    return new Constant(NDArray.of(values), null);
  }

  /** An int64 vector constant of a static shape (every dimension known). */
  static Constant shapeConstant(int[] shape) {
    return longs(Arrays.stream(shape).asLongStream().toArray());
  }

  /** Whether every element of constant {@code c} equals {@code value} (false when it is empty). */
  static boolean allEqual(Constant c, double value) {
    NDArray a = c.valueView();
    if (a.size() == 0) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.flatDouble(i) != value) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code replacement} may stand for {@code root}: the same dtype and rank, and no known
   * dimension in conflict.
   */
  static boolean fits(Variable root, Variable replacement) {
    TensorType a = root.type();
    TensorType b = replacement.type();
    if (a.dtype() != b.dtype() || a.ndim() != b.ndim()) {
      return false;
    }
    for (int i = 0; i < a.ndim(); i++) {
      if (a.dim(i) != TensorType.UNKNOWN
          && b.dim(i) != TensorType.UNKNOWN
          && a.dim(i) != b.dim(i)) {
        return false;
      }
    }
    return true;
  }
}
