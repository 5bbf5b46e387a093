package dev.hypatia.symbolic.testing;

import static dev.hypatia.symbolic.testing.OpSpec.NOT_DIFFERENTIABLE;
import static dev.hypatia.symbolic.testing.OpSpec.SMOOTH;
import static dev.hypatia.symbolic.testing.SpecGens.BOUND;
import static dev.hypatia.symbolic.testing.SpecGens.F32;
import static dev.hypatia.symbolic.testing.SpecGens.F32_LOOSE;
import static dev.hypatia.symbolic.testing.SpecGens.F64;
import static dev.hypatia.symbolic.testing.SpecGens.F64_LOOSE;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.ops.Elementwise;
import dev.hypatia.symbolic.scalar.UnaryFn;
import dev.hypatia.symbolic.testing.OpSpec.Tolerance;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

/**
 * Rows of the unary elementwise functions: every {@link UnaryFn} (and polygamma of orders 2 and 3)
 * at float64 over its domain, a representative subset at float32, the integer and bool rows of the
 * functions defined there, and float functions of integer inputs (their dtype rule).
 */
final class ElemwiseSpecs {
  private ElemwiseSpecs() {}

  /**
   * The domain of a unary function: elements drawn in {@code [lo, hi]}, then moved by {@code
   * adjust} (away from a kink or a pole), and the derivative order there.
   */
  private record Domain(double lo, double hi, DoubleUnaryOperator adjust, int order) {
    Domain(double lo, double hi, int order) {
      this(lo, hi, DoubleUnaryOperator.identity(), order);
    }

    Gen<NDArray> values(DType dtype, Gen<int[]> shapes) {
      return SpecGens.mapped(SpecGens.values(dtype, shapes, lo, hi), adjust);
    }
  }

  private static final Domain ALL = new Domain(-BOUND, BOUND, SMOOTH);
  private static final Domain STEP = new Domain(-BOUND, BOUND, NOT_DIFFERENTIABLE);
  private static final Domain POSITIVE = new Domain(0.01, BOUND, SMOOTH);
  private static final Domain OPEN_UNIT = new Domain(-0.99, 0.99, SMOOTH);
  private static final Domain NONZERO =
      new Domain(-BOUND + 0.5, BOUND - 0.5, SpecGens.awayFromZero(0.5), SMOOTH);
  private static final Domain POLES = new Domain(-5, BOUND, SpecGens.awayFromPoles(), SMOOTH);

  /** Each unary function's domain for float inputs. */
  private static final Map<UnaryFn, Domain> DOMAINS = domains();

  /** Functions whose float64 results may differ from a backend's by more than a few ulps. */
  private static final Set<UnaryFn> SPECIAL =
      EnumSet.of(
          UnaryFn.ERF,
          UnaryFn.ERFC,
          UnaryFn.ERFINV,
          UnaryFn.GAMMA,
          UnaryFn.GAMMALN,
          UnaryFn.PSI,
          UnaryFn.TRIGAMMA,
          UnaryFn.TAN,
          UnaryFn.SINH,
          UnaryFn.COSH,
          UnaryFn.ARCSINH,
          UnaryFn.ARCCOSH,
          UnaryFn.ARCTANH,
          UnaryFn.EXP2,
          UnaryFn.LOG2);

  /** The functions that get a float32 row too. */
  private static final List<UnaryFn> FLOAT32_SUBSET =
      List.of(
          UnaryFn.NEG,
          UnaryFn.ABS,
          UnaryFn.SQR,
          UnaryFn.RECIPROCAL,
          UnaryFn.EXP,
          UnaryFn.LOG,
          UnaryFn.LOG1P,
          UnaryFn.SQRT,
          UnaryFn.SIN,
          UnaryFn.TANH,
          UnaryFn.SIGMOID,
          UnaryFn.SOFTPLUS,
          UnaryFn.ERF,
          UnaryFn.GAMMALN,
          UnaryFn.FLOOR,
          UnaryFn.ROUND,
          UnaryFn.ISNAN);

  /** Functions defined on integers (and, except neg and sign, on bool). */
  private static final List<UnaryFn> DISCRETE =
      List.of(
          UnaryFn.NEG,
          UnaryFn.ABS,
          UnaryFn.SIGN,
          UnaryFn.SQR,
          UnaryFn.FLOOR,
          UnaryFn.CEIL,
          UnaryFn.ROUND,
          UnaryFn.TRUNC,
          UnaryFn.NOT,
          UnaryFn.ISNAN,
          UnaryFn.ISFINITE);

