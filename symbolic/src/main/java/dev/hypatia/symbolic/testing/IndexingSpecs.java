package dev.hypatia.symbolic.testing;

import static dev.hypatia.symbolic.testing.OpSpec.NOT_DIFFERENTIABLE;
import static dev.hypatia.symbolic.testing.OpSpec.SMOOTH;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.SliceMath;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Idx;
import dev.hypatia.symbolic.ops.Indexing;
import dev.hypatia.symbolic.testing.OpSpec.Case;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows of indexing: basic get (points, slices with negative steps and out-of-range bounds, new
 * axes), with a symbolic bound, take and fancy indexing, and set/inc over basic and advanced
 * indices, the advanced ones drawn from few positions so that indices repeat.
 */
final class IndexingSpecs {
  private IndexingSpecs() {}

  /** Every row of this table. */
  static List<OpSpec> all() {
    return List.of(
        get(DType.FLOAT64),
        get(DType.INT8),
        getSymbolic(),
        update(true),
        update(false),
        take(),
        fancy(),
        advancedUpdate(true, true),
        advancedUpdate(false, true),
        advancedUpdate(true, false),
        advancedUpdate(false, false));
  }

  /** A basic index of x and the shape of the region it selects. */
  private record Basic(List<Idx> items, int[] region) {}

  /** Items for a prefix of x's axes, points only on non-empty axes, new axes when asked. */
  private static Basic basic(Source s, int[] shape, boolean newAxes) {
    List<Idx> items = new ArrayList<>();
    List<Integer> region = new ArrayList<>();
    int used = s.drawInt(shape.length + 1);
    for (int ax = 0; ax < used; ax++) {
      if (newAxes && s.draw(5) == 4) {
        items.add(Idx.newAxis());
        region.add(1);
      }
      int n = shape[ax];
      if (n > 0 && s.draw(4) == 3) {
        items.add(Idx.at(s.drawInt(2 * n) - n));
        continue;
      }
      Integer start = bound(s, n);
      Integer stop = bound(s, n);
      int step = s.drawFlag(2) ? (1 + s.drawInt(3)) * (s.drawFlag(2) ? -1 : 1) : 1;
      items.add(Idx.slice(start, stop, step));
      region.add(SliceMath.resolve(start, stop, step, n)[1]);
    }
    for (int ax = used; ax < shape.length; ax++) {
      region.add(shape[ax]);
    }
    return new Basic(items, region.stream().mapToInt(Integer::intValue).toArray());
  }

  /** A slice bound: null, or a position in {@code [-n-2, n+2]} (past the ends clips). */
  private static Integer bound(Source s, int n) {
    return s.drawFlag(3) ? s.drawInt(2 * n + 5) - n - 2 : null;
  }

  /** A shape that broadcasts to {@code target}: a suffix with some dimensions 1. */
  private static int[] broadcastsTo(Source s, int[] target) {
    int[] v = Arrays.copyOfRange(target, s.drawInt(target.length + 1), target.length);
    for (int i = 0; i < v.length; i++) {
      v[i] = s.draw(3) == 2 ? 1 : v[i];
    }
    return v;
  }

  private static OpSpec get(DType d) {
    Gen<int[]> shapes = SpecGens.shapes(1);
    Gen<Case> cases =
        s -> {
          NDArray x = SpecGens.values(d, shapes.generate(s)).generate(s);
          Basic b = basic(s, x.shape(), true);
          Idx[] items = b.items().toArray(new Idx[0]);
          return SpecGens.single(
              List.of(x), v -> Indexing.get(v.get(0), items), "index=" + b.items());
        };
    return SpecGens.row("get/" + d, d.isFloat() ? SMOOTH : NOT_DIFFERENTIABLE, cases);
  }

  /** {@code x[i:j:-1]} with i an int64 scalar input and j fixed. */
  private static OpSpec getSymbolic() {
    Gen<int[]> shapes = SpecGens.shapes(1);
    Gen<Case> cases =
        s -> {
          NDArray x = SpecGens.values(DType.FLOAT64, shapes.generate(s)).generate(s);
          int n = x.shape(0);
          NDArray start = NDArray.scalarLong(DType.INT64, s.drawInt(2 * n + 5) - n - 2);
          Integer stop = bound(s, n);
          return SpecGens.single(
              List.of(x, start),
              v -> Indexing.get(v.get(0), Idx.slice(v.get(1), stop, -1)),
              "index=[x1:" + stop + ":-1]");
        };
    return SpecGens.row("get-symbolic/float64", SMOOTH, cases);
  }

  /** set_subtensor or inc_subtensor of a value that broadcasts to the region. */
  private static OpSpec update(boolean set) {
    Gen<int[]> shapes = SpecGens.shapes(1);
    Gen<Case> cases =
        s -> {
          NDArray x = SpecGens.values(DType.FLOAT64, shapes.generate(s)).generate(s);
          Basic b = basic(s, x.shape(), false);
          NDArray value = SpecGens.values(DType.FLOAT64, broadcastsTo(s, b.region())).generate(s);
          return SpecGens.single(
              List.of(x, value),
              v ->
                  set
                      ? Indexing.set(v.get(0), b.items(), v.get(1))
                      : Indexing.inc(v.get(0), b.items(), v.get(1)),
              "index=" + b.items());
        };
    return SpecGens.row(set ? "set/float64" : "inc/float64", SMOOTH, cases);
  }

