package dev.hypatia.symbolic;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** Walks over graphs of variables and nodes. Nothing here modifies a graph. */
public final class Graphs {
  private Graphs() {}

  /**
   * The nodes that compute {@code outputs}, each after the nodes computing its inputs, in a
   * deterministic order (depth first, inputs left to right).
   */
  public static List<Apply> toposort(List<Variable> outputs) {
    return toposort(outputs, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  /**
   * As {@link #toposort(List)}, stopping at the variables in {@code stops}: their owners and the
   * nodes before them are not included.
   */
  public static List<Apply> toposort(List<Variable> outputs, Set<Variable> stops) {
    List<Apply> order = new ArrayList<>();
    Set<Apply> done = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<Apply> open = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Object[]> stack = new ArrayDeque<>();
    for (Variable out : outputs) {
      push(out, stops, done, open, stack);
      while (!stack.isEmpty()) {
        Object[] frame = stack.peek();
        Apply node = (Apply) frame[0];
        int next = (Integer) frame[1];
        if (next < node.inputs().size()) {
          frame[1] = next + 1;
          push(node.input(next), stops, done, open, stack);
        } else {
          stack.pop();
          open.remove(node);
          done.add(node);
          order.add(node);
        }
      }
    }
    return order;
  }

  private static void push(
      Variable v, Set<Variable> stops, Set<Apply> done, Set<Apply> open, Deque<Object[]> stack) {
    Apply owner = v.owner();
    if (owner == null || stops.contains(v) || done.contains(owner)) {
      return;
    }
    if (!open.add(owner)) {
      throw new IllegalStateException("the graph has a cycle through " + owner);
    }
    stack.push(new Object[] {owner, 0});
  }

  /** The variables without an owner (inputs and constants) that {@code outputs} depend on. */
  public static List<Variable> inputs(List<Variable> outputs) {
    List<Variable> result = new ArrayList<>();
    Set<Variable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Variable o : outputs) {
      if (o.owner() == null && seen.add(o)) {
        result.add(o);
      }
    }
    for (Apply node : toposort(outputs)) {
      for (Variable in : node.inputs()) {
        if (in.owner() == null && seen.add(in)) {
          result.add(in);
        }
      }
    }
    return result;
  }
}
