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
import static dev.hypatia.jvm.code.Code.ret;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hypatia.jvm.code.Code;
import dev.hypatia.jvm.code.Expr;
import dev.hypatia.jvm.code.MethodDef;
import dev.hypatia.jvm.runtime.VectorSupport;
import java.util.List;
import java.util.SplittableRandom;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.objectweb.asm.Type;

/** A Vector API loop (exp of each lane, stored and summed) compiles and runs on both generators. */
class ConformanceVectorTest {
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

  /** {@code double expSum(double[] x, double[] out)}: out = exp(x), returns the lane sums. */
  private static MethodDef expSum() {
    Expr.Local x = local("x", DA);
    Expr.Local out = local("out", DA);
    Expr.Local acc = local("acc", D);
    Expr.Local bound = local("bound", I);
    Expr.Local lanes = local("lanes", I);
    Expr.Local i = local("i", I);
    Expr.Local v = local("v", Type.getType(DoubleVector.class));
    Expr.Local e = local("e", D);
    Expr species = field(DoubleVector.class, "SPECIES_PREFERRED", VectorSpecies.class);
    Expr n = new Expr.ArrayLength(x);
    Expr loaded =
        Code.callStatic(
            DoubleVector.class,
            "fromArray",
            new Class<?>[] {VectorSpecies.class, double[].class, int.class},
            species,
            x,
            i);
    Expr exp =
        invoke(
            loaded,
            DoubleVector.class,
            "lanewise",
            new Class<?>[] {VectorOperators.Unary.class},
            field(VectorOperators.class, "EXP", VectorOperators.Unary.class));
    Expr sum =
        invoke(
            v,
            DoubleVector.class,
            "reduceLanes",
            new Class<?>[] {VectorOperators.Associative.class},
            field(VectorOperators.class, "ADD", VectorOperators.Associative.class));
    return method(
        "expSum",
        D,
        List.of(x, out),
        declare(acc, lit(0.0)),
        declare(lanes, invoke(species, VectorSpecies.class, "length", new Class<?>[0])),
        declare(
            bound,
            invoke(species, VectorSpecies.class, "loopBound", new Class<?>[] {int.class}, n)),
        loop(
            i,
            lit(0),
            bound,
            lanes,
            List.of(
                declare(v, exp),
                Code.eval(
                    invoke(
                        v,
                        DoubleVector.class,
                        "intoArray",
                        new Class<?>[] {double[].class, int.class},
                        out,
                        i)),
                assign(acc, add(acc, sum)))),
        loop(
            i,
            bound,
            n,
            lit(1),
            List.of(
                declare(
                    e,
                    Code.callStatic(Math.class, "exp", new Class<?>[] {double.class}, load(x, i))),
                Code.store(out, i, e),
                assign(acc, add(acc, e)))),
        ret(acc));
  }

  /** The same computation written by hand. */
  private static double expSumByHand(double[] x, double[] out) {
    VectorSpecies<Double> species = DoubleVector.SPECIES_PREFERRED;
    double acc = 0.0;
    int bound = species.loopBound(x.length);
    for (int i = 0; i < bound; i += species.length()) {
      DoubleVector v = DoubleVector.fromArray(species, x, i).lanewise(VectorOperators.EXP);
      v.intoArray(out, i);
      acc = acc + v.reduceLanes(VectorOperators.ADD);
    }
    for (int i = bound; i < x.length; i++) {
      double e = Math.exp(x[i]);
      out[i] = e;
      acc = acc + e;
    }
    return acc;
  }

  @ParameterizedTest
  @EnumSource(Generator.class)
  void vectorExpSum_matchesHandWrittenVectorCode(Generator g) {
    Assumptions.assumeTrue(VectorSupport.available(), "no jdk.incubator.vector in this JVM");
    Class<?> c = define(g, statics("VectorExpSum", expSum()));
    SplittableRandom rnd = new SplittableRandom(6);
    double[] x = rnd.doubles(37, -3, 3).toArray();
    double[] out = new double[x.length];
    double[] want = new double[x.length];
    assertEquals(expSumByHand(x, want), call(c, "expSum", x, out));
    assertArrayEquals(want, out);
    double scalar = 0;
    for (double v : x) {
      scalar += Math.exp(v);
    }
    assertEquals(scalar, (double) call(c, "expSum", x, out), 1e-12 * scalar);
  }
}
