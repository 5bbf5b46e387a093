package dev.hypatia.optimize.passes;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Broadcast;
import dev.hypatia.symbolic.FunctionGraph;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Elemwise;
import dev.hypatia.symbolic.scalar.Composite;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A set of elementwise nodes of a graph that may become one node: grown greedily from a seed
 * through producer and consumer edges, one node at a time, keeping only additions after which the
 * set is still fusable:
 *
 * <ul>
 *   <li>bounded: at most {@link #MAX_INPUTS} distinct inputs and {@link #MAX_INSTRUCTIONS} scalar
 *       instructions;
 *   <li>convex: no path leaves the set through another node and comes back, so replacing it by one
 *       node makes no cycle;
 *   <li>shape-exact: every output of the set (a variable used outside it) has the static type of
 *       the broadcast of all the set's inputs, and on each axis of unknown length, every input it
 *       does not depend on has length 1 there (or lacks the axis), so that the fused loop has that
 *       output's shape at run time too. An intermediate result of a smaller shape that is used
 *       outside keeps its node outside instead.
 * </ul>
 *
 * Not thread-safe; reads the graph, never modifies it.
 */
final class FusionGroup {
  /** The most distinct inputs a fused node takes. */
  static final int MAX_INPUTS = 32;

  /** The most scalar instructions a fused node's program holds. */
  static final int MAX_INSTRUCTIONS = 64;

  private final FunctionGraph graph;
  private final Map<Apply, Integer> order;
  private final Set<Apply> members = Collections.newSetFromMap(new IdentityHashMap<>());

  private FusionGroup(FunctionGraph graph, Map<Apply, Integer> order) {
    this.graph = graph;
    this.order = order;
  }

  /** Whether {@code node} may join a group: an elementwise node of the graph with inputs. */
  static boolean fusable(FunctionGraph graph, Apply node) {
    return node != null
        && node.op() instanceof Elemwise
        && !node.inputs().isEmpty()
        && graph.contains(node);
  }

  /**
   * The largest group grown from {@code seed}, its nodes in topological order.
   *
   * @param order the position of each node of the graph in a topological order
   */
  static List<Apply> grow(FunctionGraph graph, Map<Apply, Integer> order, Apply seed) {
    FusionGroup g = new FusionGroup(graph, order);
    g.members.add(seed);
    boolean added = true;
    while (added) {
      added = false;
      for (Apply c : g.candidates()) {
        g.members.add(c);
        if (g.fits()) {
          added = true;
        } else {
          g.members.remove(c);
        }
      }
    }
    return g.sorted();
  }

  private List<Apply> sorted() {
    List<Apply> list = new ArrayList<>(members);
    list.sort(Comparator.comparingInt(order::get));
    return list;
  }

  /** The fusable producers and consumers of the members, nearest the seed's end first. */
  private List<Apply> candidates() {
    Set<Apply> found = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Apply m : members) {
      for (Variable in : m.inputs()) {
        found.add(in.owner());
      }
      for (Variable out : m.outputs()) {
        for (FunctionGraph.Client c : graph.clients(out)) {
          found.add(c.node());
        }
      }
    }
    List<Apply> list = new ArrayList<>();
    for (Apply n : found) {
      if (fusable(graph, n) && !members.contains(n) && order.containsKey(n)) {
        list.add(n);
      }
    }
    list.sort(Comparator.comparingInt((Apply n) -> order.get(n)).reversed());
    return list;
  }

  private boolean fits() {
    List<Apply> sorted = sorted();
    List<Variable> inputs = inputs(sorted);
    if (inputs.size() > MAX_INPUTS || instructionCount(sorted) > MAX_INSTRUCTIONS) {
      return false;
    }
    return convex() && shapeExact(inputs, outputs(graph, sorted));
  }

  /** The scalar instructions the members hold (a composite node counts its program). */
  static int instructionCount(Iterable<Apply> nodes) {
    int n = 0;
    for (Apply a : nodes) {
      n += ((Elemwise) a.op()).scalar() instanceof Composite c ? c.instructions().size() : 1;
    }
    return n;
  }

  /**
   * The distinct variables the nodes read that none of them computes, in order of first use.
   *
   * @param nodes in topological order
   */
  static List<Variable> inputs(List<Apply> nodes) {
    Set<Apply> in = identitySet(nodes);
    Set<Variable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Variable> list = new ArrayList<>();
    for (Apply a : nodes) {
      for (Variable v : a.inputs()) {
        if (!in.contains(v.owner()) && seen.add(v)) {
          list.add(v);
        }
      }
    }
    return list;
  }

  /**
   * The nodes' outputs used outside them (by another node or as a graph output), in order.
   *
   * @param nodes in topological order
   */
  static List<Variable> outputs(FunctionGraph graph, List<Apply> nodes) {
    Set<Apply> in = identitySet(nodes);
    List<Variable> list = new ArrayList<>();
    for (Apply a : nodes) {
      for (Variable out : a.outputs()) {
        for (FunctionGraph.Client c : graph.clients(out)) {
          if (c.isOutput() || !in.contains(c.node())) {
            list.add(out);
            break;
          }
        }
      }
    }
    return list;
  }

  private static Set<Apply> identitySet(List<Apply> nodes) {
    Set<Apply> set = Collections.newSetFromMap(new IdentityHashMap<>());
    set.addAll(nodes);
    return set;
  }

  /**
   * Whether no path leaves the members through another node and reaches them again. Only nodes
   * before the last member in topological order can lie on such a path.
   */
  private boolean convex() {
    int last = members.stream().mapToInt(order::get).max().orElse(0);
    Deque<Apply> stack = new ArrayDeque<>();
    for (Apply m : members) {
      pushOutsideClients(m, stack);
    }
    Set<Apply> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    while (!stack.isEmpty()) {
      Apply n = stack.pop();
      if (members.contains(n)) {
        return false;
      }
      if (seen.add(n) && order.getOrDefault(n, Integer.MAX_VALUE) < last) {
        for (Variable out : n.outputs()) {
          for (FunctionGraph.Client c : graph.clients(out)) {
            if (!c.isOutput()) {
              stack.push(c.node());
            }
          }
        }
      }
    }
    return true;
  }

  private void pushOutsideClients(Apply m, Deque<Apply> stack) {
    for (Variable out : m.outputs()) {
      for (FunctionGraph.Client c : graph.clients(out)) {
        if (!c.isOutput() && !members.contains(c.node())) {
          stack.push(c.node());
        }
      }
    }
  }

  private boolean shapeExact(List<Variable> inputs, List<Variable> outputs) {
    int[] shape;
    try {
      shape = Broadcast.staticShape("fusion", inputs);
    } catch (HypatiaException e) {
      return false;
    }
    for (Variable o : outputs) {
      if (!Arrays.equals(o.type().shape(), shape)) {
        return false;
      }
      if (Arrays.stream(shape).anyMatch(d -> d == TensorType.UNKNOWN)
          && !unknownAxesCovered(o, inputs, shape)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the inputs {@code o} does not depend on have length 1 on its unknown axes. */
  private boolean unknownAxesCovered(Variable o, List<Variable> inputs, int[] shape) {
    Set<Variable> reads = Collections.newSetFromMap(new IdentityHashMap<>());
    collectInputs(o, reads, Collections.newSetFromMap(new IdentityHashMap<>()));
    for (Variable in : inputs) {
      if (reads.contains(in)) {
        continue;
      }
      for (int k = 0; k < shape.length; k++) {
        int j = k - (shape.length - in.ndim());
        if (shape[k] == TensorType.UNKNOWN && j >= 0 && in.type().dim(j) != 1) {
          return false;
        }
      }
    }
    return true;
  }

  private void collectInputs(Variable v, Set<Variable> reads, Set<Apply> visited) {
    Apply owner = v.owner();
    if (owner == null || !members.contains(owner)) {
      reads.add(v);
    } else if (visited.add(owner)) {
      for (Variable in : owner.inputs()) {
        collectInputs(in, reads, visited);
      }
    }
  }
}
