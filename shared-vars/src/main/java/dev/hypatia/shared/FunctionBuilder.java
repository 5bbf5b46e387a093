package dev.hypatia.shared;

import dev.hypatia.optimize.Mode;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.Variable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Collects what a {@link Function} computes and how, then compiles it with {@link #build()}, as
 * Theano's {@code theano.function(inputs, outputs, updates=..., givens=..., mode=...)}.
 *
 * <pre>{@code
 * SharedVariable w = SharedVariable.shared(new double[] {0, 0}, "w");
 * Variable x = T.dmatrix("x");
 * Variable y = T.dvector("y");
 * Variable cost = ...;
 * Function train = Function.builder()
 *     .inputs(x, y)
 *     .outputs(cost)
 *     .update(w, w.sub(Grad.grad(cost, w).mul(0.1)))
 *     .build();
 * }</pre>
 *
 * <p>Not thread-safe; each setter returns this builder. The variables given are not modified.
 */
public final class FunctionBuilder {
  private final List<Variable> inputs = new ArrayList<>();
  private final List<Object> defaults = new ArrayList<>();
  private final List<Variable> outputs = new ArrayList<>();
  private final Map<SharedVariable, Variable> updates = new LinkedHashMap<>();
  private final Map<Variable, Variable> givens = new LinkedHashMap<>();
  private Mode mode = Mode.FAST_RUN;
  private Backend backend = Backend.ASM;
  private UnusedInput onUnusedInput = UnusedInput.RAISE;
  private String name;
  private boolean debug;
  private boolean nanGuard;
  private boolean profile;
  private boolean allowInputDowncast;

  FunctionBuilder() {}

  /**
   * The explicit inputs, in the order {@link Function#call} takes their values (replaces any, and
   * their default values); each is required and may also be passed by its variable's name.
   */
  public FunctionBuilder inputs(Variable... inputs) {
    return inputs(Arrays.asList(inputs));
  }

  /** As {@link #inputs(Variable...)}. */
  public FunctionBuilder inputs(List<Variable> inputs) {
    this.inputs.clear();
    this.defaults.clear();
    for (Variable v : inputs) {
      input(v);
    }
    return this;
  }

  /** Appends a required input, after those already given. */
  public FunctionBuilder input(Variable input) {
    this.inputs.add(Objects.requireNonNull(input, "input"));
    this.defaults.add(null);
    return this;
  }

  /**
   * Appends an optional input, as Theano's {@code In(input, value=defaultValue)}: a call that gives
   * it no value, by position or by its variable's name, uses {@code defaultValue} (copied, checked
   * and converted at {@link #build()} as a call's value would be). A call gives values by position
   * to the first inputs only, so a required input after an optional one is then passed by name. Not
   * modified: defaultValue.
   */
  public FunctionBuilder input(Variable input, Object defaultValue) {
    this.inputs.add(Objects.requireNonNull(input, "input"));
    this.defaults.add(Objects.requireNonNull(defaultValue, "defaultValue"));
    return this;
  }

  /** The outputs, in the order {@link Function#call} returns their values (replaces any). */
  public FunctionBuilder outputs(Variable... outputs) {
    return outputs(Arrays.asList(outputs));
  }

  /** As {@link #outputs(Variable...)}. */
  public FunctionBuilder outputs(List<Variable> outputs) {
    this.outputs.clear();
    for (Variable v : outputs) {
      this.outputs.add(Objects.requireNonNull(v, "output"));
    }
    return this;
  }

  /**
   * After each successful call, {@code shared} takes the value {@code expression} had during the
   * call (all updates are computed from the values before the call, and committed together).
   *
   * @throws HypatiaException when {@code shared} already has an update
   */
  public FunctionBuilder update(SharedVariable shared, Variable expression) {
    Objects.requireNonNull(shared, "shared");
    Objects.requireNonNull(expression, "expression");
    if (updates.containsKey(shared)) {
      throw new HypatiaException("shared variable " + shared.label() + " is updated twice");
    }
    updates.put(shared, expression);
    return this;
  }

  /** {@link #update} for each entry, in the map's iteration order. */
  public FunctionBuilder updates(Map<SharedVariable, ? extends Variable> updates) {
    updates.forEach(this::update);
    return this;
  }

  /**
   * Substitutes {@code replacement} for {@code variable} in the outputs and updates before
   * compiling. The replacement must have the same dtype and rank, and no known dimension that
   * conflicts; it is not itself substituted into.
   */
  public FunctionBuilder given(Variable variable, Variable replacement) {
    givens.put(Objects.requireNonNull(variable, "variable"), Objects.requireNonNull(replacement));
    return this;
  }

  /** {@link #given} for each entry. */
  public FunctionBuilder givens(Map<? extends Variable, ? extends Variable> givens) {
    givens.forEach(this::given);
    return this;
  }

  /** The rewrites to run ({@link Mode#FAST_RUN} by default, {@link Mode#FAST_COMPILE}, ...). */
  public FunctionBuilder mode(Mode mode) {
    this.mode = Objects.requireNonNull(mode, "mode");
    return this;
  }

  /** The linker ({@link Backend#ASM} by default). */
  public FunctionBuilder backend(Backend backend) {
    this.backend = Objects.requireNonNull(backend, "backend");
    return this;
  }

  /** What to do with an input nothing depends on ({@link UnusedInput#RAISE} by default). */
  public FunctionBuilder onUnusedInput(UnusedInput policy) {
    this.onUnusedInput = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /** A name for messages and {@link Function#toString()}. */
  public FunctionBuilder name(String name) {
    this.name = name;
    return this;
  }

  /**
   * DEBUG mode, as Theano's DebugMode (off by default): each call also replays the compiled graph
   * node by node in the interpreter, fails on the first node producing NaN or Inf from inputs
   * without any, and compares the backend's outputs and update values with the interpreter's
   * (relative and absolute tolerance 1e-9 for float64, 1e-5 for float32, exact for integers and
   * bools). A failing check throws a {@link HypatiaException} naming the check, the node's op, its
   * inputs' types and actual shapes, and the line that built it; shared variables stay untouched.
   * Calls are several times slower.
   */
  public FunctionBuilder debug(boolean on) {
    this.debug = on;
    return this;
  }

  /**
   * A NaN guard, as Theano's NanGuardMode (off by default): after each call, before the updates are
   * committed, any NaN or Inf in an output or update value throws a {@link HypatiaException} naming
   * that output or update and the first node producing NaN or Inf (found by replaying the call in
   * the interpreter); shared variables stay untouched. Costs one pass over the results per call.
   */
  public FunctionBuilder nanGuard(boolean on) {
    this.nanGuard = on;
    return this;
  }

  /**
   * Profiling (off by default): each call times every node and counts the bytes it allocates,
   * summed over calls; {@link Function#profileReport()} prints the table.
   */
  public FunctionBuilder profile(boolean on) {
    this.profile = on;
    return this;
  }

  /**
   * As Theano's {@code allow_input_downcast} (off by default): when on, a call's value (a Java
   * value or an NDArray) of another dtype than its input's is cast to that dtype as a C cast
   * (float64 to float32, int64 to int32, float to int truncating, ...) instead of being an error;
   * shapes are still checked. When off, only Java values that convert without loss are accepted.
   */
  public FunctionBuilder allowInputDowncast(boolean on) {
    this.allowInputDowncast = on;
    return this;
  }

  /**
   * Substitutes the givens, checks everything, rewrites with the mode and links.
   *
   * @throws HypatiaException for an input that is not a free variable, listed twice, a shared
   *     variable, or (with {@link UnusedInput#RAISE}) unused; an output or update depending on a
   *     variable that is neither an input nor a shared variable; a given or update whose type does
   *     not fit, or a default value that does not fit its input's type; each naming the variables
   *     and types
   */
  public Function build() {
    return FunctionCompiler.compile(this);
  }

  List<Variable> inputList() {
    return List.copyOf(inputs);
  }

  /** One per input: its default value, or null when it is required. */
  List<Object> inputDefaults() {
    return new ArrayList<>(defaults);
  }

  boolean inputDowncastOn() {
    return allowInputDowncast;
  }

  List<Variable> outputList() {
    return List.copyOf(outputs);
  }

  Map<SharedVariable, Variable> updateMap() {
    return new LinkedHashMap<>(updates);
  }

  Map<Variable, Variable> givenMap() {
    return new LinkedHashMap<>(givens);
  }

  Mode mode() {
    return mode;
  }

  Backend backend() {
    return backend;
  }

  UnusedInput unusedInput() {
    return onUnusedInput;
  }

  String name() {
    return name;
  }

  boolean debugOn() {
    return debug;
  }

  boolean nanGuardOn() {
    return nanGuard;
  }

  boolean profileOn() {
    return profile;
  }
}
