package dev.hypatia.symbolic.testing;

import static dev.hypatia.symbolic.testing.OpSpec.NOT_DIFFERENTIABLE;
import static dev.hypatia.symbolic.testing.OpSpec.SMOOTH;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Shapes;
import dev.hypatia.symbolic.testing.OpSpec.Case;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Rows of the ops that create or replicate elements: broadcast_to, alloc (to a symbolic shape),
 * full, zeros_like, ones_like, full_like, arange and eye (over scalar inputs), tile, repeat and
 * shape.
 */
final class FillSpecs {
  private FillSpecs() {}

  private static final Gen<int[]> SHAPES = SpecGens.shapes();

  /** Every row of this table. */
  static List<OpSpec> all() {
    return List.of(
        broadcastTo(false),
        broadcastTo(true),
        like("zeros_like", DType.FLOAT64, x -> Shapes.zerosLike(x)),
        like("ones_like", DType.INT8, x -> Shapes.onesLike(x)),
        like("ones_like-bool", DType.FLOAT32, x -> Shapes.onesLike(x, DType.BOOL)),
        like("full_like", DType.FLOAT32, x -> Shapes.fullLike(x, 2.5)),
        like("full_like", DType.INT32, x -> Shapes.fullLike(x, 7)),
        like("shape", DType.FLOAT64, x -> Shapes.shape(x)),
        full(),
        arange(DType.INT64),
        arange(DType.FLOAT64),
        eye(DType.FLOAT64),
        eye(DType.INT32),
        tile(),
        repeat(false),
        repeat(true),
        repeatCounts());
  }

  /**
   * A target shape and an input shape that broadcasts to it: a suffix of the target with some
   * dimensions turned into 1.
   */
  private static int[][] broadcastPair(Source s) {
    int[] target = SHAPES.generate(s);
    int[] x = Arrays.copyOfRange(target, s.drawInt(target.length + 1), target.length);
    for (int i = 0; i < x.length; i++) {
      x[i] = s.draw(3) == 2 ? 1 : x[i];
    }
    return new int[][] {x, target};
  }

  /** broadcast_to a Java shape, or alloc (Theano's) to a symbolic int64 shape vector. */
  private static OpSpec broadcastTo(boolean symbolic) {
    Gen<Case> cases =
        s -> {
          int[][] p = broadcastPair(s);
          int[] target = p[1];
          NDArray x = SpecGens.values(DType.FLOAT64, p[0]).generate(s);
          String params = "shape=" + Arrays.toString(target);
          if (!symbolic) {
            return SpecGens.single(List.of(x), v -> Shapes.broadcastTo(v.get(0), target), params);
          }
          NDArray shape = NDArray.of(Arrays.stream(target).asLongStream().toArray());
          return new Case(
              List.of(x, shape), v -> List.of(Shapes.alloc(v.get(0), v.get(1))), params, Set.of(1));
        };
    return SpecGens.row(symbolic ? "alloc/float64" : "broadcast_to/float64", SMOOTH, cases);
  }

  /** A function of x's shape alone. */
  private static OpSpec like(String name, DType d, UnaryOperator<Variable> f) {
    return SpecGens.row(
        name + "/" + d,
        NOT_DIFFERENTIABLE,
        List.of(SpecGens.values(d, SHAPES, -10, 10)),
        v -> f.apply(v.get(0)));
  }

  /** full to a drawn Java shape: a case without inputs. */
  private static OpSpec full() {
    Gen<Case> cases =
        s -> {
          int[] shape = SHAPES.generate(s);
          return SpecGens.single(
              List.of(),
              v -> Shapes.full(shape, -3, DType.INT8),
              "shape=" + Arrays.toString(shape));
        };
    return SpecGens.row("full/int8", NOT_DIFFERENTIABLE, cases);
  }

  /** arange over scalar inputs start, stop and a non-zero step (at most 20 elements). */
  private static OpSpec arange(DType d) {
    Gen<Case> cases =
        s -> {
          double start = Gen.doubles(-5, 5).generate(s);
          double stop = Gen.doubles(-5, 5).generate(s);
          double size = d.isFloat() ? Gen.doubles(0.5, 3).generate(s) : 1 + s.drawInt(3);
          double step = s.drawFlag(2) ? -size : size;
          List<NDArray> in =
              List.of(NDArray.scalar(d, start), NDArray.scalar(d, stop), NDArray.scalar(d, step));
          return SpecGens.single(in, v -> Shapes.arange(v.get(0), v.get(1), v.get(2)), "");
        };
    return SpecGens.row("arange/" + d, NOT_DIFFERENTIABLE, cases);
  }

  /** eye over int64 scalar inputs n, m and k. */
  private static OpSpec eye(DType d) {
    Gen<Case> cases =
        s -> {
          long n = s.drawInt(5);
          long m = s.drawInt(5);
          long k = s.drawInt(9) - 4;
          List<NDArray> in =
              List.of(
                  NDArray.scalarLong(DType.INT64, n),
                  NDArray.scalarLong(DType.INT64, m),
                  NDArray.scalarLong(DType.INT64, k));
          return SpecGens.single(in, v -> Shapes.eye(v.get(0), v.get(1), v.get(2), d), "");
        };
    return SpecGens.row("eye/" + d, NOT_DIFFERENTIABLE, cases);
  }

  private static OpSpec tile() {
    Gen<Case> cases =
        s -> {
          NDArray x = SpecGens.values(DType.FLOAT64, SHAPES.generate(s)).generate(s);
          int[] reps =
              Gen.listOf(Gen.ints(0, 3), 0, 3).generate(s).stream()
                  .mapToInt(Integer::intValue)
                  .toArray();
          return SpecGens.single(
              List.of(x), v -> Shapes.tile(v.get(0), reps), "reps=" + Arrays.toString(reps));
        };
    return SpecGens.row("tile/float64", SMOOTH, cases);
  }

  /** repeat with one count, along a drawn axis or over the flattened x. */
  private static OpSpec repeat(boolean flattened) {
    Gen<Case> cases =
        s -> {
          int[] shape = flattened ? SHAPES.generate(s) : SpecGens.shapes(1).generate(s);
          NDArray x = SpecGens.values(DType.FLOAT64, shape).generate(s);
          int count = s.drawInt(4);
          if (flattened) {
            return SpecGens.single(
                List.of(x), v -> Shapes.repeat(v.get(0), count), "repeats=" + count);
          }
          int axis = s.drawInt(2 * shape.length) - shape.length;
          return SpecGens.single(
              List.of(x),
              v -> Shapes.repeat(v.get(0), count, axis),
              "repeats=" + count + ", axis=" + axis);
        };
    return SpecGens.row(flattened ? "repeat-flat/float64" : "repeat/float64", SMOOTH, cases);
  }

  /** repeat with a count per entry along the axis, the counts an int64 input vector. */
  private static OpSpec repeatCounts() {
    Gen<Case> cases =
        s -> {
          int[] shape = SpecGens.shapes(1).generate(s);
          int axis = s.drawInt(shape.length);
          NDArray x = SpecGens.values(DType.INT32, shape).generate(s);
          NDArray counts = SpecGens.values(DType.INT64, new int[] {shape[axis]}, 0, 3).generate(s);
          return SpecGens.single(
              List.of(x, counts), v -> Shapes.repeat(v.get(0), v.get(1), axis), "axis=" + axis);
        };
    return SpecGens.row("repeat-counts/int32", NOT_DIFFERENTIABLE, cases);
  }
}
