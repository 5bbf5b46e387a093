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
 * Theano's Alloc, numpy's {@code broadcast_to} into new memory: inputs {@code (value, shape)} where
 * {@code shape} is an integer vector of static length n (the output rank, at least value's rank);
 * the output is value broadcast to shape. Dtype rule: value's dtype; broadcasting rule: numpy's,
 * value's axes right-aligned, each of length 1 or equal to the target. Zeros, ones, full and their
 * {@code _like} forms are allocs of a scalar.
 */
public record Alloc() implements Op {
  @Override
  public Apply makeNode(List<Variable> inputs) {
    StaticInts.requireCount(name(), 2, inputs);
    Variable value = inputs.get(0);
    Variable shape = inputs.get(1);
    StaticInts.requireIntVector(name(), "the shape", shape, inputs);
    long[] target = StaticInts.vector(shape);
    int n = target.length;
    int lead = n - value.ndim();
    if (lead < 0) {
      throw HypatiaException.forInputs(
          name(),
          "the value has rank " + value.ndim() + " but the target shape has length " + n,
          inputs);
    }
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      long t = target[i];
      if (t != StaticInts.UNKNOWN && (t < 0 || t > Integer.MAX_VALUE)) {
        throw HypatiaException.forInputs(
            name(), "invalid dimension " + t + " in the target shape", inputs);
      }
      int v = i < lead ? 1 : value.type().dim(i - lead);
      if (t != StaticInts.UNKNOWN && v != TensorType.UNKNOWN && v != 1 && v != t) {
        throw HypatiaException.forInputs(
            name(),
            "cannot broadcast a value of shape "
                + value.type().shapeString()
                + " to shape "
                + Arrays.toString(target).replace(" ", "").replace("" + StaticInts.UNKNOWN, "?"),
            inputs);
      }
      out[i] = t != StaticInts.UNKNOWN ? (int) t : v != 1 ? v : TensorType.UNKNOWN;
    }
    return new Apply(this, inputs, List.of(TensorType.of(value.dtype(), out)));
  }

  @Override
  public List<NDArray> perform(Apply node, List<NDArray> inputs) {
    int[] target = StaticInts.toInts(inputs.get(1));
    for (int d : target) {
      if (d < 0) {
        throw new IllegalArgumentException(
            "negative dimension in shape " + Arrays.toString(target));
      }
    }
    return List.of(inputs.get(0).broadcastTo(target).copy());
  }

  @Override
  public String name() {
    return "alloc";
  }
}
