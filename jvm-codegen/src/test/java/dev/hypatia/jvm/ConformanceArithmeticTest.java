package dev.hypatia.jvm;

import static dev.hypatia.jvm.Backends.call;
import static dev.hypatia.jvm.Backends.define;
import static dev.hypatia.jvm.Backends.method;
import static dev.hypatia.jvm.code.Code.local;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hypatia.jvm.code.ClassDef;
import dev.hypatia.jvm.code.Expr;
import dev.hypatia.jvm.code.Expr.BinaryOp;
import dev.hypatia.jvm.code.MethodDef;
import dev.hypatia.jvm.code.Stmt;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.objectweb.asm.Type;

/**
 * Arithmetic of every binary operator and negation on int, long, float, double (and wrapping byte,
 * short, char), each generator against the same Java operators.
 */
class ConformanceArithmeticTest {
  private static final EnumSet<BinaryOp> FLOATING =
      EnumSet.of(BinaryOp.ADD, BinaryOp.SUB, BinaryOp.MUL, BinaryOp.DIV, BinaryOp.REM);
  private static final EnumSet<BinaryOp> INTEGRAL =
      EnumSet.range(BinaryOp.ADD, BinaryOp.USHR); // arithmetic, bitwise and shifts

  /** A class with one method per operator ({@code add(a, b)}, ...) and {@code neg(a)}. */
  private static ClassDef opsClass(String name, Type t, EnumSet<BinaryOp> ops) {
    List<MethodDef> methods = new ArrayList<>();
    Expr.Local a = local("a", t);
    for (BinaryOp op : ops) {
      boolean shift = op == BinaryOp.SHL || op == BinaryOp.SHR || op == BinaryOp.USHR;
      Expr.Local b = local("b", shift ? Type.INT_TYPE : t);
      methods.add(
          method(op.name().toLowerCase(), t, List.of(a, b), new Stmt.Return(binary(op, a, b))));
    }
    methods.add(method("neg", t, List.of(a), new Stmt.Return(new Expr.Negate(a))));
    return new ClassDef(name, List.of(), methods, "");
  }

  private static Expr binary(BinaryOp op, Expr a, Expr b) {
    return new Expr.Binary(op, a, b); // Code.binary's checks allow byte too; build directly
  }

  @ParameterizedTest
  @EnumSource(Generator.class)
  void intArithmetic_matchesJava(Generator g) {
    Class<?> c = define(g, opsClass("IntOps", Type.INT_TYPE, INTEGRAL));
    SplittableRandom rnd = new SplittableRandom(1);
    List<int[]> pairs = new ArrayList<>(List.of(new int[] {7, 3}, new int[] {-7, 3}));
    pairs.add(new int[] {Integer.MIN_VALUE, -1});
    pairs.add(new int[] {Integer.MAX_VALUE, 2});
    for (int k = 0; k < 20; k++) {
      pairs.add(new int[] {rnd.nextInt(), rnd.nextInt(-1000, 1000) | 1});
    }
    for (int[] p : pairs) {
      for (BinaryOp op : INTEGRAL) {
        Object got = call(c, op.name().toLowerCase(), p[0], p[1]);
        assertEquals(intOp(op, p[0], p[1]), got, op + " " + p[0] + " " + p[1]);
      }
      assertEquals(-p[0], call(c, "neg", p[0]));
    }
    assertThrows(ArithmeticException.class, () -> call(c, "div", 1, 0));
  }

  private static int intOp(BinaryOp op, int a, int b) {
    return switch (op) {
      case ADD -> a + b;
      case SUB -> a - b;
      case MUL -> a * b;
      case DIV -> a / b;
      case REM -> a % b;
      case AND -> a & b;
      case OR -> a | b;
      case XOR -> a ^ b;
      case SHL -> a << b;
      case SHR -> a >> b;
      case USHR -> a >>> b;
      default -> throw new IllegalArgumentException(op.name());
    };
  }

