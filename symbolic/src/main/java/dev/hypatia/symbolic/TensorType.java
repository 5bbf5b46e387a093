package dev.hypatia.symbolic;

import java.util.Arrays;
import java.util.Objects;

/**
 * The static type of a symbolic tensor: a dtype and a shape in which each dimension is either known
 * ({@code >= 0}) or unknown ({@link #UNKNOWN}). A dimension known to be 1 is broadcastable, as in
 * Theano. Types are values: equal dtypes and shapes are equal types.
 */
public final class TensorType {
  /** The marker of a dimension whose length is not known statically. */
  public static final int UNKNOWN = -1;

  private final DType dtype;
  private final int[] shape;

  private TensorType(DType dtype, int[] shape) {
    this.dtype = Objects.requireNonNull(dtype, "dtype");
    for (int d : shape) {
      if (d < UNKNOWN) {
        throw new IllegalArgumentException(
            "a static dimension is a length >= 0 or UNKNOWN (-1), not " + d);
      }
    }
    this.shape = shape;
  }

  /** A type with the given dtype and static shape ({@link #UNKNOWN} for unknown). */
  public static TensorType of(DType dtype, int... shape) {
    return new TensorType(dtype, shape.clone());
  }

  /** A type of rank {@code ndim} with every dimension unknown. */
  public static TensorType ofRank(DType dtype, int ndim) {
    int[] s = new int[ndim];
    Arrays.fill(s, UNKNOWN);
    return new TensorType(dtype, s);
  }

  /** The type of a scalar (rank 0). */
  public static TensorType scalar(DType dtype) {
    return new TensorType(dtype, new int[0]);
  }

  /** The exact type of a concrete array: its dtype and its shape, all known. */
  public static TensorType of(NDArray value) {
    return new TensorType(value.dtype(), value.shape());
  }

  public DType dtype() {
    return dtype;
  }

  public int ndim() {
    return shape.length;
  }

  /** The static shape; {@link #UNKNOWN} where unknown. Not modified: a copy. */
  public int[] shape() {
    return shape.clone();
  }

  /** The static length of {@code axis} (negative counts from the end), or UNKNOWN. */
  public int dim(int axis) {
    return shape[Axes.normalize(axis, shape.length)];
  }

  /** Whether the length of {@code axis} is known. */
  public boolean isKnown(int axis) {
    return dim(axis) != UNKNOWN;
  }

  /** Whether every dimension is known. */
  public boolean isFullyKnown() {
    for (int d : shape) {
      if (d == UNKNOWN) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code axis} is known to have length 1, and so broadcasts. */
  public boolean isBroadcastable(int axis) {
    return dim(axis) == 1;
  }

  /** This type with another dtype. */
  public TensorType withDType(DType newDType) {
    return new TensorType(newDType, shape);
  }

  /** This type with another static shape. */
  public TensorType withShape(int... newShape) {
    return new TensorType(dtype, newShape.clone());
  }

  /** Whether a concrete array has this dtype and fits every known dimension. */
  public boolean accepts(NDArray value) {
    return value.dtype() == dtype && fitsShape(value.shape());
  }

  /** Whether a concrete shape fits this type's rank and known dimensions. */
  public boolean fitsShape(int[] concrete) {
    if (concrete.length != shape.length) {
      return false;
    }
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] != UNKNOWN && shape[i] != concrete[i]) {
        return false;
      }
    }
    return true;
  }

  /** The shape as text, {@code [?,3]}: '?' marks an unknown dimension. */
  public String shapeString() {
    return shapeString(shape);
  }

  /** A static or concrete shape as text, {@code [?,3]}. */
  public static String shapeString(int[] shape) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < shape.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(shape[i] == UNKNOWN ? "?" : Integer.toString(shape[i]));
    }
    return sb.append(']').toString();
  }

  /** {@code float64[?,3]}. */
  @Override
  public String toString() {
    return dtype + shapeString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TensorType t && t.dtype == dtype && Arrays.equals(t.shape, shape);
  }

  @Override
  public int hashCode() {
    return 31 * dtype.hashCode() + Arrays.hashCode(shape);
  }
}
