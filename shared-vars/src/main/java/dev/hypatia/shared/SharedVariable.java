package dev.hypatia.shared;

import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.Interpreter;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;

/**
 * A variable with a value that lives between calls, as Theano's {@code theano.shared}: used in
 * expressions like any variable, an implicit input of every function that uses it, and the target
 * of updates. Its type is fixed when it is made (the value's dtype and shape unless a type is
 * given), and {@link #set} checks new values against it. Safe to read and set from several threads:
 * the value is swapped atomically. A {@link #set} that lands while a {@link Function} call updating
 * this variable is running is overwritten when that call commits (the call computed its update from
 * the value it read): set values between calls.
 */
public final class SharedVariable extends Variable {
  private volatile NDArray value;
  private volatile Variable defaultUpdate;

  private SharedVariable(TensorType type, String name, NDArray value) {
    super(type, name);
    this.value = value;
  }

  /**
   * A shared variable holding a copy of {@code value} (an NDArray or a Java value such as {@code
   * double[][]}), typed by the value's dtype and exact shape.
   *
   * @throws HypatiaException when the value cannot be converted to an array
   */
  public static SharedVariable shared(Object value, String name) {
    NDArray v = toArray(value, name);
    return new SharedVariable(TensorType.of(v.dtype(), v.shape()), name, v.copy());
  }

  /**
   * A shared variable of {@code type} (for example with unknown dimensions, so that later values
   * may change shape) holding a copy of {@code value}.
   *
   * @throws HypatiaException when the value does not fit the type
   */
  public static SharedVariable shared(Object value, String name, TensorType type) {
    SharedVariable s = new SharedVariable(type, name, null);
    s.value = Interpreter.checkInput(s, value).copy();
    return s;
  }

  private static NDArray toArray(Object value, String name) {
    try {
      return NDArray.from(value);
    } catch (IllegalArgumentException e) {
      throw new HypatiaException("shared variable " + name + ": " + e.getMessage(), e);
    }
  }

  /** A copy of the current value. */
  public NDArray get() {
    return value.copy();
  }

  /**
   * The current value; with {@code borrow} the stored array itself (no copy: do not modify it, and
   * it may be replaced, not changed, by later updates).
   */
  public NDArray get(boolean borrow) {
    return borrow ? value : value.copy();
  }

  /**
   * Replaces the value by a copy of {@code newValue}. Not modified: newValue.
   *
   * @throws HypatiaException naming this variable, the expected type and the actual dtype and shape
   *     when the value does not fit; the old value is kept
   */
  public void set(Object newValue) {
    set(newValue, false);
  }

  /**
   * Replaces the value by {@code newValue}, copied unless {@code borrow} (then the caller must not
   * modify the array afterwards).
   *
   * @throws HypatiaException when the value does not fit (the old value is kept)
   */
  public void set(Object newValue, boolean borrow) {
    NDArray v = Interpreter.checkInput(this, newValue);
    value = borrow && v == newValue ? v : v.copy();
  }

  /**
   * The update a function that reads this variable applies when it is given no explicit update for
   * it (as Theano's {@code default_update}), or null for none; random streams set it to the next
   * generator state.
   */
  public Variable defaultUpdate() {
    return defaultUpdate;
  }

  void setDefaultUpdate(Variable update) {
    defaultUpdate = update;
  }
}
