package dev.hypatia.symbolic.ops;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.List;

/** Checks and element loops shared by the indexing ops. */
final class IndexMath {
  private IndexMath() {}

  /**
   * {@code i} made non-negative for an axis of length {@code n}.
   *
   * @throws IllegalArgumentException naming the axis and its size when {@code i} is outside {@code
   *     [-n, n)}
   */
  static int normalize(long i, int axis, int n) {
    if (i < -n || i >= n) {
      throw new IllegalArgumentException(
          "index " + i + " is out of bounds for axis " + axis + " with size " + n);
    }
    return (int) (i < 0 ? i + n : i);
  }

  /**
   * Checks that input {@code k} of {@code inputs}, an index, has an integer dtype and, when {@code
   * scalar}, rank 0.
   *
   * @throws HypatiaException otherwise
   */
  static void checkIndexInput(String op, List<Variable> inputs, int k, boolean scalar) {
    Variable v = inputs.get(k);
    if (v.dtype().isBool()) {
      throw HypatiaException.forInputs(
          op,
          "input "
              + k
              + " is a bool index: boolean masks are not supported, index with integer arrays",
          inputs);
    }
    if (!v.dtype().isInteger() || (scalar && v.ndim() != 0)) {
      throw HypatiaException.forInputs(
          op,
          "input "
              + k
              + " must be an integer "
              + (scalar ? "scalar" : "array")
              + " index, got "
              + v.type(),
          inputs);
    }
  }

  /**
   * Checks that {@code y} (input 1) may be written into a region of static shape {@code region} of
   * {@code x} (input 0): its dtype casts to x's within or below its kind, and its shape broadcasts
   * to the region.
   *
   * @throws HypatiaException otherwise
   */
  static void checkValue(String op, List<Variable> inputs, int[] region) {
    DType xd = inputs.get(0).dtype();
    Variable y = inputs.get(1);
    if (y.dtype().kind().ordinal() > xd.kind().ordinal()) {
      throw HypatiaException.forInputs(
          op,
          "cannot write "
              + y.dtype()
              + " values into a "
              + xd
              + " tensor without losing their kind; cast the value first",
          inputs);
    }
    String problem =
        "the value of shape "
            + y.type().shapeString()
            + " cannot be broadcast to the indexed region of shape "
            + TensorType.shapeString(region);
    if (y.ndim() > region.length) {
      throw HypatiaException.forInputs(op, problem, inputs);
    }
    for (int j = 0; j < y.ndim(); j++) {
      int d = y.type().dim(j);
      int r = region[j + region.length - y.ndim()];
      if (d != 1 && d != TensorType.UNKNOWN && r != TensorType.UNKNOWN && d != r) {
        throw HypatiaException.forInputs(op, problem, inputs);
      }
    }
  }

  /**
   * {@code y} broadcast to {@code region}'s shape.
   *
   * @throws IllegalArgumentException when the shapes do not broadcast
   */
  static NDArray broadcastValue(NDArray y, int[] region) {
    try {
      return y.broadcastTo(region);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the value of shape "
              + y.shapeString()
              + " cannot be broadcast to the indexed region of shape "
              + TensorType.shapeString(region),
          e);
    }
  }

  /**
   * Writes ({@code set}) or adds {@code src} into {@code dst} element by element (same shapes);
   * floats add in double, integers and bool in long. Modified: dst. Not modified: src.
   */
  static void update(NDArray dst, NDArray src, boolean set) {
    int[] d = dst.storageIndices();
    int[] s = src.storageIndices();
    DType dt = dst.dtype();
    DType st = src.dtype();
    Object dd = dst.data();
    Object sd = src.data();
    if (dt.isFloat()) {
      for (int i = 0; i < d.length; i++) {
        double v = st.getDouble(sd, s[i]);
        dt.setDouble(dd, d[i], set ? v : dt.getDouble(dd, d[i]) + v);
      }
    } else {
      for (int i = 0; i < d.length; i++) {
        long v = st.getLong(sd, s[i]);
        dt.setLong(dd, d[i], set ? v : dt.getLong(dd, d[i]) + v);
      }
    }
  }
}
