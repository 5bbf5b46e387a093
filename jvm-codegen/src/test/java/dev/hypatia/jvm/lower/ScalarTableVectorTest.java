package dev.hypatia.jvm.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.jvm.code.Code;
import dev.hypatia.jvm.code.Expr;
import dev.hypatia.jvm.code.ExprEvaluator;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.scalar.BinaryFn;
import dev.hypatia.symbolic.scalar.ScalarOp;
import dev.hypatia.symbolic.scalar.TernaryFn;
import dev.hypatia.symbolic.scalar.UnaryFn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.Vector;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Type;

/** {@link ScalarTable#onVector} and {@link ScalarTable#vectorBroadcast}, lane by lane. */
class ScalarTableVectorTest {
  private static final int DOUBLE_LANES = DoubleVector.SPECIES_PREFERRED.length();
  private static final int FLOAT_LANES = FloatVector.SPECIES_PREFERRED.length();
  private static final int SAMPLES = 96;
  private static final double ULPS = 4;

  @Test
  void onVector_opsWithoutAVectorForm_areExactlyThese() {
    Set<String> none = new TreeSet<>();
    for (ScalarOp op : ScalarTableTest.allOps()) {
      Type v = ScalarTable.vectorType(DType.FLOAT64).orElseThrow();
      if (ScalarTable.onVector(op, DType.FLOAT64, ScalarTableTest.locals(op.arity(), v))
          .isEmpty()) {
        none.add(op.opName());
      }
    }
    Set<String> want =
        new TreeSet<>(
            List.of(
                "sign",
                "arcsinh",
                "arccosh",
                "arctanh",
                "erf",
                "erfc",
                "erfinv",
                "gamma",
                "gammaln",
                "psi",
                "trigamma",
                "floor",
                "ceil",
                "round",
                "trunc",
                "not",
                "isnan",
                "isinf",
                "isfinite",
                "floor_div",
                "mod",
                "maximum",
                "minimum",
                "clip",
                "lt",
                "le",
                "gt",
                "ge",
                "eq",
                "neq",
                "and",
                "or",
                "xor",
                "polygamma0",
                "polygamma1",
                "polygamma2",
                "polygamma3",
                "polygamma4"));
    assertEquals(want, none);
  }

  @Test
  void onVector_isEmptyForNonFloatDtypes() {
    Expr x = Code.local("a0", Type.LONG_TYPE);
    assertTrue(ScalarTable.onVector(UnaryFn.NEG, DType.INT64, List.of(x)).isEmpty());
    assertTrue(ScalarTable.vectorType(DType.INT32).isEmpty());
    assertTrue(ScalarTable.vectorBroadcast(DType.BOOL, x).isEmpty());
  }

  @Test
  void onVector_float64_matchesEvalDoubleWithinAFewUlps() {
    for (ScalarOp op : ScalarTableTest.allOps()) {
      check(op, DType.FLOAT64);
    }
  }

  @Test
  void onVector_float32_matchesEvalDoubleToFloatPrecision() {
    for (ScalarOp op : ScalarTableTest.allOps()) {
      check(op, DType.FLOAT32);
    }
  }

  @Test
  void vectorBroadcast_fillsEveryLaneOfThePreferredSpecies() {
    Expr d = ScalarTable.vectorBroadcast(DType.FLOAT64, Code.lit(2.5)).orElseThrow();
    DoubleVector dv = (DoubleVector) ExprEvaluator.eval(d, Map.of());
    assertEquals(DoubleVector.SPECIES_PREFERRED, dv.species());
    assertTrue(Arrays.stream(dv.toArray()).allMatch(v -> v == 2.5));
    Expr f = ScalarTable.vectorBroadcast(DType.FLOAT32, Code.lit(1.5f)).orElseThrow();
    FloatVector fv = (FloatVector) ExprEvaluator.eval(f, Map.of());
    assertEquals(FloatVector.SPECIES_PREFERRED, fv.species());
    assertEquals(1.5f, fv.lane(FLOAT_LANES - 1));
  }

