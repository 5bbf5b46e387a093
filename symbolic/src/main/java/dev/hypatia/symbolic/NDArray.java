package dev.hypatia.symbolic;

import java.util.Arrays;

/**
 * A strided multidimensional array: a dtype, a shape, strides and an offset (both counted in
 * elements) over a Java primitive array (see {@link DType} for the storage types).
 *
 * <p>Views ({@link #transpose()}, {@link #slice}, {@link #broadcastTo}, {@link #index}, {@link
 * #newAxis}) share storage with the array they come from and copy nothing. Element order for "flat"
 * access is C order (row-major) over the logical shape, whatever the strides. Arrays are mutable
 * only through the {@code set} methods; ops never modify their inputs.
 */
public final class NDArray {
  private final DType dtype;
  private final Object data;
  private final int[] shape;
  private final int[] strides;
  private final int offset;
  private final int size;

  NDArray(DType dtype, Object data, int[] shape, int[] strides, int offset) {
    this.dtype = dtype;
    this.data = data;
    this.shape = shape;
    this.strides = strides;
    this.offset = offset;
    this.size = sizeOf(shape);
  }

  // ---------------------------------------------------------------- factories

  /**
   * A C-contiguous array over {@code data} (the dtype's storage type) with {@code shape}. The array
   * is not copied: later changes to {@code data} show through.
   */
  public static NDArray wrap(DType dtype, Object data, int... shape) {
    int n = sizeOf(shape);
    int len = dtype.length(data);
    if (len != n) {
      throw new IllegalArgumentException(
          "shape " + TensorType.shapeString(shape) + " needs " + n + " elements, got " + len);
    }
    return new NDArray(dtype, data, shape.clone(), contiguousStrides(shape), 0);
  }

  /**
   * A C-contiguous array over {@code data[offset .. offset + size)}, for kernels that recycle
   * storage; {@code data} may be longer. Not copied: writes show through.
   *
   * @throws IllegalArgumentException when the range does not fit in {@code data}
   */
  public static NDArray over(DType dtype, Object data, int offset, int... shape) {
    checkShape(shape);
    int n = sizeOf(shape);
    if (offset < 0 || offset + (long) n > dtype.length(data)) {
      throw new IllegalArgumentException(
          "shape "
              + TensorType.shapeString(shape)
              + " at offset "
              + offset
              + " does not fit in "
              + dtype.length(data)
              + " elements");
    }
    return new NDArray(dtype, data, shape.clone(), contiguousStrides(shape), offset);
  }

  /** A zero-filled C-contiguous array. */
  public static NDArray zeros(DType dtype, int... shape) {
    checkShape(shape);
    return new NDArray(
        dtype, dtype.allocate(sizeOf(shape)), shape.clone(), contiguousStrides(shape), 0);
  }

  /** An array filled with {@code value} (converted to {@code dtype}). */
  public static NDArray full(DType dtype, double value, int... shape) {
    NDArray a = zeros(dtype, shape);
    for (int i = 0; i < a.size; i++) {
      dtype.setDouble(a.data, i, value);
    }
    return a;
  }

  /** A float64 scalar. */
  public static NDArray scalar(double v) {
    return wrap(DType.FLOAT64, new double[] {v});
  }

  /** A scalar of {@code dtype} holding {@code v} (converted). */
  public static NDArray scalar(DType dtype, double v) {
    return full(dtype, v);
  }

  /** A scalar of a discrete dtype holding {@code v}, exactly for int64. */
  public static NDArray scalarLong(DType dtype, long v) {
    NDArray a = zeros(dtype);
    dtype.setLong(a.data, 0, v);
    return a;
  }

  /** A float64 vector (copied). */
  public static NDArray of(double... v) {
    return wrap(DType.FLOAT64, v.clone(), v.length);
  }

  /** A float32 vector (copied). */
  public static NDArray of(float... v) {
    return wrap(DType.FLOAT32, v.clone(), v.length);
  }

  /** An int64 vector (copied). */
  public static NDArray of(long... v) {
    return wrap(DType.INT64, v.clone(), v.length);
  }

