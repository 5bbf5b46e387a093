package dev.hypatia.symbolic;

import java.util.Arrays;
import java.util.BitSet;

/**
 * An immutable, sorted set of axes, normalized against a rank (negative axes count from the end, as
 * in numpy). It is a value: ops hold an {@code Axes} rather than an {@code int[]} so that equal
 * nodes compare equal and merge.
 */
public final class Axes {
  private final int[] axes;

  private Axes(int[] sortedUnique) {
    this.axes = sortedUnique;
  }

  /**
   * The axes {@code axes} of a tensor of rank {@code ndim}, normalized and sorted.
   *
   * @throws IllegalArgumentException when an axis is out of range or repeated
   */
  public static Axes of(int ndim, int... axes) {
    BitSet seen = new BitSet();
    for (int a : axes) {
      int n = normalize(a, ndim);
      if (seen.get(n)) {
        throw new IllegalArgumentException(
            "axis " + a + " is repeated in " + Arrays.toString(axes));
      }
      seen.set(n);
    }
    return new Axes(seen.stream().toArray());
  }

  /** Every axis of a tensor of rank {@code ndim}. */
  public static Axes all(int ndim) {
    int[] a = new int[ndim];
    for (int i = 0; i < ndim; i++) {
      a[i] = i;
    }
    return new Axes(a);
  }

  /** No axis. */
  public static Axes none() {
    return new Axes(new int[0]);
  }

  /**
   * {@code axis} made non-negative for a tensor of rank {@code ndim}.
   *
   * @throws IllegalArgumentException when it is outside {@code [-ndim, ndim)}
   */
  public static int normalize(int axis, int ndim) {
    if (axis < -ndim || axis >= ndim) {
      throw new IllegalArgumentException(
          "axis " + axis + " is out of bounds for a tensor of rank " + ndim);
    }
    return axis < 0 ? axis + ndim : axis;
  }

  /** How many axes. */
  public int size() {
    return axes.length;
  }

  /** The {@code i}-th smallest axis. */
  public int get(int i) {
    return axes[i];
  }

  /** Whether {@code axis} (non-negative) is in the set. */
  public boolean contains(int axis) {
    return Arrays.binarySearch(axes, axis) >= 0;
  }

  /** The axes, ascending. Not modified: a copy. */
  public int[] toArray() {
    return axes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Axes a && Arrays.equals(a.axes, axes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(axes);
  }

  /** {@code (0, 2)}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < axes.length; i++) {
      sb.append(i > 0 ? ", " : "").append(axes[i]);
    }
    return sb.append(')').toString();
  }
}
