package dev.hypatia.shared;

import dev.hypatia.jvm.JvmLinker;
import dev.hypatia.optimize.Optimizer;
import dev.hypatia.optimize.RewriteLog;
import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Executable;
import dev.hypatia.symbolic.FunctionGraph;
import dev.hypatia.symbolic.Graphs;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link FunctionBuilder#build()} does: substitute the givens, check inputs and updates, find
 * the shared variables read (implicit inputs after the explicit ones), build a {@link
 * FunctionGraph} of (inputs + shared) to (outputs + update expressions), rewrite and link it.
 */
final class FunctionCompiler {
  private static final System.Logger LOG = System.getLogger(Function.class.getName());

  private FunctionCompiler() {}

  static Function compile(FunctionBuilder b) {
    String label = b.name() == null ? "function" : "function " + b.name();
    List<Variable> inputs = b.inputList();
    checkInputs(label, inputs);
    Map<SharedVariable, Variable> updates = b.updateMap();
    addDefaultUpdates(b.outputList(), updates);
    List<Variable> roots = new ArrayList<>(b.outputList());
    roots.addAll(updates.values());
    roots = substitute(roots, b.givenMap());
    List<SharedVariable> targets = new ArrayList<>(updates.keySet());
    int nOut = b.outputList().size();
    for (int i = 0; i < targets.size(); i++) {
      checkUpdate(label, targets.get(i), roots.get(nOut + i));
    }
    List<SharedVariable> shared = leaves(label, inputs, roots, b.unusedInput());
    List<Variable> all = new ArrayList<>(inputs);
    all.addAll(shared);
    FunctionGraph graph = FunctionGraph.copyOf(all, roots);
    RewriteLog log = Optimizer.optimize(graph, b.mode());
    Executable exe =
        switch (b.backend()) {
          case INTERPRETER -> new InterpretedGraph(graph);
          case ASM -> JvmLinker.asm().withMode(b.mode()).link(graph);
          case JANINO -> JvmLinker.janino().withMode(b.mode()).link(graph);
        };
    return new Function(b, inputs, shared, targets, graph, log, exe);
  }

  /**
   * Adds the {@link SharedVariable#defaultUpdate} of each shared variable the outputs or updates
   * read that has no explicit update, until the added updates read no new such variable.
   */
  private static void addDefaultUpdates(
      List<Variable> outputs, Map<SharedVariable, Variable> updates) {
    boolean added = true;
    while (added) {
      added = false;
      List<Variable> roots = new ArrayList<>(outputs);
      roots.addAll(updates.values());
      for (Variable leaf : Graphs.inputs(roots)) {
        if (leaf instanceof SharedVariable s
            && s.defaultUpdate() != null
            && !updates.containsKey(s)) {
          updates.put(s, s.defaultUpdate());
          added = true;
        }
      }
    }
  }

  private static void checkInputs(String label, List<Variable> inputs) {
    Set<Variable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Variable in : inputs) {
      if (in instanceof SharedVariable) {
        throw new HypatiaException(
            label
                + ": shared variable "
                + in.label()
                + " cannot be an explicit input: its value is passed implicitly");
      }
      if (in.owner() != null || in.isConstant()) {
        throw new HypatiaException(
            label
                + ": input must be a free variable (not computed, not constant): "
                + in.describe());
      }
      if (!seen.add(in)) {
        throw new HypatiaException(label + ": input " + in.label() + " is listed twice");
      }
    }
  }

  /**
   * The graphs of {@code roots} with each key of {@code givens} replaced by its value: nodes that
   * depend on a key are cloned, the others kept. Not modified: the roots' graph.
   */
  static List<Variable> substitute(List<Variable> roots, Map<Variable, Variable> givens) {
    if (givens.isEmpty()) {
      return roots;
    }
    Map<Variable, Variable> memo = new IdentityHashMap<>();
    for (Map.Entry<Variable, Variable> e : givens.entrySet()) {
      checkGiven(e.getKey(), e.getValue());
      memo.put(e.getKey(), e.getValue());
    }
    Set<Variable> stops = Collections.newSetFromMap(new IdentityHashMap<>());
    stops.addAll(givens.keySet());
    for (Apply node : Graphs.toposort(roots, stops)) {
      List<Variable> ins = new ArrayList<>(node.inputs().size());
      boolean changed = false;
      for (Variable v : node.inputs()) {
        Variable r = memo.getOrDefault(v, v);
        changed |= r != v;
        ins.add(r);
      }
      if (changed) {
        Apply copy = node.cloneWithInputs(ins);
        for (int i = 0; i < node.outputs().size(); i++) {
          memo.put(node.output(i), copy.output(i));
        }
      }
    }
    List<Variable> result = new ArrayList<>(roots.size());
    for (Variable r : roots) {
      result.add(memo.getOrDefault(r, r));
    }
    return result;
  }

  private static void checkGiven(Variable v, Variable replacement) {
    if (!compatible(v.type(), replacement.type())) {
      throw new HypatiaException(
          "givens: "
              + v.describe()
              + " cannot be replaced by "
              + replacement.describe()
              + ": the dtype, rank or a known dimension differs");
    }
  }

  /** Same dtype and rank, and no dimension known in both that differs. */
  static boolean compatible(TensorType a, TensorType b) {
    boolean ok = a.dtype() == b.dtype() && a.ndim() == b.ndim();
    for (int i = 0; ok && i < a.ndim(); i++) {
      ok = !a.isKnown(i) || !b.isKnown(i) || a.dim(i) == b.dim(i);
    }
    return ok;
  }

  private static void checkUpdate(String label, SharedVariable target, Variable expression) {
    if (!compatible(target.type(), expression.type())) {
      throw new HypatiaException(
          label
              + ": the update of shared variable "
              + target.label()
              + " must have type "
              + target.type()
              + " but "
              + expression.describe()
              + " has type "
              + expression.type()
              + (target.dtype() != expression.dtype()
                  ? " (cast it with astype(" + target.dtype() + "))"
                  : ""));
    }
  }

  /**
   * The shared variables the roots read, in order of first use, after checking that every other
   * free variable is an explicit input and applying the unused-input policy.
   */
  private static List<SharedVariable> leaves(
      String label, List<Variable> inputs, List<Variable> roots, UnusedInput policy) {
    Set<Variable> explicit = Collections.newSetFromMap(new IdentityHashMap<>());
    explicit.addAll(inputs);
    Set<Variable> used = Collections.newSetFromMap(new IdentityHashMap<>());
    List<SharedVariable> shared = new ArrayList<>();
    for (Variable leaf : Graphs.inputs(roots)) {
      used.add(leaf);
      if (leaf instanceof SharedVariable s) {
        shared.add(s);
      } else if (!leaf.isConstant() && !explicit.contains(leaf)) {
        throw new HypatiaException(
            label
                + ": the outputs or updates depend on "
                + leaf.describe()
                + ", which is neither an input nor a shared variable (add it to the inputs, or"
                + " replace it with givens)");
      }
    }
    for (Variable in : inputs) {
      if (!used.contains(in)) {
        unused(label, in, policy);
      }
    }
    return shared;
  }

  private static void unused(String label, Variable in, UnusedInput policy) {
    String msg =
        label
            + ": input "
            + in.describe()
            + " is not used by any output or update (onUnusedInput(WARN or IGNORE) allows it)";
    switch (policy) {
      case RAISE -> throw new HypatiaException(msg);
      case WARN -> LOG.log(System.Logger.Level.WARNING, msg);
      case IGNORE -> {}
    }
  }
}
