package dev.hypatia.jvm.code;

import dev.hypatia.jvm.code.Expr.BinaryOp;
import java.util.Arrays;
import java.util.List;
import org.objectweb.asm.Type;

/**
 * Builders for {@link Expr} and {@link Stmt} that check operand types, so that the lowering reads
 * as the code it emits: {@code assign(acc, add(acc, call(EXP, load(x, i))))}.
 */
public final class Code {
  /** java.lang.Object. */
  public static final Type OBJECT = Type.getType(Object.class);

  private Code() {}

  /** A local variable (or parameter) named {@code name}. */
  public static Expr.Local local(String name, Type type) {
    return new Expr.Local(name, type);
  }

  /** An int literal. */
  public static Expr lit(int v) {
    return new Expr.Literal(v, Type.INT_TYPE);
  }

  /** A long literal. */
  public static Expr lit(long v) {
    return new Expr.Literal(v, Type.LONG_TYPE);
  }

  /** A double literal (NaN and the infinities included). */
  public static Expr lit(double v) {
    return new Expr.Literal(v, Type.DOUBLE_TYPE);
  }

  /** A float literal. */
  public static Expr lit(float v) {
    return new Expr.Literal(v, Type.FLOAT_TYPE);
  }

  /** A boolean literal. */
  public static Expr lit(boolean v) {
    return new Expr.Literal(v, Type.BOOLEAN_TYPE);
  }

  /** A string literal. */
  public static Expr lit(String v) {
    return new Expr.Literal(v, Type.getType(String.class));
  }

  /** {@code a op b}, checking that both sides have the same type (shifts: an int right side). */
  public static Expr binary(BinaryOp op, Expr a, Expr b) {
    boolean shift = op == BinaryOp.SHL || op == BinaryOp.SHR || op == BinaryOp.USHR;
    Type want = shift ? Type.INT_TYPE : a.type();
    if (!b.type().equals(want) || a.type().getSort() > Type.DOUBLE) {
      throw new IllegalArgumentException(
          "operator " + op.symbol() + " on " + a.type() + " and " + b.type());
    }
    return new Expr.Binary(op, a, b);
  }

  /** {@code a + b}. */
  public static Expr add(Expr a, Expr b) {
    return binary(BinaryOp.ADD, a, b);
  }

  /** {@code a - b}. */
  public static Expr sub(Expr a, Expr b) {
    return binary(BinaryOp.SUB, a, b);
  }

  /** {@code a * b}. */
  public static Expr mul(Expr a, Expr b) {
    return binary(BinaryOp.MUL, a, b);
  }

  /** {@code a < b}. */
  public static Expr lt(Expr a, Expr b) {
    return binary(BinaryOp.LT, a, b);
  }

  /** {@code -a}. */
  public static Expr neg(Expr a) {
    return new Expr.Negate(a);
  }

  /** {@code test ? a : b}, checking that the branches have one type. */
  public static Expr cond(Expr test, Expr a, Expr b) {
    if (!test.type().equals(Type.BOOLEAN_TYPE) || !a.type().equals(b.type())) {
      throw new IllegalArgumentException(
          "conditional on " + test.type() + " with branches " + a.type() + " and " + b.type());
    }
    return new Expr.Conditional(test, a, b);
  }

  /** {@code (to) e}; the identity when e already has that type. */
  public static Expr convert(Expr e, Type to) {
    if (e.type().equals(to)) {
      return e;
    }
    boolean fromBool = e.type().equals(Type.BOOLEAN_TYPE);
    boolean toBool = to.equals(Type.BOOLEAN_TYPE);
    if (fromBool || toBool) {
      throw new IllegalArgumentException("no conversion between " + e.type() + " and " + to);
    }
    return new Expr.Convert(e, to);
  }

  /** {@code array[index]}. */
  public static Expr load(Expr array, Expr index) {
    checkArray(array);
    return new Expr.ArrayLoad(array, index);
  }

  /** {@code array[index] = value;}. */
  public static Stmt store(Expr array, Expr index, Expr value) {
    checkArray(array);
    Type elem = Type.getType(array.type().getDescriptor().substring(1));
    if (!elem.equals(value.type()) && elem.getSort() != Type.OBJECT) {
      throw new IllegalArgumentException("storing " + value.type() + " into " + array.type());
    }
    return new Stmt.ArrayStore(array, index, value);
  }

  private static void checkArray(Expr array) {
    if (array.type().getSort() != Type.ARRAY) {
      throw new IllegalArgumentException("not an array: " + array.type());
    }
  }

  /** A static call {@code owner.name(args)} of the given method type. */
  public static Expr callStatic(Type owner, String name, Type method, Expr... args) {
    return new Expr.Call(null, owner, false, name, method, Arrays.asList(args));
  }

  /** A virtual (or, when {@code onInterface}, interface) call {@code target.name(args)}. */
  public static Expr callVirtual(
      Expr target, Type owner, boolean onInterface, String name, Type method, Expr... args) {
    return new Expr.Call(target, owner, onInterface, name, method, Arrays.asList(args));
  }

  /**
   * A static call of a public static method of {@code owner} found by reflection, so that the
   * descriptor cannot drift from the Java method.
   *
   * @throws IllegalArgumentException when there is no such method
   */
  public static Expr callStatic(Class<?> owner, String name, Class<?>[] params, Expr... args) {
    try {
      java.lang.reflect.Method m = owner.getMethod(name, params);
      return callStatic(Type.getType(owner), name, Type.getType(m), args);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException("no method " + owner.getName() + "." + name, e);
    }
  }

  /** {@code Type name = init;}. */
  public static Stmt declare(Expr.Local local, Expr init) {
    checkAssignable(local, init);
    return new Stmt.Declare(local, init);
  }

  /** {@code name = value;}. */
  public static Stmt assign(Expr.Local local, Expr value) {
    checkAssignable(local, value);
    return new Stmt.Assign(local, value);
  }

  private static void checkAssignable(Expr.Local local, Expr value) {
    boolean primitive = local.type().getSort() <= Type.DOUBLE;
    if (primitive && !local.type().equals(value.type())) {
      throw new IllegalArgumentException(
          "assigning " + value.type() + " to " + local.type() + " " + local.name());
    }
  }

  /** {@code expr;}. */
  public static Stmt eval(Expr expr) {
    return new Stmt.Eval(expr);
  }

  /** {@code for (int counter = from; counter < to; counter += step) body}. */
  public static Stmt loop(Expr.Local counter, Expr from, Expr to, Expr step, List<Stmt> body) {
    return new Stmt.For(counter, from, to, step, body);
  }

  /** {@code if (test) then}. */
  public static Stmt when(Expr test, List<Stmt> then) {
    return new Stmt.If(test, then, List.of());
  }

  /** {@code return value;}. */
  public static Stmt ret(Expr value) {
    return new Stmt.Return(value);
  }

  /** {@code // text}. */
  public static Stmt comment(String text) {
    return new Stmt.Comment(text);
  }
}
