package dev.hypatia.jvm;

import static dev.hypatia.jvm.Backends.call;
import static dev.hypatia.jvm.Backends.define;
import static dev.hypatia.jvm.Backends.method;
import static dev.hypatia.jvm.Backends.statics;
import static dev.hypatia.jvm.code.Code.add;
import static dev.hypatia.jvm.code.Code.assign;
import static dev.hypatia.jvm.code.Code.declare;
import static dev.hypatia.jvm.code.Code.lit;
import static dev.hypatia.jvm.code.Code.load;
import static dev.hypatia.jvm.code.Code.local;
import static dev.hypatia.jvm.code.Code.loop;
import static dev.hypatia.jvm.code.Code.mul;
import static dev.hypatia.jvm.code.Code.ret;
import static dev.hypatia.jvm.code.Code.store;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hypatia.jvm.code.ClassDef;
import dev.hypatia.jvm.code.Code;
import dev.hypatia.jvm.code.Expr;
import dev.hypatia.jvm.code.Expr.BinaryOp;
import dev.hypatia.jvm.code.MethodDef;
import dev.hypatia.jvm.code.Stmt;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.objectweb.asm.Type;

/** Whole programs (loops, scopes, arrays, calls, fields, instance methods) on both generators. */
class ConformanceProgramsTest {
  private static final Type D = Type.DOUBLE_TYPE;
  private static final Type I = Type.INT_TYPE;
  private static final Type DA = Type.getType(double[].class);

  /** {@code T[] twice(T[] x)}: a new array of x[i] + x[i] (wrapping for byte, short, char). */
  private static MethodDef twice(Type elem) {
    Type arr = Type.getType("[" + elem.getDescriptor());
    Expr.Local x = local("x", arr);
    Expr.Local out = local("out", arr);
    Expr.Local i = local("i", I);
    Expr xi = load(x, i);
    return method(
        "twice" + elem.getDescriptor(),
        arr,
        List.of(x),
        declare(out, new Expr.NewArray(elem, new Expr.ArrayLength(x))),
        loop(i, lit(0), new Expr.ArrayLength(x), lit(1), List.of(store(out, i, add(xi, xi)))),
        ret(out));
  }

  /** {@code boolean[] positive(double[] x)}: comparisons stored as values. */
  private static MethodDef positive() {
    Expr.Local x = local("x", DA);
    Expr.Local out = local("out", Type.getType(boolean[].class));
    Expr.Local i = local("i", I);
    Expr gt = new Expr.Binary(BinaryOp.GT, load(x, i), lit(0.0));
    return method(
        "positive",
        out.type(),
        List.of(x),
        declare(out, new Expr.NewArray(Type.BOOLEAN_TYPE, new Expr.ArrayLength(x))),
        loop(i, lit(0), new Expr.ArrayLength(x), lit(1), List.of(store(out, i, gt))),
        ret(out));
  }

  /** {@code int count(boolean[] b)}: a boolean array element as an If test. */
  private static MethodDef count() {
    Expr.Local b = local("b", Type.getType(boolean[].class));
    Expr.Local n = local("n", I);
    Expr.Local i = local("i", I);
    Stmt inc = Code.when(load(b, i), List.of(assign(n, add(n, lit(1)))));
    return method(
        "count",
        I,
        List.of(b),
        declare(n, lit(0)),
        loop(i, lit(0), new Expr.ArrayLength(b), lit(1), List.of(inc)),
        ret(n));
  }

  @ParameterizedTest
  @EnumSource(Generator.class)
  void arraysOfEveryPrimitiveType_matchJavaLoops(Generator g) {
    Type[] elems = {D, Type.FLOAT_TYPE, Type.LONG_TYPE, I, Type.BYTE_TYPE, Type.SHORT_TYPE};
    MethodDef[] ms = new MethodDef[elems.length + 3];
    for (int k = 0; k < elems.length; k++) {
      ms[k] = twice(elems[k]);
    }
    ms[elems.length] = twice(Type.CHAR_TYPE);
    ms[elems.length + 1] = positive();
    ms[elems.length + 2] = count();
    Class<?> c = define(g, statics("Arrays", ms));
    double[] d = {1.5, -2.0, 0.0, Double.NaN};
    assertArrayEquals(new double[] {3.0, -4.0, 0.0, Double.NaN}, (double[]) call(c, "twiceD", d));
    float[] f = {1.5f, -2.25f};
    assertArrayEquals(new float[] {f[0] + f[0], f[1] + f[1]}, (float[]) call(c, "twiceF", f));
    long[] l = {Long.MAX_VALUE, -3};
    assertArrayEquals(new long[] {l[0] + l[0], l[1] + l[1]}, (long[]) call(c, "twiceJ", l));
    int[] in = {Integer.MAX_VALUE, 7};
    assertArrayEquals(new int[] {in[0] + in[0], in[1] + in[1]}, (int[]) call(c, "twiceI", in));
    byte[] b = {100, -3};
    assertArrayEquals(new byte[] {(byte) (b[0] + b[0]), -6}, (byte[]) call(c, "twiceB", b));
    short[] s = {30000};
    assertArrayEquals(new short[] {(short) (s[0] + s[0])}, (short[]) call(c, "twiceS", s));
    char[] ch = {'A', (char) 40000};
    char[] chWant = {(char) (ch[0] + ch[0]), (char) (ch[1] + ch[1])};
    assertArrayEquals(chWant, (char[]) call(c, "twiceC", ch));
    boolean[] pos = (boolean[]) call(c, "positive", d);
    assertArrayEquals(new boolean[] {d[0] > 0, d[1] > 0, d[2] > 0, d[3] > 0}, pos);
    assertEquals(1, call(c, "count", pos));
  }

