package dev.hypatia.symbolic.ops;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Axes;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.scalar.BinaryFn;
import java.util.List;
import java.util.Objects;

/**
 * A fold of a binary scalar function along some axes: sum (add), prod (mul), max (maximum), min
 * (minimum), all (and) and any (or). Dtypes as numpy: sum and prod of bool and integers are int64,
 * of floats keep the dtype; max and min keep it; all and any take bool and return bool. An empty
 * fold is the function's identity; max and min of an empty fold are a run-time error. The reference
 * folds in input order, integers in long (exact, wrapping) and floats in double, rounding once to
 * the output dtype (so a float32 sum is at least as accurate as numpy's).
 *
 * @param fn a function of {@link BinaryFn#REDUCIBLE}
 * @param axes the axes folded (non-negative, below the input's rank)
 * @param keepdims whether folded axes stay, with length 1
 */
public record Reduce(BinaryFn fn, Axes axes, boolean keepdims) implements Op {
  /** Checks that {@code fn} is reducible. */
  public Reduce {
    Objects.requireNonNull(fn, "fn");
    Objects.requireNonNull(axes, "axes");
    if (!BinaryFn.REDUCIBLE.contains(fn)) {
      throw new IllegalArgumentException(
          fn.opName() + " cannot be reduced: use one of " + BinaryFn.REDUCIBLE);
    }
  }

  /** The reduction's numpy name: sum, prod, max, min, all or any. */
  public String reductionName() {
    return switch (fn) {
      case ADD -> "sum";
      case MUL -> "prod";
      case MAXIMUM -> "max";
      case MINIMUM -> "min";
      case AND -> "all";
      default -> "any";
    };
  }

  /** {@code sum{axes=(0, 1)}}, with {@code , keepdims} when it keeps them. */
  @Override
  public String name() {
    return reductionName() + "{axes=" + axes + (keepdims ? ", keepdims" : "") + "}";
  }

  /** The output dtype for an input of dtype {@code in}. */
  public DType outputDType(DType in) {
    return switch (fn) {
      case ADD, MUL -> in.isFloat() ? in : DType.INT64;
      case AND, OR -> {
        if (!in.isBool()) {
          throw new IllegalArgumentException(
              reductionName() + " folds bool tensors, got " + in + " (compare or cast first)");
        }
        yield in;
      }
      default -> in;
    };
  }

  /**
   * A node folding {@code inputs.get(0)}.
   *
   * @throws HypatiaException for a wrong input count, an axis beyond the rank, or a rejected dtype
   */
  @Override
  public Apply makeNode(List<Variable> inputs) {
    if (inputs.size() != 1) {
      throw HypatiaException.forInputs(name(), "takes 1 input, got " + inputs.size(), inputs);
    }
    Variable x = inputs.get(0);
    checkAxes(name(), axes, inputs);
    DType out;
    try {
      out = outputDType(x.dtype());
    } catch (IllegalArgumentException e) {
      throw HypatiaException.forInputs(name(), e.getMessage(), inputs);
    }
    int[] shape = reducedShape(x.type().shape(), axes, keepdims);
    return new Apply(this, inputs, List.of(TensorType.of(out, shape)));
  }

  static void checkAxes(String name, Axes axes, List<Variable> inputs) {
    int nd = inputs.get(0).ndim();
    if (axes.size() > 0 && axes.get(axes.size() - 1) >= nd) {
      throw HypatiaException.forInputs(
          name, "axes " + axes + " are out of bounds for a tensor of rank " + nd, inputs);
    }
  }

  /** {@code shape} without {@code axes}, or with them set to 1 when {@code keepdims}. */
  static int[] reducedShape(int[] shape, Axes axes, boolean keepdims) {
    int[] out = new int[keepdims ? shape.length : shape.length - axes.size()];
    int j = 0;
    for (int i = 0; i < shape.length; i++) {
      if (!axes.contains(i)) {
        out[j++] = shape[i];
      } else if (keepdims) {
        out[j++] = 1;
      }
    }
    return out;
  }

  /**
   * Folds the input.
   *
   * @throws IllegalArgumentException for max or min of an empty fold with a non-empty output
   */
  @Override
  public List<NDArray> perform(Apply node, List<NDArray> inputs) {
    NDArray x = inputs.get(0);
    int[] shape = x.shape();
    DType outType = outputDType(x.dtype());
    NDArray out = NDArray.zeros(outType, reducedShape(shape, axes, keepdims));
    int count = 1;
    for (int a : axes.toArray()) {
      count *= shape[a];
    }
    if (count == 0 && out.size() > 0 && fn.identity().isEmpty()) {
      throw new IllegalArgumentException(
          reductionName()
              + " of an empty array has no identity: axes "
              + axes
              + " of shape "
              + x.shapeString()
              + " hold no element");
    }
    int[] outFlat = outputPositions(shape);
    if (outType.isDiscrete()) {
      foldLongs(x, outFlat, out);
    } else {
      foldDoubles(x, outFlat, out);
    }
    return List.of(out);
  }

  /** For each input element in C order, the flat C-order index of its output element. */
  private int[] outputPositions(int[] shape) {
    int[] ostride = new int[shape.length];
    int s = 1;
    for (int i = shape.length - 1; i >= 0; i--) {
      if (!axes.contains(i)) {
        ostride[i] = s;
        s *= shape[i];
      }
    }
    int size = NDArray.sizeOf(shape);
    int[] pos = new int[size];
    int[] idx = new int[shape.length];
    int p = 0;
    for (int k = 0; k < size; k++) {
      pos[k] = p;
      for (int i = shape.length - 1; i >= 0; i--) {
        if (++idx[i] < shape[i]) {
          p += ostride[i];
          break;
        }
        p -= (shape[i] - 1) * ostride[i];
        idx[i] = 0;
      }
    }
    return pos;
  }

  private void foldLongs(NDArray x, int[] outFlat, NDArray out) {
    long[] acc = new long[out.size()];
    boolean[] started = new boolean[acc.length];
    int[] src = x.storageIndices();
    for (int k = 0; k < src.length; k++) {
      long v = x.dtype().getLong(x.data(), src[k]);
      int o = outFlat[k];
      acc[o] = started[o] ? fn.eval(acc[o], v) : v;
      started[o] = true;
    }
    long identity = (long) fn.identity().orElse(0.0);
    for (int o = 0; o < acc.length; o++) {
      out.dtype().setLong(out.data(), o, started[o] ? acc[o] : identity);
    }
  }

  private void foldDoubles(NDArray x, int[] outFlat, NDArray out) {
    double[] acc = new double[out.size()];
    boolean[] started = new boolean[acc.length];
    int[] src = x.storageIndices();
    for (int k = 0; k < src.length; k++) {
      double v = x.dtype().getDouble(x.data(), src[k]);
      int o = outFlat[k];
      acc[o] = started[o] ? fn.eval(acc[o], v) : v;
      started[o] = true;
    }
    double identity = fn.identity().orElse(0.0);
    for (int o = 0; o < acc.length; o++) {
      out.dtype().setDouble(out.data(), o, started[o] ? acc[o] : identity);
    }
  }
}
