package dev.hypatia.symbolic.ops;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Axes;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.List;
import java.util.Objects;

/**
 * The number of elements of the input over some axes (the product of their lengths), as an int64
 * scalar: the divisor of mean and var. Any input dtype; only the input's shape is read.
 *
 * @param axes the axes counted (non-negative, below the input's rank)
 */
public record ElementCount(Axes axes) implements Op {
  /** Checks that axes is not null. */
  public ElementCount {
    Objects.requireNonNull(axes, "axes");
  }

  /** {@code count{axes=(0, 1)}}. */
  @Override
  public String name() {
    return "count{axes=" + axes + "}";
  }

  /**
   * A node over {@code inputs.get(0)} with an int64 scalar output.
   *
   * @throws HypatiaException for a wrong input count or an axis beyond the rank
   */
  @Override
  public Apply makeNode(List<Variable> inputs) {
    if (inputs.size() != 1) {
      throw HypatiaException.forInputs(name(), "takes 1 input, got " + inputs.size(), inputs);
    }
    Reduce.checkAxes(name(), axes, inputs);
    return new Apply(this, inputs, List.of(TensorType.scalar(DType.INT64)));
  }

  /** The product of the input's lengths along the axes. */
  @Override
  public List<NDArray> perform(Apply node, List<NDArray> inputs) {
    long n = 1;
    for (int a : axes.toArray()) {
      n *= inputs.get(0).shape(a);
    }
    return List.of(NDArray.scalarLong(DType.INT64, n));
  }
}
