package dev.hypatia.optimize.rules.stabilize;

import dev.hypatia.optimize.Pattern;
import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Constant;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Alloc;
import dev.hypatia.symbolic.ops.Elementwise;
import dev.hypatia.symbolic.ops.Elemwise;
import dev.hypatia.symbolic.ops.Reduce;
import dev.hypatia.symbolic.ops.Shape;
import dev.hypatia.symbolic.ops.Softmax;
import dev.hypatia.symbolic.ops.SumToShape;
import dev.hypatia.symbolic.scalar.BinaryFn;
import dev.hypatia.symbolic.scalar.ScalarOp;
import java.util.ArrayList;
import java.util.List;

/**
 * Small helpers the stabilize rules share: recognizing nodes, structural equality of expressions,
 * what is known about shapes, and fitting a replacement to the type of what it replaces.
 */
final class Forms {
  /** How deep {@link #same} compares before it gives up (and answers "not the same"). */
  private static final int SAME_DEPTH = 32;

  /** How many nodes {@link #same} and {@link #shapeBase} may visit before they give up. */
  private static final int BUDGET = 1000;

  private Forms() {}

  /** Whether v is output 0 of an {@link Elemwise} node of {@code fn}. */
  static boolean is(Variable v, ScalarOp fn) {
    Apply n = v.owner();
    return n != null && v.index() == 0 && n.op() instanceof Elemwise e && e.scalar().equals(fn);
  }

  /** Input {@code i} of v's node. */
  static Variable arg(Variable v, int i) {
    return v.owner().input(i);
  }

  /** Whether v is a constant all of whose elements equal {@code value}. */
  static boolean isConstant(Variable v, double value) {
    return Pattern.constant(value).match(v) != null;
  }

  /** Whether v is a constant of rank 0 (a weak or strong scalar). */
  static boolean isScalarConstant(Variable v) {
    return v instanceof Constant && v.ndim() == 0;
  }

  /**
   * t for {@code 1 - t} written as sub(1, t) or add(1, -t) with a scalar 1 of any dtype; else null.
   */
  static Variable oneMinusArg(Variable v) {
    if (is(v, BinaryFn.SUB) && isScalarOne(arg(v, 0))) {
      return arg(v, 1);
    }
    if (is(v, BinaryFn.ADD)) {
      for (int i = 0; i < 2; i++) {
        if (isScalarOne(arg(v, i)) && is(arg(v, 1 - i), dev.hypatia.symbolic.scalar.UnaryFn.NEG)) {
          return arg(arg(v, 1 - i), 0);
        }
      }
    }
    return null;
  }

  private static boolean isScalarOne(Variable v) {
    return v.ndim() == 0 && isConstant(v, 1);
  }

  /** {@code -v}, unwrapping a negation instead of stacking a second one. */
  static Variable neg(Variable v) {
    return is(v, dev.hypatia.symbolic.scalar.UnaryFn.NEG) ? arg(v, 0) : Elementwise.neg(v);
  }

  /**
   * Whether a and b compute the same thing: the same variable, equal constants, or the same op over
   * inputs that are the same (up to a bounded depth and number of comparisons, beyond which it
   * answers "not the same"). Rules run before the merge that would make such twins one variable, so
   * they compare structure.
   */
  static boolean same(Variable a, Variable b) {
    return same(a, b, 0, new int[] {BUDGET});
  }

