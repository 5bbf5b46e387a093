package dev.hypatia.symbolic.testing;

import static dev.hypatia.symbolic.testing.OpSpec.NOT_DIFFERENTIABLE;
import static dev.hypatia.symbolic.testing.OpSpec.SMOOTH;
import static dev.hypatia.symbolic.testing.SpecGens.F32_LOOSE;
import static dev.hypatia.symbolic.testing.SpecGens.F64_LOOSE;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.ops.CrossentropyCategorical1Hot;
import dev.hypatia.symbolic.ops.LinearAlgebra;
import dev.hypatia.symbolic.ops.Softmax;
import dev.hypatia.symbolic.testing.OpSpec.Case;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows of the products and the softmax family: dot for every pair of ranks up to 2, matmul with
 * broadcast batch axes, outer, tensordot over a drawn number of axes or drawn axis pairs, softmax
 * and log_softmax over a drawn axis, and categorical cross-entropy with labels in range. Products
 * sum many terms, so their tolerances are the loose ones.
 */
final class LinalgSpecs {
  private LinalgSpecs() {}

  /** Every row of this table. */
  static List<OpSpec> all() {
    List<OpSpec> rows = new ArrayList<>();
    for (int ra = 0; ra <= 2; ra++) {
      for (int rb = 0; rb <= 2; rb++) {
        rows.add(dot(ra, rb, DType.FLOAT64, DType.FLOAT64));
      }
    }
    rows.add(dot(2, 2, DType.FLOAT32, DType.FLOAT32));
    rows.add(dot(2, 1, DType.INT32, DType.INT32));
    rows.add(dot(1, 2, DType.INT8, DType.FLOAT32));
    rows.add(matmul(DType.FLOAT64));
    rows.add(matmul(DType.FLOAT32));
    rows.add(matmul(DType.INT64));
    rows.add(outer());
    rows.add(gemm(2, DType.FLOAT64));
    rows.add(gemm(1, DType.FLOAT64));
    rows.add(gemm(2, DType.FLOAT32));
    rows.add(tensordot(false));
    rows.add(tensordot(true));
    rows.add(softmax(false, DType.FLOAT64));
    rows.add(softmax(true, DType.FLOAT64));
    rows.add(softmax(false, DType.FLOAT32));
    rows.add(softmax(true, DType.INT32));
    rows.add(crossentropy(DType.FLOAT64));
    rows.add(crossentropy(DType.FLOAT32));
    return rows;
  }

  private static OpSpec row(String name, DType d, Gen<Case> cases) {
    int order = d.isFloat() ? SMOOTH : NOT_DIFFERENTIABLE;
    return new OpSpec(name, cases, order, F64_LOOSE, F32_LOOSE);
  }

  /** A shape of {@code rank} whose dimensions are drawn from 0 to 4. */
  private static int[] shape(Source s, int rank) {
    return Shapes.shapes(rank, 0, 4).generate(s);
  }

  private static OpSpec dot(int ra, int rb, DType da, DType db) {
    Gen<Case> cases =
        s -> {
          int[] a = shape(s, ra);
          int[] b = shape(s, rb);
          if (ra > 0 && rb > 0) {
            b[0] = a[ra - 1];
          }
          List<NDArray> in =
              List.of(SpecGens.values(da, a).generate(s), SpecGens.values(db, b).generate(s));
          return SpecGens.single(in, v -> LinearAlgebra.dot(v.get(0), v.get(1)), "");
        };
    String types = da == db ? da.toString() : da + "+" + db;
    return row("dot/" + ra + "x" + rb + "/" + types, DType.promote(da, db), cases);
  }

  /** Ranks 1 to 4; the batch axes of each side are a suffix of common ones, some turned into 1. */
  private static OpSpec matmul(DType d) {
    Gen<Case> cases =
        s -> {
          int[] batch = Shapes.shapes(0, 2, 0, 3).generate(s);
          int n = s.drawInt(4);
          int k = s.drawInt(4);
          int m = s.drawInt(4);
          int[] a = side(s, batch, n, k, true);
          int[] b = side(s, batch, k, m, false);
          List<NDArray> in =
              List.of(SpecGens.values(d, a).generate(s), SpecGens.values(d, b).generate(s));
          return SpecGens.single(in, v -> LinearAlgebra.matmul(v.get(0), v.get(1)), "");
        };
    return row("matmul/" + d, d, cases);
  }

  /**
   * The shape of one matmul operand: batch axes and a rows-by-cols matrix, or (one time in four) a
   * vector of the contracted length, cols on the left and rows on the right.
   */
  private static int[] side(Source s, int[] batch, int rows, int cols, boolean left) {
    if (!s.drawFlag(4)) {
      return new int[] {left ? cols : rows};
    }
    int[] kept = Arrays.copyOfRange(batch, s.drawInt(batch.length + 1), batch.length);
    for (int i = 0; i < kept.length; i++) {
      kept[i] = s.draw(3) == 2 ? 1 : kept[i];
    }
    int[] out = Arrays.copyOf(kept, kept.length + 2);
    out[kept.length] = rows;
    out[kept.length + 1] = cols;
    return out;
  }

