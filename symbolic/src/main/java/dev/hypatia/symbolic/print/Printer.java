package dev.hypatia.symbolic.print;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Graphs;
import dev.hypatia.symbolic.Variable;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Readable infix text of expressions, Theano's {@code pp}: {@code (exp((x * y)) + 2.0)}.
 *
 * <p>An op prints through a table keyed by {@link dev.hypatia.symbolic.Op#name()}: the elementwise
 * binary functions {@code add sub mul true_div floor_div mod pow lt le gt ge eq neq and or xor}
 * print infix ({@code + - * / // % ** < <= > >= == != & | ^}) in parentheses, {@code neg} and
 * {@code not} print prefix ({@code -x}, {@code ~x}), and every other op prints as {@code name(arg,
 * ...)}; an output other than the only one of its node adds {@code [i]}. Named variables print
 * their name (the variables printed are expanded even when named), unnamed inputs their type
 * ({@code <float64[?,3]>}), constants their value in short form. Shared sub-expressions are
 * repeated; use {@link DebugPrint} to see sharing.
 */
public final class Printer {
  private static final Map<String, String> BINARY =
      Map.ofEntries(
          Map.entry("add", "+"),
          Map.entry("sub", "-"),
          Map.entry("mul", "*"),
          Map.entry("true_div", "/"),
          Map.entry("floor_div", "//"),
          Map.entry("mod", "%"),
          Map.entry("pow", "**"),
          Map.entry("lt", "<"),
          Map.entry("le", "<="),
          Map.entry("gt", ">"),
          Map.entry("ge", ">="),
          Map.entry("eq", "=="),
          Map.entry("neq", "!="),
          Map.entry("and", "&"),
          Map.entry("or", "|"),
          Map.entry("xor", "^"));
  private static final Map<String, String> PREFIX = Map.of("neg", "-", "not", "~");

  private Printer() {}

  /**
   * The infix text of each variable, one per line.
   *
   * @param outputs the expressions to print. Not modified.
   * @return for {@code exp(x * y) + 2}: {@code (exp((x * y)) + 2.0)}
   */
  public static String pp(Variable... outputs) {
    return pp(List.of(outputs));
  }

  /** As {@link #pp(Variable...)}, for a list of expressions. */
  public static String pp(List<Variable> outputs) {
    Map<Variable, String> expanded = new IdentityHashMap<>();
    for (Apply node : Graphs.toposort(outputs)) {
      List<String> args = new ArrayList<>(node.inputs().size());
      for (Variable in : node.inputs()) {
        args.add(reference(in, expanded));
      }
      String text = apply(node.op().name(), args);
      for (Variable out : node.outputs()) {
        expanded.put(out, node.outputs().size() == 1 ? text : text + "[" + out.index() + "]");
      }
    }
    StringBuilder sb = new StringBuilder();
    for (Variable out : outputs) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(out.owner() == null ? Labels.leaf(out) : expanded.get(out));
    }
    return sb.toString();
  }

  /** The infix symbol of a binary op name ({@code "add"} gives {@code "+"}), or null. */
  public static String binarySymbol(String opName) {
    return BINARY.get(opName);
  }

  /** The prefix symbol of a unary op name ({@code "neg"} gives {@code "-"}), or null. */
  public static String prefixSymbol(String opName) {
    return PREFIX.get(opName);
  }

  private static String reference(Variable v, Map<Variable, String> expanded) {
    if (v.name() != null || v.owner() == null) {
      return Labels.leaf(v);
    }
    return expanded.get(v);
  }

  private static String apply(String opName, List<String> args) {
    String binary = BINARY.get(opName);
    if (binary != null && args.size() >= 2) {
      return "(" + String.join(" " + binary + " ", args) + ")";
    }
    String prefix = PREFIX.get(opName);
    if (prefix != null && args.size() == 1) {
      String arg = args.get(0);
      boolean signed = arg.startsWith("-") || arg.startsWith("~");
      return prefix + (signed ? "(" + arg + ")" : arg);
    }
    return opName + "(" + String.join(", ", args) + ")";
  }
}
