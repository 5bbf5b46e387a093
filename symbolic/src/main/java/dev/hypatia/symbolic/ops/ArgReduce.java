package dev.hypatia.symbolic.ops;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.Arrays;
import java.util.List;

/**
 * numpy's argmax and argmin: the int64 index of the first largest (smallest) element along one
 * axis, or in the flattened tensor when {@code axis} is null. The first NaN wins, as in numpy. Any
 * input dtype; an empty axis is a run-time error.
 *
 * @param max true for argmax, false for argmin
 * @param axis the non-negative axis, or null for the flattened tensor
 * @param keepdims whether the reduced axis (every axis when flattened) stays with length 1
 */
public record ArgReduce(boolean max, Integer axis, boolean keepdims) implements Op {
  /** Checks that {@code axis} is null or non-negative. */
  public ArgReduce {
    if (axis != null && axis < 0) {
      throw new IllegalArgumentException("ArgReduce needs a normalized axis, got " + axis);
    }
  }

  /** {@code argmax{axis=1}}, {@code argmin} (flattened), with {@code , keepdims} when kept. */
  @Override
  public String name() {
    String base = max ? "argmax" : "argmin";
    if (axis == null && !keepdims) {
      return base;
    }
    String a = axis == null ? "axis=None" : "axis=" + axis;
    return base + "{" + a + (keepdims ? ", keepdims" : "") + "}";
  }

  /**
   * A node over {@code inputs.get(0)}, int64.
   *
   * @throws HypatiaException for a wrong input count or an axis beyond the rank
   */
  @Override
  public Apply makeNode(List<Variable> inputs) {
    if (inputs.size() != 1) {
      throw HypatiaException.forInputs(name(), "takes 1 input, got " + inputs.size(), inputs);
    }
    int nd = inputs.get(0).ndim();
    if (axis != null && axis >= nd) {
      throw HypatiaException.forInputs(
          name(), "axis " + axis + " is out of bounds for a tensor of rank " + nd, inputs);
    }
    int[] shape = outputShape(inputs.get(0).type().shape());
    return new Apply(this, inputs, List.of(TensorType.of(DType.INT64, shape)));
  }

  private int[] outputShape(int[] in) {
    if (axis == null) {
      int[] s = new int[keepdims ? in.length : 0];
      Arrays.fill(s, 1);
      return s;
    }
    return Reduce.reducedShape(in, dev.hypatia.symbolic.Axes.of(in.length, axis), keepdims);
  }

  /**
   * Finds the indices.
   *
   * @throws IllegalArgumentException when the searched axis is empty
   */
  @Override
  public List<NDArray> perform(Apply node, List<NDArray> inputs) {
    NDArray x = inputs.get(0);
    int lane = axis == null ? x.size() : x.shape(axis);
    NDArray out = NDArray.zeros(DType.INT64, outputShape(x.shape()));
    if (lane == 0) { // numpy refuses an empty searched axis, even when the output is empty
      throw new IllegalArgumentException(
          "attempt to get "
              + (max ? "argmax" : "argmin")
              + " of an empty sequence (input shape "
              + x.shapeString()
              + ")");
    }
    int[] src = lanesLast(x).storageIndices();
    long[] result = (long[]) out.data();
    for (int o = 0; o < result.length; o++) {
      result[o] =
          x.dtype().isDiscrete()
              ? searchLongs(x, src, o * lane, lane)
              : searchDoubles(x, src, o * lane, lane);
    }
    return List.of(out);
  }

  /** A view whose C order runs over the searched axis innermost. */
  private NDArray lanesLast(NDArray x) {
    if (axis == null) {
      return x;
    }
    int nd = x.ndim();
    int[] perm = new int[nd];
    for (int i = 0, j = 0; i < nd; i++) {
      if (i != axis) {
        perm[j++] = i;
      }
    }
    perm[nd - 1] = axis;
    return x.transpose(perm);
  }

  private long searchLongs(NDArray x, int[] src, int from, int n) {
    int best = 0;
    long bestValue = x.dtype().getLong(x.data(), src[from]);
    for (int k = 1; k < n; k++) {
      long v = x.dtype().getLong(x.data(), src[from + k]);
      if (max ? v > bestValue : v < bestValue) {
        best = k;
        bestValue = v;
      }
    }
    return best;
  }

  private long searchDoubles(NDArray x, int[] src, int from, int n) {
    int best = 0;
    double bestValue = x.dtype().getDouble(x.data(), src[from]);
    for (int k = 1; k < n && !Double.isNaN(bestValue); k++) {
      double v = x.dtype().getDouble(x.data(), src[from + k]);
      if (Double.isNaN(v) || (max ? v > bestValue : v < bestValue)) {
        best = k;
        bestValue = v;
      }
    }
    return best;
  }
}
