package dev.hypatia.symbolic.ops;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.List;

/**
 * numpy's {@code concatenate} along {@code axis}: one or more inputs of equal rank whose lengths
 * agree on every other axis. Dtype rule: the promotion of all input dtypes; no broadcasting.
 *
 * @param axis the axis to join along, non-negative (facades normalize negative axes first)
 */
public record Join(int axis) implements Op {
  /** Checks that the axis is normalized. */
  public Join {
    if (axis < 0) {
      throw new IllegalArgumentException("join: axis must be normalized (>= 0), got " + axis);
    }
  }

  @Override
  public Apply makeNode(List<Variable> inputs) {
    if (inputs.isEmpty()) {
      throw HypatiaException.forInputs(name(), "needs at least one input", inputs);
    }
    Variable first = inputs.get(0);
    int nd = first.ndim();
    if (nd == 0) {
      throw HypatiaException.forInputs(
          name(), "zero-dimensional tensors cannot be concatenated", inputs);
    }
    if (axis >= nd) {
      throw HypatiaException.forInputs(
          name(), "axis " + axis + " is out of bounds for tensors of rank " + nd, inputs);
    }
    DType dtype = first.dtype();
    for (int i = 1; i < inputs.size(); i++) {
      Variable v = inputs.get(i);
      if (v.ndim() != nd) {
        throw HypatiaException.forInputs(
            name(),
            "all inputs must have the same rank, but input 0 has rank "
                + nd
                + " and input "
                + i
                + " has rank "
                + v.ndim(),
            inputs);
      }
      dtype = DType.promote(dtype, v.dtype());
    }
    return new Apply(this, inputs, List.of(TensorType.of(dtype, staticShape(inputs))));
  }

  private int[] staticShape(List<Variable> inputs) {
    int nd = inputs.get(0).ndim();
    int[] out = new int[nd];
    for (int d = 0; d < nd; d++) {
      out[d] = d == axis ? 0 : TensorType.UNKNOWN;
      for (int i = 0; i < inputs.size(); i++) {
        int len = inputs.get(i).type().dim(d);
        if (d == axis) {
          out[d] = out[d] == TensorType.UNKNOWN || len == TensorType.UNKNOWN ? -1 : out[d] + len;
        } else if (out[d] == TensorType.UNKNOWN) {
          out[d] = len;
        } else if (len != TensorType.UNKNOWN && len != out[d]) {
          throw HypatiaException.forInputs(name(), mismatch(inputs, d, i, len, out[d]), inputs);
        }
      }
    }
    return out;
  }

  private String mismatch(List<Variable> inputs, int d, int i, int len, int expected) {
    int j = 0;
    while (inputs.get(j).type().dim(d) != expected) {
      j++;
    }
    return "input "
        + i
        + " ("
        + inputs.get(i).label()
        + ") has length "
        + len
        + " on axis "
        + d
        + " but input "
        + j
        + " ("
        + inputs.get(j).label()
        + ") has length "
        + expected
        + "; all axes but "
        + axis
        + " must match";
  }

  @Override
  public List<NDArray> perform(Apply node, List<NDArray> inputs) {
    int[] shape = inputs.get(0).shape();
    shape[axis] = 0;
    for (int i = 0; i < inputs.size(); i++) {
      int[] s = inputs.get(i).shape();
      for (int d = 0; d < s.length; d++) {
        if (d != axis && s[d] != shape[d]) {
          throw new IllegalArgumentException(
              "input "
                  + i
                  + " ("
                  + node.input(i).label()
                  + ") has shape "
                  + TensorType.shapeString(s)
                  + " but input 0 ("
                  + node.input(0).label()
                  + ") has shape "
                  + inputs.get(0).shapeString()
                  + "; all axes but "
                  + axis
                  + " must match");
        }
      }
      shape[axis] += s[axis];
    }
    NDArray out = NDArray.zeros(node.output(0).dtype(), shape);
    int pos = 0;
    for (NDArray in : inputs) {
      int len = in.shape(axis);
      StaticInts.copyInto(in, out.slice(axis, pos, pos + len, 1));
      pos += len;
    }
    return List.of(out);
  }

  @Override
  public String name() {
    return "join{axis=" + axis + "}";
  }
}
