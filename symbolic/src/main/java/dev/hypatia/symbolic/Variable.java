package dev.hypatia.symbolic;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A symbolic tensor: what users hold and compose. It has a {@link TensorType}, an optional name,
 * the {@link Apply} node that computes it (none for inputs and constants) and the place in user
 * code where it was created, which error messages quote.
 *
 * <p>Variables compare by identity. The fluent methods ({@code x.add(y).exp().sum()}) build new
 * nodes and never modify existing ones.
 */
public non-sealed class Variable extends TensorMethods {
  private final TensorType type;
  private String name;
  private final Apply owner;
  private final int index;
  private SourceLocation location;

  /** A graph input of the given type and name (null for none). */
  public Variable(TensorType type, String name) {
    this(type, name, null, 0);
  }

  Variable(TensorType type, String name, Apply owner, int index) {
    this.type = Objects.requireNonNull(type, "type");
    this.name = name;
    this.owner = owner;
    this.index = index;
    this.location = SourceLocation.ofCaller();
  }

  public TensorType type() {
    return type;
  }

  public DType dtype() {
    return type.dtype();
  }

  public int ndim() {
    return type.ndim();
  }

  /** The name, or null. */
  public String name() {
    return name;
  }

  /** Names this variable (as Theano's {@code x.name = ...}); returns this. Modified: this. */
  public Variable named(String newName) {
    this.name = newName;
    return this;
  }

  /** The node computing this variable, or null for graph inputs and constants. */
  public Apply owner() {
    return owner;
  }

  /** Which output of its owner this variable is (0 when it has no owner). */
  public int index() {
    return index;
  }

  /** Where user code created this variable. */
  public SourceLocation location() {
    return location;
  }

  void copyMetadataFrom(Variable other) {
    this.name = other.name;
    this.location = other.location;
  }

  /** Whether this variable is a {@link Constant}. */
  public boolean isConstant() {
    return false;
  }

  /**
   * A one-line description for error messages: {@code x: float64[?,3] (created at Demo.java:12)},
   * naming the op that computed it when it has no name.
   */
  public String describe() {
    return label() + ": " + type + " (created at " + location + ")";
  }

  /** The name, or for an unnamed variable the op that computes it, or {@code <input>}. */
  public String label() {
    if (name != null) {
      return name;
    }
    return owner == null ? "<input>" : "<" + owner.op().name() + " output>";
  }

  /**
   * Evaluates this expression eagerly through the reference interpreter.
   *
   * @param bindings a value for every input the expression depends on: an {@link NDArray} or a Java
   *     value that {@link NDArray#from(Object)} converts
   */
  public NDArray eval(Map<Variable, ?> bindings) {
    return Interpreter.evaluate(List.of(this), bindings).get(0);
  }

  /** Evaluates an expression that depends on no input. */
  public NDArray eval() {
    return eval(Map.of());
  }

  @Override
  public String toString() {
    return name != null ? name : label();
  }
}
