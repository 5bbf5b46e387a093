package dev.hypatia.jvm;

import static dev.hypatia.jvm.Backends.call;
import static dev.hypatia.jvm.Backends.define;
import static dev.hypatia.jvm.Backends.method;
import static dev.hypatia.jvm.code.Code.local;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hypatia.jvm.code.ClassDef;
import dev.hypatia.jvm.code.Code;
import dev.hypatia.jvm.code.Expr;
import dev.hypatia.jvm.code.Expr.BinaryOp;
import dev.hypatia.jvm.code.MethodDef;
import dev.hypatia.jvm.code.Stmt;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.objectweb.asm.Type;

/**
 * Comparisons as values (0/1), as If, Conditional and While tests (NaN included), boolean
 * operators, and every primitive conversion, each generator against Java.
 */
class ConformanceCompareConvertTest {
  private static final EnumSet<BinaryOp> COMPARISONS = EnumSet.range(BinaryOp.LT, BinaryOp.NE);
  private static final Expr ONE = Code.lit(1);
  private static final Expr ZERO = Code.lit(0);

  /** For each comparison: {@code op(a, b)} as a value, in an If, a Conditional and a While. */
  private static ClassDef compareClass(String name, Type t) {
    Expr.Local a = local("a", t);
    Expr.Local b = local("b", t);
    List<Expr.Local> ab = List.of(a, b);
    List<MethodDef> ms = new ArrayList<>();
    for (BinaryOp op : COMPARISONS) {
      String n = op.name().toLowerCase();
      Expr test = new Expr.Binary(op, a, b);
      ms.add(method(n + "Value", Type.BOOLEAN_TYPE, ab, Code.ret(test)));
      Stmt ifElse = new Stmt.If(test, List.of(Code.ret(ONE)), List.of(Code.ret(ZERO)));
      ms.add(method(n + "If", Type.INT_TYPE, ab, ifElse));
      ms.add(method(n + "Cond", Type.INT_TYPE, ab, Code.ret(Code.cond(test, ONE, ZERO))));
      Stmt loop = new Stmt.While(test, List.of(Code.ret(ONE)));
      ms.add(method(n + "While", Type.INT_TYPE, ab, loop, Code.ret(ZERO)));
    }
    return new ClassDef(name, List.of(), ms, "");
  }

  private static boolean compare(BinaryOp op, double a, double b) {
    return switch (op) {
      case LT -> a < b;
      case LE -> a <= b;
      case GT -> a > b;
      case GE -> a >= b;
      case EQ -> a == b;
      default -> a != b;
    };
  }

  private static void checkComparisons(Class<?> c, Object a, Object b, boolean[] want) {
    int k = 0;
    for (BinaryOp op : COMPARISONS) {
      String n = op.name().toLowerCase();
      String what = op + " " + a + " " + b;
      boolean w = want[k++];
      assertEquals(w, call(c, n + "Value", a, b), what);
      assertEquals(w ? 1 : 0, call(c, n + "If", a, b), what);
      assertEquals(w ? 1 : 0, call(c, n + "Cond", a, b), what);
      assertEquals(w ? 1 : 0, call(c, n + "While", a, b), what);
    }
  }

  private static boolean[] want(double a, double b) {
    boolean[] w = new boolean[COMPARISONS.size()];
    int k = 0;
    for (BinaryOp op : COMPARISONS) {
      w[k++] = compare(op, a, b);
    }
    return w;
  }

