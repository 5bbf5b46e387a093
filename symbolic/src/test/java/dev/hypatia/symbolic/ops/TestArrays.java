package dev.hypatia.symbolic.ops;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Variable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** Seeded random arrays and evaluation shortcuts for the op tests. */
public final class TestArrays {
  private TestArrays() {}

  /** An array of {@code dtype} and {@code shape} with random values in {@code [lo, hi)}. */
  public static NDArray uniform(
      SplittableRandom rnd, DType dtype, double lo, double hi, int... shape) {
    NDArray a = NDArray.zeros(dtype, shape);
    for (int i = 0; i < a.size(); i++) {
      if (dtype.isDiscrete()) {
        a.setFlatLong(
            i,
            dtype.isBool() ? rnd.nextInt(2) : (long) Math.floor(lo + rnd.nextDouble() * (hi - lo)));
      } else {
        a.setFlat(i, lo + rnd.nextDouble() * (hi - lo));
      }
    }
    return a;
  }

  /** A random shape of rank {@code ndim} with lengths in [1, maxLen]. */
  public static int[] shape(SplittableRandom rnd, int ndim, int maxLen) {
    int[] s = new int[ndim];
    for (int i = 0; i < ndim; i++) {
      s[i] = 1 + rnd.nextInt(maxLen);
    }
    return s;
  }

  /** Evaluates {@code out} with alternating variables and values as bindings. */
  public static NDArray eval(Variable out, Object... varsAndValues) {
    Map<Variable, Object> b = new LinkedHashMap<>();
    for (int i = 0; i < varsAndValues.length; i += 2) {
      b.put((Variable) varsAndValues[i], varsAndValues[i + 1]);
    }
    return out.eval(b);
  }

  /** The C-order multi-index of flat position {@code flat} in {@code shape}. */
  public static int[] unravel(int flat, int[] shape) {
    int[] idx = new int[shape.length];
    for (int i = shape.length - 1; i >= 0; i--) {
      idx[i] = flat % shape[i];
      flat /= shape[i];
    }
    return idx;
  }
}
