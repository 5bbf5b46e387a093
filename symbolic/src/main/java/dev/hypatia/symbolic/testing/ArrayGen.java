package dev.hypatia.symbolic.testing;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;

/**
 * A generator of {@link NDArray}s of one dtype, with shapes from a shape generator and elements in
 * a value range, optionally mixed with special values. Immutable: {@link #range} and {@link
 * #withSpecialValues} return new generators.
 *
 * <p>Elements are uniform in the range (integer dtypes: the whole numbers in it; bool: false and
 * true) and shrink toward the value of the range nearest to 0. Special values, when enabled,
 * replace about one element in eight: for float dtypes NaN, +inf, -inf, -0.0, the dtype's smallest
 * positive subnormal and its largest finite value; for integer dtypes the dtype's minimum and
 * maximum; bool has none.
 */
public final class ArrayGen implements Gen<NDArray> {
  private static final double DEFAULT_BOUND = 10;

  private final DType dtype;
  private final Gen<int[]> shapes;
  private final double lo;
  private final double hi;
  private final boolean specials;

  private ArrayGen(DType dtype, Gen<int[]> shapes, double lo, double hi, boolean specials) {
    this.dtype = dtype;
    this.shapes = shapes;
    this.lo = lo;
    this.hi = hi;
    this.specials = specials;
  }

  /**
   * Arrays of {@code dtype} whose shapes {@code shapes} gives, with elements in {@code [-10, 10]}
   * (bool: false or true) and no special value.
   */
  public static ArrayGen arrays(DType dtype, Gen<int[]> shapes) {
    return new ArrayGen(dtype, shapes, -DEFAULT_BOUND, DEFAULT_BOUND, false);
  }

  /**
   * Arrays of {@code dtype} and exactly the shape {@code shape}, as {@link #arrays(DType, Gen)}.
   */
  public static ArrayGen arrays(DType dtype, int... shape) {
    int[] fixed = shape.clone();
    return arrays(dtype, s -> fixed.clone());
  }

  /**
   * This generator with elements in {@code [lo, hi]}; integer dtypes take the whole numbers in it,
   * within the dtype's range; bool ignores it.
   *
   * @throws IllegalArgumentException unless {@code lo <= hi}, both finite, and an integer dtype's
   *     range holds a whole number of it
   */
  public ArrayGen range(double lo, double hi) {
    Values.doubles(lo, hi);
    if (dtype.isInteger() && Math.ceil(lo) > Math.floor(hi)) {
      throw new IllegalArgumentException("no " + dtype + " value lies in [" + lo + ", " + hi + "]");
    }
    return new ArrayGen(dtype, shapes, lo, hi, specials);
  }

  /** This generator with special values mixed in (see the class comment). */
  public ArrayGen withSpecialValues() {
    return new ArrayGen(dtype, shapes, lo, hi, true);
  }

  /** The dtype of the generated arrays. */
  public DType dtype() {
    return dtype;
  }

  @Override
  public NDArray generate(Source source) {
    int[] shape = shapes.generate(source);
    NDArray out = NDArray.zeros(dtype, shape);
    if (dtype.isFloat()) {
      double[] special = specials ? floatSpecials(dtype) : new double[0];
      Gen<Double> values = Gen.doubles(lo, hi);
      for (int i = 0; i < out.size(); i++) {
        boolean pick = special.length > 0 && source.draw(8) == 7;
        out.setFlat(i, pick ? special[source.drawInt(special.length)] : values.generate(source));
      }
    } else {
      long[] special = specials ? integerSpecials(dtype) : new long[0];
      Gen<Long> values = integerValues();
      for (int i = 0; i < out.size(); i++) {
        boolean pick = special.length > 0 && source.draw(8) == 7;
        out.setFlatLong(
            i, pick ? special[source.drawInt(special.length)] : values.generate(source));
      }
    }
    return out;
  }

  private Gen<Long> integerValues() {
    if (dtype.isBool()) {
      return Gen.longs(0, 1);
    }
    long[] limits = integerLimits(dtype);
    long a = (long) Math.max(Math.ceil(lo), limits[0]);
    long b = (long) Math.min(Math.floor(hi), limits[1]);
    return Gen.longs(a, b);
  }

  private static long[] integerLimits(DType dtype) {
    return switch (dtype) {
      case INT8 -> new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE};
      case INT32 -> new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
      default -> new long[] {Long.MIN_VALUE / 2, Long.MAX_VALUE / 2};
    };
  }

  /** The special values of a float dtype, in the order they shrink toward (first is simplest). */
  static double[] floatSpecials(DType dtype) {
    double tiny = dtype == DType.FLOAT32 ? Float.MIN_VALUE : Double.MIN_VALUE;
    double huge = dtype == DType.FLOAT32 ? Float.MAX_VALUE : Double.MAX_VALUE;
    return new double[] {
      Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, tiny, huge
    };
  }

  /** The special values of an integer dtype (none for bool): its minimum and maximum. */
  static long[] integerSpecials(DType dtype) {
    return switch (dtype) {
      case INT64 -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
      case INT32 -> new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
      case INT8 -> new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE};
      default -> new long[0];
    };
  }
}
