package dev.hypatia.symbolic.ops;

import dev.hypatia.symbolic.Axes;
import dev.hypatia.symbolic.Constant;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Operands;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Shape functions with numpy's semantics: reshape, transpose, concatenate, split, broadcast_to,
 * zeros, arange, eye, tile, repeat and the rest, building {@link Reshape}, {@link DimShuffle},
 * {@link Join}, {@link Split}, {@link Alloc}, {@link Arange}, {@link Eye}, {@link Tile}, {@link
 * Repeat} and {@link Shape} nodes. Axes may be negative (counted from the end). Shapes given as
 * Java ints become int64 constants; a shape may also be a symbolic integer vector.
 */
public final class Shapes {
  /** Theano's 'x' in a {@link #dimshuffle} pattern: a new axis of length 1. */
  public static final int X = DimShuffle.NEW_AXIS;

  private Shapes() {}

  private static Constant longs(int... values) {
    return new Constant(NDArray.of(Arrays.stream(values).asLongStream().toArray()), null);
  }

  /** numpy's {@code x.shape} as a symbolic int64 vector of length {@code x.ndim()}. */
  public static Variable shape(Variable x) {
    return new Shape().apply(x);
  }

  /**
   * An integer shape vector from Java ints and integer scalar variables, in order: ints become
   * int64 constants; the dtype is the promotion of the parts.
   */
  public static Variable shapeVector(List<?> dims) {
    List<Variable> parts = new ArrayList<>();
    List<Integer> run = new ArrayList<>();
    for (Object d : dims) {
      if (d instanceof Variable v) {
        if (!run.isEmpty()) {
          parts.add(longs(run.stream().mapToInt(Integer::intValue).toArray()));
          run.clear();
        }
        parts.add(dimshuffle(v, X));
      } else {
        run.add(((Number) d).intValue());
      }
    }
    if (!run.isEmpty() || parts.isEmpty()) {
      parts.add(longs(run.stream().mapToInt(Integer::intValue).toArray()));
    }
    return parts.size() == 1 ? parts.get(0) : new Join(0).apply(parts.toArray(new Variable[0]));
  }

  /** numpy's {@code reshape} to a Java shape (one entry may be -1); the static shape is exact. */
  public static Variable reshape(Variable x, int... shape) {
    return reshape(x, longs(shape));
  }

  /** {@code reshape} to an integer vector of static length (the output rank); -1 infers one. */
  public static Variable reshape(Variable x, Variable shape) {
    StaticInts.requireIntVector("reshape", "the target shape", shape, List.of(x, shape));
    return new Reshape(shape.type().dim(0)).apply(x, shape);
  }

  /**
   * {@code reshape} to a shape of Java ints and integer scalar variables ({@link #shapeVector}).
   */
  public static Variable reshape(Variable x, List<?> shape) {
    return reshape(x, shapeVector(shape));
  }

  /** numpy's {@code ravel}: x as a vector in C order (Theano's {@code flatten()}). */
  public static Variable flatten(Variable x) {
    return reshape(x, -1);
  }

  /**
   * Theano's {@code flatten(ndim)}: keeps the leading {@code ndim - 1} axes and collapses the rest
   * into the last one; {@code 1 <= ndim <= max(1, x.ndim())}.
   */
  public static Variable flatten(Variable x, int ndim) {
    return HypatiaException.naming(
        "flatten",
        List.of(x),
        () -> {
          if (ndim < 1 || ndim > Math.max(1, x.ndim())) {
            throw new IllegalArgumentException(
                "flatten: ndim must be in [1, " + Math.max(1, x.ndim()) + "], got " + ndim);
          }
          if (ndim == 1) {
            return flatten(x);
          }
          List<Variable> lead = split(shape(x), new int[] {ndim - 1, x.ndim() - ndim + 1}, 0);
          int last = 1;
          for (int i = ndim - 1; i < x.ndim() && last >= 0; i++) {
            int d = x.type().dim(i);
            last = d == TensorType.UNKNOWN ? -1 : last * d;
          }
          // A known trailing size stays static; an unknown one is computed, not -1, which cannot
          // be inferred when the leading axes hold no element.
          Variable tail = last >= 0 ? longs(last) : dimshuffle(Reductions.prod(lead.get(1)), X);
          return reshape(x, concatenate(List.of(lead.get(0), tail), 0));
        });
  }

