package dev.hypatia.symbolic.ops;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.Variable;
import java.util.List;

/**
 * set_subtensor / inc_subtensor over an integer-array index on consecutive axes from {@code axis}
 * (see {@link AdvancedSubtensor}): a copy of {@code x} whose indexed region is overwritten by or
 * incremented by {@code y}. Inputs: {@code x}, {@code y}, then the integer index arrays. The result
 * has x's type; y broadcasts to the region and is cast to x's dtype (same kind or lower). Index
 * tuples are applied in C order: repeated ones accumulate for inc ({@code numpy.add.at}) and the
 * last write wins for set. x is never modified.
 *
 * @param axis the axis of x the first index array selects on
 * @param set whether to overwrite (true) or add (false)
 */
public record AdvancedIncSubtensor(int axis, boolean set) implements Op {
  @Override
  public Apply makeNode(List<Variable> inputs) {
    int[] region = new AdvancedSubtensor(axis).regionShape(name(), inputs, 2);
    IndexMath.checkValue(name(), inputs, region);
    return new Apply(this, inputs, List.of(inputs.get(0).type()));
  }

  @Override
  public List<NDArray> perform(Apply node, List<NDArray> inputs) {
    NDArray x = inputs.get(0);
    AdvancedLayout layout = new AdvancedLayout(x, axis, inputs.subList(2, inputs.size()));
    NDArray y = IndexMath.broadcastValue(inputs.get(1), layout.regionShape());
    NDArray blocks = layout.blockedRegion(y);
    NDArray out = x.copy();
    for (int b = 0; b < layout.count(); b++) {
      IndexMath.update(layout.select(out, b), blocks.index(0, b), set);
    }
    return List.of(out);
  }

  /** {@code advanced_set_subtensor{axis=0}} or {@code advanced_inc_subtensor{axis=0}}. */
  @Override
  public String name() {
    return (set ? "advanced_set_subtensor{axis=" : "advanced_inc_subtensor{axis=") + axis + "}";
  }
}
