package dev.hypatia.grad.rules;

import static dev.hypatia.grad.rules.ShapeRules.grads;

import dev.hypatia.grad.Pullback;
import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.Operands;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.AdvancedIncSubtensor;
import dev.hypatia.symbolic.ops.AdvancedSubtensor;
import dev.hypatia.symbolic.ops.Elementwise;
import dev.hypatia.symbolic.ops.IncSubtensor;
import dev.hypatia.symbolic.ops.Shapes;
import dev.hypatia.symbolic.ops.Subtensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Derivative rules of basic and advanced indexing and of set/inc_subtensor. Gradients are scattered
 * back with the inc ops, so repeated indices accumulate (numpy's {@code add.at}). Index inputs
 * (integer scalars and arrays) get no gradient (null).
 *
 * <p>Set with repeated index tuples: the last write wins in the forward pass, so only the last
 * write of each element receives that element's gradient; the earlier, overwritten writes get 0.
 * The rule finds the last writer of each element by writing the region's positions (C order) with
 * the same set and reading them back.
 */
public final class IndexingRules {
  private IndexingRules() {}

  /** The rules of this file, keyed by op class. */
  public static Map<Class<? extends Op>, Pullback> rules() {
    return Map.of(
        Subtensor.class, IndexingRules::subtensor,
        IncSubtensor.class, IndexingRules::incSubtensor,
        AdvancedSubtensor.class, IndexingRules::advancedSubtensor,
        AdvancedIncSubtensor.class, IndexingRules::advancedIncSubtensor);
  }

  /** Inputs from {@code from} on: the symbolic index inputs of a node. */
  private static Variable[] indices(Apply node, int from) {
    return node.inputs().subList(from, node.inputs().size()).toArray(new Variable[0]);
  }

  /** {@code first}, {@code second}, then {@code rest}, as an input array. */
  private static Variable[] inputs(Variable first, Variable second, Variable[] rest) {
    Variable[] all = new Variable[rest.length + 2];
    all[0] = first;
    all[1] = second;
    System.arraycopy(rest, 0, all, 2, rest.length);
    return all;
  }

  /** Nulls for the index inputs after the given data gradients. */
  private static List<Variable> withIndices(Apply node, Variable... data) {
    List<Variable> out = new ArrayList<>(grads(data));
    while (out.size() < node.inputs().size()) {
      out.add(null);
    }
    return out;
  }

  /** x[spec]: g added into zeros of x's shape at the same region. */
  private static List<Variable> subtensor(Apply node, List<Variable> g) {
    Subtensor op = (Subtensor) node.op();
    Variable x = node.input(0);
    Variable[] idx = indices(node, 1);
    IncSubtensor inc = new IncSubtensor(op.spec(), false);
    return withIndices(node, inc.apply(inputs(Shapes.zerosLike(x), g.get(0), idx)));
  }

  /**
   * set/inc_subtensor: x receives g (with the region zeroed for set, whose old values are gone);
   * the value receives g's region summed to its shape.
   */
  private static List<Variable> incSubtensor(Apply node, List<Variable> g) {
    IncSubtensor op = (IncSubtensor) node.op();
    Variable gy = g.get(0);
    Variable[] idx = indices(node, 2);
    Variable gx =
        op.set()
            ? new IncSubtensor(op.spec(), true).apply(inputs(gy, Operands.asOperand(0, gy), idx))
            : gy;
    Variable region = new Subtensor(op.spec()).apply(prepend(gy, idx));
    return withIndices(node, gx, Unbroadcast.to(region, node.input(1)));
  }

  private static Variable[] prepend(Variable first, Variable[] rest) {
    Variable[] all = new Variable[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  /** take / fancy indexing: g accumulated into zeros of x's shape; repeated indices add up. */
  private static List<Variable> advancedSubtensor(Apply node, List<Variable> g) {
    int axis = ((AdvancedSubtensor) node.op()).axis();
    Variable x = node.input(0);
    Variable[] idx = indices(node, 1);
    Variable gx =
        new AdvancedIncSubtensor(axis, false).apply(inputs(Shapes.zerosLike(x), g.get(0), idx));
    return withIndices(node, gx);
  }

  /**
   * advanced set/inc: as {@link #incSubtensor}; for set, a value element receives its gradient only
   * where it was the last write (see the class comment).
   */
  private static List<Variable> advancedIncSubtensor(Apply node, List<Variable> g) {
    AdvancedIncSubtensor op = (AdvancedIncSubtensor) node.op();
    Variable gy = g.get(0);
    Variable[] idx = indices(node, 2);
    Variable region = new AdvancedSubtensor(op.axis()).apply(prepend(gy, idx));
    if (!op.set()) {
      return withIndices(node, gy, Unbroadcast.to(region, node.input(1)));
    }
    Variable gx =
        new AdvancedIncSubtensor(op.axis(), true).apply(inputs(gy, Operands.asOperand(0, gy), idx));
    Variable kept = Elementwise.where(lastWrites(node.input(0), op.axis(), region, idx), region, 0);
    return withIndices(node, gx, Unbroadcast.to(kept, node.input(1)));
  }

  /**
   * A bool mask of the region's shape: true where that region element is the last one written to
   * its place in x. Each region element's C-order position is written with the same set (so the
   * last write wins, as in the forward pass) and read back.
   */
  private static Variable lastWrites(Variable x, int axis, Variable region, Variable[] idx) {
    Variable positions =
        Shapes.reshape(ShapeRules.arange(ShapeRules.size(region)), Shapes.shape(region));
    Variable canvas = Shapes.zeros(Shapes.shape(x), DType.INT64);
    Variable written = new AdvancedIncSubtensor(axis, true).apply(inputs(canvas, positions, idx));
    Variable readBack = new AdvancedSubtensor(axis).apply(prepend(written, idx));
    return Elementwise.eq(readBack, positions);
  }
}
