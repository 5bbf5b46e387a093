package dev.hypatia.jvm.runtime;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;

/**
 * Row kernels for neural-network ops whose reference {@code perform} walks elements through index
 * arrays: the same arithmetic in the same order (so results are bit-identical), over raw storage.
 */
public final class NNKernels {
  private NNKernels() {}

  /**
   * The max-shifted softmax (or log-softmax) of {@code x} along {@code axis}, as the op {@code
   * Softmax} computes it, into a new C-contiguous array of dtype {@code out}. Not modified: x.
   *
   * @param x a float64 or float32 array of rank at least 1
   * @param axis a non-negative axis of x
   * @param log whether to return log-softmax
   * @param out the output dtype (x's)
   */
  public static NDArray softmax(NDArray x, int axis, boolean log, DType out) {
    int nd = x.ndim();
    int[] perm = new int[nd];
    for (int i = 0, j = 0; i < nd; i++) {
      if (i != axis) {
        perm[j++] = i;
      }
    }
    perm[nd - 1] = axis;
    NDArray xt = x.transpose(perm); // the softmax axis last
    int[] shape = xt.shape();
    NDArray result = NDArray.zeros(out, shape);
    int n = shape[nd - 1];
    int[] rows = java.util.Arrays.copyOf(shape, nd - 1);
    int[] xs = xt.strides();
    int[][] strides = {java.util.Arrays.copyOf(xs, nd - 1), rowStrides(shape)};
    StridedLoop it = StridedLoop.of(rows, strides, new int[] {xt.offset(), 0});
    int step = xs[nd - 1];
    double[] row = new double[n];
    while (it.next()) {
      for (int r = 0; r < it.length(); r++) {
        int xo = it.offset(0) + r * it.stride(0);
        int oo = it.offset(1) + r * it.stride(1);
        for (int k = 0; k < n; k++) {
          row[k] = x.dtype().getDouble(x.data(), xo + k * step);
        }
        lane(row, n, log);
        for (int k = 0; k < n; k++) {
          out.setDouble(result.data(), oo + k, row[k]);
        }
      }
    }
    int[] inverse = new int[nd];
    for (int i = 0; i < nd; i++) {
      inverse[perm[i]] = i;
    }
    return result.transpose(inverse);
  }

  private static int[] rowStrides(int[] shape) {
    int nd = shape.length;
    int[] s = new int[nd - 1];
    int stride = shape[nd - 1];
    for (int i = nd - 2; i >= 0; i--) {
      s[i] = stride;
      stride *= shape[i];
    }
    return s;
  }

  /** One lane in place, exactly as the reference orders its operations. */
  private static void lane(double[] v, int n, boolean log) {
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < n; k++) {
      max = Math.max(max, v[k]);
    }
    double shift = Double.isInfinite(max) ? 0 : max;
    double sum = 0;
    for (int k = 0; k < n; k++) {
      sum += Math.exp(v[k] - shift);
    }
    double logSum = Math.log(sum);
    for (int k = 0; k < n; k++) {
      double z = v[k] - shift;
      v[k] = log ? z - logSum : Math.exp(z) / sum;
    }
  }
}
