package dev.hypatia.symbolic.testing;

import static dev.hypatia.symbolic.testing.OpSpec.NOT_DIFFERENTIABLE;
import static dev.hypatia.symbolic.testing.OpSpec.SMOOTH;
import static dev.hypatia.symbolic.testing.SpecGens.BOUND;
import static dev.hypatia.symbolic.testing.SpecGens.F32_LOOSE;
import static dev.hypatia.symbolic.testing.SpecGens.F64_LOOSE;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Reductions;
import dev.hypatia.symbolic.testing.OpSpec.Case;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows of the reductions: sum, prod, max, min, all, any, count, mean, var, std and logsumexp over
 * random axes (none drawn means all) with random keepdims, and argmax and argmin over a random axis
 * or the flattened tensor. Maxima and minima take distinct values, so that they have no ties.
 */
final class ReductionSpecs {
  private ReductionSpecs() {}

  /** A reduction over axes (empty: all), keeping them when asked. */
  @FunctionalInterface
  private interface Reducer {
    Variable apply(Variable x, boolean keepdims, int[] axes);
  }

  /** Every row of this table. */
  static List<OpSpec> all() {
    List<OpSpec> rows = new ArrayList<>();
    rows.addAll(folds());
    rows.addAll(statistics());
    return rows;
  }

  /** sum, prod, max, min, all and any: one binary function folded over the axes. */
  private static List<OpSpec> folds() {
    Gen<int[]> any = SpecGens.shapes();
    Gen<int[]> nonEmpty = SpecGens.nonEmpty(0);
    List<OpSpec> rows = new ArrayList<>();
    rows.add(row("sum", DType.FLOAT64, any, SMOOTH, Reductions::sum));
    rows.add(row("sum", DType.FLOAT32, any, SMOOTH, Reductions::sum));
    rows.add(row("sum", DType.INT8, any, NOT_DIFFERENTIABLE, Reductions::sum));
    rows.add(row("sum", DType.BOOL, any, NOT_DIFFERENTIABLE, Reductions::sum));
    rows.add(ranged("prod", DType.FLOAT64, any, -2, 2, SMOOTH, Reductions::prod));
    rows.add(ranged("prod", DType.INT32, any, -3, 3, NOT_DIFFERENTIABLE, Reductions::prod));
    rows.add(distinct("max", DType.FLOAT64, nonEmpty, 1, Reductions::max));
    rows.add(distinct("max", DType.FLOAT32, nonEmpty, 1, Reductions::max));
    rows.add(row("max", DType.INT32, nonEmpty, NOT_DIFFERENTIABLE, Reductions::max));
    rows.add(distinct("min", DType.FLOAT64, nonEmpty, 1, Reductions::min));
    rows.add(row("min", DType.INT8, nonEmpty, NOT_DIFFERENTIABLE, Reductions::min));
    rows.add(row("all", DType.BOOL, any, NOT_DIFFERENTIABLE, Reductions::all));
    rows.add(ranged("all", DType.INT64, any, 0, 2, NOT_DIFFERENTIABLE, Reductions::all));
    rows.add(row("any", DType.BOOL, any, NOT_DIFFERENTIABLE, Reductions::any));
    rows.add(ranged("any", DType.FLOAT64, any, 0, 1, NOT_DIFFERENTIABLE, Reductions::any));
    return rows;
  }