  @ParameterizedTest
  @EnumSource(Generator.class)
  void longArithmetic_matchesJava(Generator g) {
    Class<?> c = define(g, opsClass("LongOps", Type.LONG_TYPE, INTEGRAL));
    SplittableRandom rnd = new SplittableRandom(2);
    List<long[]> pairs = new ArrayList<>(List.of(new long[] {7, 3}, new long[] {-7, 3}));
    pairs.add(new long[] {Long.MIN_VALUE, -1});
    for (int k = 0; k < 20; k++) {
      pairs.add(new long[] {rnd.nextLong(), rnd.nextLong(1, 1L << 40)});
    }
    for (long[] p : pairs) {
      int s = (int) (p[1] & 127); // shift counts past 63 check the masking
      for (BinaryOp op : INTEGRAL) {
        boolean shift = op.compareTo(BinaryOp.SHL) >= 0;
        Object got = call(c, op.name().toLowerCase(), p[0], shift ? (Object) s : p[1]);
        assertEquals(longOp(op, p[0], shift ? s : p[1]), got, op + " " + p[0] + " " + p[1]);
      }
      assertEquals(-p[0], call(c, "neg", p[0]));
    }
  }

  private static long longOp(BinaryOp op, long a, long b) {
    return switch (op) {
      case ADD -> a + b;
      case SUB -> a - b;
      case MUL -> a * b;
      case DIV -> a / b;
      case REM -> a % b;
      case AND -> a & b;
      case OR -> a | b;
      case XOR -> a ^ b;
      case SHL -> a << (int) b;
      case SHR -> a >> (int) b;
      case USHR -> a >>> (int) b;
      default -> throw new IllegalArgumentException(op.name());
    };
  }

  private static final double[] DOUBLES = {
    0.0, -0.0, 1.5, -2.25, 7.0, 1e300, -1e-300, Double.NaN, Double.POSITIVE_INFINITY, 3.0, 0.1
  };

  @ParameterizedTest
  @EnumSource(Generator.class)
  void doubleArithmetic_matchesJava(Generator g) {
    Class<?> c = define(g, opsClass("DoubleOps", Type.DOUBLE_TYPE, FLOATING));
    for (double a : DOUBLES) {
      for (double b : DOUBLES) {
        for (BinaryOp op : FLOATING) {
          Object got = call(c, op.name().toLowerCase(), a, b);
          double want =
              switch (op) {
                case ADD -> a + b;
                case SUB -> a - b;
                case MUL -> a * b;
                case DIV -> a / b;
                default -> a % b;
              };
          assertEquals(want, got, op + " " + a + " " + b);
        }
      }
      assertEquals(-a, call(c, "neg", a));
    }
  }

  @ParameterizedTest
  @EnumSource(Generator.class)
  void floatArithmetic_matchesJava(Generator g) {
    Class<?> c = define(g, opsClass("FloatOps", Type.FLOAT_TYPE, FLOATING));
    for (double da : DOUBLES) {
      for (double db : DOUBLES) {
        float a = (float) da;
        float b = (float) db;
        for (BinaryOp op : FLOATING) {
          Object got = call(c, op.name().toLowerCase(), a, b);
          float want =
              switch (op) {
                case ADD -> a + b;
                case SUB -> a - b;
                case MUL -> a * b;
                case DIV -> a / b;
                default -> a % b;
              };
          assertEquals(want, got, op + " " + a + " " + b);
        }
      }
      assertEquals(-(float) da, call(c, "neg", (float) da));
    }
  }

  @ParameterizedTest
  @EnumSource(Generator.class)
  void smallIntegerArithmetic_wrapsToItsType(Generator g) {
    EnumSet<BinaryOp> ops = EnumSet.of(BinaryOp.ADD, BinaryOp.MUL, BinaryOp.SUB);
    Class<?> b = define(g, opsClass("ByteOps", Type.BYTE_TYPE, ops));
    Class<?> s = define(g, opsClass("ShortOps", Type.SHORT_TYPE, ops));
    Class<?> ch = define(g, opsClass("CharOps", Type.CHAR_TYPE, ops));
    byte x = 100;
    byte y = 90;
    assertEquals((byte) (x + y), call(b, "add", x, y));
    assertEquals((byte) (x * y), call(b, "mul", x, y));
    assertEquals((byte) -(byte) -128, call(b, "neg", (byte) -128));
    assertEquals((short) (30000 + 30000), call(s, "add", (short) 30000, (short) 30000));
    assertEquals((short) (-30000 - 30000), call(s, "sub", (short) -30000, (short) 30000));
    assertEquals((char) (65535 + 2), call(ch, "add", (char) 65535, (char) 2));
    assertEquals((char) -(char) 1, call(ch, "neg", (char) 1));
  }
}
