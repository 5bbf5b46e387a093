package dev.hypatia.jvm.runtime;

import dev.hypatia.symbolic.NDArray;

/** What every generated class implements: one call of a compiled graph. */
public interface Program {
  /**
   * Computes the graph's outputs. Not modified: inputs.
   *
   * @param inputs one checked value per graph input
   * @param frame this call's constants, nodes and allocation counters
   * @return one value per graph output (possibly sharing storage with an input; the caller
   *     detaches)
   */
  NDArray[] run(NDArray[] inputs, Frame frame);
}
