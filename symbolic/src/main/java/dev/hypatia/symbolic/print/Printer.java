package dev.hypatia.symbolic.print;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Variable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
    StringBuilder sb = new StringBuilder();
    for (Variable out : outputs) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      emit(out, sb);
    }
    return sb.toString();
  }

  /**
   * Appends the text of {@code root} to {@code sb}, expanding it even when named. The work is a
   * stack of pending texts and variables, so deep graphs need no deep recursion and the time is
   * linear in the length of the text.
   */
  private static void emit(Variable root, StringBuilder sb) {
    Deque<Object> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      Object task = pending.pop();
      if (task instanceof String text) {
        sb.append(text);
      } else if (task instanceof Variable v
          && (v.owner() == null || (v.name() != null && v != root))) {
        sb.append(Labels.leaf(v));
      } else {
        List<Object> parts = expand((Variable) task);
        for (int i = parts.size() - 1; i >= 0; i--) {
          pending.push(parts.get(i));
        }
      }
    }
  }

  /** The texts and argument variables that {@code v}'s node prints as, in order. */
  private static List<Object> expand(Variable v) {
    Apply node = v.owner();
    String opName = node.op().name();
    List<Variable> args = node.inputs();
    List<Object> parts = new ArrayList<>();
    String binary = BINARY.get(opName);
    String prefix = PREFIX.get(opName);
    if (binary != null && args.size() >= 2) {
      parts.add("(");
      separated(args, " " + binary + " ", parts);
      parts.add(")");
    } else if (prefix != null && args.size() == 1) {
      boolean signed = startsWithSign(args.get(0));
      parts.addAll(signed ? List.of(prefix + "(", args.get(0), ")") : List.of(prefix, args.get(0)));
    } else {
      parts.add(opName + "(");
      separated(args, ", ", parts);
      parts.add(")");
    }
    if (node.outputs().size() > 1) {
      parts.add("[" + v.index() + "]");
    }
    return parts;
  }

  private static void separated(List<Variable> args, String separator, List<Object> parts) {
    for (int i = 0; i < args.size(); i++) {
      if (i > 0) {
        parts.add(separator);
      }
      parts.add(args.get(i));
    }
  }

  /** Whether {@code v}, as an argument, prints with a leading {@code -} or {@code ~}. */
  private static boolean startsWithSign(Variable v) {
    if (v.owner() == null || v.name() != null) {
      String text = Labels.leaf(v);
      return text.startsWith("-") || text.startsWith("~");
    }
    Apply node = v.owner();
    return PREFIX.containsKey(node.op().name()) && node.inputs().size() == 1;
  }

  /** The infix symbol of a binary op name ({@code "add"} gives {@code "+"}), or null. */
  public static String binarySymbol(String opName) {
    return BINARY.get(opName);
  }

  /** The prefix symbol of a unary op name ({@code "neg"} gives {@code "-"}), or null. */
  public static String prefixSymbol(String opName) {
    return PREFIX.get(opName);
  }
}