  /** count, mean, var, std, logsumexp, argmax and argmin. */
  private static List<OpSpec> statistics() {
    Gen<int[]> any = SpecGens.shapes();
    Gen<int[]> nonEmpty = SpecGens.nonEmpty(0);
    Gen<int[]> twoOrMore = Shapes.shapes(1, 3, 2, 4);
    List<OpSpec> rows = new ArrayList<>();
    rows.add(row("mean", DType.FLOAT64, nonEmpty, SMOOTH, Reductions::mean));
    rows.add(row("mean", DType.FLOAT32, nonEmpty, SMOOTH, Reductions::mean));
    rows.add(row("mean", DType.INT64, nonEmpty, NOT_DIFFERENTIABLE, Reductions::mean));
    for (int ddof = 0; ddof <= 1; ddof++) {
      int dd = ddof;
      rows.add(
          row(
              "var{ddof=" + dd + "}",
              DType.FLOAT64,
              twoOrMore,
              SMOOTH,
              (x, keep, axes) -> Reductions.var(x, dd, keep, axes)));
      rows.add(
          row(
              "std{ddof=" + dd + "}",
              DType.FLOAT64,
              twoOrMore,
              SMOOTH,
              (x, keep, axes) -> Reductions.std(x, dd, keep, axes)));
    }
    rows.add(
        row(
            "var{ddof=0}",
            DType.FLOAT32,
            twoOrMore,
            SMOOTH,
            (x, keep, axes) -> Reductions.var(x, 0, keep, axes)));
    rows.add(row("logsumexp", DType.FLOAT64, nonEmpty, SMOOTH, Reductions::logsumexp));
    rows.add(row("logsumexp", DType.FLOAT32, nonEmpty, SMOOTH, Reductions::logsumexp));
    rows.add(
        row("count", DType.FLOAT64, any, NOT_DIFFERENTIABLE, (x, k, a) -> Reductions.count(x, a)));
    rows.add(argRow("argmax", DType.FLOAT64, true));
    rows.add(argRow("argmax", DType.INT32, true));
    rows.add(argRow("argmin", DType.FLOAT64, false));
    rows.add(argRow("argmin", DType.BOOL, false));
    return rows;
  }

  private static OpSpec row(String fn, DType d, Gen<int[]> shapes, int order, Reducer r) {
    return ranged(fn, d, shapes, -BOUND, BOUND, order, r);
  }

  private static OpSpec ranged(
      String fn, DType d, Gen<int[]> shapes, double lo, double hi, int order, Reducer r) {
    Gen<Case> cases =
        s -> {
          int[] shape = shapes.generate(s);
          int[] axes = Shapes.axes(shape.length).generate(s);
          boolean keep = Gen.booleans().generate(s);
          NDArray x = SpecGens.values(d, shape, lo, hi).generate(s);
          return SpecGens.single(
              List.of(x), v -> r.apply(v.get(0), keep, axes), params(axes, keep));
        };
    return new OpSpec(fn + "/" + d, cases, order, F64_LOOSE, F32_LOOSE);
  }

  /** A row whose elements are distinct, so that a maximum or minimum has no tie. */
  private static OpSpec distinct(String fn, DType d, Gen<int[]> shapes, int order, Reducer r) {
    OpSpec plain = row(fn, d, shapes, order, r);
    Gen<Case> cases =
        plain
            .cases()
            .map(c -> new Case(List.of(spread(c.inputs().get(0))), c.builder(), c.params()));
    return new OpSpec(plain.name(), cases, order, plain.float64(), plain.float32());
  }

  /**
   * Adds {@code i / 64} to flat element {@code i}: whole values that the generator favours differ.
   */
  static NDArray spread(NDArray a) {
    for (int i = 0; i < a.size(); i++) {
      a.setFlat(i, a.flatDouble(i) + i / 64.0);
    }
    return a;
  }

  private static String params(int[] axes, boolean keep) {
    return "axes=" + Arrays.toString(axes) + ", keepdims=" + keep;
  }

  private static OpSpec argRow(String fn, DType d, boolean max) {
    Gen<int[]> shapes = SpecGens.nonEmpty(0);
    Gen<Case> cases =
        s -> {
          int[] shape = shapes.generate(s);
          Integer axis =
              shape.length == 0 || !s.drawFlag(3)
                  ? null
                  : s.drawInt(2 * shape.length) - shape.length;
          boolean keep = Gen.booleans().generate(s);
          NDArray x = SpecGens.values(d, shape, -BOUND, BOUND).generate(s);
          if (d.isFloat()) {
            spread(x);
          }
          return SpecGens.single(
              List.of(x),
              v ->
                  max
                      ? Reductions.argmax(v.get(0), axis, keep)
                      : Reductions.argmin(v.get(0), axis, keep),
              "axis=" + axis + ", keepdims=" + keep);
        };
    return new OpSpec(fn + "/" + d, cases, NOT_DIFFERENTIABLE, F64_LOOSE, F32_LOOSE);
  }
}
