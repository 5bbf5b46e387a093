package dev.hypatia.symbolic.ops;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Broadcast;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.Variable;
import java.util.List;

/**
 * numpy's integer-array indexing on consecutive axes: {@code x[:, ..., :, i0, ..., ik]} with the
 * first index array on {@code axis}. Inputs: {@code x}, then k integer index arrays, broadcast
 * together (numpy's rule) to a shape B; the result, of x's dtype, has shape {@code x.shape[:axis] +
 * B + x.shape[axis+k:]}. Negative indices count from the end. {@code numpy.take(x, i, axis)} is the
 * case k = 1.
 *
 * @param axis the axis of x the first index array selects on
 */
public record AdvancedSubtensor(int axis) implements Op {
  @Override
  public Apply makeNode(List<Variable> inputs) {
    int[] shape = regionShape(name(), inputs, 1);
    return new Apply(this, inputs, List.of(inputs.get(0).type().withShape(shape)));
  }

  /**
   * Checks x (input 0) and the index arrays (inputs {@code first}...) and returns the static shape
   * of the indexed region.
   */
  int[] regionShape(String op, List<Variable> inputs, int first) {
    int k = inputs.size() - first;
    Variable x = inputs.get(0);
    if (k < 1) {
      throw HypatiaException.forInputs(op, "needs at least one index array", inputs);
    }
    if (axis < 0 || axis + k > x.ndim()) {
      throw HypatiaException.forInputs(
          op,
          k + " index arrays from axis " + axis + " do not fit a tensor of rank " + x.ndim(),
          inputs);
    }
    for (int j = first; j < inputs.size(); j++) {
      IndexMath.checkIndexInput(op, inputs, j, false);
    }
    int[] b = Broadcast.staticShape(op, inputs.subList(first, inputs.size()));
    int[] xs = x.type().shape();
    return AdvancedLayout.join(xs, axis, k, b);
  }

  @Override
  public List<NDArray> perform(Apply node, List<NDArray> inputs) {
    NDArray x = inputs.get(0);
    AdvancedLayout layout = new AdvancedLayout(x, axis, inputs.subList(1, inputs.size()));
    NDArray outT = NDArray.zeros(x.dtype(), layout.transposedShape());
    NDArray blocks = outT.reshape(layout.blocked());
    for (int b = 0; b < layout.count(); b++) {
      IndexMath.update(blocks.index(0, b), layout.select(x, b), true);
    }
    return List.of(outT.transpose(layout.inversePermutation()).copy());
  }

  /** {@code advanced_subtensor{axis=1}}. */
  @Override
  public String name() {
    return "advanced_subtensor{axis=" + axis + "}";
  }
}
