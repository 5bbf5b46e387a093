package dev.hypatia.shared;

import dev.hypatia.symbolic.Variable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link FunctionBuilder} was given when it built a {@link Function} (the mode, backend and
 * name live on the function itself): what {@link FunctionFiles} saves.
 *
 * @param inputs the explicit inputs
 * @param outputs the outputs
 * @param updates the explicit updates, in the order given
 * @param givens the substitutions, in the order given
 * @param unusedInput the unused-input policy
 * @param debug whether DEBUG checks were on
 * @param nanGuard whether the NaN guard was on
 * @param profile whether profiling was on
 * @param defaults each input's default value, null where it has none
 * @param downcast whether input downcasting was allowed
 */
record FunctionSpec(
    List<Variable> inputs,
    List<Variable> outputs,
    Map<SharedVariable, Variable> updates,
    Map<Variable, Variable> givens,
    UnusedInput unusedInput,
    boolean debug,
    boolean nanGuard,
    boolean profile,
    List<Object> defaults,
    boolean downcast) {
  /** Copies the lists and maps (keeping the maps' order). */
  FunctionSpec {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    updates = new LinkedHashMap<>(updates);
    givens = new LinkedHashMap<>(givens);
    defaults = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(defaults));
  }

  /** What {@code b} holds now. */
  static FunctionSpec of(FunctionBuilder b) {
    return new FunctionSpec(
        b.inputList(),
        b.outputList(),
        b.updateMap(),
        b.givenMap(),
        b.unusedInput(),
        b.debugOn(),
        b.nanGuardOn(),
        b.profileOn(),
        b.inputDefaults(),
        b.inputDowncastOn());
  }
}