  /**
   * Theano's {@code dimshuffle}: output axis i is input axis {@code order[i]} (in {@code [0,
   * ndim)}; -1 is {@link #X}, so axes are not counted from the end here) or a new axis of length 1
   * for {@link #X}; omitted axes must be known to have length 1.
   */
  public static Variable dimshuffle(Variable x, int... order) {
    return HypatiaException.naming(
        "dimshuffle",
        List.of(x),
        () -> {
          return DimShuffle.of(x.ndim(), order).apply(x);
        });
  }

  /** numpy's {@code x.T}: the axes reversed. */
  public static Variable transpose(Variable x) {
    int n = x.ndim();
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = n - 1 - i;
    }
    return DimShuffle.of(n, perm).apply(x);
  }

  /** numpy's {@code transpose(x, axes)}: a permutation of all axes (negative allowed). */
  public static Variable transpose(Variable x, int... axes) {
    return HypatiaException.naming(
        "transpose",
        List.of(x),
        () -> {
          if (axes.length != x.ndim()) {
            throw new IllegalArgumentException(
                "transpose: axes "
                    + Arrays.toString(axes)
                    + " do not match a tensor of rank "
                    + x.ndim());
          }
          int[] perm = new int[axes.length];
          for (int i = 0; i < axes.length; i++) {
            perm[i] = Axes.normalize(axes[i], x.ndim());
          }
          return DimShuffle.of(x.ndim(), perm).apply(x);
        });
  }

  /** numpy's {@code expand_dims}: new axes of length 1 at {@code axes} of the output. */
  public static Variable expandDims(Variable x, int... axes) {
    return HypatiaException.naming(
        "expand_dims",
        List.of(x),
        () -> {
          int nd = x.ndim() + axes.length;
          Axes added = Axes.of(nd, axes);
          int[] order = new int[nd];
          int next = 0;
          for (int i = 0; i < nd; i++) {
            order[i] = added.contains(i) ? X : next++;
          }
          return DimShuffle.of(x.ndim(), order).apply(x);
        });
  }

  /** numpy's {@code squeeze}: drops every axis known statically to have length 1. */
  public static Variable squeeze(Variable x) {
    List<Integer> keep = new ArrayList<>();
    for (int i = 0; i < x.ndim(); i++) {
      if (x.type().dim(i) != 1) {
        keep.add(i);
      }
    }
    return new DimShuffle(x.ndim(), keep).apply(x);
  }

  /**
   * numpy's {@code squeeze(x, axes)}: drops the given axes.
   *
   * @throws IllegalArgumentException unless each is known statically to have length 1
   */
  public static Variable squeeze(Variable x, int... axes) {
    return HypatiaException.naming(
        "squeeze",
        List.of(x),
        () -> {
          Axes drop = Axes.of(x.ndim(), axes);
          List<Integer> keep = new ArrayList<>();
          for (int i = 0; i < x.ndim(); i++) {
            if (!drop.contains(i)) {
              keep.add(i);
            } else if (x.type().dim(i) != 1) {
              throw new IllegalArgumentException(
                  "squeeze: axis "
                      + i
                      + " of "
                      + x.describe()
                      + " is not known to have length 1; give it a static length of 1 to squeeze it");
            }
          }
          return new DimShuffle(x.ndim(), keep).apply(x);
        });
  }

  /** numpy's {@code concatenate} along axis 0. */
  public static Variable concatenate(List<Variable> xs) {
    return concatenate(xs, 0);
  }

  /**
   * numpy's {@code concatenate} along {@code axis}: equal ranks, equal lengths on the other axes;
   * the dtype is the promotion of all.
   */
  public static Variable concatenate(List<Variable> xs, int axis) {
    return HypatiaException.naming(
        "concatenate",
        xs,
        () -> {
          if (xs.isEmpty()) {
            throw new IllegalArgumentException("concatenate: needs at least one tensor");
          }
          int nd = xs.get(0).ndim();
          int ax = nd == 0 ? Math.max(axis, 0) : Axes.normalize(axis, nd);
          return new Join(ax).apply(xs.toArray(new Variable[0]));
        });
  }

  /** numpy's {@code stack} along a new axis 0. */
  public static Variable stack(List<Variable> xs) {
    return stack(xs, 0);
  }

  /** numpy's {@code stack}: tensors of one shape joined along a new axis {@code axis}. */
  public static Variable stack(List<Variable> xs, int axis) {
    return HypatiaException.naming(
        "stack",
        xs,
        () -> {
          if (xs.isEmpty()) {
            throw new IllegalArgumentException("stack: needs at least one tensor");
          }
          int ax = Axes.normalize(axis, xs.get(0).ndim() + 1);
          List<Variable> expanded = new ArrayList<>(xs.size());
          for (Variable x : xs) {
            expanded.add(expandDims(x, ax));
          }
          return new Join(ax).apply(expanded.toArray(new Variable[0]));
        });
  }

  /** Splits x along {@code axis} into pieces of the given sizes, which must sum to its length. */
  public static List<Variable> split(Variable x, int[] sizes, int axis) {
    return split(x, longs(sizes), axis);
  }

  /** {@link #split(Variable, int[], int)} with sizes an integer vector of static length. */
  public static List<Variable> split(Variable x, Variable sizes, int axis) {
    StaticInts.requireIntVector("split", "the sizes", sizes, List.of(x, sizes));
    int ax = Axes.normalize(axis, Math.max(x.ndim(), 1));
    return new Split(ax, sizes.type().dim(0)).makeNode(x, sizes).outputs();
  }

  /** numpy's {@code broadcast_to}, into new memory (Theano's {@code alloc}). */
  public static Variable broadcastTo(Variable x, int... shape) {
    return alloc(x, longs(shape));
  }

  /** {@code broadcast_to} a symbolic integer shape vector of static length. */
  public static Variable broadcastTo(Variable x, Variable shape) {
    return alloc(x, shape);
  }

  /**
   * Theano's {@code alloc}: {@code value} broadcast to shape; a Java value takes the dtype {@link
   * #full(int[], Object)} gives it.
   */
  public static Variable alloc(Object value, Variable shape) {
    return new Alloc().apply(fillValue(value, null), shape);
  }

  /** A float64 tensor of zeros. */
  public static Variable zeros(int... shape) {
    return zeros(shape, DType.FLOAT64);
  }

  /** A tensor of zeros of {@code dtype}. */
  public static Variable zeros(int[] shape, DType dtype) {
    return zeros(longs(shape), dtype);
  }

  /** A tensor of zeros of {@code dtype} and a symbolic shape. */
  public static Variable zeros(Variable shape, DType dtype) {
    return full(shape, 0, dtype);
  }

  /** A float64 tensor of ones. */
  public static Variable ones(int... shape) {
    return ones(shape, DType.FLOAT64);
  }

  /** A tensor of ones of {@code dtype}. */
  public static Variable ones(int[] shape, DType dtype) {
    return ones(longs(shape), dtype);
  }

  /** A tensor of ones of {@code dtype} and a symbolic shape. */
  public static Variable ones(Variable shape, DType dtype) {
    return full(shape, 1, dtype);
  }

  /**
   * numpy's {@code full}: a tensor filled with {@code value}, whose dtype is the one {@link
   * NDArray#from} gives it except that a Java int gives int64 (numpy's for a Python int); a
   * variable keeps its own.
   */
  public static Variable full(int[] shape, Object value) {
    return alloc(value, longs(shape));
  }

  /** A tensor of {@code dtype} filled with {@code value} (converted as a C cast). */
  public static Variable full(int[] shape, Object value, DType dtype) {
    return full(longs(shape), value, dtype);
  }

  /** A tensor of {@code dtype} and a symbolic shape filled with a Java number or boolean. */
  public static Variable full(Variable shape, Object value, DType dtype) {
    return alloc(fillValue(value, dtype), shape);
  }

  private static Variable fillValue(Object value, DType dtype) {
    if (value instanceof Variable v) {
      if (dtype != null && v.dtype() != dtype) {
        throw new IllegalArgumentException(
            "full: the fill value " + v.describe() + " is not of dtype " + dtype);
      }
      return v;
    }
    NDArray a = NDArray.from(value instanceof Integer i ? Long.valueOf(i) : value);
    return new Constant(dtype == null ? a : a.astype(dtype), null);
  }

  /** numpy's {@code zeros_like}: zeros of x's shape and dtype. */
  public static Variable zerosLike(Variable x) {
    return zerosLike(x, x.dtype());
  }

  /** Zeros of x's shape and {@code dtype}. */
  public static Variable zerosLike(Variable x, DType dtype) {
    return zeros(shape(x), dtype);
  }

  /** numpy's {@code ones_like}: ones of x's shape and dtype. */
  public static Variable onesLike(Variable x) {
    return onesLike(x, x.dtype());
  }

  /** Ones of x's shape and {@code dtype}. */
  public static Variable onesLike(Variable x, DType dtype) {
    return ones(shape(x), dtype);
  }

  /** numpy's {@code full_like}: {@code value} in x's shape and dtype. */
  public static Variable fullLike(Variable x, Object value) {
    return fullLike(x, value, x.dtype());
  }

  /** {@code value} in x's shape and {@code dtype}. */
  public static Variable fullLike(Variable x, Object value, DType dtype) {
    return full(shape(x), value, dtype);
  }

  /** numpy's {@code arange(stop)}: int64 {@code 0, 1, ..., stop-1}. */
  public static Variable arange(long stop) {
    return arange(0, stop, 1);
  }

  /** numpy's {@code arange(start, stop)} of int64. */
  public static Variable arange(long start, long stop) {
    return arange(start, stop, 1);
  }

  /** numpy's {@code arange(start, stop, step)} of int64. */
  public static Variable arange(long start, long stop, long step) {
    return arange(
        Operands.constant(start), Operands.constant(stop), Operands.constant(step), DType.INT64);
  }

  /** numpy's {@code arange(start, stop, step)} of float64. */
  public static Variable arange(double start, double stop, double step) {
    return arange(start, stop, step, DType.FLOAT64);
  }

  /** numpy's {@code arange(start, stop, step, dtype)}. */
  public static Variable arange(double start, double stop, double step, DType dtype) {
    return arange(
        Operands.constant(start), Operands.constant(stop), Operands.constant(step), dtype);
  }

  /** {@code arange} over numeric (not bool) scalars; the dtype is their promotion. */
  public static Variable arange(Variable start, Variable stop, Variable step) {
    return arange(start, stop, step, DType.promote(start.dtype(), stop.dtype(), step.dtype()));
  }

  /** {@code arange} over numeric scalars, of {@code dtype}. */
  public static Variable arange(Variable start, Variable stop, Variable step, DType dtype) {
    return new Arange(dtype).apply(start, stop, step);
  }

  /** numpy's {@code eye(n)}: the float64 identity matrix. */
  public static Variable eye(int n) {
    return eye(n, n, 0, DType.FLOAT64);
  }

  /** numpy's {@code eye(n, m, k, dtype)}: ones on diagonal k of an n-by-m matrix. */
  public static Variable eye(int n, int m, int k, DType dtype) {
    return eye(
        Operands.constant((long) n),
        Operands.constant((long) m),
        Operands.constant((long) k),
        dtype);
  }

  /** {@code eye} over integer scalars n, m and k. */
  public static Variable eye(Variable n, Variable m, Variable k, DType dtype) {
    return new Eye(dtype).apply(n, m, k);
  }

  /** numpy's {@code tile(x, reps)}. */
  public static Variable tile(Variable x, int... reps) {
    return HypatiaException.naming(
        "tile",
        List.of(x),
        () -> {
          return new Tile(Arrays.stream(reps).boxed().toList()).apply(x);
        });
  }

  /** numpy's {@code repeat(x, repeats)}: each element of the flattened x {@code repeats} times. */
  public static Variable repeat(Variable x, int repeats) {
    return repeat(x, Operands.constant((long) repeats), null);
  }

  /** numpy's {@code repeat(x, repeats, axis)} with one count for every entry along the axis. */
  public static Variable repeat(Variable x, int repeats, int axis) {
    return repeat(x, Operands.constant((long) repeats), axis);
  }

  /** numpy's {@code repeat(x, repeats, axis)} with a count per entry along the axis. */
  public static Variable repeat(Variable x, int[] repeats, int axis) {
    return repeat(x, longs(repeats), axis);
  }

  /** numpy's {@code repeat} of the flattened x with an integer scalar or vector of counts. */
  public static Variable repeat(Variable x, Variable repeats) {
    return repeat(x, repeats, null);
  }

  /**
   * numpy's {@code repeat} with an integer scalar or vector of counts, along {@code axis}, or over
   * the flattened x when axis is null.
   */
  public static Variable repeat(Variable x, Variable repeats, Integer axis) {
    return HypatiaException.naming(
        "repeat",
        List.of(x, repeats),
        () -> {
          Integer ax = axis == null ? null : Axes.normalize(axis, x.ndim());
          return new Repeat(ax).apply(x, repeats);
        });
  }
}
