package dev.hypatia.symbolic.testing;

import static dev.hypatia.symbolic.testing.OpSpec.NOT_DIFFERENTIABLE;
import static dev.hypatia.symbolic.testing.OpSpec.SMOOTH;
import static dev.hypatia.symbolic.testing.SpecGens.BOUND;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Elementwise;
import dev.hypatia.symbolic.ops.Elemwise;
import dev.hypatia.symbolic.scalar.BinaryFn;
import dev.hypatia.symbolic.scalar.Composite;
import dev.hypatia.symbolic.scalar.Composite.Instruction;
import dev.hypatia.symbolic.scalar.TernaryFn;
import dev.hypatia.symbolic.scalar.UnaryFn;
import dev.hypatia.symbolic.testing.OpSpec.Case;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;

/**
 * Rows of the binary and ternary elementwise functions and of casts: every {@link BinaryFn} at
 * float64 with broadcasting, a float32 subset, integer and bool rows for arithmetic, comparisons
 * and the logical and bitwise functions, mixed dtypes (promotion), weak Java scalars, {@code where}
 * and {@code clip}, casts between kinds, and fused {@link Composite} programs.
 */
final class BinarySpecs {
  private BinarySpecs() {}

  private static final double[] ALL = {-BOUND, BOUND};

  /**
   * Moves values by a quarter, off the whole numbers that the generators favour, so that two inputs
   * rarely tie at a kink (maximum, clip).
   */
  private static final DoubleUnaryOperator OFF_WHOLE = x -> x + 0.25;

  /** The float functions, with the arithmetic ones first. */
  private static final List<BinaryFn> FLOAT32_SUBSET =
      List.of(
          BinaryFn.ADD,
          BinaryFn.SUB,
          BinaryFn.MUL,
          BinaryFn.TRUE_DIV,
          BinaryFn.POW,
          BinaryFn.ARCTAN2,
          BinaryFn.MAXIMUM,
          BinaryFn.LT,
          BinaryFn.EQ);

  /** Every row of this table. */
  static List<OpSpec> all() {
    List<OpSpec> rows = new ArrayList<>();
    for (BinaryFn f : BinaryFn.values()) {
      if (!BinaryFn.BITWISE.contains(f)) {
        rows.add(floatRow(f, DType.FLOAT64));
      }
    }
    for (BinaryFn f : FLOAT32_SUBSET) {
      rows.add(floatRow(f, DType.FLOAT32));
    }
    for (DType d : List.of(DType.INT64, DType.INT32, DType.INT8, DType.BOOL)) {
      for (BinaryFn f : BinaryFn.values()) {
        if (!(d.isBool() && f == BinaryFn.SUB)) {
          rows.add(discreteRow(f, d, d));
        }
      }
    }
    rows.add(discreteRow(BinaryFn.ADD, DType.INT8, DType.INT32));
    rows.add(discreteRow(BinaryFn.MUL, DType.BOOL, DType.INT64));
    rows.add(discreteRow(BinaryFn.XOR, DType.INT8, DType.BOOL));
    rows.add(discreteRow(BinaryFn.LT, DType.INT32, DType.INT64));
    rows.add(mixedRow(BinaryFn.ADD, DType.INT8, DType.FLOAT32));
    rows.add(mixedRow(BinaryFn.MUL, DType.INT32, DType.FLOAT32));
    rows.add(mixedRow(BinaryFn.SUB, DType.FLOAT32, DType.FLOAT64));
    rows.add(mixedRow(BinaryFn.TRUE_DIV, DType.BOOL, DType.FLOAT32));
    rows.add(weakScalarRow());
    rows.addAll(ternaryRows());
    rows.addAll(castRows());
    rows.addAll(compositeRows());
    return rows;
  }

