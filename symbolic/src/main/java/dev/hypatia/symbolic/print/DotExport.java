package dev.hypatia.symbolic.print;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Constant;
import dev.hypatia.symbolic.FunctionGraph;
import dev.hypatia.symbolic.Graphs;
import dev.hypatia.symbolic.Variable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Graphviz DOT text of a graph (render it with {@code dot -Tsvg}); no Graphviz library is needed.
 *
 * <p>Variables are boxes labelled with their name (or a constant's value) and type; constants are
 * dashed, graph outputs bold. Nodes are ellipses labelled with the op name. An edge into a node of
 * several inputs carries the input's position, and an edge out of a node of several outputs the
 * output's. Ids ({@code v0}, {@code n0}, ...) follow a fixed order: leaves first, then nodes in
 * dependency order, so the same graph always gives the same text.
 */
public final class DotExport {
  private DotExport() {}

  /**
   * The DOT text of the graph computing {@code outputs}.
   *
   * @param outputs the variables whose graph to export. Not modified.
   */
  public static String dot(Variable... outputs) {
    return dot(List.of(), List.of(outputs));
  }

  /** The DOT text of a graph, its inputs first in order, as {@link #dot(Variable...)}. */
  public static String dot(FunctionGraph graph) {
    return dot(graph.inputs(), graph.outputs());
  }

  private static String dot(List<Variable> inputs, List<Variable> outputs) {
    Set<Variable> outs = Collections.newSetFromMap(new IdentityHashMap<>());
    outs.addAll(outputs);
    Set<Variable> leaves = new LinkedHashSet<>(inputs);
    leaves.addAll(Graphs.inputs(outputs));
    Map<Variable, String> ids = new IdentityHashMap<>();
    StringBuilder sb = new StringBuilder("digraph hypatia {\n");
    for (Variable leaf : leaves) {
      variable(leaf, outs, ids, sb);
    }
    List<Apply> nodes = Graphs.toposort(outputs);
    for (int k = 0; k < nodes.size(); k++) {
      Apply node = nodes.get(k);
      String id = "n" + k;
      sb.append("  ").append(id).append(" [shape=ellipse, label=").append(quote(node.op().name()));
      sb.append("];\n");
      List<Variable> ins = node.inputs();
      for (int i = 0; i < ins.size(); i++) {
        sb.append("  ").append(ids.get(ins.get(i))).append(" -> ").append(id);
        sb.append(ins.size() > 1 ? " [label=\"" + i + "\"]" : "").append(";\n");
      }
      for (Variable o : node.outputs()) {
        String vid = variable(o, outs, ids, sb);
        sb.append("  ").append(id).append(" -> ").append(vid);
        sb.append(node.outputs().size() > 1 ? " [label=\"" + o.index() + "\"]" : "").append(";\n");
      }
    }
    return sb.append("}\n").toString();
  }

  private static String variable(
      Variable v, Set<Variable> outs, Map<Variable, String> ids, StringBuilder sb) {
    String id = "v" + ids.size();
    ids.put(v, id);
    List<String> styles = new ArrayList<>();
    if (v.isConstant()) {
      styles.add("dashed");
    }
    if (outs.contains(v)) {
      styles.add("bold");
    }
    String text = v instanceof Constant c ? Labels.constantValue(c) : null;
    if (v.name() != null) {
      text = v.name();
    } else if (text == null && v.owner() == null) {
      text = "<input>";
    }
    String label = text == null ? v.type().toString() : text + "\n" + v.type();
    sb.append("  ").append(id).append(" [shape=box, ");
    if (!styles.isEmpty()) {
      sb.append("style=").append(quote(String.join(",", styles))).append(", ");
    }
    sb.append("label=").append(quote(label)).append("];\n");
    return id;
  }

  /** {@code s} as a DOT string: in double quotes, with {@code "} and {@code \} escaped. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        default -> sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
