package dev.hypatia.symbolic.print;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Constant;
import dev.hypatia.symbolic.FunctionGraph;
import dev.hypatia.symbolic.Graphs;
import dev.hypatia.symbolic.Variable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stable text of graphs that shows every node, its type and the sharing of sub-expressions, in two
 * styles: an indented tree (Theano's {@code debugprint}) and an SSA listing.
 *
 * <p>The tree has one line per variable: the op name (an output other than the only one of its node
 * adds {@code .i}), an id such as {@code [id A]}, the type ({@code float64[?,3]}) and the name in
 * quotes; the inputs of a node follow, indented. A node already printed is referred to by its op
 * name and id followed by {@code ...}, without its inputs:
 *
 * <pre>
 * add [id A] float64[?,3] 'z'
 * |-exp [id B] float64[?,3]
 * | `-mul [id C] float64[?,3]
 * |   |-x [id D] float64[?,3]
 * |   `-y [id E] float64[?,3]
 * `-2.0 [id F] float64[]
 * </pre>
 *
 * <p>Ids are letters given in the order lines are printed, so the same graph always prints the same
 * text (golden tests compare it).
 */
public final class DebugPrint {
  private DebugPrint() {}

  /**
   * The indented tree of each variable, ids shared between the trees.
   *
   * @param outputs the variables to print. Not modified.
   */
  public static String debugprint(Variable... outputs) {
    return tree(List.of(outputs));
  }

  /** The indented trees of a graph's outputs, as {@link #debugprint(Variable...)}. */
  public static String debugprint(FunctionGraph graph) {
    return tree(graph.outputs());
  }

  /** The indented trees of {@code outputs}, as {@link #debugprint(Variable...)}. */
  public static String tree(List<Variable> outputs) {
    Map<Object, String> ids = new IdentityHashMap<>();
    StringBuilder sb = new StringBuilder();
    for (Variable out : outputs) {
      printTree(out, ids, sb);
    }
    return sb.toString();
  }

  private record Line(Variable var, String prefix, String indent) {}

  private static void printTree(Variable root, Map<Object, String> ids, StringBuilder sb) {
    Deque<Line> stack = new ArrayDeque<>();
    stack.push(new Line(root, "", ""));
    while (!stack.isEmpty()) {
      Line line = stack.pop();
      Variable v = line.var();
      Apply node = v.owner();
      sb.append(line.prefix());
      if (node == null) {
        String id = ids.computeIfAbsent(v, k -> Labels.letters(ids.size()));
        sb.append(leafText(v)).append(" [id ").append(id).append("] ").append(v.type());
        sb.append('\n');
        continue;
      }
      String head = head(v);
      String known = ids.get(node);
      if (known != null) {
        sb.append(head).append(" [id ").append(known).append("] ...\n");
        continue;
      }
      String id = Labels.letters(ids.size());
      ids.put(node, id);
      sb.append(head).append(" [id ").append(id).append("] ").append(v.type());
      sb.append(v.name() != null ? " '" + v.name() + "'" : "").append('\n');
      List<Variable> ins = node.inputs();
      for (int i = ins.size() - 1; i >= 0; i--) {
        boolean last = i == ins.size() - 1;
        String indent = line.indent();
        stack.push(
            new Line(ins.get(i), indent + (last ? "`-" : "|-"), indent + (last ? "  " : "| ")));
      }
    }
  }

  private static String head(Variable v) {
    Apply node = v.owner();
    String name = node.op().name();
    return node.outputs().size() == 1 ? name : name + "." + v.index();
  }

  private static String leafText(Variable v) {
    if (v.name() != null) {
      return v.name();
    }
    return v instanceof Constant c ? Labels.constantValue(c) : "<input>";
  }

  /**
   * The SSA listing of {@code outputs}: one line per leaf, then one per node in dependency order,
   * then the outputs.
   *
   * <pre>
   * %0 = input :: float64[?,3]  # x
   * %1 = constant 2.0 :: float64[]
   * %2 = mul %0 %1 :: float64[?,3]
   * %3 = exp %2 :: float64[?,3]  # z
   * return %3
   * </pre>
   *
   * @param outputs the variables to print. Not modified.
   */
  public static String ssa(Variable... outputs) {
    return ssa(List.of(), List.of(outputs));
  }

  /** The SSA listing of a graph: its inputs first, in order, as {@link #ssa(Variable...)}. */
  public static String ssa(FunctionGraph graph) {
    return ssa(graph.inputs(), graph.outputs());
  }

  private static String ssa(List<Variable> inputs, List<Variable> outputs) {
    Set<Variable> leaves = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Variable> ordered = new ArrayList<>(new LinkedHashSet<>(inputs));
    leaves.addAll(ordered);
    for (Variable leaf : Graphs.inputs(outputs)) {
      if (leaves.add(leaf)) {
        ordered.add(leaf);
      }
    }
    Map<Variable, String> ids = new IdentityHashMap<>();
    StringBuilder sb = new StringBuilder();
    for (Variable leaf : ordered) {
      String id = "%" + ids.size();
      ids.put(leaf, id);
      String what = leaf instanceof Constant c ? "constant " + Labels.constantValue(c) : "input";
      sb.append(id).append(" = ").append(what).append(" :: ").append(leaf.type());
      sb.append(comment(List.of(leaf))).append('\n');
    }
    for (Apply node : Graphs.toposort(outputs)) {
      List<String> outs = new ArrayList<>();
      List<String> types = new ArrayList<>();
      for (Variable o : node.outputs()) {
        String id = "%" + ids.size();
        ids.put(o, id);
        outs.add(id);
        types.add(o.type().toString());
      }
      sb.append(String.join(", ", outs)).append(" = ").append(node.op().name());
      for (Variable in : node.inputs()) {
        sb.append(' ').append(ids.get(in));
      }
      sb.append(" :: ").append(String.join(", ", types));
      sb.append(comment(node.outputs())).append('\n');
    }
    List<String> results = new ArrayList<>();
    for (Variable o : outputs) {
      results.add(ids.get(o));
    }
    return sb.append("return ").append(String.join(", ", results)).append('\n').toString();
  }

  private static String comment(List<Variable> vars) {
    List<String> names = new ArrayList<>();
    for (Variable v : vars) {
      names.add(v.name() == null ? "_" : v.name());
    }
    boolean any = vars.stream().anyMatch(v -> v.name() != null);
    return any ? "  # " + String.join(", ", names) : "";
  }
}
