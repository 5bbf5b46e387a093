package dev.hypatia.grad;

import dev.hypatia.symbolic.Variable;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Theano's options for {@link Grad#grad(Variable, List, GradOptions)}. Immutable: each {@code with}
 * method returns a new value.
 *
 * @param knownGrads gradients already known for some variables (Theano's {@code known_grads}): they
 *     seed the backward pass beside (or instead of) the cost
 * @param considerConstant variables treated as constants: no gradient flows through them
 * @param disconnected what to do when the cost does not depend on a variable asked for
 * @param returnDisconnected what to return for such a variable
 */
public record GradOptions(
    Map<Variable, Variable> knownGrads,
    List<Variable> considerConstant,
    Disconnected disconnected,
    ReturnDisconnected returnDisconnected) {

  /** What to do about a variable the cost does not depend on (Theano's disconnected_inputs). */
  public enum Disconnected {
    /** Throw a {@link dev.hypatia.symbolic.HypatiaException} naming the variable (the default). */
    RAISE,
    /** Log a warning naming the variable. */
    WARN,
    /** Say nothing. */
    IGNORE
  }

  /** What the gradient of a disconnected variable is (Theano's return_disconnected). */
  public enum ReturnDisconnected {
    /** Zeros of the variable's type (the default). */
    ZERO,
    /** A {@link DisconnectedGradient} marker, which {@link Grad#isDisconnected} recognizes. */
    DISCONNECTED
  }

  /** Copies the collections. */
  public GradOptions {
    Map<Variable, Variable> known = new IdentityHashMap<>(knownGrads);
    knownGrads = java.util.Collections.unmodifiableMap(known);
    considerConstant = List.copyOf(considerConstant);
  }

  /** No known gradients, nothing constant, RAISE, ZERO. */
  public static GradOptions defaults() {
    return new GradOptions(Map.of(), List.of(), Disconnected.RAISE, ReturnDisconnected.ZERO);
  }

  /** These options with {@code knownGrads}. */
  public GradOptions withKnownGrads(Map<Variable, Variable> grads) {
    return new GradOptions(grads, considerConstant, disconnected, returnDisconnected);
  }

  /** These options treating {@code variables} as constants. */
  public GradOptions withConsiderConstant(List<Variable> variables) {
    return new GradOptions(knownGrads, variables, disconnected, returnDisconnected);
  }

  /** These options with another policy for disconnected variables. */
  public GradOptions withDisconnected(Disconnected policy) {
    return new GradOptions(knownGrads, considerConstant, policy, returnDisconnected);
  }

  /** These options returning {@code what} for disconnected variables. */
  public GradOptions withReturnDisconnected(ReturnDisconnected what) {
    return new GradOptions(knownGrads, considerConstant, disconnected, what);
  }
}
