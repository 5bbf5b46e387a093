package dev.hypatia.shared;

import dev.hypatia.jvm.CompiledGraph;
import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Constant;
import dev.hypatia.symbolic.Executable;
import dev.hypatia.symbolic.FunctionGraph;
import dev.hypatia.symbolic.Graphs;
import dev.hypatia.symbolic.Interpreter;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Variable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link FunctionBuilder#profile(boolean)} collects: per node of the compiled graph, the
 * calls, the time and the bytes allocated, summed over calls. Compiled backends are timed by {@link
 * CompiledGraph#timedRun}; the interpreter backend is run node by node here. Thread-safe.
 */
final class ProfileTable {
  private final String label;
  private final Backend backend;
  private final FunctionGraph graph;
  private final Map<Apply, long[]> rows = new IdentityHashMap<>();
  private final List<Apply> order = new ArrayList<>();
  private long calls;
  private long callNanos;

  ProfileTable(String label, Backend backend, FunctionGraph graph) {
    this.label = label;
    this.backend = backend;
    this.graph = graph;
  }

  /** Runs {@code exe} on {@code args}, timing each node, and adds the call to the table. */
  List<NDArray> run(Executable exe, List<Object> args) {
    long start = System.nanoTime();
    if (exe instanceof CompiledGraph cg) {
      CompiledGraph.TimedRun r = cg.timedRun(args);
      record(r.nodes(), r.nanos(), r.bytes(), System.nanoTime() - start);
      return r.outputs();
    }
    List<Apply> nodes = graph.toposort();
    long[] nanos = new long[nodes.size()];
    long[] bytes = new long[nodes.size()];
    List<NDArray> out = interpret(nodes, args, nanos, bytes);
    record(nodes, nanos, bytes, System.nanoTime() - start);
    return out;
  }

  /** Evaluates the graph node by node as {@link Interpreter#evaluate}, filling nanos and bytes. */
  private List<NDArray> interpret(
      List<Apply> nodes, List<Object> args, long[] nanos, long[] bytes) {
    Map<Variable, NDArray> values = new IdentityHashMap<>();
    Set<Object> taken = Collections.newSetFromMap(new IdentityHashMap<>());
    for (int i = 0; i < graph.inputs().size(); i++) {
      NDArray a = Interpreter.checkInput(graph.inputs().get(i), args.get(i));
      values.put(graph.inputs().get(i), a);
      taken.add(a.data());
    }
    for (Variable leaf : Graphs.inputs(graph.outputs())) {
      if (leaf instanceof Constant c) {
        values.put(c, c.valueView());
        taken.add(c.valueView().data());
      }
    }
    for (int k = 0; k < nodes.size(); k++) {
      Apply node = nodes.get(k);
      List<NDArray> ins = new ArrayList<>(node.inputs().size());
      for (Variable v : node.inputs()) {
        ins.add(values.get(v));
      }
      long t0 = System.nanoTime();
      List<NDArray> outs = Interpreter.perform(node, ins);
      nanos[k] = System.nanoTime() - t0;
      for (int j = 0; j < outs.size(); j++) {
        NDArray o = outs.get(j);
        boolean fresh = ins.stream().noneMatch(a -> a.data() == o.data());
        bytes[k] += fresh ? (long) o.dtype().length(o.data()) * o.dtype().itemSize() : 0;
        values.put(node.output(j), o);
      }
    }
    List<NDArray> out = new ArrayList<>(graph.outputs().size());
    for (Variable o : graph.outputs()) {
      NDArray v = values.get(o);
      v = taken.add(v.data()) ? v : v.copy();
      taken.add(v.data());
      out.add(v);
    }
    return out;
  }

  private synchronized void record(List<Apply> nodes, long[] nanos, long[] bytes, long wall) {
    calls++;
    callNanos += wall;
    for (int k = 0; k < nodes.size(); k++) {
      long[] row = rows.get(nodes.get(k));
      if (row == null) {
        row = new long[3];
        rows.put(nodes.get(k), row);
        order.add(nodes.get(k));
      }
      row[0]++;
      row[1] += nanos[k];
      row[2] += bytes[k];
    }
  }

  /** The table: a header line, one row per node in run order, and a total row. */
  synchronized String report() {
    long nodeNanos = 0;
    long nodeBytes = 0;
    for (long[] row : rows.values()) {
      nodeNanos += row[1];
      nodeBytes += row[2];
    }
    long n = Math.max(1, calls);
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            "Profile of %s (%s backend): %d calls, %.3f ms per call, %d bytes allocated per call%n",
            label, backend, calls, callNanos / 1e6 / n, nodeBytes / n));
    String fmt = "%5s  %-20s %8s %12s %7s %14s  %s%n";
    sb.append(String.format(fmt, "node", "op", "calls", "total ms", "%", "bytes", "created at"));
    for (int k = 0; k < order.size(); k++) {
      Apply node = order.get(k);
      long[] row = rows.get(node);
      sb.append(
          String.format(
              fmt,
              k,
              node.op().name(),
              row[0],
              String.format("%.3f", row[1] / 1e6),
              String.format("%.1f", 100.0 * row[1] / Math.max(1, nodeNanos)),
              row[2],
              node.output(0).location()));
    }
    sb.append(
        String.format(
            fmt,
            "",
            "total",
            calls,
            String.format("%.3f", nodeNanos / 1e6),
            "100.0",
            nodeBytes,
            ""));
    return sb.toString();
  }
}
