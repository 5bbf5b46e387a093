package dev.hypatia.symbolic.ops;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.TensorType;

/**
 * Reference loops for the products: a sum over paired axes of two arrays, accumulated in double for
 * float results and in long for integer and bool results (stored with the result dtype's cast, so
 * bool is "any").
 */
final class Contraction {
  private Contraction() {}

  /**
   * numpy's {@code tensordot(a, b, (axesA, axesB))}: the free axes of a, then those of b.
   *
   * @throws IllegalArgumentException when paired axes differ in length
   */
  static NDArray tensordot(NDArray a, int[] axesA, NDArray b, int[] axesB, DType out) {
    for (int i = 0; i < axesA.length; i++) {
      if (a.shape(axesA[i]) != b.shape(axesB[i])) {
        throw new IllegalArgumentException(misaligned(a.shape(), axesA[i], b.shape(), axesB[i]));
      }
    }
    int[] freeA = complement(a.ndim(), axesA);
    int[] freeB = complement(b.ndim(), axesB);
    int m = sizeAlong(a.shape(), freeA);
    int k = sizeAlong(a.shape(), axesA);
    int n = sizeAlong(b.shape(), freeB);
    NDArray a2 = a.transpose(concat(freeA, axesA)).reshape(m, k);
    NDArray b2 = b.transpose(concat(axesB, freeB)).reshape(k, n);
    int[] shape = concat(pick(a.shape(), freeA), pick(b.shape(), freeB));
    return multiply(a2, b2, out).reshape(shape);
  }

  /** The message for paired axes of different lengths. */
  static String misaligned(int[] a, int axisA, int[] b, int axisB) {
    return "shapes "
        + TensorType.shapeString(a)
        + " and "
        + TensorType.shapeString(b)
        + " are not aligned: axis "
        + axisA
        + " of the first ("
        + (a[axisA] == TensorType.UNKNOWN ? "?" : a[axisA])
        + ") differs from axis "
        + axisB
        + " of the second ("
        + (b[axisB] == TensorType.UNKNOWN ? "?" : b[axisB])
        + ")";
  }

  /** The product of an m-by-k and a k-by-n matrix, a new contiguous array of dtype {@code out}. */
  static NDArray multiply(NDArray a, NDArray b, DType out) {
    int m = a.shape(0);
    int k = a.shape(1);
    int n = b.shape(1);
    NDArray c = NDArray.zeros(out, m, n);
    Object cd = c.data();
    if (out.isFloat()) {
      double[] x = a.toDoubleArray();
      double[] y = b.toDoubleArray();
      double[] acc = new double[n];
      for (int i = 0; i < m; i++) {
        java.util.Arrays.fill(acc, 0.0);
        for (int p = 0; p < k; p++) {
          double v = x[i * k + p];
          for (int j = 0; j < n; j++) {
            acc[j] += v * y[p * n + j];
          }
        }
        for (int j = 0; j < n; j++) {
          out.setDouble(cd, i * n + j, acc[j]);
        }
      }
    } else {
      long[] x = a.toLongArray();
      long[] y = b.toLongArray();
      long[] acc = new long[n];
      for (int i = 0; i < m; i++) {
        java.util.Arrays.fill(acc, 0L);
        for (int p = 0; p < k; p++) {
          long v = x[i * k + p];
          for (int j = 0; j < n; j++) {
            acc[j] += v * y[p * n + j];
          }
        }
        for (int j = 0; j < n; j++) {
          out.setLong(cd, i * n + j, acc[j]);
        }
      }
    }
    return c;
  }

  /** The axes {@code 0..ndim-1} not in {@code axes}, ascending. */
  static int[] complement(int ndim, int[] axes) {
    boolean[] used = new boolean[ndim];
    for (int a : axes) {
      used[a] = true;
    }
    int[] out = new int[ndim - axes.length];
    int j = 0;
    for (int i = 0; i < ndim; i++) {
      if (!used[i]) {
        out[j++] = i;
      }
    }
    return out;
  }

  /** {@code shape[axes[0]], shape[axes[1]], ...}. */
  static int[] pick(int[] shape, int[] axes) {
    int[] out = new int[axes.length];
    for (int i = 0; i < axes.length; i++) {
      out[i] = shape[axes[i]];
    }
    return out;
  }

  private static int sizeAlong(int[] shape, int[] axes) {
    return NDArray.sizeOf(pick(shape, axes));
  }

  /** {@code a} followed by {@code b}. */
  static int[] concat(int[] a, int[] b) {
    int[] out = new int[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
