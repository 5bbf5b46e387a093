package dev.hypatia.jvm.janino;

import dev.hypatia.jvm.code.Expr;
import dev.hypatia.jvm.code.Expr.BinaryOp;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Type;

/**
 * Prints expressions as Java source, adding parentheses only where Java's precedence needs them.
 * Each printed expression carries its precedence (higher binds tighter).
 */
final class JavaExpr {
  private static final int PRIMARY = 16;

  /** Array creation: cannot be indexed or dereferenced without parentheses. */
  private static final int CREATION = 15;

  private static final int UNARY = 14;
  private static final int CONDITIONAL = 2;

  /** Source text and its precedence. */
  record Printed(String text, int precedence) {
    /** The text, parenthesised when its precedence is below {@code min}. */
    String atLeast(int min) {
      return precedence >= min ? text : "(" + text + ")";
    }
  }

  private final Imports names;

  /** Prints with the type names of {@code names}. */
  JavaExpr(Imports names) {
    this.names = names;
  }

  /** The Java name of a type (see {@link Imports#name}). */
  String typeName(Type t) {
    return names.name(t);
  }

  /** {@code e} printed without outer parentheses (for statement positions). */
  String print(Expr e) {
    return expr(e).text();
  }

  Printed expr(Expr e) {
    if (e instanceof Expr.Local l) {
      return primary(l.name());
    } else if (e instanceof Expr.Literal lit) {
      return JavaLiterals.literal(lit, this);
    } else if (e instanceof Expr.Negate n) {
      Printed operand = expr(n.operand());
      String text =
          operand.text().startsWith("-")
              ? "-(" + operand.text() + ")"
              : "-" + operand.atLeast(UNARY);
      return narrow(new Printed(text, UNARY), n.type());
    } else if (e instanceof Expr.Binary b) {
      return binary(b);
    } else if (e instanceof Expr.Conditional c) {
      String text =
          expr(c.test()).atLeast(CONDITIONAL + 1)
              + " ? "
              + expr(c.ifTrue()).atLeast(CONDITIONAL + 1)
              + " : "
              + expr(c.ifFalse()).atLeast(CONDITIONAL);
      return new Printed(text, CONDITIONAL);
    } else if (e instanceof Expr.Convert c) {
      return convert(c);
    } else if (e instanceof Expr.ArrayLoad a) {
      return primary(expr(a.array()).atLeast(PRIMARY) + "[" + print(a.index()) + "]");
    } else if (e instanceof Expr.ArrayLength a) {
      return primary(expr(a.array()).atLeast(PRIMARY) + ".length");
    } else if (e instanceof Expr.GetStatic f) {
      return primary(typeName(f.owner()) + "." + f.name());
    } else if (e instanceof Expr.Call c) {
      return call(c);
    } else if (e instanceof Expr.NewArray n) {
      Type elem = n.elementType();
      String base = elem.getSort() == Type.ARRAY ? typeName(elem.getElementType()) : typeName(elem);
      String dims = elem.getSort() == Type.ARRAY ? "[]".repeat(elem.getDimensions()) : "";
      return new Printed("new " + base + "[" + print(n.length()) + "]" + dims, CREATION);
    } else if (e instanceof Expr.ArrayOf a) {
      List<String> elems = new ArrayList<>();
      a.elements().forEach(x -> elems.add(print(x)));
      String text = "new " + typeName(a.type()) + " {" + String.join(", ", elems) + "}";
      return new Printed(text, CREATION);
    }
    throw new IllegalArgumentException("unknown expression " + e);
  }

  static Printed primary(String text) {
    return new Printed(text, PRIMARY);
  }

  /** {@code (type) operand}, the operand parenthesised unless it is primary. */
  Printed cast(Type type, Printed operand) {
    return new Printed("(" + typeName(type) + ") " + operand.atLeast(PRIMARY), UNARY);
  }

  private Printed binary(Expr.Binary b) {
    checkOperands(b);
    int prec = precedence(b.op());
    String text =
        expr(b.left()).atLeast(prec)
            + " "
            + b.op().symbol()
            + " "
            + expr(b.right()).atLeast(prec + 1);
    Printed p = new Printed(text, prec);
    return b.op().isComparison() ? p : narrow(p, b.type());
  }

  /**
   * Rejects operators Java does not define on the operand type: arithmetic and ordering on boolean,
   * bitwise operators and shifts on float and double, shifts on boolean.
   */
  static void checkOperands(Expr.Binary b) {
    int sort = b.left().type().getSort();
    boolean bool = sort == Type.BOOLEAN;
    boolean floating = sort == Type.FLOAT || sort == Type.DOUBLE;
    boolean ok =
        switch (b.op()) {
          case EQ, NE -> true;
          case AND, OR, XOR -> !floating;
          case SHL, SHR, USHR -> !floating && !bool;
          default -> !bool;
        };
    if (!ok || sort > Type.DOUBLE && b.op() != BinaryOp.EQ && b.op() != BinaryOp.NE) {
      throw new IllegalArgumentException("operator " + b.op().symbol() + " on " + b.left().type());
    }
  }

  /** Java computes byte, short and char arithmetic in int; the IR's result keeps the type. */
  private Printed narrow(Printed p, Type t) {
    int sort = t.getSort();
    boolean small = sort == Type.BYTE || sort == Type.SHORT || sort == Type.CHAR;
    return small ? cast(t, p) : p;
  }

  private static int precedence(BinaryOp op) {
    return switch (op) {
      case MUL, DIV, REM -> 12;
      case ADD, SUB -> 11;
      case SHL, SHR, USHR -> 10;
      case LT, LE, GT, GE -> 9;
      case EQ, NE -> 8;
      case AND -> 7;
      case XOR -> 6;
      case OR -> 5;
    };
  }

  private Printed convert(Expr.Convert c) {
    Type from = c.operand().type();
    Type to = c.type();
    boolean fromPrimitive = from.getSort() <= Type.DOUBLE;
    boolean toPrimitive = to.getSort() <= Type.DOUBLE;
    boolean bool = from.getSort() == Type.BOOLEAN || to.getSort() == Type.BOOLEAN;
    if (fromPrimitive != toPrimitive || (fromPrimitive && bool && !from.equals(to))) {
      throw new IllegalArgumentException("no conversion between " + from + " and " + to);
    }
    return from.equals(to) ? expr(c.operand()) : cast(to, expr(c.operand()));
  }

  private Printed call(Expr.Call c) {
    Type[] params = c.method().getArgumentTypes();
    List<String> args = new ArrayList<>();
    for (int i = 0; i < params.length; i++) {
      Expr a = c.args().get(i);
      // a cast pins Java's overload choice to the descriptor when the argument's type differs
      args.add(a.type().equals(params[i]) ? print(a) : cast(params[i], expr(a)).text());
    }
    String call = c.name() + "(" + String.join(", ", args) + ")";
    if (c.target() == null && names.isSelf(c.owner())) {
      return primary(call);
    }
    String target = c.target() == null ? typeName(c.owner()) : expr(c.target()).atLeast(PRIMARY);
    return primary(target + "." + call);
  }
}
