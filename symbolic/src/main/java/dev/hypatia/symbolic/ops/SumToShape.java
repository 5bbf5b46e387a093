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
 * The adjoint of broadcasting: inputs {@code (g, like)}; sums {@code g} over its leading axes
 * beyond {@code like}'s rank and over every axis where {@code like} has length 1 and g does not, so
 * that the result has {@code like}'s shape. Gradients of broadcasting ops use it where static
 * shapes cannot tell which axes broadcast. Only {@code like}'s shape is read.
 *
 * <p>Shape: that of like. dtype: that of g. When the shapes are equal it returns g unchanged.
 */
public record SumToShape() implements Op {
  @Override
  public String name() {
    return "sum_to_shape";
  }

  @Override
  public Apply makeNode(List<Variable> inputs) {
    StaticInts.requireCount(name(), 2, inputs);
    Variable g = inputs.get(0);
    Variable like = inputs.get(1);
    if (g.ndim() < like.ndim()) {
      throw HypatiaException.forInputs(
          name(), "cannot sum rank " + g.ndim() + " to rank " + like.ndim(), inputs);
    }
    return new Apply(this, inputs, List.of(like.type().withDType(g.dtype())));
  }

  @Override
  public List<NDArray> perform(Apply node, List<NDArray> inputs) {
    NDArray g = inputs.get(0);
    int[] target = inputs.get(1).shape();
    int[] from = g.shape();
    if (Arrays.equals(from, target)) {
      return List.of(g);
    }
    int lead = from.length - target.length;
    for (int i = 0; i < target.length; i++) {
      if (target[i] != 1 && target[i] != from[lead + i]) {
        throw new IllegalArgumentException(
            "cannot sum shape "
                + TensorType.shapeString(from)
                + " to shape "
                + TensorType.shapeString(target));
      }
    }
    NDArray out = NDArray.zeros(g.dtype(), target);
    int[] idx = new int[target.length];
    int n = g.size();
    int[] src = g.storageIndices();
    int[] gIdx = new int[from.length];
    for (int k = 0; k < n; k++) {
      int rest = k;
      for (int i = from.length - 1; i >= 0; i--) {
        gIdx[i] = rest % from[i];
        rest /= from[i];
      }
      for (int i = 0; i < target.length; i++) {
        idx[i] = target[i] == 1 ? 0 : gIdx[lead + i];
      }
      int dst = out.storageIndex(idx);
      if (g.dtype().isDiscrete()) {
        out.dtype()
            .setLong(
                out.data(),
                dst,
                out.dtype().getLong(out.data(), dst) + g.dtype().getLong(g.data(), src[k]));
      } else {
        out.dtype()
            .setDouble(
                out.data(),
                dst,
                out.dtype().getDouble(out.data(), dst) + g.dtype().getDouble(g.data(), src[k]));
      }
    }
    return List.of(out);
  }
}
