package dev.hypatia.grad;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Variable;
import java.util.List;

/**
 * The reverse-mode derivative rule of an op: given the gradients of the cost with respect to a
 * node's outputs, the gradients with respect to its inputs, as new graph nodes (never numbers).
 */
@FunctionalInterface
public interface Pullback {
  /**
   * The gradient of the cost with respect to each input of {@code node}.
   *
   * @param node the node being differentiated; not modified
   * @param outputGrads one entry per output: the gradient with respect to it (same rank and shape
   *     as the output), or null when no gradient flows into that output; at least one is non-null
   * @return one entry per input: a gradient of the input's rank and shape (the engine casts it to
   *     the input's dtype), or null when the input is disconnected from the outputs or has no
   *     meaningful derivative (integer indices, shapes)
   */
  List<Variable> apply(Apply node, List<Variable> outputGrads);
}
