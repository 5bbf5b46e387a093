package dev.hypatia.jvm.code;

import java.util.List;
import java.util.Objects;
import org.objectweb.asm.Type;

/**
 * An expression of the lowered program: a small, typed tree that both generators print, the ASM one
 * as bytecode and the Janino one as Java source. Every expression knows its JVM {@link #type()};
 * the builders in {@link Code} check operand types so that a malformed program fails where it is
 * built, not inside a generator.
 */
public sealed interface Expr {
  /** The JVM type of the value (never {@link Type#VOID_TYPE} except for void calls). */
  Type type();

  /** A local variable or parameter. */
  record Local(String name, Type type) implements Expr {
    /** Checks the name is a Java identifier. */
    public Local {
      if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw new IllegalArgumentException("not an identifier: " + name);
      }
      Objects.requireNonNull(type, "type");
    }
  }

  /**
   * A literal: an Integer, Long, Float, Double, Boolean or String, or null with a reference type.
   */
  record Literal(Object value, Type type) implements Expr {}

  /** Arithmetic negation of a numeric value. */
  record Negate(Expr operand) implements Expr {
    @Override
    public Type type() {
      return operand.type();
    }
  }

  /** The operators of {@link Binary}. */
  enum BinaryOp {
    ADD("+"),
    SUB("-"),
    MUL("*"),
    DIV("/"),
    REM("%"),
    AND("&"),
    OR("|"),
    XOR("^"),
    SHL("<<"),
    SHR(">>"),
    USHR(">>>"),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">="),
    EQ("=="),
    NE("!=");

    private final String symbol;

    BinaryOp(String symbol) {
      this.symbol = symbol;
    }

    /** The Java operator. */
    public String symbol() {
      return symbol;
    }

    /** Whether the result is a boolean comparison. */
    public boolean isComparison() {
      return ordinal() >= LT.ordinal();
    }
  }

  /**
   * {@code left op right}: both operands have the same primitive type (int, long, float, double;
   * boolean for AND, OR, XOR, EQ, NE); comparisons give boolean, the rest the operand type. Shifts
   * take an int right operand.
   */
  record Binary(BinaryOp op, Expr left, Expr right) implements Expr {
    @Override
    public Type type() {
      return op.isComparison() ? Type.BOOLEAN_TYPE : left.type();
    }
  }

  /** {@code test ? ifTrue : ifFalse}; both branches have the same type. */
  record Conditional(Expr test, Expr ifTrue, Expr ifFalse) implements Expr {
    @Override
    public Type type() {
      return ifTrue.type();
    }
  }

  /**
   * A primitive conversion (as a Java cast: {@code (float) d}, {@code (byte) i}, {@code (long) d})
   * or a reference cast ({@code (double[]) o}). Boolean does not convert to or from numbers: use
   * {@link Conditional} and comparisons.
   */
  record Convert(Expr operand, Type type) implements Expr {}

  /** {@code array[index]}. */
  record ArrayLoad(Expr array, Expr index) implements Expr {
    @Override
    public Type type() {
      return Type.getType(array.type().getDescriptor().substring(1));
    }
  }

  /** {@code array.length}. */
  record ArrayLength(Expr array) implements Expr {
    @Override
    public Type type() {
      return Type.INT_TYPE;
    }
  }

  /** A static field read, {@code Owner.name}. */
  record GetStatic(Type owner, String name, Type type) implements Expr {}

  /**
   * A method call: static when {@code target} is null; {@code onInterface} says whether {@code
   * owner} is an interface. {@code method} gives the name and descriptor; {@link #type()} is its
   * return type.
   */
  record Call(
      Expr target, Type owner, boolean onInterface, String name, Type method, List<Expr> args)
      implements Expr {
    /** Copies the arguments and checks their count against the descriptor. */
    public Call {
      args = List.copyOf(args);
      if (method.getArgumentTypes().length != args.size()) {
        throw new IllegalArgumentException(
            name
                + method.getDescriptor()
                + " takes "
                + method.getArgumentTypes().length
                + " arguments, got "
                + args.size());
      }
    }

    @Override
    public Type type() {
      return method.getReturnType();
    }
  }

  /** {@code new elementType[length]}. */
  record NewArray(Type elementType, Expr length) implements Expr {
    @Override
    public Type type() {
      return Type.getType("[" + elementType.getDescriptor());
    }
  }

  /** {@code new T[] {e0, e1, ...}} of a reference element type. */
  record ArrayOf(Type elementType, List<Expr> elements) implements Expr {
    /** Copies the elements. */
    public ArrayOf {
      elements = List.copyOf(elements);
    }

    @Override
    public Type type() {
      return Type.getType("[" + elementType.getDescriptor());
    }
  }
}
