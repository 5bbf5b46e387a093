package dev.hypatia.jvm;

import static dev.hypatia.jvm.Backends.call;
import static dev.hypatia.jvm.Backends.define;
import static dev.hypatia.jvm.Backends.method;
import static dev.hypatia.jvm.Backends.statics;
import static dev.hypatia.jvm.code.Code.add;
import static dev.hypatia.jvm.code.Code.assign;
import static dev.hypatia.jvm.code.Code.declare;
import static dev.hypatia.jvm.code.Code.eval;
import static dev.hypatia.jvm.code.Code.lit;
import static dev.hypatia.jvm.code.Code.load;
import static dev.hypatia.jvm.code.Code.local;
import static dev.hypatia.jvm.code.Code.loop;
import static dev.hypatia.jvm.code.Code.ret;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hypatia.jvm.code.Code;
import dev.hypatia.jvm.code.Expr;
import dev.hypatia.jvm.code.MethodDef;
import dev.hypatia.jvm.code.Stmt;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.objectweb.asm.Type;

/** Calls of every kind, static fields, array creation, literals and returns of every type. */
class ConformanceCallsTest {
  private static final Type D = Type.DOUBLE_TYPE;
  private static final Type I = Type.INT_TYPE;
  private static final Type DA = Type.getType(double[].class);
  private static final Type STRING = Type.getType(String.class);
  private static final Type LIST = Type.getType(List.class);

  @ParameterizedTest
  @EnumSource(Generator.class)
  void calls_staticVirtualInterfaceAndDroppedResults(Generator g) {
    Expr.Local x = local("x", DA);
    Expr.Local s = local("s", STRING);
    Expr.Local l = local("l", LIST);
    Expr.Local acc = local("acc", D);
    Expr.Local i = local("i", I);
    Expr exp = Code.callStatic(Math.class, "exp", new Class<?>[] {double.class}, load(x, i));
    MethodDef expSum =
        method(
            "expSum",
            D,
            List.of(x),
            declare(acc, lit(0.0)),
            loop(i, lit(0), new Expr.ArrayLength(x), lit(1), List.of(assign(acc, add(acc, exp)))),
            ret(acc));
    Expr length = Code.callVirtual(s, STRING, false, "length", Type.getMethodType("()I"));
    Expr size = Code.callVirtual(l, LIST, true, "size", Type.getMethodType("()I"));
    Expr max =
        Code.callStatic(Math.class, "max", new Class<?>[] {int.class, int.class}, length, size);
    Expr hash = Code.callStatic(Objects.class, "hashCode", new Class<?>[] {Object.class}, s);
    Expr fill =
        Code.callStatic(
            Arrays.class, "fill", new Class<?>[] {double[].class, double.class}, x, lit(7.0));
    MethodDef effects =
        method(
            "effects",
            Type.VOID_TYPE,
            List.of(x, s),
            eval(Code.callStatic(Math.class, "exp", new Class<?>[] {double.class}, lit(1.0))),
            eval(Code.callVirtual(s, STRING, false, "length", Type.getMethodType("()I"))),
            eval(new Expr.ArrayLength(x)),
            eval(fill));
    Class<?> c =
        define(
            g,
            statics(
                "Calls",
                expSum,
                effects,
                method("max", I, List.of(s, l), ret(max)),
                method("hash", I, List.of(s), ret(hash))));
    double[] data = {0.5, -1.0, 2.0};
    double want = 0;
    for (double v : data) {
      want += Math.exp(v);
    }
    assertEquals(want, call(c, "expSum", data));
    assertEquals(
        Math.max("abc".length(), List.of(1, 2, 3, 4).size()),
        call(c, "max", "abc", List.of(1, 2, 3, 4)));
    assertEquals(Objects.hashCode("abc"), call(c, "hash", "abc"));
    assertNull(call(c, "effects", data, "s"));
    assertArrayEquals(new double[] {7.0, 7.0, 7.0}, data);
  }

