package dev.hypatia.grad;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.Variable;
import java.util.List;

/**
 * The identity in the forward pass that blocks gradients, as Theano's {@code zero_grad} and {@code
 * disconnected_grad}: its input's gradient is zero ({@link Kind#ZERO}), or there is none ({@link
 * Kind#DISCONNECTED}, which {@link GradOptions.Disconnected} then reports).
 *
 * @param kind how the gradient is blocked
 */
public record GradBlock(Kind kind) implements Op {
  /** How a {@link GradBlock} blocks the gradient. */
  public enum Kind {
    /** The gradient is zero. */
    ZERO,
    /** No gradient flows: the input counts as disconnected. */
    DISCONNECTED
  }

  @Override
  public String name() {
    return kind == Kind.ZERO ? "zero_grad" : "disconnected_grad";
  }

  @Override
  public Apply makeNode(List<Variable> inputs) {
    if (inputs.size() != 1) {
      throw HypatiaException.forInputs(name(), "expects one input", inputs);
    }
    return new Apply(this, inputs, List.of(inputs.get(0).type()));
  }

  /** Returns the input itself. */
  @Override
  public List<NDArray> perform(Apply node, List<NDArray> inputs) {
    return List.of(inputs.get(0));
  }
}