  private static Map<UnaryFn, Domain> domains() {
    Map<UnaryFn, Domain> m = new EnumMap<>(UnaryFn.class);
    for (UnaryFn f : UnaryFn.values()) {
      m.put(f, ALL);
    }
    Domain kink = new Domain(-BOUND + 0.5, BOUND - 0.5, SpecGens.awayFromZero(0.5), 1);
    m.put(UnaryFn.ABS, kink);
    m.put(UnaryFn.RECIPROCAL, NONZERO);
    for (UnaryFn f : List.of(UnaryFn.LOG, UnaryFn.LOG2, UnaryFn.LOG10, UnaryFn.SQRT)) {
      m.put(f, POSITIVE);
    }
    m.put(UnaryFn.LOG1P, new Domain(-0.99, BOUND, SMOOTH));
    m.put(UnaryFn.TAN, new Domain(-1.4, 1.4, SMOOTH));
    for (UnaryFn f : List.of(UnaryFn.ARCSIN, UnaryFn.ARCCOS, UnaryFn.ARCTANH, UnaryFn.ERFINV)) {
      m.put(f, OPEN_UNIT);
    }
    m.put(UnaryFn.ARCCOSH, new Domain(1.01, BOUND, SMOOTH));
    m.put(UnaryFn.ERF, new Domain(-3, 3, SMOOTH));
    m.put(UnaryFn.ERFC, new Domain(-3, 3, SMOOTH));
    for (UnaryFn f : List.of(UnaryFn.GAMMA, UnaryFn.GAMMALN)) {
      m.put(f, POLES);
    }
    // psi' = trigamma, trigamma' = polygamma of order 2, and so on: every derivative has a rule
    m.put(UnaryFn.PSI, POLES);
    m.put(UnaryFn.TRIGAMMA, POLES);
    for (UnaryFn f :
        List.of(
            UnaryFn.SIGN,
            UnaryFn.FLOOR,
            UnaryFn.CEIL,
            UnaryFn.ROUND,
            UnaryFn.TRUNC,
            UnaryFn.ISNAN,
            UnaryFn.ISINF,
            UnaryFn.ISFINITE)) {
      m.put(f, STEP);
    }
    return m;
  }

  /** Every row of this table. */
  static List<OpSpec> all() {
    List<OpSpec> rows = new ArrayList<>();
    for (UnaryFn f : UnaryFn.values()) {
      if (f != UnaryFn.NOT) {
        rows.add(floatRow(f, DType.FLOAT64));
      }
    }
    for (int n : List.of(2, 3)) {
      rows.add(polygammaRow(n));
    }
    for (UnaryFn f : FLOAT32_SUBSET) {
      rows.add(floatRow(f, DType.FLOAT32));
    }
    for (UnaryFn f : UnaryFn.PREDICATES) {
      rows.add(specialValuesRow(f));
    }
    for (DType d : List.of(DType.INT64, DType.INT32, DType.INT8, DType.BOOL)) {
      for (UnaryFn f : DISCRETE) {
        if (!(d.isBool() && f.rule() == UnaryFn.Rule.SIGNED)) {
          rows.add(discreteRow(f, d));
        }
      }
    }
    rows.add(discreteRow(UnaryFn.SQRT, DType.INT64).withTolerances(F64, F32));
    rows.add(discreteRow(UnaryFn.EXP, DType.INT8).withTolerances(F64, F32));
    rows.add(discreteRow(UnaryFn.SIN, DType.BOOL).withTolerances(F64, F32));
    return rows;
  }

  private static OpSpec floatRow(UnaryFn f, DType dtype) {
    Domain d = DOMAINS.get(f);
    boolean special = SPECIAL.contains(f);
    Tolerance f64 = special ? F64_LOOSE : F64;
    Tolerance f32 = special ? F32_LOOSE : F32;
    int order = f.rule() == UnaryFn.Rule.PREDICATE ? NOT_DIFFERENTIABLE : d.order();
    return SpecGens.row(
        f.opName() + "/" + dtype,
        order,
        f64,
        f32,
        List.of(d.values(dtype, SpecGens.shapes())),
        v -> Elementwise.elemwise(f, v.get(0)));
  }

  /** The float64 row of polygamma of order n, away from its poles (as psi's). */
  private static OpSpec polygammaRow(int n) {
    return SpecGens.row(
        "polygamma" + n + "/float64",
        SMOOTH,
        F64_LOOSE,
        F32_LOOSE,
        List.of(POLES.values(DType.FLOAT64, SpecGens.shapes())),
        v -> Elementwise.polygamma(n, v.get(0)));
  }

  /** A float64 row of a predicate whose inputs include NaN, infinities and extreme values. */
  private static OpSpec specialValuesRow(UnaryFn f) {
    Gen<NDArray> x = ArrayGen.arrays(DType.FLOAT64, SpecGens.shapes()).withSpecialValues();
    return SpecGens.row(
        f.opName() + "/float64-specials",
        NOT_DIFFERENTIABLE,
        List.of(x),
        v -> Elementwise.elemwise(f, v.get(0)));
  }

  private static OpSpec discreteRow(UnaryFn f, DType dtype) {
    Gen<NDArray> x = SpecGens.values(dtype, SpecGens.shapes(), -BOUND, BOUND);
    return SpecGens.row(
        f.opName() + "/" + dtype,
        NOT_DIFFERENTIABLE,
        List.of(x),
        v -> Elementwise.elemwise(f, v.get(0)));
  }
}