  private static OpSpec floatRow(BinaryFn f, DType d) {
    double[][] ranges = {ALL, ALL};
    DoubleUnaryOperator adjustB = DoubleUnaryOperator.identity();
    int order = SMOOTH;
    switch (f) {
      case TRUE_DIV, ARCTAN2 -> adjustB = SpecGens.awayFromZero(0.5);
      case FLOOR_DIV, MOD -> {
        adjustB = SpecGens.awayFromZero(0.5);
        order = NOT_DIFFERENTIABLE;
      }
      case POW -> ranges = new double[][] {{0.1, 5}, {-3, 3}};
      case MAXIMUM, MINIMUM -> {
        adjustB = OFF_WHOLE;
        order = 1;
      }
      default -> order = BinaryFn.COMPARISON.contains(f) ? NOT_DIFFERENTIABLE : SMOOTH;
    }
    DoubleUnaryOperator b = adjustB;
    Gen<List<NDArray>> in = adjusted(SpecGens.broadcasting(List.of(d, d), ranges), 1, b);
    if (f == BinaryFn.ARCTAN2) {
      // arctan2(y, x) jumps by 2 pi across y = 0 for x < 0: keep y off its branch cut
      in = adjusted(in, 0, SpecGens.awayFromZero(0.5));
    }
    return SpecGens.row(f.opName() + "/" + d, order, cases(in, v -> apply(f, v)));
  }

  private static OpSpec discreteRow(BinaryFn f, DType a, DType b) {
    double[][] ranges = {ALL, ALL};
    if (f == BinaryFn.POW) {
      ranges = new double[][] {{-3, 3}, {0, 4}};
    }
    Gen<List<NDArray>> in = SpecGens.broadcasting(List.of(a, b), ranges);
    String name = f.opName() + "/" + (a == b ? a : a + "+" + b);
    return SpecGens.row(name, NOT_DIFFERENTIABLE, cases(in, v -> apply(f, v)));
  }

  private static OpSpec mixedRow(BinaryFn f, DType a, DType b) {
    double[][] ranges = {ALL, {0.5, BOUND}};
    Gen<List<NDArray>> in = SpecGens.broadcasting(List.of(a, b), ranges);
    return SpecGens.row(f.opName() + "/" + a + "+" + b, SMOOTH, cases(in, v -> apply(f, v)));
  }

  /** float32 times a weak Java double: stays float32 (NEP 50). */
  private static OpSpec weakScalarRow() {
    Gen<NDArray> x = SpecGens.values(DType.FLOAT32, SpecGens.shapes(), -BOUND, BOUND);
    return SpecGens.row(
        "mul/float32*weak-double", SMOOTH, List.of(x), v -> Elementwise.mul(v.get(0), 2.5));
  }

  private static List<OpSpec> ternaryRows() {
    double[][] where = {{0, 1}, ALL, ALL};
    Gen<List<NDArray>> w64 =
        SpecGens.broadcasting(List.of(DType.BOOL, DType.FLOAT64, DType.FLOAT64), where);
    Gen<List<NDArray>> w32 =
        SpecGens.broadcasting(List.of(DType.INT32, DType.INT32, DType.INT8), where);
    double[][] clip = {ALL, {-5, -1}, {1, 5}};
    Gen<List<NDArray>> c64 =
        adjusted(
            SpecGens.broadcasting(List.of(DType.FLOAT64, DType.FLOAT64, DType.FLOAT64), clip),
            0,
            OFF_WHOLE);
    Gen<List<NDArray>> c32 =
        adjusted(
            SpecGens.broadcasting(List.of(DType.FLOAT32, DType.FLOAT32, DType.FLOAT32), clip),
            0,
            OFF_WHOLE);
    Gen<List<NDArray>> ci =
        SpecGens.broadcasting(List.of(DType.INT64, DType.INT32, DType.INT8), clip);
    Function<List<Variable>, Variable> whereFn =
        v -> Elementwise.elemwise(TernaryFn.WHERE, v.get(0), v.get(1), v.get(2));
    Function<List<Variable>, Variable> clipFn =
        v -> Elementwise.elemwise(TernaryFn.CLIP, v.get(0), v.get(1), v.get(2));
    return List.of(
        SpecGens.row("where/bool,float64", SMOOTH, cases(w64, whereFn)),
        SpecGens.row("where/int32,int32,int8", NOT_DIFFERENTIABLE, cases(w32, whereFn)),
        SpecGens.row("clip/float64", 1, cases(c64, clipFn)),
        SpecGens.row("clip/float32", 1, cases(c32, clipFn)),
        SpecGens.row("clip/int64,int32,int8", NOT_DIFFERENTIABLE, cases(ci, clipFn)));
  }

