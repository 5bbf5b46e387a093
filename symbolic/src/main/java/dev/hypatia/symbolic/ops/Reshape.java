package dev.hypatia.symbolic.ops;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.SliceMath;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.Arrays;
import java.util.List;

/**
 * numpy's {@code reshape} in C order, as Theano's Reshape: inputs {@code (x, shape)} where {@code
 * shape} is an integer vector of static length {@code ndim} (the output rank), one entry of which
 * may be -1 (inferred from the size). Dtype rule: the output has x's dtype; no broadcasting.
 *
 * <p>Static output dimensions come from the known entries of {@code shape} (constants, or entries
 * of a {@link Shape}); the -1 entry is inferred when x's static shape is fully known.
 */
public record Reshape(int ndim) implements Op {
  /** Checks the rank. */
  public Reshape {
    if (ndim < 0) {
      throw new IllegalArgumentException("reshape: negative output rank " + ndim);
    }
  }

  @Override
  public Apply makeNode(List<Variable> inputs) {
    StaticInts.requireCount(name(), 2, inputs);
    Variable x = inputs.get(0);
    Variable shape = inputs.get(1);
    StaticInts.requireIntVector(name(), "the target shape", shape, inputs);
    if (shape.type().dim(0) != ndim) {
      throw HypatiaException.forInputs(
          name(), "the target shape must have length " + ndim + ", got " + shape.type(), inputs);
    }
    long[] target = StaticInts.vector(shape);
    int[] out = new int[ndim];
    int open = -1;
    int openCount = 0;
    if (Arrays.stream(target).filter(v -> v == -1).count() > 1) {
      throw HypatiaException.forInputs(name(), "can only infer one dimension (-1)", inputs);
    }
    for (int i = 0; i < ndim; i++) {
      long t = target[i];
      if (t < -1 && t != StaticInts.UNKNOWN || t > Integer.MAX_VALUE) {
        throw HypatiaException.forInputs(
            name(), "invalid dimension " + t + " in the target shape", inputs);
      }
      out[i] = t < 0 ? TensorType.UNKNOWN : (int) t;
      if (t < 0) {
        open = i;
        openCount++;
      }
    }
    if (x.type().isFullyKnown() && openCount <= 1) {
      inferStatic(x, target, out, open, inputs);
    }
    return new Apply(this, inputs, List.of(TensorType.of(x.dtype(), out)));
  }

  /** Checks the size and fills the one open dimension when x's shape is fully known. */
  private void inferStatic(Variable x, long[] target, int[] out, int open, List<Variable> inputs) {
    long size = NDArray.sizeOf(x.type().shape());
    long known = 1;
    for (int i = 0; i < ndim; i++) {
      known *= i == open ? 1 : out[i];
    }
    boolean fits = open >= 0 ? known != 0 && size % known == 0 : known == size;
    if (!fits && !(open >= 0 && target[open] != -1 && known == 0 && size == 0)) {
      throw HypatiaException.forInputs(
          name(),
          "cannot reshape a tensor of shape "
              + x.type().shapeString()
              + " ("
              + size
              + " elements) into shape "
              + targetString(target),
          inputs);
    }
    if (open >= 0 && known != 0) {
      out[open] = (int) (size / known);
    }
  }

  private static String targetString(long[] target) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < target.length; i++) {
      sb.append(i > 0 ? "," : "").append(target[i] == StaticInts.UNKNOWN ? "?" : target[i]);
    }
    return sb.append(']').toString();
  }

  @Override
  public List<NDArray> perform(Apply node, List<NDArray> inputs) {
    int[] target = StaticInts.toInts(inputs.get(1));
    int[] s = SliceMath.resolveReshape(inputs.get(0).shape(), target);
    return List.of(inputs.get(0).reshape(s));
  }

  @Override
  public String name() {
    return "reshape{" + ndim + "}";
  }
}
