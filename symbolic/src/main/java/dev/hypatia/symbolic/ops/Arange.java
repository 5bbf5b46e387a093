package dev.hypatia.symbolic.ops;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Constant;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.List;

/**
 * numpy's {@code arange(start, stop, step, dtype)}: inputs are three numeric scalars; the output is
 * a vector of length {@code max(0, ceil((stop - start) / step))} whose element i is computed as
 * numpy does, {@code start + i * delta} in the output dtype, where {@code delta} is {@code (start +
 * step) - start} after both are stored in that dtype. Dtype rule: the parameter {@code dtype}; no
 * broadcasting. The length is static when the three inputs are constants.
 *
 * @param dtype the output dtype (not bool)
 */
public record Arange(DType dtype) implements Op {
  /** Checks the dtype. */
  public Arange {
    if (dtype == DType.BOOL) {
      throw new IllegalArgumentException("arange: dtype bool is not supported");
    }
  }

  @Override
  public Apply makeNode(List<Variable> inputs) {
    StaticInts.requireCount(name(), 3, inputs);
    for (Variable v : inputs) {
      if (v.ndim() != 0 || v.dtype().isBool()) {
        throw HypatiaException.forInputs(
            name(), "start, stop and step must be numeric scalars, got " + v.type(), inputs);
      }
    }
    int len = TensorType.UNKNOWN;
    if (inputs.stream().allMatch(Variable::isConstant)) {
      NDArray[] v = new NDArray[3];
      for (int i = 0; i < 3; i++) {
        v[i] = ((Constant) inputs.get(i)).valueView();
      }
      try {
        len = length(v[0], v[1], v[2]);
      } catch (IllegalArgumentException e) {
        throw HypatiaException.forInputs(name(), e.getMessage(), inputs);
      }
    }
    return new Apply(this, inputs, List.of(TensorType.of(dtype, len)));
  }

  /**
   * numpy's length, exact for integer bounds and {@code ceil} of the float quotient otherwise.
   *
   * @throws IllegalArgumentException when step is zero or the range is too long
   */
  static int length(NDArray start, NDArray stop, NDArray step) {
    boolean exact = start.dtype().isDiscrete() && stop.dtype().isDiscrete();
    exact &= step.dtype().isDiscrete();
    if (step.item() == 0) {
      throw new IllegalArgumentException("step must not be zero");
    }
    double n;
    if (exact) {
      long d = stop.itemLong() - start.itemLong();
      long s = step.itemLong();
      n = Math.floorDiv(d, s) + (Math.floorMod(d, s) != 0 ? 1 : 0);
    } else {
      n = Math.ceil((stop.item() - start.item()) / step.item());
    }
    if (Double.isNaN(n)) {
      throw new IllegalArgumentException("the length of the range is NaN");
    }
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("the range has more than 2^31-1 elements");
    }
    return (int) Math.max(0, n);
  }

  @Override
  public List<NDArray> perform(Apply node, List<NDArray> inputs) {
    NDArray start = inputs.get(0);
    NDArray step = inputs.get(2);
    int n = length(start, inputs.get(1), step);
    NDArray out = NDArray.zeros(dtype, n);
    if (n == 0) {
      return List.of(out);
    }
    boolean exact = start.dtype().isDiscrete() && step.dtype().isDiscrete();
    NDArray first = NDArray.zeros(dtype, 2);
    if (exact) {
      first.setFlatLong(0, start.itemLong());
      first.setFlatLong(1, start.itemLong() + step.itemLong());
    } else {
      first.setFlat(0, start.item());
      first.setFlat(1, start.item() + step.item());
    }
    fill(out, first);
    return List.of(out);
  }

  /**
   * numpy's {@code fill}: elements 0 and 1 are b0 and b1 as stored, element i from 2 on is {@code
   * b0 + i * (b1 - b0)} in the dtype's arithmetic. Modified: out.
   */
  private void fill(NDArray out, NDArray first) {
    int n = out.size();
    StaticInts.copyInto(first.slice(0, 0, n, 1), out.slice(0, 0, 2, 1));
    switch (dtype) {
      case FLOAT32 -> {
        float b0 = (float) first.flatDouble(0);
        float delta = (float) first.flatDouble(1) - b0;
        for (int i = 2; i < n; i++) {
          out.setFlat(i, b0 + (float) i * delta);
        }
      }
      case FLOAT64 -> {
        double b0 = first.flatDouble(0);
        double delta = first.flatDouble(1) - b0;
        for (int i = 2; i < n; i++) {
          out.setFlat(i, b0 + i * delta);
        }
      }
      default -> {
        long b0 = first.flatLong(0);
        long delta = first.flatLong(1) - b0;
        for (int i = 2; i < n; i++) {
          out.setFlatLong(i, b0 + i * delta);
        }
      }
    }
  }

  @Override
  public String name() {
    return "arange{" + dtype + "}";
  }
}