  @ParameterizedTest
  @EnumSource(Generator.class)
  void fieldsArrayCreationAndReferenceCasts(Generator g) {
    Type unit = Type.getType(TimeUnit.class);
    Expr.Local s = local("s", STRING);
    Expr.Local x = local("x", DA);
    Expr.Local n = local("n", I);
    Expr.Local grid = local("grid", Type.getType(double[][].class));
    Type objects = Type.getType(Object.class);
    Expr.Local o = local("o", objects);
    Type length = Type.getMethodType("()I");
    MethodDef castLength =
        method(
            "castLength",
            I,
            List.of(o),
            ret(Code.callVirtual(Code.convert(o, STRING), STRING, false, "length", length)));
    MethodDef castArray =
        method("castArray", D, List.of(o), ret(load(Code.convert(o, DA), lit(0))));
    Class<?> c =
        define(
            g,
            statics(
                "Fields",
                method(
                    "maxValue",
                    D,
                    List.of(),
                    ret(new Expr.GetStatic(Type.getType(Double.class), "MAX_VALUE", D))),
                method("unit", unit, List.of(), ret(new Expr.GetStatic(unit, "SECONDS", unit))),
                method(
                    "names",
                    Type.getType(String[].class),
                    List.of(s),
                    ret(
                        new Expr.ArrayOf(
                            STRING, List.of(s, lit("b"), new Expr.Literal(null, STRING))))),
                method(
                    "objects",
                    Type.getType(Object[].class),
                    List.of(x, s),
                    ret(new Expr.ArrayOf(objects, List.of(x, s)))),
                method(
                    "grid",
                    grid.type(),
                    List.of(n),
                    declare(grid, new Expr.NewArray(DA, n)),
                    Code.store(grid, lit(0), new Expr.NewArray(D, lit(3))),
                    Code.store(load(grid, lit(0)), lit(1), lit(2.5)),
                    ret(grid)),
                castLength,
                castArray,
                method(
                    "createdLength",
                    I,
                    List.of(n),
                    ret(new Expr.ArrayLength(new Expr.NewArray(D, n))))));
    assertEquals(Double.MAX_VALUE, call(c, "maxValue"));
    assertEquals(TimeUnit.SECONDS, call(c, "unit"));
    assertArrayEquals(new String[] {"a", "b", null}, (String[]) call(c, "names", "a"));
    double[] one = {1};
    assertArrayEquals(new Object[] {one, "s"}, (Object[]) call(c, "objects", one, "s"));
    double[][] want = new double[2][];
    want[0] = new double[3];
    want[0][1] = 2.5;
    assertArrayEquals(want, (double[][]) call(c, "grid", 2));
    assertEquals(new double[4].length, call(c, "createdLength", 4));
    Object four = "four";
    assertEquals(((String) four).length(), call(c, "castLength", four));
    Object arr = new double[] {2.5};
    assertEquals(((double[]) arr)[0], call(c, "castArray", arr));
    assertThrows(ClassCastException.class, () -> call(c, "castLength", arr));
  }

  private static final Object[] LITERALS = {
    Double.NaN,
    Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY,
    -0.0,
    0.0,
    Double.MIN_VALUE,
    0.1,
    Double.MAX_VALUE,
    -1.0 / 3,
    Float.NaN,
    Float.NEGATIVE_INFINITY,
    -0.0f,
    Float.MIN_VALUE,
    0.1f,
    1.0f / 3,
    Long.MIN_VALUE,
    Long.MAX_VALUE,
    -5L,
    Integer.MIN_VALUE,
    -7,
    1 << 20,
    true,
    false,
    "quote \" backslash \\ newline \n tab \t bell \u0007 e-acute \u00e9 \\u0041",
    (byte) -5,
    (short) 1234,
    'A',
    '\n'
  };

  private static Type typeOf(Object v) {
    return v instanceof Byte
        ? Type.BYTE_TYPE
        : v instanceof Short
            ? Type.SHORT_TYPE
            : v instanceof Character
                ? Type.CHAR_TYPE
                : v instanceof String ? STRING : Type.getType(MethodTypes.primitive(v.getClass()));
  }

  /** Each literal returned from its own method: every return type, exact values. */
  @ParameterizedTest
  @EnumSource(Generator.class)
  void literalsAndReturnsOfEveryType_areExact(Generator g) {
    MethodDef[] ms = new MethodDef[LITERALS.length + 2];
    for (int k = 0; k < LITERALS.length; k++) {
      Type t = typeOf(LITERALS[k]);
      ms[k] = method("v" + k, t, List.of(), ret(new Expr.Literal(LITERALS[k], t)));
    }
    ms[LITERALS.length] = method("none", STRING, List.of(), ret(new Expr.Literal(null, STRING)));
    Expr.Local x = local("x", DA);
    Stmt fill =
        loop(
            local("i", I),
            lit(0),
            new Expr.ArrayLength(x),
            lit(1),
            List.of(Code.store(x, local("i", I), Code.neg(lit(-0.0)))));
    ms[LITERALS.length + 1] = method("fill", Type.VOID_TYPE, List.of(x), fill);
    Class<?> c = define(g, statics("Literals", ms));
    for (int k = 0; k < LITERALS.length; k++) {
      assertEquals(LITERALS[k], call(c, "v" + k), "literal " + LITERALS[k]);
    }
    assertNull(call(c, "none"));
    double[] x2 = {1, 2};
    call(c, "fill", (Object) x2);
    assertArrayEquals(new double[] {-(-0.0), -(-0.0)}, x2);
  }

  /** Maps boxes to primitives for {@link Type#getType(Class)}. */
  private static final class MethodTypes {
    static Class<?> primitive(Class<?> box) {
      return java.lang.invoke.MethodType.methodType(box).unwrap().returnType();
    }
  }
}
