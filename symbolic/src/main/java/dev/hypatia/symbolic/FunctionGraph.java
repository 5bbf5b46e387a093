package dev.hypatia.symbolic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mutable container a compilation rewrites: its own copy of the nodes between some inputs and
 * outputs, the clients of every variable, and {@link #replace} with type checks. Listeners hear of
 * every change, so that a rewrite log can record them.
 *
 * <p>Built with {@link #copyOf}, it clones the user's graph first: the graph a user holds is never
 * mutated.
 */
public final class FunctionGraph {
  /**
   * A use of a variable: input {@code index} of {@code node}, or, when {@code node} is null, output
   * {@code index} of the graph.
   */
  public record Client(Apply node, int index) {
    /** Whether this use is a graph output. */
    public boolean isOutput() {
      return node == null;
    }
  }

  /** Hears of changes to a graph. Every method does nothing by default. */
  public interface Listener {
    /** A node entered the graph. */
    default void onImport(FunctionGraph graph, Apply node, String reason) {}

    /** A node left the graph because nothing used it any more. */
    default void onPrune(FunctionGraph graph, Apply node, String reason) {}

    /** Input {@code index} of {@code node} (an output when node is null) was replaced. */
    default void onChangeInput(
        FunctionGraph graph,
        Apply node,
        int index,
        Variable old,
        Variable replacement,
        String reason) {}
  }

  private final List<Variable> inputs;
  private final List<Variable> outputs;
  private final Set<Apply> nodes = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<Variable, List<Client>> clients = new IdentityHashMap<>();
  private final List<Listener> listeners = new ArrayList<>();
  private final Map<Variable, Variable> memo;

  private FunctionGraph(
      List<Variable> inputs, List<Variable> outputs, Map<Variable, Variable> memo) {
    this.inputs = new ArrayList<>(inputs);
    this.outputs = new ArrayList<>(outputs);
    this.memo = memo;
    for (Variable in : inputs) {
      clients.put(in, new ArrayList<>());
    }
    for (Apply node : Graphs.toposort(outputs)) {
      importNode(node, "init");
    }
    for (int i = 0; i < this.outputs.size(); i++) {
      clientsOf(this.outputs.get(i)).add(new Client(null, i));
    }
  }

  /**
   * A graph over a clone of the nodes between {@code inputs} and {@code outputs}; the originals are
   * not modified. Constants are shared, not cloned.
   *
   * @throws HypatiaException when an output depends on an input variable not listed
   */
  public static FunctionGraph copyOf(List<Variable> inputs, List<Variable> outputs) {
    Map<Variable, Variable> memo = new IdentityHashMap<>();
    List<Variable> newInputs = new ArrayList<>();
    for (Variable in : inputs) {
      if (in.owner() != null || in.isConstant()) {
        throw new HypatiaException("graph input must be a free variable: " + in.describe());
      }
      Variable c = new Variable(in.type(), in.name());
      c.copyMetadataFrom(in);
      memo.put(in, c);
      newInputs.add(c);
    }
    Set<Variable> given = Collections.newSetFromMap(new IdentityHashMap<>());
    given.addAll(inputs);
    for (Variable leaf : Graphs.inputs(outputs)) {
      if (leaf.isConstant()) {
        memo.put(leaf, leaf);
      } else if (!given.contains(leaf)) {
        throw new HypatiaException(
            "the outputs depend on " + leaf.describe() + ", which is not among the inputs");
      }
    }
    for (Apply node : Graphs.toposort(outputs)) {
      List<Variable> ins = new ArrayList<>();
      for (Variable v : node.inputs()) {
        ins.add(memo.get(v));
      }
      Apply copy = node.cloneWithInputs(ins);
      for (int i = 0; i < node.outputs().size(); i++) {
        memo.put(node.output(i), copy.output(i));
      }
    }
    List<Variable> newOutputs = new ArrayList<>();
    for (Variable o : outputs) {
      newOutputs.add(memo.get(o));
    }
    return new FunctionGraph(newInputs, newOutputs, memo);
  }

  /** A clone of this graph in its current state; {@link #cloneOf} maps this graph's variables. */
  public FunctionGraph copy() {
    return copyOf(inputs, outputs);
  }

  /** The variable of this graph that stands for {@code original} of the graph copied. */
  public Variable cloneOf(Variable original) {
    Variable v = memo.get(original);
    if (v == null) {
      throw new IllegalArgumentException(original.describe() + " is not part of this graph");
    }
    return v;
  }

  /** The inputs. Not modifiable. */
  public List<Variable> inputs() {
    return Collections.unmodifiableList(inputs);
  }

  /** The outputs. Not modifiable. */
  public List<Variable> outputs() {
    return Collections.unmodifiableList(outputs);
  }

  /** The nodes, in topological order. */
  public List<Apply> toposort() {
    return Graphs.toposort(outputs);
  }

  /** How many nodes the graph has. */
  public int nodeCount() {
    return nodes.size();
  }

  /** Whether {@code node} belongs to the graph. */
  public boolean contains(Apply node) {
    return nodes.contains(node);
  }

  /** The uses of {@code v} in this graph. Not modifiable. */
  public List<Client> clients(Variable v) {
    List<Client> c = clients.get(v);
    return c == null ? List.of() : Collections.unmodifiableList(c);
  }

  public void addListener(Listener l) {
    listeners.add(l);
  }

  public void removeListener(Listener l) {
    listeners.remove(l);
  }

  /**
   * Replaces every use of {@code old} by {@code replacement}, importing the nodes that compute the
   * replacement and pruning the nodes no longer used. Modified: this graph.
   *
   * @throws HypatiaException when the types differ in dtype or rank, or known dimensions conflict,
   *     or the replacement depends on a variable outside the graph
   */
  public void replace(Variable old, Variable replacement, String reason) {
    if (old == replacement) {
      return;
    }
    checkCompatible(old, replacement, reason);
    importVariable(replacement, reason);
    for (Client c : new ArrayList<>(clients(old))) {
      if (c.isOutput()) {
        outputs.set(c.index(), replacement);
      } else {
        c.node().setInput(c.index(), replacement);
      }
      clientsOf(old).remove(c);
      clientsOf(replacement).add(c);
      for (Listener l : listeners) {
        l.onChangeInput(this, c.node(), c.index(), old, replacement, reason);
      }
    }
    pruneIfUnused(old, reason);
  }

  private static void checkCompatible(Variable old, Variable rep, String reason) {
    TensorType a = old.type();
    TensorType b = rep.type();
    boolean ok = a.dtype() == b.dtype() && a.ndim() == b.ndim();
    for (int i = 0; ok && i < a.ndim(); i++) {
      ok = a.dim(i) == TensorType.UNKNOWN || b.dim(i) == TensorType.UNKNOWN || a.dim(i) == b.dim(i);
    }
    if (!ok) {
      throw new HypatiaException(
          "replacement ("
              + reason
              + ") changes the type: "
              + old.describe()
              + " replaced by "
              + rep.describe());
    }
  }

  private void importVariable(Variable v, String reason) {
    if (clients.containsKey(v) || v.owner() != null && nodes.contains(v.owner())) {
      return;
    }
    for (Apply node : Graphs.toposort(List.of(v), clients.keySet())) {
      if (!nodes.contains(node)) {
        importNode(node, reason);
      }
    }
    if (v.owner() == null) {
      requireKnownLeaf(v);
    }
  }

  private void importNode(Apply node, String reason) {
    for (Variable in : node.inputs()) {
      if (in.owner() == null && !clients.containsKey(in)) {
        requireKnownLeaf(in);
      }
    }
    nodes.add(node);
    for (int i = 0; i < node.inputs().size(); i++) {
      clientsOf(node.input(i)).add(new Client(node, i));
    }
    for (Variable out : node.outputs()) {
      clientsOf(out);
    }
    for (Listener l : listeners) {
      l.onImport(this, node, reason);
    }
  }

  private void requireKnownLeaf(Variable v) {
    if (v.isConstant()) {
      clientsOf(v);
      return;
    }
    if (!clients.containsKey(v)) {
      throw new HypatiaException(
          "the replacement depends on " + v.describe() + ", which is not in the graph");
    }
  }

  private void pruneIfUnused(Variable v, String reason) {
    Apply node = v.owner();
    if (node == null || !nodes.contains(node)) {
      return;
    }
    for (Variable out : node.outputs()) {
      if (!clients(out).isEmpty()) {
        return;
      }
    }
    nodes.remove(node);
    for (Variable out : node.outputs()) {
      clients.remove(out);
    }
    Set<Variable> ins = new LinkedHashSet<>();
    for (int i = 0; i < node.inputs().size(); i++) {
      Variable in = node.input(i);
      int idx = i;
      clientsOf(in).removeIf(c -> c.node() == node && c.index() == idx);
      ins.add(in);
    }
    for (Listener l : listeners) {
      l.onPrune(this, node, reason);
    }
    for (Variable in : ins) {
      pruneIfUnused(in, reason);
    }
  }

  private List<Client> clientsOf(Variable v) {
    return clients.computeIfAbsent(v, k -> new ArrayList<>());
  }
}
