package dev.hypatia.symbolic.ops;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.Arrays;
import java.util.List;

/**
 * numpy's {@code repeat(x, repeats, axis)}: inputs {@code (x, repeats)} where repeats is an integer
 * scalar or vector; entry i of x along the axis appears {@code repeats[i]} times. A scalar or a
 * length-1 vector applies to every entry. With no axis, x is flattened first and the output is a
 * vector. Dtype rule: x's dtype; no broadcasting.
 *
 * @param axis the axis, non-negative, or null to repeat the flattened x
 */
public record Repeat(Integer axis) implements Op {
  /** Checks that the axis is normalized. */
  public Repeat {
    if (axis != null && axis < 0) {
      throw new IllegalArgumentException("repeat: axis must be normalized (>= 0), got " + axis);
    }
  }

  @Override
  public Apply makeNode(List<Variable> inputs) {
    StaticInts.requireCount(name(), 2, inputs);
    Variable x = inputs.get(0);
    Variable repeats = inputs.get(1);
    if (repeats.ndim() > 1 || !repeats.dtype().isInteger()) {
      throw HypatiaException.forInputs(
          name(), "repeats must be an integer scalar or vector, got " + repeats.type(), inputs);
    }
    if (axis != null && axis >= x.ndim()) {
      throw HypatiaException.forInputs(
          name(), "axis " + axis + " is out of bounds for a tensor of rank " + x.ndim(), inputs);
    }
    int[] shape = axis == null ? new int[] {staticSize(x.type())} : x.type().shape();
    int ax = axis == null ? 0 : axis;
    long[] reps = staticRepeats(repeats);
    try {
      shape[ax] = reps == null ? TensorType.UNKNOWN : outLength(reps, shape[ax]);
    } catch (IllegalArgumentException e) {
      throw HypatiaException.forInputs(name(), e.getMessage(), inputs);
    }
    return new Apply(this, inputs, List.of(TensorType.of(x.dtype(), shape)));
  }

  private static int staticSize(TensorType t) {
    return t.isFullyKnown() ? NDArray.sizeOf(t.shape()) : TensorType.UNKNOWN;
  }

  private static long[] staticRepeats(Variable repeats) {
    if (repeats.ndim() == 0) {
      long r = StaticInts.scalar(repeats);
      return r == StaticInts.UNKNOWN ? null : new long[] {r};
    }
    return repeats.type().isKnown(0) ? StaticInts.knownVector(repeats) : null;
  }

  /**
   * The output length along the axis, or UNKNOWN when {@code len} is unknown and reps is one value.
   *
   * @throws IllegalArgumentException for negative repeats or a count that does not fit
   */
  private static int outLength(long[] reps, int len) {
    for (long r : reps) {
      if (r < 0) {
        throw new IllegalArgumentException("negative repeats in " + Arrays.toString(reps));
      }
    }
    if (reps.length == 1) {
      return len == TensorType.UNKNOWN
          ? TensorType.UNKNOWN
          : fits(reps[0] > Integer.MAX_VALUE ? -1 : reps[0] * len);
    }
    if (len != TensorType.UNKNOWN && reps.length != len) {
      throw new IllegalArgumentException(
          reps.length + " repeats for an axis of length " + len + " (need " + len + " or 1)");
    }
    long total = 0;
    for (long r : reps) {
      total = total + r < 0 ? -1 : total + r;
    }
    return fits(total);
  }

  /** {@code n} as an int length, or a clear error when it exceeds what an array holds. */
  private static int fits(long n) {
    if (n < 0 || n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("the result would have more than 2^31-1 elements");
    }
    return (int) n;
  }

  @Override
  public List<NDArray> perform(Apply node, List<NDArray> inputs) {
    NDArray x = axis == null ? inputs.get(0).reshape(-1) : inputs.get(0);
    int ax = axis == null ? 0 : axis;
    int n = x.shape(ax);
    long[] reps = inputs.get(1).toLongArray();
    int[] shape = x.shape();
    shape[ax] = outLength(reps, n);
    NDArray out = NDArray.zeros(x.dtype(), shape);
    int pos = 0;
    for (int i = 0; i < n; i++) {
      NDArray piece = x.slice(ax, i, i + 1, 1);
      for (long j = reps.length == 1 ? reps[0] : reps[i]; j > 0; j--) {
        StaticInts.copyInto(piece, out.slice(ax, pos, pos + 1, 1));
        pos++;
      }
    }
    return List.of(out);
  }

  @Override
  public String name() {
    return "repeat{axis=" + (axis == null ? "None" : axis) + "}";
  }
}
