package dev.hypatia.shared;

import dev.hypatia.jvm.JvmLinker;
import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.ArrayCompare;
import dev.hypatia.symbolic.Constant;
import dev.hypatia.symbolic.Executable;
import dev.hypatia.symbolic.FunctionGraph;
import dev.hypatia.symbolic.Graphs;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.Interpreter;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Variable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks of {@link FunctionBuilder#debug(boolean)} and {@link
 * FunctionBuilder#nanGuard(boolean)}: run on a call's results before its updates are committed, so
 * a failing check leaves every shared variable untouched. Reads the compiled graph only, so calls
 * may check concurrently.
 */
final class DebugChecks {
  private final String label;
  private final FunctionGraph graph;
  private final List<SharedVariable> targets;
  private final int nOut;
  private final boolean debug;
  private final boolean nanGuard;
  private final List<Variable> writtenInputs;
  private final List<Variable> writtenRoots;
  private final List<Variable> nodeValues;
  private final Executable probe;

  private DebugChecks(
      FunctionBuilder b,
      String label,
      FunctionGraph graph,
      List<SharedVariable> shared,
      List<SharedVariable> targets) {
    this.label = label;
    this.graph = graph;
    this.targets = List.copyOf(targets);
    this.nOut = graph.outputs().size() - targets.size();
    this.debug = b.debugOn();
    this.nanGuard = b.nanGuardOn();
    List<Variable> ins = new ArrayList<>(b.inputList());
    ins.addAll(shared);
    this.writtenInputs = List.copyOf(ins);
    List<Variable> roots = new ArrayList<>(b.outputList());
    for (SharedVariable t : targets) {
      roots.add(b.updateMap().get(t));
    }
    this.writtenRoots = List.copyOf(FunctionCompiler.substitute(roots, b.givenMap()));
    List<Variable> values = new ArrayList<>();
    for (Apply node : graph.toposort()) {
      values.addAll(node.outputs());
    }
    this.nodeValues = List.copyOf(values);
    this.probe = debug ? probe(b.backend(), graph, values) : null;
  }

  /**
   * The compiled graph again with every node's value as an output (nothing rewritten, so the same
   * kernels run), so that DEBUG can compare each intermediate with the interpreter; null for the
   * interpreter backend, whose intermediates are the interpreter's.
   */
  private static Executable probe(Backend backend, FunctionGraph graph, List<Variable> values) {
    if (backend == Backend.INTERPRETER || values.isEmpty()) {
      return null;
    }
    FunctionGraph all = FunctionGraph.copyOf(graph.inputs(), values);
    JvmLinker linker = backend == Backend.JANINO ? JvmLinker.janino() : JvmLinker.asm();
    return linker.link(all);
  }

  /**
   * The checks the builder asks for, or null when none.
   *
   * @param graph the compiled graph: inputs then {@code shared}, outputs then the updates of {@code
   *     targets}
   */
  static DebugChecks of(
      FunctionBuilder b,
      String label,
      FunctionGraph graph,
      List<SharedVariable> shared,
      List<SharedVariable> targets) {
    if (!b.debugOn() && !b.nanGuardOn()) {
      return null;
    }
    return new DebugChecks(b, label, graph, shared, targets);
  }

  /**
   * Checks one call: {@code args} the graph's input values (explicit then shared), {@code results}
   * what the backend computed (outputs then update values).
   *
   * @throws HypatiaException on the first failing check
   */
  void check(List<Object> args, List<NDArray> results) {
    if (debug) {
      Map<Variable, NDArray> reference;
      try {
        reference = replay(args);
      } catch (NonFinite e) {
        throw new HypatiaException(label + ": DEBUG check failed: " + e.getMessage(), e);
      }
      if (probe != null) {
        checkNodes(reference, probe.run(args));
      }
      for (int i = 0; i < results.size(); i++) {
        compare(i, results.get(i), reference.get(graph.outputs().get(i)));
      }
    }
    if (nanGuard) {
      for (int i = 0; i < results.size(); i++) {
        int bad = firstNonFinite(results.get(i));
        if (bad >= 0) {
          throw nanGuardTrip(i, results.get(i), bad, args);
        }
      }
    }
  }

  private HypatiaException nanGuardTrip(int i, NDArray value, int index, List<Object> args) {
    String msg =
        label
            + ": NaN guard: "
            + resultName(i)
            + " contains "
            + value.flatDouble(index)
            + " at flat index "
            + index;
    try {
      replay(args);
      msg += "\n  no node produced NaN or Inf from finite inputs in the interpreter's replay";
    } catch (NonFinite e) {
      msg += "\n  first node producing it: " + e.getMessage();
    } catch (HypatiaException e) {
      msg += "\n  the interpreter's replay failed: " + e.getMessage();
    }
    return new HypatiaException(msg);
  }

  /** "output 0 (cost)" or "the update of shared variable w". */
  private String resultName(int i) {
    if (i < nOut) {
      return "output " + i + " (" + graph.outputs().get(i).label() + ")";
    }
    return "the update of shared variable " + targets.get(i - nOut).label();
  }

  /**
   * Every variable's value in the compiled graph, computed node by node by the interpreter in
   * topological order.
   *
   * @throws NonFinite at the first node with a NaN or Inf output whose inputs have none (the
   *     message is that node's description, without the function's label): the node of the graph as
   *     written when the written graph also has one (rewrites fuse nodes and lose the user's
   *     lines), else the compiled node, saying a rewrite introduced it
   */
  private Map<Variable, NDArray> replay(List<Object> args) {
    try {
      return replay(graph.inputs(), graph.outputs(), args);
    } catch (NonFinite compiled) {
      try {
        replay(writtenInputs, writtenRoots, args);
      } catch (NonFinite written) {
        throw new NonFinite(
            written.getMessage() + "\n  (in the compiled graph: " + compiledOp(compiled) + ")");
      }
      throw new NonFinite(
          compiled.getMessage()
              + "\n  the graph as written has no such node: a rewrite introduced the NaN or Inf");
    }
  }

  /** The first line of a replay failure up to the op name's end. */
  private static String compiledOp(NonFinite e) {
    String m = e.getMessage();
    int end = m.indexOf(": output ");
    return end < 0 ? m : m.substring(0, end);
  }

  private static Map<Variable, NDArray> replay(
      List<Variable> inputs, List<Variable> outputs, List<Object> args) {
    Map<Variable, NDArray> values = new IdentityHashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      values.put(inputs.get(i), (NDArray) args.get(i));
    }
    for (Variable leaf : Graphs.inputs(outputs)) {
      if (leaf instanceof Constant c) {
        values.put(c, c.valueView());
      }
    }
    for (Apply node : Graphs.toposort(outputs)) {
      List<NDArray> ins = new ArrayList<>(node.inputs().size());
      boolean finiteIns = true;
      for (Variable v : node.inputs()) {
        NDArray a = values.get(v);
        ins.add(a);
        finiteIns &= firstNonFinite(a) < 0;
      }
      List<NDArray> outs = Interpreter.perform(node, ins);
      for (int k = 0; k < outs.size(); k++) {
        int bad = finiteIns ? firstNonFinite(outs.get(k)) : -1;
        if (bad >= 0) {
          String problem =
              "output "
                  + k
                  + " has "
                  + outs.get(k).flatDouble(bad)
                  + " at flat index "
                  + bad
                  + " although no input has NaN or Inf";
          throw new NonFinite(describe(node, ins, problem));
        }
        values.put(node.output(k), outs.get(k));
      }
    }
    return values;
  }

  /**
   * Compares every node's value computed by the backend ({@code computed}, in toposort order of
   * node outputs) with the interpreter's replay, and throws naming the first node that differs.
   */
  void checkNodes(Map<Variable, NDArray> reference, List<NDArray> computed) {
    for (int i = 0; i < nodeValues.size(); i++) {
      Variable v = nodeValues.get(i);
      NDArray want = reference.get(v);
      NDArray got = computed.get(i);
      boolean sameType = got.dtype() == want.dtype() && Arrays.equals(got.shape(), want.shape());
      int bad = sameType ? firstDifference(got, want) : 0;
      if (!sameType || bad >= 0) {
        String what =
            sameType
                ? "differs from the interpreter's at flat index "
                    + bad
                    + ": "
                    + element(got, bad)
                    + " vs "
                    + element(want, bad)
                : "is "
                    + got.dtype()
                    + got.shapeString()
                    + " but the interpreter's is "
                    + want.dtype()
                    + want.shapeString();
        throw new HypatiaException(
            label
                + ": DEBUG check failed: node "
                + v.owner().op().name()
                + " output "
                + v.owner().outputs().indexOf(v)
                + " "
                + what
                + "\n  node created at "
                + v.location());
      }
    }
  }

  /** The replay of {@code args} through the compiled graph (for tests). */
  Map<Variable, NDArray> reference(List<Object> args) {
    return replay(args);
  }

  /** The node values compared, in order (for tests). */
  List<Variable> nodeValues() {
    return nodeValues;
  }

  /** The interpreter's description of {@code node}: op, problem, inputs' shapes, creation line. */
  private static String describe(Apply node, List<NDArray> ins, String problem) {
    return Interpreter.failure(node, ins, new IllegalArgumentException(problem)).getMessage();
  }

  /** Throws when the backend's result {@code i} differs from the interpreter's. */
  private void compare(int i, NDArray got, NDArray want) {
    String problem = null;
    if (got.dtype() != want.dtype() || !Arrays.equals(got.shape(), want.shape())) {
      problem = "is " + got.dtype() + got.shapeString() + " but the interpreter's is ";
      problem += want.dtype() + want.shapeString();
    } else {
      int bad = firstDifference(got, want);
      if (bad >= 0) {
        problem =
            "differs from the interpreter's at flat index "
                + bad
                + ": "
                + element(got, bad)
                + " vs "
                + element(want, bad);
      }
    }
    if (problem == null) {
      return;
    }
    Variable v = graph.outputs().get(i);
    String msg = label + ": DEBUG check failed: " + resultName(i) + " " + problem;
    if (v.owner() != null) {
      msg += "\n  computed by node " + v.owner().op().name() + " created at " + v.location();
    }
    throw new HypatiaException(msg);
  }

  private static String element(NDArray a, int i) {
    return a.dtype().isFloat() ? String.valueOf(a.flatDouble(i)) : String.valueOf(a.flatLong(i));
  }

  /** The first flat index where the arrays differ beyond the dtype's tolerance, or -1. */
  static int firstDifference(NDArray got, NDArray want) {
    int n = got.size();
    if (!got.dtype().isFloat()) {
      for (int j = 0; j < n; j++) {
        if (got.flatLong(j) != want.flatLong(j)) {
          return j;
        }
      }
      return -1;
    }
    double tol = got.dtype().itemSize() >= 8 ? 1e-9 : 1e-5;
    for (int j = 0; j < n; j++) {
      if (!ArrayCompare.close(got.flatDouble(j), want.flatDouble(j), tol, tol)) {
        return j;
      }
    }
    return -1;
  }

  /** The first flat index holding NaN or an infinity, or -1 (always -1 for integer dtypes). */
  static int firstNonFinite(NDArray a) {
    if (!a.dtype().isFloat()) {
      return -1;
    }
    int n = a.size();
    for (int j = 0; j < n; j++) {
      if (!Double.isFinite(a.flatDouble(j))) {
        return j;
      }
    }
    return -1;
  }

  /** A replay found a node producing NaN or Inf from finite inputs; the message describes it. */
  private static final class NonFinite extends HypatiaException {
    private static final long serialVersionUID = 1L;

    NonFinite(String message) {
      super(message);
    }
  }
}
