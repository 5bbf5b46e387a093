package dev.hypatia.symbolic.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Generators of shapes and axes: shapes within rank and dimension bounds, tuples of shapes that
 * broadcast together under numpy's rules, and axis lists for a rank. All shrink toward lower ranks
 * and smaller dimensions.
 */
public final class Shapes {
  private Shapes() {}

  /**
   * Shapes of rank {@code minRank..maxRank} whose dimensions are in {@code minDim..maxDim}; shrinks
   * toward rank {@code minRank} and dimensions {@code minDim}.
   *
   * @throws IllegalArgumentException unless {@code 0 <= minRank <= maxRank} and {@code 0 <= minDim
   *     <= maxDim}
   */
  public static Gen<int[]> shapes(int minRank, int maxRank, int minDim, int maxDim) {
    checkBounds("rank", minRank, maxRank);
    checkBounds("dimension", minDim, maxDim);
    return s -> {
      int[] shape = new int[minRank + s.drawInt(maxRank - minRank + 1)];
      for (int i = 0; i < shape.length; i++) {
        shape[i] = minDim + s.drawInt(maxDim - minDim + 1);
      }
      return shape;
    };
  }

  /** Shapes of exactly rank {@code rank} with dimensions in {@code minDim..maxDim}. */
  public static Gen<int[]> shapes(int rank, int minDim, int maxDim) {
    return shapes(rank, rank, minDim, maxDim);
  }

  /**
   * Tuples of {@code count} shapes that broadcast together (numpy's rules: shapes right-aligned,
   * each dimension equal to the others' or 1). A common shape of rank {@code minRank..maxRank} with
   * dimensions in {@code minDim..maxDim} is drawn; each shape of the tuple keeps a suffix of its
   * dimensions and turns some of them into 1. Shrinks toward the common shape itself, then toward a
   * smaller common shape.
   *
   * @throws IllegalArgumentException when {@code count < 1} or the bounds are invalid
   */
  public static Gen<List<int[]>> broadcastable(
      int count, int minRank, int maxRank, int minDim, int maxDim) {
    if (count < 1) {
      throw new IllegalArgumentException("broadcastable needs count >= 1, not " + count);
    }
    Gen<int[]> common = shapes(minRank, maxRank, minDim, maxDim);
    return s -> {
      int[] target = common.generate(s);
      List<int[]> out = new ArrayList<>(count);
      for (int k = 0; k < count; k++) {
        int[] shape = new int[target.length - s.drawInt(target.length + 1)];
        int skip = target.length - shape.length;
        for (int i = 0; i < shape.length; i++) {
          shape[i] = s.draw(4) == 3 ? 1 : target[skip + i];
        }
        out.add(shape);
      }
      return out;
    };
  }

  /**
   * Lists of {@code minCount..maxCount} distinct axes of a tensor of rank {@code rank}, in any
   * order, each written either non-negative or negative (counting from the end, as numpy allows);
   * no axis appears twice, in either form. Shrinks toward fewer, lower, non-negative axes.
   *
   * @throws IllegalArgumentException unless {@code 0 <= minCount <= maxCount <= rank}
   */
  public static Gen<int[]> axes(int rank, int minCount, int maxCount) {
    checkBounds("axis count", minCount, maxCount);
    if (maxCount > rank) {
      throw new IllegalArgumentException(
          "a tensor of rank " + rank + " has no " + maxCount + " distinct axes");
    }
    return s -> {
      List<Integer> left = new ArrayList<>();
      for (int a = 0; a < rank; a++) {
        left.add(a);
      }
      int[] out = new int[minCount + s.drawInt(maxCount - minCount + 1)];
      for (int i = 0; i < out.length; i++) {
        int axis = left.remove(s.drawInt(left.size()));
        out[i] = s.draw(2) == 1 ? axis - rank : axis;
      }
      return out;
    };
  }

  /** Lists of 0 to {@code rank} distinct axes of a rank-{@code rank} tensor, as {@link #axes}. */
  public static Gen<int[]> axes(int rank) {
    return axes(rank, 0, rank);
  }

  /** Permutations of {@code 0..rank-1} (as a transpose takes); shrinks toward the identity. */
  public static Gen<int[]> permutations(int rank) {
    Gen<int[]> all = axes(rank, rank, rank);
    return all.map(
        p -> {
          for (int i = 0; i < p.length; i++) {
            p[i] = p[i] < 0 ? p[i] + rank : p[i];
          }
          return p;
        });
  }

  private static void checkBounds(String what, int min, int max) {
    if (min < 0 || max < min) {
      throw new IllegalArgumentException(
          what + " bounds need 0 <= min <= max, not " + min + ", " + max);
    }
  }
}