  private static void check(ScalarOp op, DType dtype) {
    Type type = ScalarTable.vectorType(dtype).orElseThrow();
    Optional<Expr> e = ScalarTable.onVector(op, dtype, ScalarTableTest.locals(op.arity(), type));
    if (e.isEmpty()) {
      return;
    }
    assertEquals(type, e.get().type(), op.opName());
    boolean f32 = dtype == DType.FLOAT32;
    int lanes = f32 ? FLOAT_LANES : DOUBLE_LANES;
    List<double[]> tuples = tuples(op, f32);
    for (int start = 0; start + lanes <= tuples.size(); start += lanes) {
      Object[] vectors = new Object[op.arity()];
      for (int k = 0; k < op.arity(); k++) {
        double[] lane = new double[lanes];
        for (int i = 0; i < lanes; i++) {
          lane[i] = tuples.get(start + i)[k];
        }
        vectors[k] =
            f32
                ? floatVector(lane)
                : DoubleVector.fromArray(DoubleVector.SPECIES_PREFERRED, lane, 0);
      }
      Vector<?> out = (Vector<?>) ExprEvaluator.eval(e.get(), ScalarTableTest.env(vectors));
      double[] got = out.toDoubleArray();
      for (int i = 0; i < lanes; i++) {
        double[] args = tuples.get(start + i);
        double want = op.evalDouble(args);
        want = f32 ? (float) want : want;
        assertClose(op.opName() + " " + dtype + Arrays.toString(args), want, got[i], f32);
      }
    }
  }

  private static FloatVector floatVector(double[] lane) {
    float[] f = new float[lane.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) lane[i];
    }
    return FloatVector.fromArray(FloatVector.SPECIES_PREFERRED, f, 0);
  }

  private static void assertClose(String where, double want, double got, boolean f32) {
    if (Double.isNaN(want) || Double.isInfinite(want)) {
      assertTrue(Double.compare(want, got) == 0, () -> where + ": want " + want + ", got " + got);
      return;
    }
    double ulp = f32 ? Math.ulp((float) want) : Math.ulp(want);
    assertTrue(Math.abs(got - want) <= ULPS * ulp, () -> where + ": want " + want + ", got " + got);
  }

  /** Seeded inputs on op's usual domain, then the special tuples, rounded to float for float32. */
  private static List<double[]> tuples(ScalarOp op, boolean f32) {
    SplittableRandom r = new SplittableRandom(op.opName().hashCode());
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < SAMPLES; i++) {
      out.add(sample(op, r, f32));
    }
    double[] nan = new double[op.arity()];
    Arrays.fill(nan, Double.NaN);
    out.add(nan);
    if (op == BinaryFn.POW) {
      double inf = Double.POSITIVE_INFINITY;
      out.addAll(
          List.of(
              new double[] {1, Double.NaN},
              new double[] {-1, inf},
              new double[] {-1, -inf},
              new double[] {Double.NaN, 0},
              new double[] {-2, 3},
              new double[] {0, -1}));
    }
    if (op == TernaryFn.WHERE) {
      out.add(new double[] {Double.NaN, 1, 2});
    }
    while (out.size() % 64 != 0) {
      out.add(sample(op, r, f32));
    }
    if (f32) {
      for (double[] t : out) {
        for (int k = 0; k < t.length; k++) {
          t[k] = (float) t[k];
        }
      }
    }
    return out;
  }

  private static double[] sample(ScalarOp op, SplittableRandom r, boolean f32) {
    double[] t = new double[op.arity()];
    for (int k = 0; k < t.length; k++) {
      t[k] = r.nextDouble(-10, 10);
    }
    if (op == UnaryFn.LOG || op == UnaryFn.LOG2 || op == UnaryFn.LOG10 || op == UnaryFn.SQRT) {
      t[0] = Math.pow(10, r.nextDouble(-5, 5));
    } else if (op == UnaryFn.LOG1P) {
      t[0] = r.nextDouble(-0.99, 100);
    } else if (op == UnaryFn.ARCSIN || op == UnaryFn.ARCCOS) {
      t[0] = r.nextDouble(-1, 1);
    } else if (op == UnaryFn.EXP || op == UnaryFn.EXP2 || op == UnaryFn.EXPM1) {
      t[0] = r.nextDouble(-50, 50);
    } else if (op == UnaryFn.SINH || op == UnaryFn.COSH || op == UnaryFn.TANH) {
      t[0] = r.nextDouble(-40, 40);
    } else if (op == UnaryFn.SIGMOID || op == UnaryFn.SOFTPLUS) {
      t[0] = f32 ? r.nextDouble(-80, 80) : r.nextDouble(-700, 700);
    } else if (op == BinaryFn.POW) {
      t[0] = r.nextDouble(0.01, 10);
    } else if (op == TernaryFn.WHERE) {
      t[0] = new double[] {0, 1, -2, 0.5}[r.nextInt(4)];
    }
    return t;
  }
}
