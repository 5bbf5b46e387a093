package dev.hypatia.symbolic;

/**
 * A variable with a fixed value. Constants compare by identity like every variable; {@link
 * #sameValue} tells whether two constants hold equal values (merge rewrites use it).
 */
public final class Constant extends Variable {
  private final NDArray value;

  /** A constant holding a private copy of {@code value}. */
  public Constant(NDArray value, String name) {
    super(TensorType.of(value), name);
    this.value = value.copy();
  }

  /** The value. Not modified: a copy, so that the constant stays constant. */
  public NDArray value() {
    return value.copy();
  }

  /** The value itself, without a copy: callers must not modify it. */
  public NDArray valueView() {
    return value;
  }

  @Override
  public boolean isConstant() {
    return true;
  }

  /** Whether {@code other} has the same type and the same elements (NaN equals NaN). */
  public boolean sameValue(Constant other) {
    return type().equals(other.type()) && value.contentEquals(other.value);
  }

  @Override
  public String label() {
    return name() != null ? name() : value.size() == 1 ? value.format() : "<constant>";
  }

  @Override
  public String toString() {
    return label();
  }
}
