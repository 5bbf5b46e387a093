package dev.hypatia.symbolic;

/** numpy's arithmetic of slices and reshapes, shared by {@link NDArray} and the ops. */
public final class SliceMath {
  private SliceMath() {}

  /**
   * Resolves {@code start:stop:step} over an axis of length {@code n} as numpy's {@code
   * slice.indices} does: returns {@code {first, count}}, the first index taken and how many. Null
   * bounds take numpy's defaults for the sign of {@code step}; out-of-range bounds clip.
   *
   * @throws IllegalArgumentException when step is 0
   */
  public static int[] resolve(Integer start, Integer stop, int step, int n) {
    if (step == 0) {
      throw new IllegalArgumentException("slice step cannot be zero");
    }
    int lo;
    int hi;
    if (step > 0) {
      lo = start == null ? 0 : clip(start < 0 ? start + n : start, 0, n);
      hi = stop == null ? n : clip(stop < 0 ? stop + n : stop, 0, n);
      int count = hi > lo ? (int) (((long) hi - lo + step - 1) / step) : 0;
      return new int[] {lo, count};
    }
    lo = start == null ? n - 1 : clip(start < 0 ? start + n : start, -1, n - 1);
    hi = stop == null ? -1 : clip(stop < 0 ? stop + n : stop, -1, n - 1);
    int count = lo > hi ? (int) (((long) lo - hi - step - 1) / -(long) step) : 0;
    return new int[] {lo, count};
  }

  private static int clip(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  /**
   * The concrete shape of a reshape of {@code shape} to {@code target}, where one entry of target
   * may be -1 (inferred).
   *
   * @throws IllegalArgumentException when sizes differ or more than one entry is -1
   */
  public static int[] resolveReshape(int[] shape, int[] target) {
    int size = NDArray.sizeOf(shape);
    int unknown = -1;
    long known = 1;
    for (int i = 0; i < target.length; i++) {
      if (target[i] == -1) {
        if (unknown >= 0) {
          throw new IllegalArgumentException("reshape: can only infer one dimension (-1)");
        }
        unknown = i;
      } else if (target[i] < 0) {
        throw new IllegalArgumentException(
            "reshape: negative dimension " + target[i] + " in " + TensorType.shapeString(target));
      } else {
        known *= target[i];
      }
    }
    int[] out = target.clone();
    if (unknown >= 0) {
      if (known == 0 || size % known != 0) {
        throw reshapeError(shape, target);
      }
      out[unknown] = (int) (size / known);
    } else if (known != size) {
      throw reshapeError(shape, target);
    }
    return out;
  }

  private static IllegalArgumentException reshapeError(int[] shape, int[] target) {
    return new IllegalArgumentException(
        "cannot reshape an array of shape "
            + TensorType.shapeString(shape)
            + " ("
            + NDArray.sizeOf(shape)
            + " elements) into shape "
            + TensorType.shapeString(target).replace("?", "-1"));
  }
}
