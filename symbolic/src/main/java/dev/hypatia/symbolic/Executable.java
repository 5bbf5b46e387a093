package dev.hypatia.symbolic;

import java.util.Arrays;
import java.util.List;

/**
 * A compiled graph: maps values of its inputs to values of its outputs. What a {@link Linker} makes
 * of a {@link FunctionGraph}; every implementation computes what {@link Interpreter} computes.
 */
public interface Executable {
  /** The graph's inputs, in the order {@link #run} takes their values. */
  List<Variable> inputs();

  /** The graph's outputs, in the order {@link #run} returns their values. */
  List<Variable> outputs();

  /**
   * Computes the outputs. Not modified: the inputs.
   *
   * @param values one value per input: an {@link NDArray} of the input's dtype, or a Java value
   *     converted without loss as {@link Interpreter#checkInput} does
   * @return one new array per output, owned by the caller (sharing storage with no input)
   * @throws HypatiaException for a wrong count, dtype or shape (naming the input, the expected and
   *     the actual type) or an op that fails at run time (naming the node)
   */
  List<NDArray> run(List<?> values);

  /** {@link #run(List)} with varargs. */
  default List<NDArray> run(Object... values) {
    return run(Arrays.asList(values));
  }
}