  private static boolean same(Variable a, Variable b, int depth, int[] budget) {
    if (a == b) {
      return true;
    }
    if (a instanceof Constant ca && b instanceof Constant cb) {
      return ca.type().equals(cb.type()) && ca.sameValue(cb);
    }
    Apply na = a.owner();
    Apply nb = b.owner();
    if (na == null || nb == null || depth > SAME_DEPTH || a.index() != b.index()) {
      return false;
    }
    if (--budget[0] < 0 || !na.op().equals(nb.op()) || na.inputs().size() != nb.inputs().size()) {
      return false;
    }
    for (int i = 0; i < na.inputs().size(); i++) {
      if (!same(na.input(i), nb.input(i), depth + 1, budget)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A variable known to have the same run-time shape as v: through elementwise nodes whose other
   * inputs are scalars or of the same base, softmax, {@code alloc(c, shape(w))} and {@code
   * sum_to_shape(x, like)}.
   */
  static Variable shapeBase(Variable v) {
    return shapeBase(v, new int[] {BUDGET});
  }

  private static Variable shapeBase(Variable v, int[] budget) {
    for (int step = 0; step < SAME_DEPTH && budget[0]-- > 0; step++) {
      Variable next = shapeStep(v, budget);
      if (next == null) {
        return v;
      }
      v = next;
    }
    return v;
  }

  private static Variable shapeStep(Variable v, int[] budget) {
    Apply n = v.owner();
    if (n == null) {
      return null;
    }
    if (n.op() instanceof Softmax) {
      return n.input(0);
    }
    if (n.op() instanceof SumToShape) {
      return n.input(1);
    }
    if (n.op() instanceof Alloc && n.inputs().size() == 2) {
      Apply s = n.input(1).owner();
      return s != null && s.op() instanceof Shape ? s.input(0) : null;
    }
    if (n.op() instanceof Elemwise) {
      return elemwiseBase(v, n, budget);
    }
    return null;
  }

  private static Variable elemwiseBase(Variable v, Apply n, int[] budget) {
    Variable full = null;
    Variable base = null;
    for (Variable in : n.inputs()) {
      if (in.ndim() == 0 && v.ndim() > 0) {
        continue;
      }
      Variable b = shapeBase(in, budget);
      if (in.ndim() != v.ndim() || (base != null && !same(base, b))) {
        return null;
      }
      full = full == null ? in : full;
      base = base == null ? b : base;
    }
    return full;
  }

  /**
   * Whether {@code small} is known to broadcast into {@code big}'s shape without enlarging it: the
   * same shape base, a scalar, or a keepdims reduction of something of big's shape.
   */
  static boolean covers(Variable big, Variable small) {
    if (small.ndim() == 0) {
      return true;
    }
    if (small.ndim() != big.ndim()) {
      return false;
    }
    Variable bb = shapeBase(big);
    Variable sb = shapeBase(small);
    if (same(bb, sb)) {
      return true;
    }
    Apply n = sb.owner();
    return n != null
        && n.op() instanceof Reduce r
        && r.keepdims()
        && r.fn() == BinaryFn.ADD
        && same(shapeBase(n.input(0)), bb);
  }

  /**
   * {@code rep} as a replacement for {@code root}: cast to root's dtype, or null (decline) when its
   * rank or a known dimension differs.
   */
  static Variable fit(Variable root, Variable rep) {
    if (rep == null) {
      return null;
    }
    TensorType a = root.type();
    TensorType b = rep.type();
    if (a.ndim() != b.ndim()) {
      return null;
    }
    for (int i = 0; i < a.ndim(); i++) {
      if (a.dim(i) != TensorType.UNKNOWN
          && b.dim(i) != TensorType.UNKNOWN
          && a.dim(i) != b.dim(i)) {
        return null;
      }
    }
    return b.dtype() == a.dtype() ? rep : Elementwise.cast(rep, a.dtype());
  }

  /** Whether a and b are known to have the same run-time shape (scalars, or one shape base). */
  static boolean sameShape(Variable a, Variable b) {
    if (a.ndim() != b.ndim()) {
      return false;
    }
    return a.ndim() == 0 || same(shapeBase(a), shapeBase(b));
  }

  /**
   * {@link #fit}, declining unless {@code shapeOf} (the operand the replacement keeps) has root's
   * shape: a constant of a larger shape than x in {@code 1 + x} broadcasts, and dropping it would
   * lose that.
   */
  static Variable fit(Variable root, Variable rep, Variable shapeOf) {
    return sameShape(root, shapeOf) ? fit(root, rep) : null;
  }

  /** The factors of a product: v split at its {@code mul} nodes, left to right. */
  static List<Variable> factors(Variable v) {
    List<Variable> out = new ArrayList<>();
    collectFactors(v, out, 0);
    return out;
  }

  private static void collectFactors(Variable v, List<Variable> out, int depth) {
    if (is(v, BinaryFn.MUL) && depth < SAME_DEPTH) {
      collectFactors(arg(v, 0), out, depth + 1);
      collectFactors(arg(v, 1), out, depth + 1);
    } else {
      out.add(v);
    }
  }

  /** The product of {@code factors} (at least one), left to right. */
  static Variable product(List<Variable> factors) {
    Variable p = factors.get(0);
    for (int i = 1; i < factors.size(); i++) {
      p = Elementwise.mul(p, factors.get(i));
    }
    return p;
  }
}
