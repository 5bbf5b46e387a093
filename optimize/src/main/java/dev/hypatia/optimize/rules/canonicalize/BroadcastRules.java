package dev.hypatia.optimize.rules.canonicalize;

import static dev.hypatia.optimize.Pattern.capture;
import static dev.hypatia.optimize.Pattern.op;

import dev.hypatia.optimize.Phase;
import dev.hypatia.optimize.Rewrite;
import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Alloc;
import dev.hypatia.symbolic.ops.Elemwise;
import dev.hypatia.symbolic.ops.Shape;
import dev.hypatia.symbolic.ops.SumToShape;
import java.util.List;

/**
 * Removes the adjoints of broadcasting that gradients insert where static shapes could not tell
 * whether anything broadcast: a {@link SumToShape} whose gradient provably has the target's shape
 * already. Proofs follow shapes through elementwise ops, allocations to {@code shape(z)} and
 * earlier {@code sum_to_shape}s, a light form of Theano's ShapeFeature.
 */
public final class BroadcastRules {
  /** How deep a shape proof may look; deeper graphs are simply not rewritten. */
  private static final int DEPTH = 32;

  private BroadcastRules() {}

  /** The rules of this file. */
  public static List<Rewrite> rules() {
    return List.of(uselessSumToShape());
  }

  /**
   * sum_to_shape(g, like) -> g when g provably has like's shape (its shape comes, through
   * elementwise ops with scalar side operands, allocations and sum_to_shapes, from the same
   * variable as like's); exact.
   */
  public static Rewrite uselessSumToShape() {
    return Rewrite.rule(
        "useless_sum_to_shape",
        Phase.CANONICALIZE,
        op(SumToShape.class, capture("g"), capture("like")),
        m -> {
          Variable g = m.get("g");
          Variable like = m.get("like");
          if (g.ndim() != like.ndim() || g.dtype() != m.root().dtype()) {
            return null;
          }
          Variable a = shapeSource(g, DEPTH);
          return a != null && a == shapeSource(like, DEPTH) ? g : null;
        });
  }

  /**
   * The variable whose shape {@code v} provably has: v itself, or the source of the one input of an
   * elementwise op whose other inputs are scalars or share that source, of the shape an alloc takes
   * from {@code shape(z)}, or of a sum_to_shape's target. Null when the walk runs too deep.
   */
  static Variable shapeSource(Variable v, int depth) {
    if (depth == 0) {
      return null;
    }
    Apply node = v.owner();
    if (node == null) {
      return v;
    }
    if (node.op() instanceof SumToShape) {
      Variable s = shapeSource(node.input(1), depth - 1);
      return s == null ? v : s;
    }
    if (node.op() instanceof Alloc
        && node.input(1).owner() != null
        && node.input(1).owner().op() instanceof Shape
        && node.input(1).owner().input(0).ndim() == v.ndim()) {
      Variable s = shapeSource(node.input(1).owner().input(0), depth - 1);
      return s == null ? v : s;
    }
    if (node.op() instanceof Elemwise) {
      Variable source = null;
      for (Variable in : node.inputs()) {
        if (isScalarLike(in)) {
          continue;
        }
        if (in.ndim() != v.ndim()) {
          return v;
        }
        Variable s = shapeSource(in, depth - 1);
        if (s == null || (source != null && s != source)) {
          return v;
        }
        source = s;
      }
      return source == null ? v : source;
    }
    return v;
  }

  /** A value every axis of which is known to have length 1: it broadcasts, never widens. */
  private static boolean isScalarLike(Variable v) {
    for (int d : v.type().shape()) {
      if (d != 1) {
        return false;
      }
    }
    return true;
  }
}
