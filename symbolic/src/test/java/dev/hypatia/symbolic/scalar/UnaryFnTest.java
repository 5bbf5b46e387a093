package dev.hypatia.symbolic.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.ArrayCompare;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.Erf;
import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.Gamma;
import org.apache.commons.numbers.gamma.InverseErf;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.Trigamma;
import org.junit.jupiter.api.Test;

class UnaryFnTest {
  /** A reference implementation and the interval of random arguments. */
  record Ref(DoubleUnaryOperator f, double lo, double hi) {}

  static final Map<UnaryFn, Ref> REFS = new EnumMap<>(UnaryFn.class);

  static {
    REFS.put(UnaryFn.NEG, new Ref(x -> -x, -10, 10));
    REFS.put(UnaryFn.ABS, new Ref(Math::abs, -10, 10));
    REFS.put(UnaryFn.SIGN, new Ref(Math::signum, -10, 10));
    REFS.put(UnaryFn.SQR, new Ref(x -> x * x, -10, 10));
    REFS.put(UnaryFn.RECIPROCAL, new Ref(x -> 1 / x, 0.1, 10));
    REFS.put(UnaryFn.EXP, new Ref(Math::exp, -20, 20));
    REFS.put(UnaryFn.EXP2, new Ref(x -> Math.pow(2, x), -20, 20));
    REFS.put(UnaryFn.EXPM1, new Ref(Math::expm1, -5, 5));
    REFS.put(UnaryFn.LOG, new Ref(Math::log, 1e-3, 100));
    REFS.put(UnaryFn.LOG2, new Ref(x -> Math.log(x) / Math.log(2), 1e-3, 100));
    REFS.put(UnaryFn.LOG10, new Ref(Math::log10, 1e-3, 100));
    REFS.put(UnaryFn.LOG1P, new Ref(Math::log1p, -0.9, 100));
    REFS.put(UnaryFn.SQRT, new Ref(Math::sqrt, 0, 100));
    REFS.put(UnaryFn.SIN, new Ref(Math::sin, -10, 10));
    REFS.put(UnaryFn.COS, new Ref(Math::cos, -10, 10));
    REFS.put(UnaryFn.TAN, new Ref(Math::tan, -1.5, 1.5));
    REFS.put(UnaryFn.ARCSIN, new Ref(Math::asin, -1, 1));
    REFS.put(UnaryFn.ARCCOS, new Ref(Math::acos, -1, 1));
    REFS.put(UnaryFn.ARCTAN, new Ref(Math::atan, -10, 10));
    REFS.put(UnaryFn.SINH, new Ref(Math::sinh, -10, 10));
    REFS.put(UnaryFn.COSH, new Ref(Math::cosh, -10, 10));
    REFS.put(UnaryFn.TANH, new Ref(Math::tanh, -10, 10));
    // The inverse hyperbolic functions: Java has none, so the reference is the definition.
    REFS.put(UnaryFn.ARCSINH, new Ref(x -> Math.log(x + Math.sqrt(x * x + 1)), 0.5, 10));
    REFS.put(UnaryFn.ARCCOSH, new Ref(x -> Math.log(x + Math.sqrt(x * x - 1)), 1.5, 10));
    REFS.put(UnaryFn.ARCTANH, new Ref(x -> 0.5 * Math.log((1 + x) / (1 - x)), -0.9, 0.9));
    REFS.put(UnaryFn.SIGMOID, new Ref(x -> 1 / (1 + Math.exp(-x)), -30, 30));
    REFS.put(UnaryFn.SOFTPLUS, new Ref(x -> Math.log1p(Math.exp(x)), -30, 30));
    REFS.put(UnaryFn.ERF, new Ref(Erf::value, -4, 4));
    REFS.put(UnaryFn.ERFC, new Ref(Erfc::value, -4, 4));
    REFS.put(UnaryFn.ERFINV, new Ref(InverseErf::value, -0.99, 0.99));
    REFS.put(UnaryFn.GAMMA, new Ref(Gamma::value, 0.1, 20));
    REFS.put(UnaryFn.GAMMALN, new Ref(LogGamma::value, 0.1, 100));
    REFS.put(UnaryFn.PSI, new Ref(Digamma::value, 0.1, 100));
    REFS.put(UnaryFn.TRIGAMMA, new Ref(Trigamma::value, 0.1, 100));
    REFS.put(UnaryFn.FLOOR, new Ref(Math::floor, -10, 10));
    REFS.put(UnaryFn.CEIL, new Ref(Math::ceil, -10, 10));
    REFS.put(UnaryFn.ROUND, new Ref(Math::rint, -10, 10));
    REFS.put(UnaryFn.TRUNC, new Ref(x -> (double) (long) x, -10, 10));
    REFS.put(UnaryFn.NOT, new Ref(x -> ~(long) x, -10, 10));
    REFS.put(UnaryFn.ISNAN, new Ref(x -> Double.isNaN(x) ? 1 : 0, -10, 10));
    REFS.put(UnaryFn.ISINF, new Ref(x -> Double.isInfinite(x) ? 1 : 0, -10, 10));
    REFS.put(UnaryFn.ISFINITE, new Ref(x -> Double.isFinite(x) ? 1 : 0, -10, 10));
  }

  @Test
  void everyFunction_hasAReference() {
    assertEquals(EnumSet.allOf(UnaryFn.class), REFS.keySet());
  }

