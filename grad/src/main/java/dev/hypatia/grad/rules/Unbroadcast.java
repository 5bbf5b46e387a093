package dev.hypatia.grad.rules;

import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Reductions;
import dev.hypatia.symbolic.ops.Shapes;
import dev.hypatia.symbolic.ops.SumToShape;
import java.util.ArrayList;
import java.util.List;

/**
 * The adjoint of numpy broadcasting, for gradients of broadcasting ops: a gradient of the broadcast
 * result's shape summed back to an input's shape.
 */
public final class Unbroadcast {
  private Unbroadcast() {}

  /**
   * {@code g} (the gradient of a result {@code x} was broadcast into) summed to {@code x}'s shape.
   * Static types decide where they can: leading axes beyond x's rank and axes where x is known to
   * have length 1 become a sum; an axis whose lengths are not known to match is left to a {@link
   * SumToShape} node, which checks at run time.
   */
  public static Variable to(Variable g, Variable x) {
    int lead = g.ndim() - x.ndim();
    List<Integer> axes = new ArrayList<>();
    boolean dynamic = false;
    for (int i = 0; i < g.ndim(); i++) {
      if (i < lead) {
        axes.add(i);
        continue;
      }
      int xd = x.type().dim(i - lead);
      int gd = g.type().dim(i);
      if (xd == 1 && gd != 1) {
        axes.add(i);
      } else if (xd != gd || xd == TensorType.UNKNOWN) {
        dynamic = true;
      }
    }
    Variable r = g;
    if (!axes.isEmpty()) {
      r = Reductions.sum(r, true, axes.stream().mapToInt(Integer::intValue).toArray());
      if (lead > 0) {
        int[] order = new int[x.ndim()];
        for (int i = 0; i < order.length; i++) {
          order[i] = lead + i;
        }
        r = Shapes.dimshuffle(r, order);
      }
    }
    return dynamic ? new SumToShape().apply(r, x) : r;
  }
}
