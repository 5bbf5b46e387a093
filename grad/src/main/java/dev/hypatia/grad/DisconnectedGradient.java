package dev.hypatia.grad;

import dev.hypatia.symbolic.Variable;

/**
 * The explicit "no gradient" result for a variable the cost does not depend on, returned under
 * {@link GradOptions.ReturnDisconnected#DISCONNECTED}. It has the variable's type but no value:
 * evaluating it is an error.
 */
public final class DisconnectedGradient extends Variable {
  private final Variable of;

  DisconnectedGradient(Variable of) {
    super(of.type(), "disconnected_grad(" + of.label() + ")");
    this.of = of;
  }

  /** The variable whose gradient this stands for. */
  public Variable of() {
    return of;
  }
}
