package dev.hypatia.jvm.lower;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.FunctionGraph;
import dev.hypatia.symbolic.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which storage each kernel output writes to, from liveness over a schedule. A value's storage is a
 * set of buffers it may alias: graph inputs and constants have their own, never reused; a kernel
 * output has a fresh buffer; a {@code perform} output may alias any input's buffers (ops may return
 * views). A buffer dies after the last step that reads any value aliasing it. A kernel output then
 * reuses (1) an input of its node whose buffer dies there and that no other input aliases, written
 * in place, else (2) a dead buffer of its dtype, else a new buffer. Graph outputs never die, so
 * nothing the caller receives is reused.
 */
public final class MemoryPlan {
  /** Where a kernel output's storage comes from. */
  public record Decision(Variable output, Variable reuses, boolean inPlace) {}

  private final Map<Variable, Decision> decisions = new IdentityHashMap<>();
  private final Map<Variable, Set<Integer>> aliases = new IdentityHashMap<>();
  private final Map<Integer, Boolean> reusable = new HashMap<>();
  private final Map<Integer, Variable> owner = new HashMap<>();
  private final Map<Variable, Integer> lastUse = new IdentityHashMap<>();
  private int buffers;
  private int next;

  private MemoryPlan() {}

  /** The plan for running {@code schedule} (a topological order of graph's nodes). */
  public static MemoryPlan of(FunctionGraph graph, List<Apply> schedule) {
    MemoryPlan p = new MemoryPlan();
    p.liveness(graph, schedule);
    for (Variable in : graph.inputs()) {
      p.fresh(in, false);
    }
    for (int k = 0; k < schedule.size(); k++) {
      p.step(k, schedule.get(k));
    }
    return p;
  }

  private void liveness(FunctionGraph graph, List<Apply> schedule) {
    for (int k = 0; k < schedule.size(); k++) {
      for (Variable in : schedule.get(k).inputs()) {
        lastUse.put(in, k);
      }
    }
    for (Variable out : graph.outputs()) {
      lastUse.put(out, Integer.MAX_VALUE);
    }
  }

  private void fresh(Variable v, boolean canReuse) {
    int id = next++;
    reusable.put(id, canReuse);
    aliases.put(v, new HashSet<>(Set.of(id)));
    if (canReuse) {
      owner.put(id, v);
    }
  }

  private Set<Integer> aliasesOf(Variable v) {
    return aliases.computeIfAbsent(
        v,
        x -> {
          int id = next++; // a constant: its own buffer, never reused
          reusable.put(id, false);
          return new HashSet<>(Set.of(id));
        });
  }

  private int death(int buffer) {
    int last = -1;
    for (Map.Entry<Variable, Set<Integer>> e : aliases.entrySet()) {
      if (e.getValue().contains(buffer)) {
        last = Math.max(last, lastUse.getOrDefault(e.getKey(), -1));
      }
    }
    return last;
  }

  private final List<Integer> free = new ArrayList<>();

  private void step(int k, Apply node) {
    StepKind kind = StepKind.of(node);
    for (Variable in : node.inputs()) {
      aliasesOf(in);
    }
    for (Variable out : node.outputs()) {
      if (kind.writesPlannedArray()) {
        plan(k, node, out);
      } else if (kind == StepKind.MATRIX) {
        fresh(out, true);
      } else {
        fresh(out, false);
        for (Variable in : node.inputs()) {
          aliases.get(out).addAll(aliasesOf(in));
        }
      }
    }
    for (Variable in : node.inputs()) {
      for (int b : aliasesOf(in)) {
        if (reusable.get(b) && death(b) == k && !free.contains(b)) {
          free.add(b);
        }
      }
    }
  }

  private void plan(int k, Apply node, Variable out) {
    if (StepKind.of(node) == StepKind.ELEMENTWISE) {
      for (Variable in : node.inputs()) {
        Integer b = inPlaceBuffer(k, node, in, out);
        if (b != null) {
          take(b, out, new Decision(out, in, true));
          return;
        }
      }
    }
    for (int i = 0; i < free.size(); i++) {
      int b = free.get(i);
      if (owner.get(b).dtype() == out.dtype()) {
        free.remove(i);
        take(b, out, new Decision(out, owner.get(b), false));
        return;
      }
    }
    buffers++;
    fresh(out, true);
    decisions.put(out, new Decision(out, null, false));
  }

  private Integer inPlaceBuffer(int k, Apply node, Variable in, Variable out) {
    Set<Integer> a = aliasesOf(in);
    if (a.size() != 1 || in.dtype() != out.dtype() || in.ndim() != out.ndim()) {
      return null;
    }
    int b = a.iterator().next();
    if (!reusable.get(b) || death(b) != k || owner.get(b) != in) {
      return null;
    }
    for (Variable other : node.inputs()) {
      if (other != in && aliasesOf(other).contains(b)) {
        return null;
      }
    }
    return b;
  }

  private void take(int b, Variable out, Decision d) {
    aliases.put(out, new HashSet<>(Set.of(b)));
    owner.put(b, out);
    decisions.put(out, d);
  }

  /** Where {@code output} of a kernel step gets its storage. */
  public Decision decision(Variable output) {
    return decisions.get(output);
  }

  /** How many new buffers the kernel steps allocate per call (reused ones not counted). */
  public int buffers() {
    return buffers;
  }

  /** How many kernel outputs write into an input's storage. */
  public long inPlaceCount() {
    return decisions.values().stream().filter(Decision::inPlace).count();
  }
}
