package dev.hypatia.symbolic.testing;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.testing.OpSpec.Case;
import dev.hypatia.symbolic.testing.OpSpec.Tolerance;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;

/** The building blocks the spec tables share: tolerances, shapes, value domains and rows. */
final class SpecGens {
  /** float64 results of one operation per element: a few ulps. */
  static final Tolerance F64 = new Tolerance(1e-12, 1e-14);

  /** float32 results of one operation per element. */
  static final Tolerance F32 = new Tolerance(1e-5, 1e-6);

  /** float64 results that sum many terms, or special functions that backends may approximate. */
  static final Tolerance F64_LOOSE = new Tolerance(1e-10, 1e-12);

  /** float32 results that sum many terms. */
  static final Tolerance F32_LOOSE = new Tolerance(1e-4, 1e-5);

  /** The bound of the default value range, {@code [-BOUND, BOUND]}. */
  static final double BOUND = 10;

  private SpecGens() {}

  /** Shapes of rank 0 to 3 with dimensions 0 to 4. */
  static Gen<int[]> shapes() {
    return Shapes.shapes(0, 3, 0, 4);
  }

  /** Shapes of rank {@code minRank} to 3 with dimensions 0 to 4. */
  static Gen<int[]> shapes(int minRank) {
    return Shapes.shapes(minRank, 3, 0, 4);
  }

  /** Shapes of rank {@code minRank} to 3 with dimensions 0 to {@code maxDim}. */
  static Gen<int[]> shapes(int minRank, int maxDim) {
    return Shapes.shapes(minRank, 3, 0, maxDim);
  }

  /** Shapes of rank {@code minRank} to 3 with dimensions 1 to 4 (no empty array). */
  static Gen<int[]> nonEmpty(int minRank) {
    return Shapes.shapes(minRank, 3, 1, 4);
  }

  /** {@link Shapes#axes(int, int, int)}, for tables that import the ops facade of that name. */
  static Gen<int[]> axes(int rank, int minCount, int maxCount) {
    return Shapes.axes(rank, minCount, maxCount);
  }

  /** {@link Shapes#permutations(int)}, for tables that import the ops facade of that name. */
  static Gen<int[]> permutations(int rank) {
    return Shapes.permutations(rank);
  }

  /** Arrays of {@code dtype} and shapes from {@code shapes}, elements in {@code [lo, hi]}. */
  static Gen<NDArray> values(DType dtype, Gen<int[]> shapes, double lo, double hi) {
    return ArrayGen.arrays(dtype, shapes).range(lo, hi);
  }

  /** Arrays of {@code dtype} and exactly {@code shape}, elements in {@code [lo, hi]}. */
  static Gen<NDArray> values(DType dtype, int[] shape, double lo, double hi) {
    return ArrayGen.arrays(dtype, shape).range(lo, hi);
  }

  /** Arrays of {@code dtype} and exactly {@code shape} in the default range. */
  static Gen<NDArray> values(DType dtype, int[] shape) {
    return values(dtype, shape, -BOUND, BOUND);
  }

  /** {@code f} applied to every element of the arrays of {@code gen} (in place, on new arrays). */
  static Gen<NDArray> mapped(Gen<NDArray> gen, DoubleUnaryOperator f) {
    return gen.map(
        a -> {
          for (int i = 0; i < a.size(); i++) {
            a.setFlat(i, f.applyAsDouble(a.flatDouble(i)));
          }
          return a;
        });
  }

  /** Moves elements of {@code [-10, 10]} at least {@code gap} away from 0, keeping signs. */
  static DoubleUnaryOperator awayFromZero(double gap) {
    return x -> x < 0 ? x - gap : x + gap;
  }

  /**
   * Moves non-positive elements to the middle half of their unit interval, at least 0.25 from the
   * poles of gamma, gammaln and psi at 0, -1, -2, ...
   */
  static DoubleUnaryOperator awayFromPoles() {
    return x -> {
      if (x > 0.25) {
        return x;
      }
      double f = Math.floor(x);
      return f + 0.25 + 0.5 * (x - f);
    };
  }

  /** A row over cases of a fixed expression of inputs drawn from {@code inputs}. */
  static OpSpec row(
      String name,
      int order,
      Tolerance f64,
      Tolerance f32,
      List<Gen<NDArray>> inputs,
      Function<List<Variable>, Variable> expr) {
    return new OpSpec(name, fixed(inputs, expr, ""), order, f64, f32);
  }

  /** A row with the one-operation tolerances {@link #F64} and {@link #F32}. */
  static OpSpec row(
      String name, int order, List<Gen<NDArray>> inputs, Function<List<Variable>, Variable> expr) {
    return row(name, order, F64, F32, inputs, expr);
  }

  /** A row with drawn parameters and the one-operation tolerances. */
  static OpSpec row(String name, int order, Gen<Case> cases) {
    return new OpSpec(name, cases, order, F64, F32);
  }

  /** Cases of a fixed, single-output expression over inputs drawn in order from {@code inputs}. */
  static Gen<Case> fixed(
      List<Gen<NDArray>> inputs, Function<List<Variable>, Variable> expr, String params) {
    List<Gen<NDArray>> gens = List.copyOf(inputs);
    return s -> {
      List<NDArray> in = new ArrayList<>(gens.size());
      for (Gen<NDArray> g : gens) {
        in.add(g.generate(s));
      }
      return single(in, expr, params);
    };
  }

  /** A case with a single-output expression. */
  static Case single(List<NDArray> in, Function<List<Variable>, Variable> expr, String params) {
    return new Case(in, vs -> List.of(expr.apply(vs)), params);
  }

  /** Arrays of {@code dtypes.get(i)} whose shapes broadcast together, elements in the ranges. */
  static Gen<List<NDArray>> broadcasting(List<DType> dtypes, double[][] ranges) {
    Gen<List<int[]>> shapes = Shapes.broadcastable(dtypes.size(), 0, 3, 0, 4);
    return s -> {
      List<int[]> sh = shapes.generate(s);
      List<NDArray> out = new ArrayList<>(dtypes.size());
      for (int i = 0; i < dtypes.size(); i++) {
        out.add(values(dtypes.get(i), sh.get(i), ranges[i][0], ranges[i][1]).generate(s));
      }
      return out;
    };
  }
}
