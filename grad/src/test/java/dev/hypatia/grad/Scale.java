package dev.hypatia.grad;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Elementwise;
import dev.hypatia.symbolic.ops.Reductions;
import dev.hypatia.symbolic.ops.Shapes;
import java.util.ArrayList;
import java.util.List;

/**
 * A test-only user op, k * x (or, with {@code total}, k * sum(x)), with its own rule, so that the
 * engine is tested without the built-in rule tables.
 */
record Scale(double k, boolean total) implements Op {
  static final Pullback RULE =
      (node, grads) -> {
        Scale op = (Scale) node.op();
        Variable x = node.input(0);
        Variable g = grads.get(0);
        Variable back = op.total() ? Shapes.broadcastTo(g, Shapes.shape(x)) : g;
        List<Variable> out = new ArrayList<>();
        out.add(Elementwise.mul(back, op.k()));
        return out;
      };

  @Override
  public String name() {
    return (total ? "scaled_sum{" : "scale{") + k + "}";
  }

  @Override
  public Apply makeNode(List<Variable> inputs) {
    Variable x = inputs.get(0);
    return new Apply(this, inputs, List.of(total ? Reductions.sum(x).type() : x.type()));
  }

  @Override
  public List<NDArray> perform(Apply node, List<NDArray> inputs) {
    NDArray x = inputs.get(0);
    if (total) {
      double s = 0;
      for (int i = 0; i < x.size(); i++) {
        s += x.flatDouble(i);
      }
      return List.of(NDArray.scalar(x.dtype(), k * s));
    }
    NDArray out = NDArray.zeros(x.dtype(), x.shape());
    for (int i = 0; i < x.size(); i++) {
      out.setFlat(i, k * x.flatDouble(i));
    }
    return List.of(out);
  }
}