  @ParameterizedTest
  @EnumSource(Generator.class)
  void comparisons_matchJavaIncludingNaN(Generator g) {
    Class<?> d = define(g, compareClass("DoubleCompare", Type.DOUBLE_TYPE));
    Class<?> f = define(g, compareClass("FloatCompare", Type.FLOAT_TYPE));
    Class<?> i = define(g, compareClass("IntCompare", Type.INT_TYPE));
    Class<?> l = define(g, compareClass("LongCompare", Type.LONG_TYPE));
    double[] values = {-1.0, 0.0, -0.0, 2.0, Double.NaN, Double.NEGATIVE_INFINITY};
    for (double a : values) {
      for (double b : values) {
        checkComparisons(d, a, b, want(a, b));
        checkComparisons(f, (float) a, (float) b, want((float) a, (float) b));
      }
    }
    long[] longs = {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE};
    for (long a : longs) {
      for (long b : longs) {
        boolean[] w = new boolean[] {a < b, a <= b, a > b, a >= b, a == b, a != b};
        checkComparisons(l, a, b, w);
        checkComparisons(i, (int) (a >> 32), (int) (b >> 32), want(a >> 32, b >> 32));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Generator.class)
  void booleanOperators_matchJava(Generator g) {
    Expr.Local a = local("a", Type.BOOLEAN_TYPE);
    Expr.Local b = local("b", Type.BOOLEAN_TYPE);
    List<MethodDef> ms = new ArrayList<>();
    for (BinaryOp op : EnumSet.of(BinaryOp.AND, BinaryOp.OR, BinaryOp.XOR, BinaryOp.EQ)) {
      Expr e = new Expr.Binary(op, a, b);
      ms.add(method(op.name().toLowerCase(), Type.BOOLEAN_TYPE, List.of(a, b), Code.ret(e)));
      Stmt test = new Stmt.If(e, List.of(Code.ret(ONE)), List.of(Code.ret(ZERO)));
      ms.add(method(op.name().toLowerCase() + "If", Type.INT_TYPE, List.of(a, b), test));
    }
    Class<?> c = define(g, new ClassDef("BooleanOps", List.of(), ms, ""));
    for (boolean x : new boolean[] {false, true}) {
      for (boolean y : new boolean[] {false, true}) {
        boolean[] want = {x & y, x | y, x ^ y, x == y};
        String[] names = {"and", "or", "xor", "eq"};
        for (int k = 0; k < names.length; k++) {
          assertEquals(want[k], call(c, names[k], x, y), names[k] + " " + x + " " + y);
          assertEquals(want[k] ? 1 : 0, call(c, names[k] + "If", x, y));
        }
      }
    }
  }

  private static final Type[] NUMERIC = {
    Type.INT_TYPE,
    Type.LONG_TYPE,
    Type.FLOAT_TYPE,
    Type.DOUBLE_TYPE,
    Type.BYTE_TYPE,
    Type.SHORT_TYPE,
    Type.CHAR_TYPE
  };

  private static Object[] samples(Type t) {
    return switch (t.getSort()) {
      case Type.INT -> new Object[] {0, -1, 300, -129, 65601, Integer.MAX_VALUE, Integer.MIN_VALUE};
      case Type.LONG ->
          new Object[] {0L, -1L, 300L, (1L << 53) + 1, Long.MAX_VALUE, Long.MIN_VALUE};
      case Type.FLOAT ->
          new Object[] {-0f, 2.7f, -300.9f, Float.NaN, Float.NEGATIVE_INFINITY, 3e10f};
      case Type.DOUBLE ->
          new Object[] {
            -0.0, 2.5, -129.9, Double.NaN, Double.POSITIVE_INFINITY, 1e20, -1e20, 1e-320, 3.5e38
          };
      case Type.BYTE -> new Object[] {(byte) 0, (byte) -1, (byte) 127, (byte) -128};
      case Type.SHORT -> new Object[] {(short) -1, (short) 32767, (short) -32768, (short) 300};
      default -> new Object[] {(char) 0, 'A', (char) 65535, (char) 40000};
    };
  }

  private static Class<?> javaClass(Type t) {
    return MethodType.fromMethodDescriptorString("()" + t.getDescriptor(), null).returnType();
  }

  @ParameterizedTest
  @EnumSource(Generator.class)
  void everyPrimitiveConversion_matchesJavaCasts(Generator g) throws Throwable {
    List<MethodDef> ms = new ArrayList<>();
    for (Type from : NUMERIC) {
      for (Type to : NUMERIC) {
        Expr.Local x = local("x", from);
        String name = "c" + from.getDescriptor() + to.getDescriptor();
        ms.add(method(name, to, List.of(x), Code.ret(Code.convert(x, to))));
      }
    }
    Class<?> c = define(g, new ClassDef("Conversions", List.of(), ms, ""));
    for (Type from : NUMERIC) {
      for (Type to : NUMERIC) {
        // explicitCastArguments applies Java's casting conversion between primitives
        MethodHandle cast =
            MethodHandles.explicitCastArguments(
                MethodHandles.identity(javaClass(from)),
                MethodType.methodType(javaClass(to), javaClass(from)));
        for (Object x : samples(from)) {
          Object got = call(c, "c" + from.getDescriptor() + to.getDescriptor(), x);
          assertEquals(cast.invoke(x), got, from + " -> " + to + " of " + x);
        }
      }
    }
    assertEquals((int) Double.NaN, call(c, "cDI", Double.NaN));
    assertEquals((int) 1e20, call(c, "cDI", 1e20));
    assertEquals((int) -2.9, call(c, "cDI", -2.9));
    assertEquals((float) ((1L << 53) + 1), call(c, "cJF", (1L << 53) + 1));
    assertEquals((byte) 300, call(c, "cIB", 300));
    assertEquals((char) -1L, call(c, "cJC", -1L));
  }
}
