package dev.hypatia.symbolic;

/**
 * Conversion of Java values to graph operands: constants, and numpy 2's weak scalars beside a
 * tensor. {@link T} and the op facades share these rules.
 */
public final class Operands {
  private Operands() {}

  /**
   * A constant holding {@code value}: an {@link NDArray} (copied) or a Java value converted by
   * {@link NDArray#from(Object)} (a {@code double} is a float64 scalar, an {@code int} an int32
   * scalar, a {@code double[][]} a float64 matrix, ...).
   */
  public static Constant constant(Object value) {
    return new Constant(NDArray.from(value), null);
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
