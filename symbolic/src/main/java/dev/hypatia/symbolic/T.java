package dev.hypatia.symbolic;

/**
 * The tensor factory, as Theano's {@code theano.tensor}: symbolic inputs by dtype and rank ({@code
 * T.dmatrix("x")}), constants, and conversion of Java values.
 *
 * <p>Prefixes follow Theano: {@code d} float64, {@code f} float32, {@code l} int64, {@code i}
 * int32, {@code b} int8. Every dimension of these inputs is unknown; {@link #tensor} takes a static
 * shape.
 */
public final class T {
  private static final int U = TensorType.UNKNOWN;

  private T() {}

  /** A symbolic input of {@code dtype} and static {@code shape} (UNKNOWN, -1, where unknown). */
  public static Variable tensor(DType dtype, String name, int... shape) {
    return new Variable(TensorType.of(dtype, shape), name);
  }

  /** A symbolic input of type {@code type}. */
  public static Variable tensor(TensorType type, String name) {
    return new Variable(type, name);
  }

  private static Variable ofRank(DType d, int rank, String name) {
    return new Variable(TensorType.ofRank(d, rank), name);
  }

  /** A float64 scalar input. */
  public static Variable dscalar(String name) {
    return ofRank(DType.FLOAT64, 0, name);
  }

  /** A float64 vector input. */
  public static Variable dvector(String name) {
    return ofRank(DType.FLOAT64, 1, name);
  }

  /** A float64 row (shape {@code [1,?]}, broadcastable over rows). */
  public static Variable drow(String name) {
    return tensor(DType.FLOAT64, name, 1, U);
  }

  /** A float64 column (shape {@code [?,1]}, broadcastable over columns). */
  public static Variable dcol(String name) {
    return tensor(DType.FLOAT64, name, U, 1);
  }

  /** A float64 matrix input. */
  public static Variable dmatrix(String name) {
    return ofRank(DType.FLOAT64, 2, name);
  }

  /** A float64 rank-3 input. */
  public static Variable dtensor3(String name) {
    return ofRank(DType.FLOAT64, 3, name);
  }

  /** A float64 rank-4 input. */
  public static Variable dtensor4(String name) {
    return ofRank(DType.FLOAT64, 4, name);
  }

  /** A float32 scalar input. */
  public static Variable fscalar(String name) {
    return ofRank(DType.FLOAT32, 0, name);
  }

  /** A float32 vector input. */
  public static Variable fvector(String name) {
    return ofRank(DType.FLOAT32, 1, name);
  }

  /** A float32 matrix input. */
  public static Variable fmatrix(String name) {
    return ofRank(DType.FLOAT32, 2, name);
  }

  /** A float32 rank-3 input. */
  public static Variable ftensor3(String name) {
    return ofRank(DType.FLOAT32, 3, name);
  }

  /** A float32 rank-4 input. */
  public static Variable ftensor4(String name) {
    return ofRank(DType.FLOAT32, 4, name);
  }

  /** An int32 scalar input. */
  public static Variable iscalar(String name) {
    return ofRank(DType.INT32, 0, name);
  }

  /** An int32 vector input. */
  public static Variable ivector(String name) {
    return ofRank(DType.INT32, 1, name);
  }

  /** An int32 matrix input. */
  public static Variable imatrix(String name) {
    return ofRank(DType.INT32, 2, name);
  }

  /** An int64 scalar input. */
  public static Variable lscalar(String name) {
    return ofRank(DType.INT64, 0, name);
  }

  /** An int64 vector input. */
  public static Variable lvector(String name) {
    return ofRank(DType.INT64, 1, name);
  }

  /** An int64 matrix input. */
  public static Variable lmatrix(String name) {
    return ofRank(DType.INT64, 2, name);
  }

  /** An int8 vector input. */
  public static Variable bvector(String name) {
    return ofRank(DType.INT8, 1, name);
  }

  /** A bool vector input. */
  public static Variable boolvector(String name) {
    return ofRank(DType.BOOL, 1, name);
  }

  /** A bool matrix input. */
  public static Variable boolmatrix(String name) {
    return ofRank(DType.BOOL, 2, name);
  }

  /**
   * A constant holding {@code value}: an {@link NDArray} (copied) or a Java value converted by
   * {@link NDArray#from(Object)} (a {@code double} is a float64 scalar, an {@code int} an int32
   * scalar, a {@code double[][]} a float64 matrix, ...).
   */
  public static Constant constant(Object value) {
    return new Constant(NDArray.from(value), null);
  }

  /** A named constant. */
  public static Constant constant(Object value, String name) {
    return new Constant(NDArray.from(value), name);
  }

  /**
   * {@code value} as a variable: a {@link Variable} is returned as it is, anything else becomes a
   * {@link #constant}.
   */
  public static Variable asVariable(Object value) {
    return value instanceof Variable v ? v : constant(value);
  }

  /**
   * {@code value} as an operand beside {@code other}, with numpy 2's weak scalars (NEP 50): a Java
   * {@code double}, {@code float}, {@code int} or {@code long} takes {@code other}'s dtype when its
   * kind fits ({@code x.mul(2)} keeps a float32 {@code x} float32), and the default dtype of its
   * own kind otherwise (float64 for a double beside an integer tensor, int64 for an integer beside
   * a bool one). Anything else is {@link #asVariable}.
   */
  public static Variable asOperand(Object value, Variable other) {
    if (value instanceof Variable v) {
      return v;
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      DType t = other.dtype().isFloat() ? other.dtype() : DType.FLOAT64;
      return new Constant(NDArray.scalar(t, d), null);
    }
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte) {
      long l = ((Number) value).longValue();
      DType t = other.dtype().isBool() ? DType.INT64 : other.dtype();
      return new Constant(NDArray.scalarLong(t, l), null);
    }
    if (value instanceof Boolean b) {
      return new Constant(NDArray.scalarLong(other.dtype(), b ? 1 : 0), null);
    }
    return constant(value);
  }
}
