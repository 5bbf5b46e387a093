package dev.hypatia.symbolic.ops;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Axes;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.List;

/**
 * softmax(x) = exp(x - max) / sum(exp(x - max)) along one axis, or with {@code log} its logarithm x
 * - max - log(sum(exp(x - max))). Computed with the maximum subtracted, so it stays finite for
 * entries near 1000.
 *
 * <p>Shape: that of x. dtype: float inputs keep theirs, others {@link
 * dev.hypatia.symbolic.DType#toFloat()}.
 *
 * @param axis the non-negative axis the softmax normalizes over
 * @param log whether this is log_softmax
 */
public record Softmax(int axis, boolean log) implements Op {
  @Override
  public String name() {
    return (log ? "log_softmax" : "softmax") + "{axis=" + axis + "}";
  }

  /** The op for {@code axis} (negative counts from the end) of {@code x}. */
  public static Softmax over(Variable x, int axis, boolean log) {
    if (x.ndim() == 0) {
      throw HypatiaException.forInputs(
          log ? "log_softmax" : "softmax", "needs at least one axis, got a scalar", List.of(x));
    }
    try {
      return new Softmax(Axes.normalize(axis, x.ndim()), log);
    } catch (IllegalArgumentException e) {
      throw HypatiaException.forInputs(log ? "log_softmax" : "softmax", e.getMessage(), List.of(x));
    }
  }

  @Override
  public Apply makeNode(List<Variable> inputs) {
    if (inputs.size() != 1) {
      throw HypatiaException.forInputs(name(), "expects one input", inputs);
    }
    Variable x = inputs.get(0);
    if (axis >= x.ndim()) {
      throw HypatiaException.forInputs(
          name(), "axis " + axis + " is out of bounds for rank " + x.ndim(), inputs);
    }
    TensorType t = x.type().withDType(x.dtype().toFloat());
    return new Apply(this, inputs, List.of(t));
  }

  @Override
  public List<NDArray> perform(Apply node, List<NDArray> inputs) {
    NDArray x = inputs.get(0);
    NDArray out = NDArray.zeros(node.output(0).dtype(), x.shape());
    int n = x.shape(axis);
    for (int[] lane : Lanes.of(x.shape(), axis)) {
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < n; k++) {
        lane[axis] = k;
        max = Math.max(max, x.getDouble(lane));
      }
      double shift = Double.isInfinite(max) ? 0 : max;
      double sum = 0;
      for (int k = 0; k < n; k++) {
        lane[axis] = k;
        sum += Math.exp(x.getDouble(lane) - shift);
      }
      double logSum = Math.log(sum);
      for (int k = 0; k < n; k++) {
        lane[axis] = k;
        double z = x.getDouble(lane) - shift;
        out.set(log ? z - logSum : Math.exp(z) / sum, lane);
      }
    }
    return List.of(out);
  }
}
