package dev.hypatia.symbolic.testing;

import dev.hypatia.symbolic.NDArray;
import java.util.Arrays;
import java.util.Collection;
import java.util.StringJoiner;

/**
 * Text of generated values for failure messages: arrays show their contents, NDArrays their type.
 */
final class Describe {
  private Describe() {}

  /**
   * {@code value} as text: {@code float64[3] [0. 0. 0.]}, {@code [1, 2]}, {@code [[1], [2, 3]]}.
   */
  static String of(Object value) {
    if (value instanceof NDArray a) {
      return a.dtype() + a.shapeString() + " " + a.format();
    }
    if (value instanceof int[] a) {
      return Arrays.toString(a);
    }
    if (value instanceof long[] a) {
      return Arrays.toString(a);
    }
    if (value instanceof double[] a) {
      return Arrays.toString(a);
    }
    if (value instanceof float[] a) {
      return Arrays.toString(a);
    }
    if (value instanceof boolean[] a) {
      return Arrays.toString(a);
    }
    if (value instanceof byte[] a) {
      return Arrays.toString(a);
    }
    if (value instanceof Object[] a) {
      return join(Arrays.asList(a));
    }
    if (value instanceof Collection<?> c) {
      return join(c);
    }
    return String.valueOf(value);
  }

  private static String join(Collection<?> items) {
    StringJoiner j = new StringJoiner(", ", "[", "]");
    for (Object o : items) {
      j.add(of(o));
    }
    return j.toString();
  }
}