  private static List<OpSpec> castRows() {
    DType[][] pairs = {
      {DType.FLOAT64, DType.FLOAT32},
      {DType.FLOAT32, DType.FLOAT64},
      {DType.FLOAT64, DType.INT32},
      {DType.FLOAT32, DType.INT8},
      {DType.INT64, DType.FLOAT64},
      {DType.INT32, DType.INT8},
      {DType.FLOAT64, DType.BOOL},
      {DType.BOOL, DType.FLOAT32},
      {DType.INT8, DType.BOOL}
    };
    List<OpSpec> rows = new ArrayList<>();
    for (DType[] p : pairs) {
      DType from = p[0];
      DType to = p[1];
      Gen<NDArray> x = SpecGens.values(from, SpecGens.shapes(), -200, 200);
      int order = from.isFloat() && to.isFloat() ? SMOOTH : NOT_DIFFERENTIABLE;
      rows.add(
          SpecGens.row(
              "cast/" + from + "->" + to, order, List.of(x), v -> Elementwise.cast(v.get(0), to)));
    }
    return rows;
  }

  /**
   * Fused programs: sigmoid(a * b) + c over float64, and the two outputs exp(a) + b and a * b over
   * float32 and int8 (each intermediate rounded to its dtype).
   */
  private static List<OpSpec> compositeRows() {
    Composite one =
        new Composite(
            3,
            List.of(
                Instruction.of(BinaryFn.MUL, 0, 1),
                Instruction.of(UnaryFn.SIGMOID, 3),
                Instruction.of(BinaryFn.ADD, 4, 2)),
            List.of(5));
    Composite two =
        new Composite(
            2,
            List.of(
                Instruction.of(UnaryFn.EXP, 0),
                Instruction.of(BinaryFn.ADD, 2, 1),
                Instruction.of(BinaryFn.MUL, 0, 1)),
            List.of(3, 4));
    Gen<List<NDArray>> in1 =
        SpecGens.broadcasting(
            List.of(DType.FLOAT64, DType.FLOAT64, DType.FLOAT64), new double[][] {ALL, ALL, ALL});
    Gen<List<NDArray>> in2 =
        SpecGens.broadcasting(List.of(DType.FLOAT32, DType.INT8), new double[][] {ALL, ALL});
    Gen<Case> cases2 =
        in2.map(
            in ->
                new Case(
                    in, v -> new Elemwise(two).makeNode(v.get(0), v.get(1)).outputs(), "exp+mul"));
    return List.of(
        SpecGens.row(
            "composite/float64",
            SMOOTH,
            cases(in1, v -> Elementwise.elemwise(one, v.get(0), v.get(1), v.get(2)))),
        SpecGens.row("composite-two-outputs/float32+int8", SMOOTH, cases2));
  }

  private static Variable apply(BinaryFn f, List<Variable> v) {
    return Elementwise.elemwise(f, v.get(0), v.get(1));
  }

  private static Gen<Case> cases(
      Gen<List<NDArray>> inputs, Function<List<Variable>, Variable> expr) {
    return inputs.map(in -> SpecGens.single(in, expr, ""));
  }

  /** The input lists of {@code gen} with input {@code which} passed through {@code f}. */
  private static Gen<List<NDArray>> adjusted(
      Gen<List<NDArray>> gen, int which, DoubleUnaryOperator f) {
    return gen.map(
        in -> {
          NDArray a = in.get(which);
          for (int i = 0; i < a.size(); i++) {
            a.setFlat(i, f.applyAsDouble(a.flatDouble(i)));
          }
          return in;
        });
  }
}