  @Test
  void evalDouble_matchesReferencesOnRandomArgumentsInTheDomain() {
    SplittableRandom rnd = new SplittableRandom(1);
    for (UnaryFn fn : UnaryFn.values()) {
      if (fn == UnaryFn.NOT) {
        continue; // bitwise: checked on longs below
      }
      Ref ref = REFS.get(fn);
      for (int i = 0; i < 40; i++) {
        double x = ref.lo() + rnd.nextDouble() * (ref.hi() - ref.lo());
        double want = ref.f().applyAsDouble(x);
        assertTrue(ArrayCompare.close(fn.eval(x), want, 1e-12, 1e-300), fn + "(" + x + ")");
        assertEquals(fn.eval(x), fn.evalDouble(x), 0.0);
      }
    }
  }

  @Test
  void evalLong_matchesIntegerReferences() {
    SplittableRandom rnd = new SplittableRandom(2);
    for (int i = 0; i < 50; i++) {
      long x = rnd.nextLong(-1000, 1000);
      assertEquals(-x, UnaryFn.NEG.eval(x));
      assertEquals(Math.abs(x), UnaryFn.ABS.eval(x));
      assertEquals(Long.signum(x), UnaryFn.SIGN.eval(x));
      assertEquals(x * x, UnaryFn.SQR.evalLong(x));
      assertEquals(~x, UnaryFn.NOT.eval(x));
      assertEquals(x, UnaryFn.FLOOR.eval(x));
      assertEquals(x, UnaryFn.ROUND.eval(x));
      assertEquals(0, UnaryFn.ISNAN.eval(x));
      assertEquals(1, UnaryFn.ISFINITE.eval(x));
    }
  }

  @Test
  void eval_matchesNumpyAndScipyValues() {
    for (String[] row : ElemwiseFixtures.rows("elemwise_values.txt", "unary_values")) {
      UnaryFn fn = (UnaryFn) ElemwiseFixtures.byName(row[0]);
      NDArray x = ElemwiseFixtures.vector(DType.FLOAT64, row[2]);
      NDArray want = ElemwiseFixtures.vector(DType.FLOAT64, row[3]);
      for (int i = 0; i < x.size(); i++) {
        double got = fn.eval(x.flatDouble(i));
        // gammaln's reflection and digamma near its root at 1.46 lose a few more digits.
        double tol = fn == UnaryFn.GAMMALN || fn == UnaryFn.PSI ? 1e-12 : 4e-15;
        assertTrue(
            ArrayCompare.close(got, want.flatDouble(i), tol, 0),
            fn + "(" + x.flatDouble(i) + ") = " + got + ", numpy " + want.flatDouble(i));
      }
    }
  }

  @Test
  void round_isHalfToEven() {
    assertEquals(2.0, UnaryFn.ROUND.eval(2.5));
    assertEquals(-2.0, UnaryFn.ROUND.eval(-2.5));
    assertEquals(4.0, UnaryFn.ROUND.eval(3.5));
  }

  @Test
  void sigmoidAndSoftplus_stayFiniteAtPlusMinus800() {
    assertEquals(1.0, UnaryFn.SIGMOID.eval(800.0));
    assertEquals(0.0, UnaryFn.SIGMOID.eval(-800.0));
    assertEquals(800.0, UnaryFn.SOFTPLUS.eval(800.0));
    assertEquals(0.0, UnaryFn.SOFTPLUS.eval(-800.0));
    assertTrue(UnaryFn.SIGMOID.eval(-700.0) > 0);
  }

  @Test
  void outputDType_matchesNumpyForEveryDType() {
    for (String[] row : ElemwiseFixtures.rows("elemwise_dtypes.txt", "unary")) {
      ScalarOp op = ElemwiseFixtures.byName(row[0]);
      assertEquals(
          row[2],
          ElemwiseFixtures.outputDTypeName(op, List.of(row[1])),
          row[0] + "(" + row[1] + ")");
    }
  }

  @Test
  void outputDType_ofFunctionsNumpyLacks_isToFloat() {
    Set<UnaryFn> scipy =
        EnumSet.of(
            UnaryFn.SIGMOID,
            UnaryFn.SOFTPLUS,
            UnaryFn.ERF,
            UnaryFn.ERFC,
            UnaryFn.ERFINV,
            UnaryFn.GAMMA,
            UnaryFn.GAMMALN,
            UnaryFn.PSI,
            UnaryFn.RECIPROCAL);
    for (UnaryFn fn : scipy) {
      assertTrue(UnaryFn.FLOAT_FUNCTIONS.contains(fn));
      for (DType d : DType.values()) {
        assertEquals(d.toFloat(), fn.outputDType(List.of(d)));
      }
    }
  }

  @Test
  void neg_rejectsBool() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> UnaryFn.NEG.outputDType(DType.BOOL));
    assertEquals("neg is not defined for bool (use not), got bool", e.getMessage());
  }

  @Test
  void not_rejectsFloats() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> UnaryFn.NOT.outputDType(DType.FLOAT32));
    assertEquals("not needs bool or integer input, got float32", e.getMessage());
  }

  @Test
  void outputDType_rejectsWrongArity() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> UnaryFn.EXP.outputDType(List.of(DType.FLOAT64, DType.FLOAT64)));
    assertEquals("exp takes 1 inputs, got 2", e.getMessage());
  }

  @Test
  void predicates_returnBool() {
    for (UnaryFn fn : UnaryFn.PREDICATES) {
      assertEquals(DType.BOOL, fn.outputDType(DType.FLOAT32));
      assertEquals(UnaryFn.Rule.PREDICATE, fn.rule());
      assertEquals(1, fn.arity());
    }
  }
}
