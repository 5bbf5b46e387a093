package dev.hypatia.symbolic;

import java.util.List;

/**
 * An operation of the graph: an immutable value (equal ops compare equal, so that equal nodes
 * merge) that checks its inputs and infers output types in {@link #makeNode}, and computes its
 * outputs from input values in {@link #perform}, the reference semantics every code generator is
 * tested against.
 *
 * <p>Ops hold no gradient, no rewrites and no generated code: those live in tables of the modules
 * that own each concern.
 */
public interface Op {
  /**
   * Checks the inputs' types and builds a node applying this op to them.
   *
   * @throws HypatiaException when the inputs' types or static shapes are not accepted; the message
   *     names the op and every input with its type and creation site
   */
  Apply makeNode(List<Variable> inputs);

  /**
   * Computes the outputs from the input values. Inputs are not modified; outputs are new arrays or
   * views of inputs (never shared with a caller's output otherwise).
   *
   * @param node the node being evaluated (its output types give the output dtypes)
   * @param inputs one value per input of {@code node}, already checked against the types
   * @return one value per output of {@code node}
   */
  List<NDArray> perform(Apply node, List<NDArray> inputs);

  /** The op's name in printed graphs, such as {@code exp} or {@code sum{axes=(0)}}. */
  String name();

  /** Convenience for {@link #makeNode(List)} with varargs. */
  default Apply makeNode(Variable... inputs) {
    return makeNode(List.of(inputs));
  }

  /** Builds the node and returns its only output. */
  default Variable apply(Variable... inputs) {
    Apply node = makeNode(List.of(inputs));
    if (node.outputs().size() != 1) {
      throw new IllegalStateException(name() + " has " + node.outputs().size() + " outputs");
    }
    return node.output(0);
  }
}