  /** An int32 vector (copied). */
  public static NDArray of(int... v) {
    return wrap(DType.INT32, v.clone(), v.length);
  }

  /** An int8 vector (copied). */
  public static NDArray of(byte... v) {
    return wrap(DType.INT8, v.clone(), v.length);
  }

  /** A bool vector (copied). */
  public static NDArray of(boolean... v) {
    return wrap(DType.BOOL, v.clone(), v.length);
  }

  /** A float64 matrix (copied); rows must have equal lengths. */
  public static NDArray of(double[][] v) {
    return from(v);
  }

  /** A float64 rank-3 tensor (copied). */
  public static NDArray of(double[][][] v) {
    return from(v);
  }

  /** A float32 matrix (copied). */
  public static NDArray of(float[][] v) {
    return from(v);
  }

  /** An int32 matrix (copied). */
  public static NDArray of(int[][] v) {
    return from(v);
  }

  /** An int64 matrix (copied). */
  public static NDArray of(long[][] v) {
    return from(v);
  }

  /** A bool matrix (copied). */
  public static NDArray of(boolean[][] v) {
    return from(v);
  }

  /**
   * Converts a Java value to an array (always a copy, except that an NDArray is returned as it is):
   * {@code Double}/{@code double} to a float64 scalar, {@code Float} float32, {@code Long} int64,
   * {@code Integer} int32, {@code Byte} int8, {@code Boolean} bool, and rectangular nested
   * primitive arrays ({@code double[]}, {@code int[][]}, ...) to arrays of their element type.
   *
   * @throws IllegalArgumentException for other types and ragged nested arrays
   */
  public static NDArray from(Object value) {
    return JavaValues.toArray(value);
  }

  // ---------------------------------------------------------------- structure

  public DType dtype() {
    return dtype;
  }

  public int ndim() {
    return shape.length;
  }

  /** The shape. Not modified: a copy. */
  public int[] shape() {
    return shape.clone();
  }

  /** The length of {@code axis}; negative axes count from the end. */
  public int shape(int axis) {
    return shape[Axes.normalize(axis, shape.length)];
  }

  /** The number of elements. */
  public int size() {
    return size;
  }

  /** Strides in elements. Not modified: a copy. */
  public int[] strides() {
    return strides.clone();
  }

  /** Offset in elements of element (0, ..., 0) in {@link #data()}. */
  public int offset() {
    return offset;
  }

  /**
   * The storage array, shared with this array and its views: for code generators and kernels that
   * need raw speed. Writing to it changes every view.
   */
  public Object data() {
    return data;
  }

  /** Whether elements lie in C order at consecutive positions from {@link #offset()}. */
  public boolean isContiguous() {
    int expected = 1;
    for (int i = shape.length - 1; i >= 0; i--) {
      if (shape[i] != 1 && strides[i] != expected) {
        return size == 0;
      }
      expected *= shape[i];
    }
    return true;
  }

  // ---------------------------------------------------------------- element access

  /** The storage position of the element at {@code index} (one entry per axis). */
  public int storageIndex(int... index) {
    if (index.length != shape.length) {
      throw new IllegalArgumentException(
          "index of rank " + index.length + " for an array of shape " + shapeString());
    }
    int p = offset;
    for (int i = 0; i < index.length; i++) {
      int k = index[i];
      if (k < 0 || k >= shape[i]) {
        throw new IndexOutOfBoundsException(
            "index " + k + " is out of bounds for axis " + i + " with size " + shape[i]);
      }
      p += k * strides[i];
    }
    return p;
  }

  /** The storage position of the {@code flat}-th element in C order. */
  public int storageIndexOfFlat(int flat) {
    int p = offset;
    for (int i = shape.length - 1; i >= 0; i--) {
      int n = shape[i];
      p += (flat % n) * strides[i];
      flat /= n;
    }
    return p;
  }

