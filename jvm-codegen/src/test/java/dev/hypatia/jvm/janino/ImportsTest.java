package dev.hypatia.jvm.janino;

import static dev.hypatia.jvm.Backends.call;
import static dev.hypatia.jvm.Backends.method;
import static dev.hypatia.jvm.Backends.statics;
import static dev.hypatia.jvm.code.Code.add;
import static dev.hypatia.jvm.code.Code.assign;
import static dev.hypatia.jvm.code.Code.declare;
import static dev.hypatia.jvm.code.Code.lit;
import static dev.hypatia.jvm.code.Code.local;
import static dev.hypatia.jvm.code.Code.loop;
import static dev.hypatia.jvm.code.Code.ret;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hypatia.jvm.code.ClassDef;
import dev.hypatia.jvm.code.Code;
import dev.hypatia.jvm.code.Expr;
import dev.hypatia.jvm.code.MethodDef;
import dev.hypatia.jvm.runtime.VectorSupport;
import java.util.List;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Type;

class ImportsTest {
  private static final String PKG = JaninoGenerator.PACKAGE;
  private static final Type D = Type.DOUBLE_TYPE;
  private static final Type I = Type.INT_TYPE;
  private static final Type DA = Type.getType(double[].class);

  private static Expr invoke(Expr target, Class<?> owner, String name, Class<?>[] ps, Expr... as) {
    try {
      Type m = Type.getType(owner.getMethod(name, ps));
      return Code.callVirtual(target, Type.getType(owner), owner.isInterface(), name, m, as);
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
  }

  private static Expr field(Class<?> owner, String name, Class<?> type) {
    return new Expr.GetStatic(Type.getType(owner), name, Type.getType(type));
  }

  /** Vector lane sums of x, doubled by a call to the class's own static method. */
  static ClassDef vectorSum() {
    Expr.Local x = local("x", DA);
    Expr.Local acc = local("acc", D);
    Expr.Local species = local("species", Type.getType(VectorSpecies.class));
    Expr.Local i = local("i", I);
    Expr loaded =
        Code.callStatic(
            DoubleVector.class,
            "fromArray",
            new Class<?>[] {VectorSpecies.class, double[].class, int.class},
            species,
            x,
            i);
    Expr add = field(VectorOperators.class, "ADD", VectorOperators.Associative.class);
    Class<?>[] associative = {VectorOperators.Associative.class};
    Expr sum = invoke(loaded, DoubleVector.class, "reduceLanes", associative, add);
    Expr.Local v = local("v", D);
    MethodDef twice = method("twice", D, List.of(v), ret(Code.mul(v, lit(2.0))));
    Expr n = new Expr.ArrayLength(x);
    Expr bound = invoke(species, VectorSpecies.class, "loopBound", new Class<?>[] {int.class}, n);
    Expr doubled =
        Code.callStatic(
            Type.getObjectType(PKG.replace('.', '/') + "/Kernel"),
            "twice",
            Type.getMethodType(D, D),
            acc);
    MethodDef main =
        method(
            "sum",
            D,
            List.of(x),
            declare(species, field(DoubleVector.class, "SPECIES_PREFERRED", VectorSpecies.class)),
            declare(acc, lit(0.0)),
            loop(
                i,
                lit(0),
                bound,
                invoke(species, VectorSpecies.class, "length", new Class<?>[0]),
                List.of(assign(acc, add(acc, sum)))),
            ret(doubled));
    return statics("Kernel", main, twice);
  }

  @Test
  void print_vectorKernel_importsClassesAndUsesSimpleNames() {
    String want =
        """
        package dev.hypatia.jvm.janino;

        import jdk.incubator.vector.DoubleVector;
        import jdk.incubator.vector.VectorOperators;
        import jdk.incubator.vector.VectorSpecies;

        public final class Kernel {
          public Kernel() {}

          public static double sum(double[] x) {
            VectorSpecies species = DoubleVector.SPECIES_PREFERRED;
            double acc = 0.0;
            for (int i = 0; i < species.loopBound(x.length); i += species.length()) {
              acc = acc + DoubleVector.fromArray(species, x, i).reduceLanes(VectorOperators.ADD);
            }
            return twice(acc);
          }

          public static double twice(double v) {
            return v * 2.0;
          }
        }
        """;
    assertEquals(want, JavaSource.print(vectorSum(), PKG));
  }

  @Test
  void define_vectorKernel_janinoCompilesTheImportsAndSelfCall() {
    Assumptions.assumeTrue(VectorSupport.available());
    double[] x = new double[37];
    for (int k = 0; k < x.length; k++) {
      x[k] = k * 0.25 - 3.0;
    }
    VectorSpecies<Double> species = DoubleVector.SPECIES_PREFERRED;
    double acc = 0.0;
    for (int i = 0; i < species.loopBound(x.length); i += species.length()) {
      acc = acc + DoubleVector.fromArray(species, x, i).reduceLanes(VectorOperators.ADD);
    }
    Object janino = call(JaninoGenerator.define(vectorSum()), "sum", (Object) x);
    assertEquals(acc * 2.0, janino);
  }

  /** java.sql.Date and java.util.Date: the first in name order is imported. */
  static ClassDef twoDates() {
    Type sqlDate = Type.getType(java.sql.Date.class);
    Type utilDate = Type.getType(java.util.Date.class);
    Expr.Local s = local("s", Type.getType(String.class));
    Expr.Local d = local("d", sqlDate);
    Expr.Local u = local("u", utilDate);
    Expr parsed = Code.callStatic(java.sql.Date.class, "valueOf", new Class<?>[] {String.class}, s);
    Expr time = Code.callVirtual(u, utilDate, false, "getTime", Type.getMethodType("()J"));
    return statics(
        "Dates",
        method(
            "millis",
            Type.LONG_TYPE,
            List.of(s),
            declare(d, parsed),
            declare(u, Code.convert(d, utilDate)),
            ret(time)));
  }

  @Test
  void print_sameSimpleNameInTwoPackages_importsOneAndQualifiesTheOther() {
    String want =
        """
        package dev.hypatia.jvm.janino;

        import java.sql.Date;

        public final class Dates {
          public Dates() {}

          public static long millis(String s) {
            Date d = Date.valueOf(s);
            java.util.Date u = (java.util.Date) d;
            return u.getTime();
          }
        }
        """;
    assertEquals(want, JavaSource.print(twoDates(), PKG));
    long want2 = java.sql.Date.valueOf("2024-02-29").getTime();
    assertEquals(want2, call(JaninoGenerator.define(twoDates()), "millis", "2024-02-29"));
  }

  /**
   * A class named Math, a local named Double, a local named Objects and a class elsewhere named
   * String: each clashes with a simple name, so the other class prints qualified.
   */
  static ClassDef clashes() {
    Expr.Local x = local("x", D);
    Expr.Local nan = local("Double", D);
    Expr.Local objects = local("Objects", Code.OBJECT);
    Expr abs = Code.callStatic(Math.class, "abs", new Class<?>[] {double.class}, x);
    Expr hash =
        Code.callStatic(
            java.util.Objects.class, "hashCode", new Class<?>[] {Object.class}, objects);
    Type fakeString = Type.getObjectType("org/example/String");
    Expr.Local f = local("f", fakeString);
    return statics(
        "Math",
        method("abs", D, List.of(x), declare(nan, lit(Double.NaN)), ret(Code.add(abs, nan))),
        method("hash", I, List.of(objects), ret(hash)),
        method("fake", fakeString, List.of(f), ret(f)));
  }

  @Test
  void print_namesTakenByTheClassLocalsOrJavaLang_printQualified() {
    String want =
        """
        package p;

        public final class Math {
          public Math() {}

          public static double abs(double x) {
            double Double = java.lang.Double.NaN;
            return java.lang.Math.abs(x) + Double;
          }

          public static int hash(Object Objects) {
            return java.util.Objects.hashCode(Objects);
          }

          public static org.example.String fake(org.example.String f) {
            return f;
          }
        }
        """;
    assertEquals(want, JavaSource.print(clashes(), "p"));
  }

  @Test
  void define_namesTakenByTheClassOrLocals_compileQualified() {
    ClassDef def = new ClassDef("Math", List.of(), clashes().methods().subList(0, 2), "");
    Class<?> c = JaninoGenerator.define(def);
    assertEquals(Double.NaN, call(c, "abs", -2.0));
    assertEquals(java.util.Objects.hashCode("k"), call(c, "hash", "k"));
  }
}
