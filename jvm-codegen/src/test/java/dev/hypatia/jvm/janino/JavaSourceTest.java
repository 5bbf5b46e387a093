package dev.hypatia.jvm.janino;

import static dev.hypatia.jvm.code.Code.add;
import static dev.hypatia.jvm.code.Code.assign;
import static dev.hypatia.jvm.code.Code.declare;
import static dev.hypatia.jvm.code.Code.lit;
import static dev.hypatia.jvm.code.Code.load;
import static dev.hypatia.jvm.code.Code.local;
import static dev.hypatia.jvm.code.Code.loop;
import static dev.hypatia.jvm.code.Code.mul;
import static dev.hypatia.jvm.code.Code.ret;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hypatia.jvm.Backends;
import dev.hypatia.jvm.Generator;
import dev.hypatia.jvm.code.ClassDef;
import dev.hypatia.jvm.code.Code;
import dev.hypatia.jvm.code.Expr;
import dev.hypatia.jvm.code.Expr.BinaryOp;
import dev.hypatia.jvm.code.MethodDef;
import dev.hypatia.jvm.code.Stmt;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Type;

class JavaSourceTest {
  private static final Type D = Type.DOUBLE_TYPE;
  private static final Type DA = Type.getType(double[].class);

  /** axpy and a clamped sum: loops, a while, a conditional operand, casts, odd literals. */
  static ClassDef axpy() {
    Expr.Local a = local("a", D);
    Expr.Local x = local("x", DA);
    Expr.Local y = local("y", DA);
    Expr.Local i = local("i", Type.INT_TYPE);
    MethodDef axpy =
        new MethodDef(
            "axpy",
            Type.VOID_TYPE,
            List.of(a, x, y),
            List.of(
                Code.comment("elementwise"),
                loop(
                    i,
                    lit(0),
                    new Expr.ArrayLength(x),
                    lit(1),
                    List.of(Code.store(y, i, add(load(y, i), mul(a, load(x, i))))))),
            true,
            "Adds a * x to y.\nBoth arrays have the same length.");
    Expr.Local lo = local("lo", D);
    Expr.Local acc = local("acc", D);
    Expr.Local bits = local("bits", Type.LONG_TYPE);
    Expr clamped = Code.cond(Code.lt(load(x, i), lo), lo, load(x, i));
    Expr shifted = new Expr.Binary(BinaryOp.SHR, Code.convert(acc, Type.LONG_TYPE), lit(3));
    Expr result = add(mul(Code.neg(lit(-0.5)), acc), Code.convert(Code.sub(bits, lit(1L)), D));
    MethodDef sum =
        new MethodDef(
            "clampedSum",
            D,
            List.of(x, lo),
            List.of(
                declare(acc, lit(-0.0)),
                declare(i, lit(0)),
                new Stmt.While(
                    Code.lt(i, new Expr.ArrayLength(x)),
                    List.of(assign(acc, add(acc, clamped)), assign(i, add(i, lit(1))))),
                declare(bits, shifted),
                ret(result)),
            true,
            "Sums x clamped below at lo.");
    return new ClassDef("Axpy", List.of(), List.of(axpy, sum), "y += a * x");
  }

  /** An expression alone, its classes qualified ({@code java.lang} ones short). */
  private static String print(Expr e) {
    return new JavaExpr(Imports.qualified()).print(e);
  }

  @Test
  void print_axpy_isReadableJava() {
    String want =
        """
        package dev.hypatia.jvm.janino;

        /** y += a * x */
        public final class Axpy {
          public Axpy() {}

          /**
           * Adds a * x to y.
           * Both arrays have the same length.
           */
          public static void axpy(double a, double[] x, double[] y) {
            // elementwise
            for (int i = 0; i < x.length; i++) {
              y[i] = y[i] + a * x[i];
            }
          }

          /** Sums x clamped below at lo. */
          public static double clampedSum(double[] x, double lo) {
            double acc = -0.0;
            int i = 0;
            while (i < x.length) {
              acc = acc + (x[i] < lo ? lo : x[i]);
              i = i + 1;
            }
            long bits = (long) acc >> 3;
            return -(-0.5) * acc + (double) (bits - 1L);
          }
        }
        """;
    assertEquals(want, JavaSource.print(axpy(), "dev.hypatia.jvm.janino"));
  }

  @Test
  void print_axpy_runsTheSameOnBothGenerators() {
    double[] x = {1.0, -4.0, 1e6};
    Object asm = Backends.call(Backends.define(Generator.ASM, axpy()), "clampedSum", x, -1.0);
    Object janino = Backends.call(Backends.define(Generator.JANINO, axpy()), "clampedSum", x, -1.0);
    double acc = -0.0;
    for (double v : x) {
      acc = acc + (v < -1.0 ? -1.0 : v);
    }
    long bits = (long) acc >> 3;
    assertEquals(-(-0.5) * acc + (double) (bits - 1L), asm);
    assertEquals(asm, janino);
  }

  @Test
  void print_rejectsConversionBetweenNumberAndReference() {
    Expr bad = new Expr.Convert(lit(1.0), Type.getType(String.class));
    ClassDef def =
        Backends.statics(
            "Bad", Backends.method("f", Type.getType(String.class), List.of(), ret(bad)));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> JavaSource.print(def, "p"));
    assertEquals("no conversion between D and Ljava/lang/String;", e.getMessage());
  }

  @Test
  void print_precedence_parenthesisesOnlyWhereNeeded() {
    Expr.Local a = local("a", Type.INT_TYPE);
    Expr.Local b = local("b", Type.INT_TYPE);
    Expr sub = Code.sub(a, Code.sub(b, a));
    Expr neg = Code.neg(Code.neg(a));
    Expr cmp = new Expr.Binary(BinaryOp.EQ, Code.lt(a, b), lit(true));
    assertEquals("a - (b - a)", print(sub));
    assertEquals("-(-a)", print(neg));
    assertEquals("a < b == true", print(cmp));
    assertEquals("(new double[a])[b]", print(load(new Expr.NewArray(D, a), b)));
    assertEquals("Integer.MIN_VALUE - -1", print(Code.sub(lit(Integer.MIN_VALUE), lit(-1))));
    Expr.Local o = local("o", Code.OBJECT);
    Type string = Type.getType(String.class);
    Expr cast = Code.convert(o, string);
    assertEquals(
        "((String) o).length()",
        print(Code.callVirtual(cast, string, false, "length", Type.getMethodType("()I"))));
    assertEquals("(byte) 5", print(new Expr.Literal(5, Type.BYTE_TYPE)));
    assertEquals("(byte) (-5)", print(new Expr.Literal(-5, Type.BYTE_TYPE)));
  }

  @Test
  void print_operatorJavaDoesNotDefine_isRejected() {
    Expr.Local z = local("z", Type.BOOLEAN_TYPE);
    Expr sum = new Expr.Binary(BinaryOp.ADD, z, z);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> print(sum));
    assertEquals("operator + on Z", e.getMessage());
  }
}