  /** The storage positions of all elements in C order. */
  public int[] storageIndices() {
    int[] out = new int[size];
    if (size == 0) {
      return out;
    }
    int nd = shape.length;
    int[] idx = new int[nd];
    int p = offset;
    for (int k = 0; k < size; k++) {
      out[k] = p;
      for (int i = nd - 1; i >= 0; i--) {
        if (++idx[i] < shape[i]) {
          p += strides[i];
          break;
        }
        p -= (shape[i] - 1) * strides[i];
        idx[i] = 0;
      }
    }
    return out;
  }

  public double getDouble(int... index) {
    return dtype.getDouble(data, storageIndex(index));
  }

  public long getLong(int... index) {
    return dtype.getLong(data, storageIndex(index));
  }

  public boolean getBoolean(int... index) {
    return dtype.getDouble(data, storageIndex(index)) != 0.0;
  }

  /** Sets the element at {@code index} (converted to the dtype). Modified: this. */
  public void set(double value, int... index) {
    dtype.setDouble(data, storageIndex(index), value);
  }

  /** Sets the element at {@code index} exactly for integer dtypes. Modified: this. */
  public void setLong(long value, int... index) {
    dtype.setLong(data, storageIndex(index), value);
  }

  /** The {@code i}-th element in C order, as a double. */
  public double flatDouble(int i) {
    return dtype.getDouble(data, storageIndexOfFlat(i));
  }

  /** The {@code i}-th element in C order, as a long. */
  public long flatLong(int i) {
    return dtype.getLong(data, storageIndexOfFlat(i));
  }

  /** Sets the {@code i}-th element in C order. Modified: this. */
  public void setFlat(int i, double value) {
    dtype.setDouble(data, storageIndexOfFlat(i), value);
  }

  /** Sets the {@code i}-th element in C order exactly for integer dtypes. Modified: this. */
  public void setFlatLong(int i, long value) {
    dtype.setLong(data, storageIndexOfFlat(i), value);
  }

  /** The only element of a one-element array, as a double. */
  public double item() {
    requireOneElement();
    return dtype.getDouble(data, storageIndexOfFlat(0));
  }

  /** The only element of a one-element array, as a long. */
  public long itemLong() {
    requireOneElement();
    return dtype.getLong(data, storageIndexOfFlat(0));
  }

  private void requireOneElement() {
    if (size != 1) {
      throw new IllegalStateException(
          "item() needs an array of one element, got shape " + shapeString());
    }
  }

  // ---------------------------------------------------------------- views