  /** Integer positions for an axis of length n (n > 0), negative ones included. */
  private static Gen<NDArray> positions(int[] shape, int n) {
    return SpecGens.values(DType.INT64, shape, -n, n - 1);
  }

  private static OpSpec take() {
    Gen<int[]> shapes = SpecGens.nonEmpty(1);
    Gen<int[]> indexShapes = Shapes.shapes(0, 2, 0, 3);
    Gen<Case> cases =
        s -> {
          NDArray x = SpecGens.values(DType.FLOAT64, shapes.generate(s)).generate(s);
          int axis = s.drawInt(2 * x.ndim()) - x.ndim();
          int n = x.shape(axis < 0 ? axis + x.ndim() : axis);
          NDArray idx = positions(indexShapes.generate(s), n).generate(s);
          return SpecGens.single(
              List.of(x, idx), v -> Indexing.take(v.get(0), v.get(1), axis), "axis=" + axis);
        };
    return SpecGens.row("take/float64", SMOOTH, cases);
  }

  /** x with k index arrays (broadcasting together) on its first k axes. */
  private record Fancy(NDArray x, List<NDArray> indices, int[] region) {}

  private static Fancy drawFancy(Source s) {
    NDArray x = SpecGens.values(DType.FLOAT64, SpecGens.nonEmpty(1).generate(s)).generate(s);
    int k = 1 + s.drawInt(x.ndim());
    List<int[]> shapes = Shapes.broadcastable(k, 0, 2, 0, 3).generate(s);
    List<NDArray> indices = new ArrayList<>();
    int rank = 0;
    for (int i = 0; i < k; i++) {
      indices.add(positions(shapes.get(i), x.shape(i)).generate(s));
      rank = Math.max(rank, shapes.get(i).length);
    }
    int[] broadcast = new int[rank];
    for (int[] sh : shapes) {
      for (int i = 0; i < sh.length; i++) {
        int j = rank - sh.length + i;
        broadcast[j] = Math.max(broadcast[j], sh[i]);
        if (sh[i] == 0) {
          broadcast[j] = 0;
        }
      }
    }
    int[] rest = Arrays.copyOfRange(x.shape(), k, x.ndim());
    int[] region = new int[rank + rest.length];
    System.arraycopy(broadcast, 0, region, 0, rank);
    System.arraycopy(rest, 0, region, rank, rest.length);
    return new Fancy(x, indices, region);
  }

  private static OpSpec fancy() {
    Gen<Case> cases =
        s -> {
          Fancy f = drawFancy(s);
          List<NDArray> in = new ArrayList<>();
          in.add(f.x());
          in.addAll(f.indices());
          return SpecGens.single(
              in, v -> Indexing.fancy(v.get(0), v.subList(1, v.size()).toArray()), "");
        };
    return SpecGens.row("fancy/float64", SMOOTH, cases);
  }

  /**
   * set or inc at take positions (one index array along a drawn axis) or at fancy ones; positions
   * come from the first two of each axis, so that they repeat.
   */
  private static OpSpec advancedUpdate(boolean set, boolean takeForm) {
    Gen<Case> cases =
        s -> {
          Fancy f = takeForm ? drawTake(s) : drawFancy(s);
          for (NDArray idx : f.indices()) {
            for (int i = 0; i < idx.size(); i++) {
              idx.setFlatLong(i, Math.floorMod(idx.flatLong(i), 2) == 0 ? 0 : -1);
            }
          }
          NDArray value = SpecGens.values(DType.FLOAT64, broadcastsTo(s, f.region())).generate(s);
          List<NDArray> in = new ArrayList<>(List.of(f.x(), value));
          in.addAll(f.indices());
          return SpecGens.single(in, v -> advanced(v, set, takeForm), "");
        };
    String name = (set ? "set" : "inc") + (takeForm ? "_take" : "_fancy") + "/float64";
    return SpecGens.row(name, SMOOTH, cases);
  }

  private static Variable advanced(List<Variable> v, boolean set, boolean takeForm) {
    if (takeForm) {
      return set
          ? Indexing.setTake(v.get(0), v.get(2), 0, v.get(1))
          : Indexing.incTake(v.get(0), v.get(2), 0, v.get(1));
    }
    List<Variable> idx = v.subList(2, v.size());
    return set
        ? Indexing.setFancy(v.get(0), idx, v.get(1))
        : Indexing.incFancy(v.get(0), idx, v.get(1));
  }

  /** A take along axis 0 as a one-index fancy case. */
  private static Fancy drawTake(Source s) {
    NDArray x = SpecGens.values(DType.FLOAT64, SpecGens.nonEmpty(1).generate(s)).generate(s);
    int[] ishape = Shapes.shapes(0, 2, 0, 3).generate(s);
    NDArray idx = positions(ishape, x.shape(0)).generate(s);
    int[] rest = Arrays.copyOfRange(x.shape(), 1, x.ndim());
    int[] region = new int[ishape.length + rest.length];
    System.arraycopy(ishape, 0, region, 0, ishape.length);
    System.arraycopy(rest, 0, region, ishape.length, rest.length);
    return new Fancy(x, List.of(idx), region);
  }
}
