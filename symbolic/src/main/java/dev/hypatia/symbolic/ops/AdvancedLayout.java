package dev.hypatia.symbolic.ops;

import dev.hypatia.symbolic.Broadcast;
import dev.hypatia.symbolic.NDArray;
import java.util.List;

/**
 * The run-time layout of an integer-array index on consecutive axes {@code axis..axis+k-1} of a
 * tensor: the broadcast index shape B, the resolved indices, and the views that walk the region one
 * index tuple at a time. The region has shape {@code x.shape[:axis] + B + x.shape[axis+k:]}; the
 * "transposed" region puts B first.
 */
final class AdvancedLayout {
  private final int axis;
  private final int k;
  private final int[] xShape;
  private final int[] bShape;
  private final int[][] indices;
  private final int count;

  /**
   * Resolves {@code indexArrays} against {@code x}.
   *
   * @throws IllegalArgumentException when the index arrays do not broadcast together or an index is
   *     out of range
   */
  AdvancedLayout(NDArray x, int axis, List<NDArray> indexArrays) {
    this.axis = axis;
    this.k = indexArrays.size();
    this.xShape = x.shape();
    int[][] shapes = new int[k][];
    for (int j = 0; j < k; j++) {
      shapes[j] = indexArrays.get(j).shape();
    }
    try {
      this.bShape = Broadcast.shape(shapes);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("index arrays: " + e.getMessage(), e);
    }
    this.count = NDArray.sizeOf(bShape);
    this.indices = new int[k][];
    for (int j = 0; j < k; j++) {
      long[] raw = indexArrays.get(j).broadcastTo(bShape).toLongArray();
      int n = xShape[axis + j];
      indices[j] = new int[count];
      for (int b = 0; b < count; b++) {
        indices[j][b] = IndexMath.normalize(raw[b], axis + j, n);
      }
    }
  }

  /** {@code xs[:axis] + b + xs[axis+k:]}. */
  static int[] join(int[] xs, int axis, int k, int[] b) {
    int[] out = new int[xs.length - k + b.length];
    System.arraycopy(xs, 0, out, 0, axis);
    System.arraycopy(b, 0, out, axis, b.length);
    System.arraycopy(xs, axis + k, out, axis + b.length, xs.length - axis - k);
    return out;
  }

  /** How many index tuples (the size of B). */
  int count() {
    return count;
  }

  /** The region's shape, numpy's order. */
  int[] regionShape() {
    return join(xShape, axis, k, bShape);
  }

  /** The region's shape with B first. */
  int[] transposedShape() {
    return concat(bShape, rest());
  }

  /** {@code [count] + rest}: the transposed region with B flattened. */
  int[] blocked() {
    return concat(new int[] {count}, rest());
  }

  private int[] rest() {
    return join(xShape, axis, k, new int[0]);
  }

  /** The sub-block of {@code t} (shaped like x) selected by index tuple {@code b}. A view. */
  NDArray select(NDArray t, int b) {
    int nd = xShape.length;
    int[] perm = new int[nd];
    for (int i = 0; i < nd; i++) {
      perm[i] = i < k ? axis + i : i < k + axis ? i - k : i;
    }
    NDArray v = t.transpose(perm);
    for (int j = 0; j < k; j++) {
      v = v.index(0, indices[j][b]);
    }
    return v;
  }

  /** {@code region} (numpy order) with B first and flattened: {@link #blocked()}'s shape. */
  NDArray blockedRegion(NDArray region) {
    int nd = region.ndim();
    int nb = bShape.length;
    int[] perm = new int[nd];
    for (int t = 0; t < nd; t++) {
      perm[t] = t < nb ? axis + t : t < nb + axis ? t - nb : t;
    }
    return region.transpose(perm).reshape(blocked());
  }

  /** The permutation taking the transposed region (B first) back to numpy's order. */
  int[] inversePermutation() {
    int nb = bShape.length;
    int nd = xShape.length - k + nb;
    int[] perm = new int[nd];
    for (int i = 0; i < nd; i++) {
      perm[i] = i < axis ? nb + i : i < axis + nb ? i - axis : i;
    }
    return perm;
  }

  private static int[] concat(int[] a, int[] b) {
    int[] out = new int[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