  /**
   * Row sums in a nested loop, then a sibling loop (step 2, then a step from a parameter) that
   * declares locals with the same names {@code i} and {@code acc}.
   */
  @ParameterizedTest
  @EnumSource(Generator.class)
  void nestedLoops_siblingScopesReuseNames(Generator g) {
    Expr.Local a = local("a", DA);
    Expr.Local rows = local("rows", I);
    Expr.Local cols = local("cols", I);
    Expr.Local step = local("step", I);
    Expr.Local total = local("total", D);
    Expr.Local i = local("i", I);
    Expr.Local j = local("j", I);
    Expr.Local acc = local("acc", D);
    Stmt inner =
        loop(
            j, lit(0), cols, lit(1), List.of(assign(acc, add(acc, load(a, add(mul(i, cols), j))))));
    Stmt first =
        loop(
            i,
            lit(0),
            rows,
            lit(1),
            List.of(declare(acc, lit(0.0)), inner, assign(total, add(total, acc))));
    Stmt second =
        loop(
            i,
            lit(0),
            rows,
            lit(2),
            List.of(declare(acc, lit(0.5)), assign(total, add(total, acc))));
    Stmt third =
        loop(
            i,
            lit(1),
            rows,
            step,
            List.of(declare(acc, Code.convert(i, D)), assign(total, add(total, acc))));
    MethodDef m =
        method(
            "sum",
            D,
            List.of(a, rows, cols, step),
            Code.comment("row sums, then sibling loops"),
            declare(total, lit(0.0)),
            first,
            second,
            third,
            ret(total));
    Class<?> c = define(g, statics("Loops", m));
    double[] data = {1, 2, 3, 4, 5, 6};
    double want = 0;
    for (int r = 0; r < 3; r++) {
      double s = 0;
      for (int k = 0; k < 2; k++) {
        s += data[r * 2 + k];
      }
      want += s;
    }
    for (int r = 0; r < 3; r += 2) {
      want += 0.5;
    }
    for (int r = 1; r < 3; r += 2) {
      want += r;
    }
    assertEquals(want, call(c, "sum", data, 3, 2, 2));
  }

  /** Collatz steps: While, If/else, long REM/DIV/MUL. */
  @ParameterizedTest
  @EnumSource(Generator.class)
  void whileAndIfElse_countCollatzSteps(Generator g) {
    Expr.Local n = local("n", Type.LONG_TYPE);
    Expr.Local steps = local("steps", I);
    Expr even = new Expr.Binary(BinaryOp.EQ, new Expr.Binary(BinaryOp.REM, n, lit(2L)), lit(0L));
    Stmt body =
        new Stmt.If(
            even,
            List.of(assign(n, new Expr.Binary(BinaryOp.DIV, n, lit(2L)))),
            List.of(assign(n, add(mul(lit(3L), n), lit(1L)))));
    Stmt w =
        new Stmt.While(
            new Expr.Binary(BinaryOp.NE, n, lit(1L)),
            List.of(body, assign(steps, add(steps, lit(1)))));
    Class<?> c =
        define(
            g,
            statics(
                "Collatz", method("steps", I, List.of(n), declare(steps, lit(0)), w, ret(steps))));
    for (long start : new long[] {1, 6, 27, 837799}) {
      int want = 0;
      for (long x = start; x != 1; x = x % 2 == 0 ? x / 2 : 3 * x + 1) {
        want++;
      }
      assertEquals(want, call(c, "steps", start));
    }
  }

  /** Nested conditionals in both branches. */
  @ParameterizedTest
  @EnumSource(Generator.class)
  void conditional_nestedInBothBranches(Generator g) {
    Expr.Local x = local("x", D);
    Expr.Local lo = local("lo", D);
    Expr.Local hi = local("hi", D);
    Expr clamp =
        Code.cond(Code.lt(x, lo), lo, Code.cond(new Expr.Binary(BinaryOp.GT, x, hi), hi, x));
    Expr sign = Code.cond(Code.lt(lit(0.0), x), Code.cond(Code.lt(x, hi), lit(1), lit(2)), lit(0));
    Class<?> c =
        define(
            g,
            statics(
                "Clamp",
                method("clamp", D, List.of(x, lo, hi), ret(clamp)),
                method("sign", I, List.of(x, hi), ret(sign))));
    for (double v : new double[] {-5, 0.5, 7, Double.NaN}) {
      assertEquals(v < 0 ? 0.0 : (v > 1 ? 1.0 : v), call(c, "clamp", v, 0.0, 1.0));
      assertEquals(0 < v ? (v < 1 ? 1 : 2) : 0, call(c, "sign", v, 1.0));
    }
  }

  /** An instance method implementing java.util.function.DoubleUnaryOperator. */
  @ParameterizedTest
  @EnumSource(Generator.class)
  void instanceMethod_implementsInterface(Generator g) throws ReflectiveOperationException {
    Expr.Local x = local("x", D);
    MethodDef apply =
        new MethodDef(
            "applyAsDouble",
            D,
            List.of(x),
            List.of(ret(add(mul(x, x), lit(1.0)))),
            false,
            "x * x + 1");
    ClassDef def =
        new ClassDef(
            "Square",
            List.of(Type.getType(DoubleUnaryOperator.class)),
            List.of(apply),
            "squares plus one");
    DoubleUnaryOperator f = (DoubleUnaryOperator) define(g, def).getConstructor().newInstance();
    assertEquals(3.0 * 3.0 + 1.0, f.applyAsDouble(3.0));
    assertEquals((1.5 * 1.5 + 1.0) * 2, f.andThen(v -> v * 2).applyAsDouble(1.5));
  }
}
