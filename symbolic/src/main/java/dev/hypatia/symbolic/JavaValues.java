package dev.hypatia.symbolic;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

/** Conversion of plain Java values (boxed scalars, nested primitive arrays) to arrays. */
final class JavaValues {
  private JavaValues() {}

  static NDArray toArray(Object value) {
    if (value instanceof NDArray a) {
      return a;
    }
    if (value instanceof Double d) {
      return NDArray.scalar(d);
    }
    if (value instanceof Float f) {
      return NDArray.wrap(DType.FLOAT32, new float[] {f});
    }
    if (value instanceof Long l) {
      return NDArray.wrap(DType.INT64, new long[] {l});
    }
    if (value instanceof Integer i) {
      return NDArray.wrap(DType.INT32, new int[] {i});
    }
    if (value instanceof Short s) {
      return NDArray.wrap(DType.INT32, new int[] {s});
    }
    if (value instanceof Byte b) {
      return NDArray.wrap(DType.INT8, new byte[] {b});
    }
    if (value instanceof Boolean b) {
      return NDArray.wrap(DType.BOOL, new boolean[] {b});
    }
    if (value == null || !value.getClass().isArray()) {
      throw new IllegalArgumentException(
          "cannot convert "
              + (value == null ? "null" : value.getClass().getSimpleName())
              + " to an NDArray: expected an NDArray, a boxed number or boolean, or a"
              + " rectangular primitive array such as double[] or int[][]");
    }
    List<Integer> shape = new ArrayList<>();
    Class<?> leaf = value.getClass();
    Object probe = value;
    while (leaf.isArray()) {
      int n = Array.getLength(probe);
      shape.add(n);
      leaf = leaf.getComponentType();
      if (leaf.isArray()) {
        if (n == 0) {
          throw new IllegalArgumentException(
              "cannot infer the shape of an empty nested array; use NDArray.zeros");
        }
        probe = Array.get(probe, 0);
      }
    }
    DType dtype = dtypeOf(leaf);
    int[] s = shape.stream().mapToInt(Integer::intValue).toArray();
    Object flat = dtype.allocate(NDArray.sizeOf(s));
    int[] pos = {0};
    copy(value, s, 0, flat, pos, dtype);
    return NDArray.wrap(dtype, flat, s);
  }

  private static DType dtypeOf(Class<?> leaf) {
    if (leaf == double.class) {
      return DType.FLOAT64;
    }
    if (leaf == float.class) {
      return DType.FLOAT32;
    }
    if (leaf == long.class) {
      return DType.INT64;
    }
    if (leaf == int.class) {
      return DType.INT32;
    }
    if (leaf == byte.class) {
      return DType.INT8;
    }
    if (leaf == boolean.class) {
      return DType.BOOL;
    }
    throw new IllegalArgumentException(
        "cannot convert arrays of " + leaf.getSimpleName() + " to an NDArray");
  }

  private static void copy(Object src, int[] shape, int depth, Object flat, int[] pos, DType d) {
    int n = Array.getLength(src);
    if (n != shape[depth]) {
      throw new IllegalArgumentException(
          "ragged nested array: expected length "
              + shape[depth]
              + " at depth "
              + depth
              + ", got "
              + n);
    }
    if (depth == shape.length - 1) {
      System.arraycopy(src, 0, flat, pos[0], n);
      pos[0] += n;
      return;
    }
    for (int i = 0; i < n; i++) {
      copy(Array.get(src, i), shape, depth + 1, flat, pos, d);
    }
  }
}
