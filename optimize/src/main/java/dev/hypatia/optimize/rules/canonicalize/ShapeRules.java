package dev.hypatia.optimize.rules.canonicalize;

import static dev.hypatia.optimize.Pattern.capture;
import static dev.hypatia.optimize.Pattern.op;

import dev.hypatia.optimize.Match;
import dev.hypatia.optimize.Pattern;
import dev.hypatia.optimize.Phase;
import dev.hypatia.optimize.Rewrite;
import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Constant;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Alloc;
import dev.hypatia.symbolic.ops.DimShuffle;
import dev.hypatia.symbolic.ops.Elementwise;
import dev.hypatia.symbolic.ops.Elemwise;
import dev.hypatia.symbolic.ops.IndexSpec;
import dev.hypatia.symbolic.ops.Reshape;
import dev.hypatia.symbolic.ops.Shape;
import dev.hypatia.symbolic.ops.Subtensor;
import dev.hypatia.symbolic.scalar.Cast;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Useless shape operations, and shapes replaced by what is known about them statically, as Theano's
 * {@code local_useless_reshape}, {@code local_dimshuffle_lift}, {@code local_useless_alloc}, {@code
 * local_shape_to_shape_i}. Every rule here is exact.
 */
public final class ShapeRules {
  private static final Pattern.Capture X = capture("x");
  private static final Pattern.Capture S = capture("s");

  private ShapeRules() {}

  /** The rules of this file. */
  public static List<Rewrite> rules() {
    return List.of(
        uselessReshape(),
        uselessDimshuffle(),
        mergeDimshuffles(),
        uselessAlloc(),
        uselessCast(),
        shapeConstant(),
        shapeOfAlloc(),
        shapeEntry());
  }

  /**
   * reshape(x, s) -> x when s is x's own shape: shape(x), or a constant equal to x's static
   * dimensions (one -1 allowed when the others are positive); exact.
   */
  public static Rewrite uselessReshape() {
    return rule(
        "useless_reshape",
        op(Reshape.class, X, S),
        m -> isOwnShape(m.get(X), m.get(S), m.root()) ? m.get(X) : null);
  }

  private static boolean isOwnShape(Variable x, Variable s, Variable root) {
    if (isShapeOf(s, x)) {
      return true;
    }
    if (x.ndim() != root.ndim()) {
      return false;
    }
    if (x.type().isFullyKnown() && x.type().equals(root.type())) {
      return true;
    }
    if (!(s instanceof Constant c)) {
      return false;
    }
    long[] t = c.valueView().toLongArray();
    int open = -1;
    boolean positive = true;
    for (int i = 0; i < t.length; i++) {
      if (t[i] == -1 && open < 0) {
        open = i;
      } else if (!x.type().isKnown(i) || t[i] != x.type().dim(i)) {
        return false;
      }
      positive &= t[i] != 0;
    }
    // with a -1, the others must be positive for it to resolve to x's own dimension
    return open < 0 || positive;
  }

  private static boolean isShapeOf(Variable s, Variable x) {
    return s.owner() != null && s.owner().op() instanceof Shape && s.owner().input(0) == x;
  }

  /** dimshuffle{0,1,...,n-1}(x) -> x; exact. */
  public static Rewrite uselessDimshuffle() {
    return rule(
        "useless_dimshuffle",
        op("dimshuffle", o -> o instanceof DimShuffle d && isIdentity(d), X),
        m -> m.get(X));
  }

  private static boolean isIdentity(DimShuffle d) {
    if (d.newOrder().size() != d.inputNdim()) {
      return false;
    }
    for (int i = 0; i < d.inputNdim(); i++) {
      if (d.newOrder().get(i) != i) {
        return false;
      }
    }
    return true;
  }

  /**
   * dimshuffle{b}(dimshuffle{a}(x)) -> dimshuffle{a[b]}(x), or x when that is the identity; exact.
   */
  public static Rewrite mergeDimshuffles() {
    return rule(
        "merge_dimshuffles",
        op(DimShuffle.class, op(DimShuffle.class, X)),
        m -> {
          DimShuffle outer = (DimShuffle) m.root().owner().op();
          Variable inner = m.root().owner().input(0);
          List<Integer> a = ((DimShuffle) inner.owner().op()).newOrder();
          List<Integer> order = new ArrayList<>();
          for (int o : outer.newOrder()) {
            order.add(o == DimShuffle.NEW_AXIS ? DimShuffle.NEW_AXIS : a.get(o));
          }
          DimShuffle merged = new DimShuffle(m.get(X).ndim(), order);
          return isIdentity(merged) ? m.get(X) : merged.apply(m.get(X));
        });
  }

  /**
   * alloc(x, s) -> x when s is x's own shape: shape(x), or a shape equal to x's static shape in
   * every (known) dimension; exact (the alloc only copied x).
   */
  public static Rewrite uselessAlloc() {
    return rule(
        "useless_alloc",
        op(Alloc.class, X, S),
        m -> {
          Variable x = m.get(X);
          Variable root = m.root();
          boolean own =
              x.ndim() == root.ndim()
                  && (isShapeOf(m.get(S), x)
                      || x.type().isFullyKnown() && x.type().equals(root.type()));
          return own ? x : null;
        });
  }

  /** cast{d}(x) -> x when x already has dtype d; exact. */
  public static Rewrite uselessCast() {
    return rule(
        "useless_cast",
        op("cast", o -> o instanceof Elemwise e && e.scalar() instanceof Cast, X),
        m -> m.get(X).dtype() == m.root().dtype() ? m.get(X) : null);
  }

  /** shape(x) -> the int64 constant of x's static shape when every dimension is known; exact. */
  public static Rewrite shapeConstant() {
    return rule(
        "shape_constant",
        op(Shape.class, X),
        m -> m.get(X).type().isFullyKnown() ? Fill.shapeConstant(m.get(X).type().shape()) : null);
  }

  /** shape(alloc(v, s)) -> s, cast to int64 when it is another integer dtype; exact. */
  public static Rewrite shapeOfAlloc() {
    return rule(
        "shape_of_alloc",
        op(Shape.class, op(Alloc.class, capture("v"), S)),
        m -> {
          Variable s = m.get(S);
          return s.dtype() == DType.INT64 ? s : Elementwise.cast(s, DType.INT64);
        });
  }

  /**
   * shape(x)[i] -> the int64 scalar constant x.shape[i] when that dimension is known statically (i
   * a constant, negative counting from the end); exact.
   */
  public static Rewrite shapeEntry() {
    return rule(
        "shape_entry",
        op(Subtensor.class, op(Shape.class, X)),
        m -> {
          Apply node = m.root().owner();
          List<IndexSpec.Entry> entries = ((Subtensor) node.op()).spec().entries();
          if (entries.size() != 1
              || !(entries.get(0) instanceof IndexSpec.Point p)
              || !(p.index() instanceof IndexSpec.Fixed f)) {
            return null;
          }
          TensorType t = m.get(X).type();
          int i = f.value() < 0 ? f.value() + t.ndim() : f.value();
          if (i < 0 || i >= t.ndim() || !t.isKnown(i)) {
            return null;
          }
          return new Constant(NDArray.scalarLong(DType.INT64, t.dim(i)), null);
        });
  }

  private static Rewrite rule(String name, Pattern pattern, Function<Match, Variable> f) {
    return Rewrite.rule(name, Phase.CANONICALIZE, pattern, f);
  }
}