  /** The transpose: axes reversed. A view. */
  public NDArray transpose() {
    int n = shape.length;
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = n - 1 - i;
    }
    return transpose(perm);
  }

  /** Axes permuted: output axis i is input axis {@code perm[i]}. A view. */
  public NDArray transpose(int... perm) {
    if (perm.length != shape.length) {
      throw new IllegalArgumentException(
          "axes " + Arrays.toString(perm) + " do not match an array of rank " + shape.length);
    }
    Axes.of(shape.length, perm); // rejects repeats and out-of-range axes
    int[] s = new int[perm.length];
    int[] st = new int[perm.length];
    for (int i = 0; i < perm.length; i++) {
      int a = Axes.normalize(perm[i], shape.length);
      s[i] = shape[a];
      st[i] = strides[a];
    }
    return new NDArray(dtype, data, s, st, offset);
  }

  /**
   * numpy's {@code a[..., start:stop:step, ...]} on {@code axis}: null bounds take numpy's defaults
   * for the step's sign, negative bounds count from the end, out-of-range bounds clip. A view.
   *
   * @throws IllegalArgumentException when step is 0
   */
  public NDArray slice(int axis, Integer start, Integer stop, int step) {
    int ax = Axes.normalize(axis, shape.length);
    int n = shape[ax];
    int[] r = SliceMath.resolve(start, stop, step, n);
    int[] s = shape.clone();
    int[] st = strides.clone();
    s[ax] = r[1];
    st[ax] =
        r[1] <= 1
            ? 0
            : strides[ax] * step; // one element needs no stride (and a huge step would overflow)
    int off = r[1] == 0 ? offset : offset + r[0] * strides[ax];
    return new NDArray(dtype, data, s, st, off);
  }

  /** numpy's {@code a[..., i, ...]} on {@code axis} (negative i counts from the end). A view. */
  public NDArray index(int axis, int i) {
    int ax = Axes.normalize(axis, shape.length);
    int n = shape[ax];
    int k = i < 0 ? i + n : i;
    if (k < 0 || k >= n) {
      throw new IndexOutOfBoundsException(
          "index " + i + " is out of bounds for axis " + ax + " with size " + n);
    }
    return new NDArray(
        dtype, data, remove(shape, ax), remove(strides, ax), offset + k * strides[ax]);
  }

  /** A new axis of length 1 inserted at {@code axis} (0..ndim). A view. */
  public NDArray newAxis(int axis) {
    int ax = axis < 0 ? axis + shape.length + 1 : axis;
    if (ax < 0 || ax > shape.length) {
      throw new IllegalArgumentException(
          "axis " + axis + " is out of bounds for a new axis of an array of rank " + ndim());
    }
    return new NDArray(dtype, data, insert(shape, ax, 1), insert(strides, ax, 0), offset);
  }

  /**
   * numpy's {@code broadcast_to}: leading axes are added and axes of length 1 stretched with stride
   * 0. A read-only-by-convention view.
   *
   * @throws IllegalArgumentException when the shapes are not broadcast-compatible
   */
  public NDArray broadcastTo(int... target) {
    int nd = target.length;
    if (nd < shape.length) {
      throw broadcastError(target);
    }
    int[] st = new int[nd];
    for (int i = 0; i < nd; i++) {
      int j = i - (nd - shape.length);
      if (j < 0) {
        st[i] = 0;
      } else if (shape[j] == target[i]) {
        st[i] = shape[j] == 1 ? 0 : strides[j];
      } else if (shape[j] == 1) {
        st[i] = 0;
      } else {
        throw broadcastError(target);
      }
    }
    return new NDArray(dtype, data, target.clone(), st, offset);
  }

  private IllegalArgumentException broadcastError(int[] target) {
    return new IllegalArgumentException(
        "cannot broadcast an array of shape "
            + shapeString()
            + " to shape "
            + TensorType.shapeString(target));
  }

  /**
   * The same elements in C order with another shape (one entry may be -1, inferred). A view when
   * this array is contiguous, otherwise a copy.
   */
  public NDArray reshape(int... newShape) {
    int[] s = SliceMath.resolveReshape(shape, newShape);
    NDArray base = isContiguous() ? this : copy();
    return new NDArray(dtype, base.data, s, contiguousStrides(s), base.offset);
  }

  // ---------------------------------------------------------------- copies

  /** A C-contiguous copy with the same dtype. */
  public NDArray copy() {
    return astype(dtype);
  }

  /** A C-contiguous copy converted to {@code target} (as a C cast, see {@link DType}). */
  public NDArray astype(DType target) {
    Object out = target.allocate(size);
    int[] idx = storageIndices();
    if (dtype.isDiscrete() && target.isDiscrete() || dtype == DType.INT64) {
      for (int i = 0; i < size; i++) {
        target.setLong(out, i, dtype.getLong(data, idx[i]));
      }
    } else {
      for (int i = 0; i < size; i++) {
        target.setDouble(out, i, dtype.getDouble(data, idx[i]));
      }
    }
    return new NDArray(target, out, shape.clone(), contiguousStrides(shape), 0);
  }

  /** All elements in C order as doubles (a new array). */
  public double[] toDoubleArray() {
    int[] idx = storageIndices();
    double[] out = new double[size];
    for (int i = 0; i < size; i++) {
      out[i] = dtype.getDouble(data, idx[i]);
    }
    return out;
  }

  /** All elements in C order as longs (a new array; floats truncate). */
  public long[] toLongArray() {
    int[] idx = storageIndices();
    long[] out = new long[size];
    for (int i = 0; i < size; i++) {
      out[i] = dtype.getLong(data, idx[i]);
    }
    return out;
  }

  /** All elements in C order as floats (a new array). */
  public float[] toFloatArray() {
    return (float[]) astype(DType.FLOAT32).data;
  }

  /** All elements in C order as ints (a new array). */
  public int[] toIntArray() {
    return (int[]) astype(DType.INT32).data;
  }

  /** A float64 matrix as Java rows (a copy). */
  public double[][] toDoubleMatrix() {
    if (shape.length != 2) {
      throw new IllegalStateException("toDoubleMatrix needs rank 2, got " + shapeString());
    }
    double[][] out = new double[shape[0]][];
    for (int i = 0; i < shape[0]; i++) {
      out[i] = index(0, i).toDoubleArray();
    }
    return out;
  }

  // ---------------------------------------------------------------- comparison, text

  /** Same dtype, shape and elements; NaN equals NaN. */
  public boolean contentEquals(NDArray other) {
    if (other.dtype != dtype || !Arrays.equals(other.shape, shape)) {
      return false;
    }
    if (dtype.isDiscrete()) {
      return Arrays.equals(toLongArray(), other.toLongArray());
    }
    return Arrays.equals(toDoubleArray(), other.toDoubleArray());
  }

  /** A hash consistent with {@link #contentEquals}. */
  public int contentHash() {
    int h = 31 * dtype.hashCode() + Arrays.hashCode(shape);
    return 31 * h
        + (dtype.isDiscrete() ? Arrays.hashCode(toLongArray()) : Arrays.hashCode(toDoubleArray()));
  }

  /**
   * Same shape and every pair of elements within {@code atol + rtol * |other|} (numpy's allclose);
   * NaNs must match NaNs, infinities must match exactly.
   */
  public boolean allClose(NDArray other, double rtol, double atol) {
    if (!Arrays.equals(other.shape, shape)) {
      return false;
    }
    double[] a = toDoubleArray();
    double[] b = other.toDoubleArray();
    for (int i = 0; i < a.length; i++) {
      if (!ArrayCompare.close(a[i], b[i], rtol, atol)) {
        return false;
      }
    }
    return true;
  }

  /** The shape as text, {@code [2,3]}. */
  public String shapeString() {
    return TensorType.shapeString(shape);
  }

  /** numpy's {@code str}: {@code [[1. 2.] [3. 4.]]} over lines, or {@code 2.5} for a scalar. */
  public String format() {
    return NDArrayFormat.str(this);
  }

  /** numpy's {@code repr}: {@code array([1, 2], dtype=int32)}. */
  @Override
  public String toString() {
    return NDArrayFormat.repr(this);
  }

  // ---------------------------------------------------------------- helpers

  /** C-order strides (in elements) of a contiguous array of {@code shape}. */
  public static int[] contiguousStrides(int[] shape) {
    int[] st = new int[shape.length];
    int s = 1;
    for (int i = shape.length - 1; i >= 0; i--) {
      st[i] = s;
      s *= Math.max(shape[i], 1);
    }
    return st;
  }

  /** The number of elements of {@code shape}. */
  public static int sizeOf(int[] shape) {
    long n = 1;
    for (int d : shape) {
      n *= d;
      if (n > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "shape " + TensorType.shapeString(shape) + " has more than 2^31-1 elements");
      }
    }
    return (int) n;
  }

  private static void checkShape(int[] shape) {
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException(
            "negative dimension in shape " + TensorType.shapeString(shape));
      }
    }
  }

  private static int[] remove(int[] a, int i) {
    int[] out = new int[a.length - 1];
    System.arraycopy(a, 0, out, 0, i);
    System.arraycopy(a, i + 1, out, i, a.length - i - 1);
    return out;
  }

  private static int[] insert(int[] a, int i, int v) {
    int[] out = new int[a.length + 1];
    System.arraycopy(a, 0, out, 0, i);
    out[i] = v;
    System.arraycopy(a, i, out, i + 1, a.length - i);
    return out;
  }
}
