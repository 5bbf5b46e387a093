package dev.hypatia.jvm.runtime;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;

/**
 * Fast paths for the fancy indexing a classifier's loss uses, {@code x[rows, cols]} on a float64
 * matrix with two index vectors of one length (picking one element per row), and its increment
 * {@code x[rows, cols] += y}. Every other case, and any index out of range, returns null so that
 * the caller runs the op's reference (which raises the reference's errors). Elements are visited in
 * the reference's order, so repeated indices accumulate identically.
 */
public final class IndexKernels {
  private IndexKernels() {}

  /** {@code x[i0, i1]} for float64 matrix x and index vectors of one length, else null. */
  public static NDArray take(NDArray x, NDArray i0, NDArray i1) {
    int[] flat = flatIndices(x, i0, i1);
    if (flat == null) {
      return null;
    }
    int cols = x.shape(1);
    int[] st = x.strides();
    double[] out = new double[flat.length];
    double[] data = (double[]) x.data();
    for (int k = 0; k < flat.length; k++) {
      out[k] = data[x.offset() + flat[k] / cols * st[0] + flat[k] % cols * st[1]];
    }
    return NDArray.wrap(DType.FLOAT64, out, flat.length);
  }

  /**
   * A copy of x with {@code x[i0, i1] += y} (or {@code = y} when {@code set}), y a float64 scalar
   * or vector of the indices' length; null when not this case. Not modified: the inputs.
   */
  public static NDArray update(NDArray x, NDArray y, NDArray i0, NDArray i1, boolean set) {
    int[] flat = flatIndices(x, i0, i1);
    boolean fits = y.ndim() == 0 || (y.ndim() == 1 && flat != null && y.shape(0) == flat.length);
    if (flat == null || y.dtype() != DType.FLOAT64 || !fits) {
      return null;
    }
    NDArray out = x.copy(); // C-contiguous from offset 0
    double[] data = (double[]) out.data();
    int base = out.offset();
    for (int k = 0; k < flat.length; k++) {
      double v = y.ndim() == 0 ? y.flatDouble(0) : y.flatDouble(k);
      data[base + flat[k]] = set ? v : data[base + flat[k]] + v;
    }
    return out;
  }

  /** C-order flat indices {@code r * cols + c} of x[i0[k], i1[k]], or null (not this case). */
  private static int[] flatIndices(NDArray x, NDArray i0, NDArray i1) {
    if (x.dtype() != DType.FLOAT64 || x.ndim() != 2 || i0.ndim() != 1 || i1.ndim() != 1) {
      return null;
    }
    if (!i0.dtype().isDiscrete() || !i1.dtype().isDiscrete() || i0.dtype().isBool()) {
      return null;
    }
    if (i1.dtype().isBool() || i0.size() != i1.size()) {
      return null;
    }
    int rows = x.shape(0);
    int cols = x.shape(1);
    int[] pos = new int[i0.size()];
    for (int k = 0; k < pos.length; k++) {
      long r = i0.flatLong(k);
      long c = i1.flatLong(k);
      r = r < 0 ? r + rows : r;
      c = c < 0 ? c + cols : c;
      if (r < 0 || r >= rows || c < 0 || c >= cols) {
        return null;
      }
      pos[k] = (int) r * cols + (int) c;
    }
    return pos;
  }
}
