package dev.hypatia.grad.rules;

import dev.hypatia.grad.Pullback;
import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Axes;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.Operands;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.AdvancedIncSubtensor;
import dev.hypatia.symbolic.ops.Alloc;
import dev.hypatia.symbolic.ops.Arange;
import dev.hypatia.symbolic.ops.DimShuffle;
import dev.hypatia.symbolic.ops.ElementCount;
import dev.hypatia.symbolic.ops.Eye;
import dev.hypatia.symbolic.ops.Idx;
import dev.hypatia.symbolic.ops.Indexing;
import dev.hypatia.symbolic.ops.Join;
import dev.hypatia.symbolic.ops.Reductions;
import dev.hypatia.symbolic.ops.Repeat;
import dev.hypatia.symbolic.ops.Reshape;
import dev.hypatia.symbolic.ops.Shape;
import dev.hypatia.symbolic.ops.Shapes;
import dev.hypatia.symbolic.ops.Split;
import dev.hypatia.symbolic.ops.Tile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Derivative rules of the shape ops. Each rule is linear in the output gradient and built from
 * shape and indexing ops only (plus a sum where copies are folded back), so it differentiates
 * again. Shape, size and count inputs (integer vectors and scalars) get no gradient (null).
 */
public final class ShapeRules {
  private ShapeRules() {}

  /** The rules of this file, keyed by op class. */
  public static Map<Class<? extends Op>, Pullback> rules() {
    return Map.ofEntries(
        Map.entry(Reshape.class, ShapeRules::reshape),
        Map.entry(DimShuffle.class, ShapeRules::dimshuffle),
        Map.entry(Join.class, ShapeRules::join),
        Map.entry(Split.class, ShapeRules::split),
        Map.entry(Alloc.class, ShapeRules::alloc),
        Map.entry(Tile.class, ShapeRules::tile),
        Map.entry(Repeat.class, ShapeRules::repeat),
        Map.entry(Arange.class, ShapeRules::none),
        Map.entry(Eye.class, ShapeRules::none),
        Map.entry(Shape.class, ShapeRules::none));
  }

  /** A list of gradients that may hold nulls. */
  static List<Variable> grads(Variable... gs) {
    return Arrays.asList(gs);
  }

  /** No gradient for any input: the output does not vary smoothly with them (or is integer). */
  static List<Variable> none(Apply node, List<Variable> g) {
    return Arrays.asList(new Variable[node.inputs().size()]);
  }

  /** The int64 scalar length of {@code x} along {@code axis}, read at run time. */
  static Variable dim(Variable x, int axis) {
    return Indexing.get(Shapes.shape(x), Idx.at(axis));
  }

  /** The length of x along axis: a Java Integer when static, else an int64 scalar variable. */
  static Object dimOf(Variable x, int axis) {
    int d = x.type().dim(axis);
    return d == TensorType.UNKNOWN ? dim(x, axis) : Integer.valueOf(d);
  }

  /** The number of elements of x as an int64 scalar. */
  static Variable size(Variable x) {
    return new ElementCount(Axes.all(x.ndim())).apply(x);
  }

  /** int64 {@code 0, 1, ..., n-1} for an integer scalar {@code n}. */
  static Variable arange(Variable n) {
    Variable zero = Operands.constant(0L);
    Variable one = Operands.constant(1L);
    return new Arange(DType.INT64).apply(zero, n, one);
  }

  /** Whether gradients flow into x at all (integer and bool inputs get none). */
  static boolean differentiable(Variable x) {
    return x.dtype().isFloat();
  }

  /** reshape: g reshaped back to x's shape. */
  private static List<Variable> reshape(Apply node, List<Variable> g) {
    Variable x = node.input(0);
    return grads(Shapes.reshape(g.get(0), Shapes.shape(x)), null);
  }

