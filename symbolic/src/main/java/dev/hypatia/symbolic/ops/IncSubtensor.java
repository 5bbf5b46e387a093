package dev.hypatia.symbolic.ops;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.Variable;
import java.util.List;

/**
 * Theano's set_subtensor / inc_subtensor over a basic index: a copy of {@code x} whose region
 * {@code x[spec]} is replaced by ({@code set}) or incremented by {@code y}. Inputs: {@code x},
 * {@code y}, then one integer scalar per {@link IndexSpec.Symbolic} bound. The result has x's type;
 * y broadcasts to the region and is cast to x's dtype (same kind or lower); x is never modified.
 *
 * @param spec the index of the region
 * @param set whether to overwrite the region (true) or add to it (false)
 */
public record IncSubtensor(IndexSpec spec, boolean set) implements Op {
  @Override
  public Apply makeNode(List<Variable> inputs) {
    Subtensor.checkArity(name(), inputs, 2, spec);
    for (int k = 2; k < inputs.size(); k++) {
      IndexMath.checkIndexInput(name(), inputs, k, true);
    }
    int[] region = Subtensor.staticShape(name(), spec, inputs);
    IndexMath.checkValue(name(), inputs, region);
    return new Apply(this, inputs, List.of(inputs.get(0).type()));
  }

  @Override
  public List<NDArray> perform(Apply node, List<NDArray> inputs) {
    NDArray out = inputs.get(0).copy();
    NDArray region = spec.view(out, inputs.subList(2, inputs.size()));
    IndexMath.update(region, IndexMath.broadcastValue(inputs.get(1), region.shape()), set);
    return List.of(out);
  }

  /** {@code set_subtensor{1:, 0}} or {@code inc_subtensor{...}}. */
  @Override
  public String name() {
    return (set ? "set_subtensor{" : "inc_subtensor{") + spec + "}";
  }
}
