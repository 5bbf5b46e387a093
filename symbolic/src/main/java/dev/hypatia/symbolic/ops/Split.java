package dev.hypatia.symbolic.ops;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Theano's Split, a node with {@code count} outputs: inputs {@code (x, sizes)} where {@code sizes}
 * is an integer vector of static length {@code count}; output {@code i} is the next {@code
 * sizes[i]} entries of x along {@code axis}. The sizes must sum to the axis length. Dtype rule:
 * outputs have x's dtype; no broadcasting. Outputs are views.
 *
 * @param axis the axis to split, non-negative (facades normalize negative axes first)
 * @param count the number of pieces (outputs)
 */
public record Split(int axis, int count) implements Op {
  /** Checks the parameters. */
  public Split {
    if (axis < 0 || count < 1) {
      throw new IllegalArgumentException(
          "split: needs a normalized axis (>= 0) and at least one piece, got axis "
              + axis
              + " and "
              + count
              + " pieces");
    }
  }

  @Override
  public Apply makeNode(List<Variable> inputs) {
    StaticInts.requireCount(name(), 2, inputs);
    Variable x = inputs.get(0);
    if (axis >= x.ndim()) {
      throw HypatiaException.forInputs(
          name(), "axis " + axis + " is out of bounds for a tensor of rank " + x.ndim(), inputs);
    }
    Variable sizes = inputs.get(1);
    StaticInts.requireIntVector(name(), "the sizes", sizes, inputs);
    if (sizes.type().dim(0) != count) {
      throw HypatiaException.forInputs(
          name(), "the sizes must have length " + count + ", got " + sizes.type(), inputs);
    }
    long[] known = StaticInts.vector(sizes);
    long sum = 0;
    for (long s : known) {
      if (s != StaticInts.UNKNOWN && s < 0) {
        throw HypatiaException.forInputs(
            name(), "negative size " + s + " in " + Arrays.toString(known), inputs);
      }
      sum = s == StaticInts.UNKNOWN || sum < 0 ? -1 : sum + s;
    }
    int len = x.type().dim(axis);
    if (sum >= 0 && len != TensorType.UNKNOWN && sum != len) {
      throw HypatiaException.forInputs(name(), sumMismatch(known, sum, len), inputs);
    }
    List<TensorType> outs = new ArrayList<>(count);
    int[] shape = x.type().shape();
    for (long s : known) {
      shape[axis] = StaticInts.dim(s);
      outs.add(x.type().withShape(shape));
    }
    return new Apply(this, inputs, outs);
  }

  private String sumMismatch(long[] sizes, long sum, int len) {
    return "sizes "
        + Arrays.toString(sizes)
        + " sum to "
        + sum
        + " but axis "
        + axis
        + " has length "
        + len;
  }

  @Override
  public List<NDArray> perform(Apply node, List<NDArray> inputs) {
    NDArray x = inputs.get(0);
    long[] sizes = inputs.get(1).toLongArray();
    long sum = 0;
    for (long s : sizes) {
      if (s < 0) {
        throw new IllegalArgumentException("negative size " + s + " in " + Arrays.toString(sizes));
      }
      sum += s;
    }
    if (sum != x.shape(axis)) {
      throw new IllegalArgumentException(sumMismatch(sizes, sum, x.shape(axis)));
    }
    List<NDArray> out = new ArrayList<>(count);
    int pos = 0;
    for (long s : sizes) {
      out.add(x.slice(axis, pos, pos + (int) s, 1));
      pos += (int) s;
    }
    return out;
  }

  @Override
  public String name() {
    return "split{axis=" + axis + ",n=" + count + "}";
  }
}