  /**
   * alpha * dot(a, b) + beta * c: gemm (b a matrix) or gemv (b a vector), c of the result's shape.
   */
  private static OpSpec gemm(int rb, DType d) {
    Gen<Case> cases =
        s -> {
          int[] a = shape(s, 2);
          int[] b = shape(s, rb);
          b[0] = a[1];
          int[] c = rb == 2 ? new int[] {a[0], b[1]} : new int[] {a[0]};
          List<NDArray> in =
              List.of(
                  SpecGens.values(d, a).generate(s),
                  SpecGens.values(d, b).generate(s),
                  SpecGens.values(d, c).generate(s),
                  SpecGens.values(d, new int[0]).generate(s),
                  SpecGens.values(d, new int[0]).generate(s));
          return SpecGens.single(
              in,
              v ->
                  new dev.hypatia.symbolic.ops.Gemm()
                      .apply(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4)),
              "");
        };
    return row((rb == 2 ? "gemm/" : "gemv/") + d, d, cases);
  }

  private static OpSpec outer() {
    Gen<Case> cases =
        s -> {
          int[] a = shape(s, s.drawInt(2));
          int[] b = shape(s, s.drawInt(2));
          List<NDArray> in =
              List.of(
                  SpecGens.values(DType.FLOAT64, a).generate(s),
                  SpecGens.values(DType.FLOAT64, b).generate(s));
          return SpecGens.single(in, v -> LinearAlgebra.outer(v.get(0), v.get(1)), "");
        };
    return row("outer/float64", DType.FLOAT64, cases);
  }

  /** tensordot over the last {@code axes} of a and the first of b, or over drawn axis pairs. */
  private static OpSpec tensordot(boolean pairs) {
    Gen<Case> cases =
        s -> {
          int[] a = shape(s, s.drawInt(4));
          int[] b = shape(s, s.drawInt(4));
          int count = s.drawInt(Math.min(a.length, b.length) + 1);
          int[] pa = Shapes.axes(a.length, count, count).generate(s);
          int[] pb = new int[count];
          if (!pairs) {
            for (int i = 0; i < count; i++) {
              pa[i] = a.length - count + i;
              pb[i] = i;
            }
          } else {
            pb = Shapes.axes(b.length, count, count).generate(s);
          }
          for (int i = 0; i < count; i++) {
            b[pb[i] < 0 ? pb[i] + b.length : pb[i]] = a[pa[i] < 0 ? pa[i] + a.length : pa[i]];
          }
          List<NDArray> in =
              List.of(
                  SpecGens.values(DType.FLOAT64, a).generate(s),
                  SpecGens.values(DType.FLOAT64, b).generate(s));
          int[] fa = pa;
          int[] fb = pb;
          String params = "axes=" + Arrays.toString(fa) + ", " + Arrays.toString(fb);
          return SpecGens.single(
              in,
              v ->
                  pairs
                      ? LinearAlgebra.tensordot(v.get(0), v.get(1), fa, fb)
                      : LinearAlgebra.tensordot(v.get(0), v.get(1), count),
              pairs ? params : "axes=" + count);
        };
    return row(pairs ? "tensordot-pairs/float64" : "tensordot/float64", DType.FLOAT64, cases);
  }

  private static OpSpec softmax(boolean log, DType d) {
    Gen<int[]> shapes = SpecGens.shapes(1);
    Gen<Case> cases =
        s -> {
          NDArray x = SpecGens.values(d, shapes.generate(s)).generate(s);
          int axis = s.drawInt(2 * x.ndim()) - x.ndim();
          return SpecGens.single(
              List.of(x), v -> Softmax.over(v.get(0), axis, log).apply(v.get(0)), "axis=" + axis);
        };
    return row((log ? "log_softmax/" : "softmax/") + d, d, cases);
  }

  /** Rows of probabilities in (0, 1] and int32 labels in range. */
  private static OpSpec crossentropy(DType d) {
    Gen<Case> cases =
        s -> {
          int rows = s.drawInt(5);
          int cols = 1 + s.drawInt(4);
          NDArray p = SpecGens.values(d, new int[] {rows, cols}, 0.01, 1).generate(s);
          NDArray y = SpecGens.values(DType.INT32, new int[] {rows}, 0, cols - 1).generate(s);
          return SpecGens.single(
              List.of(p, y), v -> new CrossentropyCategorical1Hot().apply(v.get(0), v.get(1)), "");
        };
    return row("crossentropy_categorical_1hot/" + d, d, cases);
  }
}
