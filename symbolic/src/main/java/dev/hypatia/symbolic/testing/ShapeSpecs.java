package dev.hypatia.symbolic.testing;

import static dev.hypatia.symbolic.testing.OpSpec.NOT_DIFFERENTIABLE;
import static dev.hypatia.symbolic.testing.OpSpec.SMOOTH;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.ops.Shapes;
import dev.hypatia.symbolic.testing.OpSpec.Case;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Rows of the ops that move elements without computing: reshape (to Java and to symbolic shapes),
 * flatten, dimshuffle, transpose, expand_dims, squeeze, concatenate, stack and split, with random
 * axes (negative ones included). Every row is linear in its float input, so {@link OpSpec#SMOOTH}.
 */
final class ShapeSpecs {
  private ShapeSpecs() {}

  /** Every row of this table. */
  static List<OpSpec> all() {
    List<OpSpec> rows = new ArrayList<>();
    rows.add(reshape(DType.FLOAT64, false));
    rows.add(reshape(DType.INT32, false));
    rows.add(reshape(DType.FLOAT64, true));
    rows.add(flatten());
    rows.add(dimshuffle());
    rows.add(transpose(false));
    rows.add(transpose(true));
    rows.add(expandDims());
    rows.add(squeeze(false));
    rows.add(squeeze(true));
    rows.add(concatenate(DType.FLOAT64, DType.FLOAT64));
    rows.add(concatenate(DType.INT8, DType.FLOAT32));
    rows.add(stack());
    rows.add(split());
    return rows;
  }

  /** One input of {@code dtype} with a drawn shape; {@code f} draws parameters and builds. */
  private static OpSpec row(String name, DType d, Gen<int[]> shapes, ParamCase f) {
    Gen<Case> cases =
        s -> {
          int[] shape = shapes.generate(s);
          return f.draw(s, SpecGens.values(d, shape).generate(s));
        };
    return SpecGens.row(name + "/" + d, d.isFloat() ? SMOOTH : NOT_DIFFERENTIABLE, cases);
  }

  /** Draws the parameters of a case over {@code x} and makes it. */
  @FunctionalInterface
  private interface ParamCase {
    Case draw(Source s, NDArray x);
  }

  /**
   * A shape of the same size as {@code shape}: a split of its size into 0 to 3 factors, one of them
   * written -1 when {@code inferOne} and the size is not 0.
   */
  static int[] reshapeTarget(Source s, int[] shape, boolean inferOne) {
    int n = NDArray.sizeOf(shape);
    List<Integer> out = new ArrayList<>();
    int left = n;
    int rank = n == 1 ? s.drawInt(4) : 1 + s.drawInt(3);
    for (int i = 0; i < rank - 1; i++) {
      int d = left == 0 ? s.drawInt(4) : divisor(s, left);
      out.add(d);
      left = d == 0 ? 0 : left / d;
    }
    if (rank > 0) {
      out.add(left);
    }
    int[] target = out.stream().mapToInt(Integer::intValue).toArray();
    if (inferOne && n > 0 && target.length > 0 && s.drawFlag(2)) {
      target[s.drawInt(target.length)] = -1;
    }
    return target;
  }

  private static int divisor(Source s, int n) {
    List<Integer> ds = new ArrayList<>();
    for (int d = 1; d <= n; d++) {
      if (n % d == 0) {
        ds.add(d);
      }
    }
    return ds.get(s.drawInt(ds.size()));
  }

  private static OpSpec reshape(DType d, boolean symbolic) {
    String name = symbolic ? "reshape-symbolic" : "reshape";
    return row(
        name,
        d,
        SpecGens.shapes(),
        (s, x) -> {
          int[] target = reshapeTarget(s, x.shape(), true);
          String p = "shape=" + Arrays.toString(target);
          if (!symbolic) {
            return SpecGens.single(List.of(x), v -> Shapes.reshape(v.get(0), target), p);
          }
          NDArray t = NDArray.of(Arrays.stream(target).asLongStream().toArray());
          // The target's length is the output rank: it stays static.
          return new Case(
              List.of(x, t), v -> List.of(Shapes.reshape(v.get(0), v.get(1))), p, Set.of(1));
        });
  }

  private static OpSpec flatten() {
    return row(
        "flatten",
        DType.FLOAT64,
        SpecGens.shapes(),
        (s, x) -> {
          int ndim = s.drawInt(Math.max(1, x.ndim()) + 1);
          String p = ndim == 0 ? "ravel" : "ndim=" + ndim;
          return SpecGens.single(
              List.of(x),
              v -> ndim == 0 ? Shapes.flatten(v.get(0)) : Shapes.flatten(v.get(0), ndim),
              p);
        });
  }

  private static OpSpec dimshuffle() {
    return row(
        "dimshuffle",
        DType.FLOAT64,
        SpecGens.shapes(),
        (s, x) -> {
          int[] perm = SpecGens.permutations(x.ndim()).generate(s);
          List<Integer> order = new ArrayList<>();
          for (int p : perm) {
            order.add(p);
          }
          int news = s.drawInt(3);
          for (int i = 0; i < news; i++) {
            order.add(s.drawInt(order.size() + 1), Shapes.X);
          }
          int[] o = order.stream().mapToInt(Integer::intValue).toArray();
          return SpecGens.single(
              List.of(x), v -> Shapes.dimshuffle(v.get(0), o), "order=" + Arrays.toString(o));
        });
  }

  private static OpSpec transpose(boolean withAxes) {
    return row(
        withAxes ? "transpose-axes" : "transpose",
        DType.FLOAT64,
        SpecGens.shapes(),
        (s, x) -> {
          if (!withAxes) {
            return SpecGens.single(List.of(x), v -> Shapes.transpose(v.get(0)), "");
          }
          int[] axes = SpecGens.axes(x.ndim(), x.ndim(), x.ndim()).generate(s);
          return SpecGens.single(
              List.of(x), v -> Shapes.transpose(v.get(0), axes), "axes=" + Arrays.toString(axes));
        });
  }

  private static OpSpec expandDims() {
    return row(
        "expand_dims",
        DType.FLOAT64,
        SpecGens.shapes(),
        (s, x) -> {
          int added = 1 + s.drawInt(2);
          int[] axes = SpecGens.axes(x.ndim() + added, added, added).generate(s);
          return SpecGens.single(
              List.of(x), v -> Shapes.expandDims(v.get(0), axes), "axes=" + Arrays.toString(axes));
        });
  }

  /** Shapes with some dimensions 1: squeeze needs them known statically, so x keeps its type. */
  private static OpSpec squeeze(boolean all) {
    Gen<int[]> shapes = SpecGens.shapes(0, 3);
    Gen<Case> cases =
        s -> {
          int[] shape = shapes.generate(s);
          List<Integer> ones = new ArrayList<>();
          for (int i = 0; i < shape.length; i++) {
            if (s.drawFlag(2)) {
              shape[i] = 1;
              ones.add(i);
            }
          }
          NDArray x = SpecGens.values(DType.FLOAT64, shape).generate(s);
          int[] axes = ones.stream().mapToInt(i -> s.drawFlag(2) ? i - shape.length : i).toArray();
          OpSpec.Builder b =
              all
                  ? v -> List.of(Shapes.squeeze(v.get(0)))
                  : v -> List.of(Shapes.squeeze(v.get(0), axes));
          return new Case(List.of(x), b, all ? "" : "axes=" + Arrays.toString(axes), Set.of(0));
        };
    return SpecGens.row(all ? "squeeze-all/float64" : "squeeze/float64", SMOOTH, cases);
  }

  private static OpSpec concatenate(DType a, DType b) {
    Gen<int[]> shapes = SpecGens.shapes(1);
    Gen<Case> cases =
        s -> {
          int[] shape = shapes.generate(s);
          int axis = s.drawInt(2 * shape.length) - shape.length;
          int ax = axis < 0 ? axis + shape.length : axis;
          int count = 1 + s.drawInt(3);
          List<NDArray> in = new ArrayList<>();
          for (int k = 0; k < count; k++) {
            int[] sh = shape.clone();
            sh[ax] = s.drawInt(4);
            in.add(SpecGens.values(k % 2 == 0 ? a : b, sh).generate(s));
          }
          return SpecGens.single(in, v -> Shapes.concatenate(v, axis), "axis=" + axis);
        };
    String name = "concatenate/" + (a == b ? a : a + "+" + b);
    return SpecGens.row(name, SMOOTH, cases);
  }

  private static OpSpec stack() {
    Gen<int[]> shapes = SpecGens.shapes();
    Gen<Case> cases =
        s -> {
          int[] shape = shapes.generate(s);
          int axis = s.drawInt(2 * shape.length + 2) - shape.length - 1;
          int count = 1 + s.drawInt(3);
          List<NDArray> in = new ArrayList<>();
          for (int k = 0; k < count; k++) {
            in.add(SpecGens.values(DType.FLOAT64, shape).generate(s));
          }
          return SpecGens.single(in, v -> Shapes.stack(v, axis), "axis=" + axis);
        };
    return SpecGens.row("stack/float64", SMOOTH, cases);
  }

  private static OpSpec split() {
    Gen<int[]> shapes = SpecGens.shapes(1);
    Gen<Case> cases =
        s -> {
          int[] shape = shapes.generate(s);
          int axis = s.drawInt(2 * shape.length) - shape.length;
          int len = shape[axis < 0 ? axis + shape.length : axis];
          List<Integer> sizes = new ArrayList<>();
          int left = len;
          while (left > 0 && s.drawFlag(3)) {
            int piece = s.drawInt(left + 1);
            sizes.add(piece);
            left -= piece;
          }
          sizes.add(left);
          int[] sz = sizes.stream().mapToInt(Integer::intValue).toArray();
          NDArray x = SpecGens.values(DType.FLOAT64, shape).generate(s);
          return new Case(
              List.of(x),
              v -> Shapes.split(v.get(0), sz, axis),
              "sizes=" + Arrays.toString(sz) + ", axis=" + axis);
        };
    return SpecGens.row("split/float64", SMOOTH, cases);
  }
}