  /** dimshuffle: the inverse permutation; dropped axes (length 1) come back as new axes. */
  private static List<Variable> dimshuffle(Apply node, List<Variable> g) {
    DimShuffle op = (DimShuffle) node.op();
    Variable gy = g.get(0);
    List<Integer> order = op.newOrder();
    for (int i = 0; i < order.size(); i++) {
      if (order.get(i) == DimShuffle.NEW_AXIS && gy.type().dim(i) != 1) {
        // the added axes must be known to have length 1 to be dropped: take the output's shape,
        // whose static type knows them
        gy = Shapes.reshape(gy, Shapes.shape(node.output(0)));
        break;
      }
    }
    List<Integer> inverse = new ArrayList<>(op.inputNdim());
    for (int a = 0; a < op.inputNdim(); a++) {
      int at = order.indexOf(a);
      inverse.add(at < 0 ? DimShuffle.NEW_AXIS : at);
    }
    return grads(new DimShuffle(order.size(), inverse).apply(gy));
  }

  /** concatenate: g split into the inputs' lengths along the axis, read at run time. */
  private static List<Variable> join(Apply node, List<Variable> g) {
    int axis = ((Join) node.op()).axis();
    List<Object> sizes = new ArrayList<>();
    for (Variable x : node.inputs()) {
      sizes.add(dimOf(x, axis));
    }
    Variable sizeVector = Shapes.shapeVector(sizes);
    List<Variable> pieces =
        new Split(axis, node.inputs().size()).makeNode(g.get(0), sizeVector).outputs();
    List<Variable> out = new ArrayList<>(pieces.size());
    for (int i = 0; i < pieces.size(); i++) {
      out.add(differentiable(node.input(i)) ? pieces.get(i) : null);
    }
    return out;
  }

  /** split: the pieces' gradients concatenated, zeros for pieces that receive none. */
  private static List<Variable> split(Apply node, List<Variable> g) {
    int axis = ((Split) node.op()).axis();
    Variable[] parts = new Variable[g.size()];
    for (int i = 0; i < parts.length; i++) {
      parts[i] = g.get(i) != null ? g.get(i) : Shapes.zerosLike(node.output(i));
    }
    return grads(new Join(axis).apply(parts), null);
  }

  /** alloc / broadcast_to: g summed back to the value's shape. */
  private static List<Variable> alloc(Apply node, List<Variable> g) {
    return grads(Unbroadcast.to(g.get(0), node.input(0)), null);
  }

  /**
   * tile: output axis i holds {@code reps[i]} copies of (padded) input axis i, the copy index
   * varying slowest; g is reshaped to interleave {@code (reps[i], len[i])} and summed over the
   * copies.
   */
  private static List<Variable> tile(Apply node, List<Variable> g) {
    Variable x = node.input(0);
    List<Integer> reps = ((Tile) node.op()).reps();
    int nd = Math.max(x.ndim(), reps.size());
    int lead = nd - x.ndim();
    List<Object> interleaved = new ArrayList<>(2 * nd);
    int[] copies = new int[nd];
    for (int i = 0; i < nd; i++) {
      int r = i < nd - reps.size() ? 1 : reps.get(i - (nd - reps.size()));
      interleaved.add(r);
      interleaved.add(i < lead ? Integer.valueOf(1) : dimOf(x, i - lead));
      copies[i] = 2 * i;
    }
    Variable summed = Reductions.sum(Shapes.reshape(g.get(0), interleaved), copies);
    return grads(Shapes.reshape(summed, Shapes.shape(x)));
  }

  /**
   * repeat: each entry's copies summed back, as an indexed accumulation: entry i along the axis was
   * copied to the output positions where {@code repeat(arange(n), repeats)} equals i.
   */
  private static List<Variable> repeat(Apply node, List<Variable> g) {
    Repeat op = (Repeat) node.op();
    Variable x = node.input(0);
    Variable repeats = node.input(1);
    boolean flat = op.axis() == null;
    int axis = flat ? 0 : op.axis();
    Variable n = flat ? size(x) : dim(x, axis);
    Variable source = new Repeat(0).apply(arange(n), repeats);
    Variable zeros = flat ? Shapes.zeros(Shapes.shapeVector(List.of(n)), x.dtype()) : null;
    Variable base = flat ? zeros : Shapes.zerosLike(x);
    Variable gx = new AdvancedIncSubtensor(axis, false).apply(base, g.get(0), source);
    return grads(flat ? Shapes.reshape(gx, Shapes.shape(x)) : gx, null);
  }
}
