package dev.hypatia.shared;

import dev.hypatia.jvm.CompiledGraph;
import dev.hypatia.optimize.Mode;
import dev.hypatia.optimize.RewriteLog;
import dev.hypatia.symbolic.Executable;
import dev.hypatia.symbolic.FunctionGraph;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.Interpreter;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.print.DebugPrint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A compiled callable, as Theano's {@code theano.function}: values of its inputs in, values of its
 * outputs out, and shared variables updated after each call. Made by {@link #builder()}.
 *
 * <p><b>Atomicity.</b> The outputs and the new values of every updated shared variable are computed
 * together from the shared values before the call; the updates are committed only after the whole
 * call succeeded. A call that fails (a bad input, an op failing at run time) throws and leaves
 * every shared variable as it was.
 *
 * <p><b>Threads.</b> Calls may come from several threads at once. A call of a function with updates
 * holds a lock on each shared variable it reads or updates from reading their values until its
 * updates are committed; the locks are taken in one global order, so calls never deadlock. Calls
 * (of this or any other function) that update a shared variable are therefore serialised, in the
 * order they obtain the locks (not necessarily the order they started): each sees the committed
 * updates of those before it, so no update is lost. Calls of functions without updates take no
 * lock: they read each shared value once, atomically, and run concurrently with everything (such a
 * call may see some of another call's updates committed and others not yet).
 */
public final class Function {
  private final String name;
  private final Mode mode;
  private final Backend backend;
  private final List<Variable> inputs;
  private final List<Variable> outputs;
  private final List<SharedVariable> shared;
  private final List<SharedVariable> targets;
  private final FunctionGraph graph;
  private final RewriteLog rewriteLog;
  private final Executable executable;
  private final List<SharedLocks.OrderedLock> locks;
  private final DebugChecks checks;
  private final ProfileTable profiler;
  private final InputBinder binder;
  private final FunctionSpec spec;

  Function(
      FunctionBuilder b,
      List<Variable> inputs,
      List<SharedVariable> shared,
      List<SharedVariable> targets,
      FunctionGraph graph,
      RewriteLog rewriteLog,
      Executable executable) {
    this.name = b.name();
    this.mode = b.mode();
    this.backend = b.backend();
    this.inputs = List.copyOf(inputs);
    this.outputs = b.outputList();
    this.shared = List.copyOf(shared);
    this.targets = List.copyOf(targets);
    this.graph = graph;
    this.rewriteLog = rewriteLog;
    this.executable = executable;
    Set<SharedVariable> lockSet = new LinkedHashSet<>(targets);
    lockSet.addAll(shared);
    this.locks = targets.isEmpty() ? List.of() : SharedLocks.of(lockSet);
    this.checks = DebugChecks.of(b, this.toString(), graph, this.shared, targets);
    this.profiler = b.profileOn() ? new ProfileTable(this.toString(), backend, graph) : null;
    this.binder =
        new InputBinder(this.toString(), this.inputs, b.inputDefaults(), b.inputDowncastOn());
    this.spec = FunctionSpec.of(b);
  }

  /** A new builder: no inputs or outputs, FAST_RUN, ASM, unused inputs raise. */
  public static FunctionBuilder builder() {
    return new FunctionBuilder();
  }

  /** {@link #call(List)} with varargs. */
  public List<NDArray> call(Object... values) {
    return call(Arrays.asList(values));
  }

  /**
   * Computes the outputs from {@code values} (one per explicit input, in order; trailing inputs
   * with a default value may be left out) and the shared variables' current values, then commits
   * every update together. Not modified: values.
   *
   * @param values NDArrays of each input's dtype, or Java values ({@code double}, {@code
   *     double[][]}, {@code int[]}, ...) converted without loss of precision (any numeric value is
   *     cast to the input's dtype with {@link FunctionBuilder#allowInputDowncast(boolean)})
   * @return one new array per output (not the updates), owned by the caller
   * @throws HypatiaException for a wrong count of values (listing the inputs' names), a value of
   *     the wrong dtype or shape (naming the input, the expected and the actual type), or an op
   *     failing at run time (naming the node); shared variables are then left untouched
   */
  public List<NDArray> call(List<?> values) {
    return call(values, Map.of());
  }

  /** {@link #call(List, Map)} with every value given by name: {@code f.call(Map.of("x", 1.0))}. */
  public List<NDArray> call(Map<String, ?> named) {
    return call(List.of(), named);
  }

  /**
   * As Theano's {@code f(*positional, **named)}: {@code positional} gives the first inputs in
   * order, {@code named} any other input by its variable's {@link Variable#name() name}, and each
   * input left out takes its default value ({@link FunctionBuilder#input(Variable, Object)}); then
   * as {@link #call(List)}. Not modified: the arguments.
   *
   * @throws HypatiaException as {@link #call(List)}, and for a name no input has (listing the
   *     names), a name several inputs share, an input given both by position and by name, or a
   *     required input without a value (naming it); shared variables are then left untouched
   */
  public List<NDArray> call(List<?> positional, Map<String, ?> named) {
    List<Object> args = binder.bind(positional, named);
    if (locks.isEmpty()) {
      return runWithShared(args);
    }
    SharedLocks.lockAll(locks);
    try {
      List<NDArray> results = runWithShared(args);
      commit(results);
      return new ArrayList<>(results.subList(0, outputs.size()));
    } finally {
      SharedLocks.unlockAll(locks);
    }
  }

  /** Appends the shared values to {@code args} and runs: outputs then update values. */
  private List<NDArray> runWithShared(List<Object> args) {
    for (SharedVariable s : shared) {
      args.add(s.get(true));
    }
    List<NDArray> results =
        profiler == null ? executable.run(args) : profiler.run(executable, args);
    if (checks != null) {
      checks.check(args, results);
    }
    return results;
  }

  /**
   * Checks every update value against its shared variable, then sets them all: nothing is set
   * unless every value fits.
   */
  private void commit(List<NDArray> results) {
    int nOut = outputs.size();
    Set<Object> returned = Collections.newSetFromMap(new IdentityHashMap<>());
    for (int i = 0; i < nOut; i++) {
      returned.add(results.get(i).data());
    }
    List<NDArray> values = new ArrayList<>(targets.size());
    for (int j = 0; j < targets.size(); j++) {
      SharedVariable t = targets.get(j);
      NDArray v;
      try {
        v = Interpreter.checkInput(t, results.get(nOut + j));
      } catch (HypatiaException e) {
        throw new HypatiaException(
            this
                + ": the update of shared variable "
                + t.label()
                + " does not fit: "
                + e.getMessage(),
            e);
      }
      values.add(returned.add(v.data()) ? v : v.copy());
    }
    for (int j = 0; j < targets.size(); j++) {
      targets.get(j).set(values.get(j), true);
    }
  }

  /** The explicit inputs, in the order {@link #call} takes their values. */
  public List<Variable> inputs() {
    return inputs;
  }

  /** The outputs, in the order {@link #call} returns their values. */
  public List<Variable> outputs() {
    return outputs;
  }

  /** The shared variables the function reads: implicit inputs, after the explicit ones. */
  public List<SharedVariable> sharedInputs() {
    return shared;
  }

  /** The shared variables each call updates. */
  public List<SharedVariable> updated() {
    return targets;
  }

  /** The name given to the builder, or null. */
  public String name() {
    return name;
  }

  /** The rewrite mode it was compiled with. */
  public Mode mode() {
    return mode;
  }

  /** The backend that runs it. */
  public Backend backend() {
    return backend;
  }

  /**
   * The generated Java source of the compiled program (for {@link Backend#ASM} the equivalent
   * Janino source); for {@link Backend#INTERPRETER} a one-line note that there is none.
   */
  public String source() {
    if (executable instanceof CompiledGraph cg) {
      return cg.source();
    }
    return "// " + this + " runs on the INTERPRETER backend: no generated source\n";
  }

  /** The compiled (rewritten) graph: inputs then shared variables, outputs then updates. */
  FunctionGraph graph() {
    return graph;
  }

  /** What the builder was given (saved by {@link FunctionFiles}). */
  FunctionSpec spec() {
    return spec;
  }

  /** The rewrites that fired while compiling, with the graph before and after. */
  public RewriteLog rewriteLog() {
    return rewriteLog;
  }

  /**
   * The compiled (rewritten) graph as indented trees: the outputs first, then the update
   * expressions in the order {@link #updated()} lists their shared variables.
   */
  public String debugprint() {
    return DebugPrint.debugprint(graph);
  }

  /**
   * The profile of every call so far, built with {@link FunctionBuilder#profile(boolean)}: per node
   * (in run order) its op, calls, total milliseconds, share of the time and bytes allocated, and
   * the totals.
   *
   * @throws HypatiaException when the function was built without profiling
   */
  public String profileReport() {
    if (profiler == null) {
      throw new HypatiaException(
          this + " was built without profile(true): there is no profile to report");
    }
    return profiler.report();
  }

  @Override
  public String toString() {
    return name == null ? "function" : "function " + name;
  }
}
