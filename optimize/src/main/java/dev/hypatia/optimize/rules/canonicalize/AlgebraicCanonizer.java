package dev.hypatia.optimize.rules.canonicalize;

import dev.hypatia.optimize.passes.ConstantFolding;
import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Constant;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.Interpreter;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Alloc;
import dev.hypatia.symbolic.ops.Elementwise;
import dev.hypatia.symbolic.ops.Elemwise;
import dev.hypatia.symbolic.ops.Shapes;
import dev.hypatia.symbolic.scalar.BinaryFn;
import dev.hypatia.symbolic.scalar.ScalarOp;
import dev.hypatia.symbolic.scalar.UnaryFn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Theano's AlgebraicCanonizer for one operator group: {@link #SUM} (add, sub, neg) or {@link
 * #PRODUCT} (mul, true_div, reciprocal). It flattens a chain of the group's nodes into numerator
 * terms (added or multiplied) and denominator terms (subtracted or divided), merges the constants
 * into one, cancels a term found in both lists, sorts each list by a stable structural key and
 * rebuilds {@code (n1 op n2 op ... op c) inverse (d1 op d2 op ...)}.
 *
 * <p>A term {@code alloc(c, shape)} of a constant counts as the constant c, its shape kept by a
 * fill where the other terms may not cover it (Theano's canonizer sees through {@code fill} alike).
 *
 * <p>Only nodes whose output and inputs all have the root's dtype are flattened (a node mixing
 * dtypes is a leaf), never bool ones (add and mul are logical there). A dropped term (a cancelled
 * pair, a neutral constant) whose shape the kept terms may not cover survives as Theano's {@code
 * fill}: {@code where(true, result, term)}. The output is a fixed point: canonicalizing it again
 * finds it unchanged and declines. Expressions of more than {@link #MAX_TERMS} terms are left
 * alone.
 */
final class AlgebraicCanonizer {
  /** The most terms one canonical sum or product may have. */
  static final int MAX_TERMS = 256;

  /** Sums: add, sub, neg; identity 0. */
  static final AlgebraicCanonizer SUM =
      new AlgebraicCanonizer(BinaryFn.ADD, BinaryFn.SUB, UnaryFn.NEG, 0.0);

  /** Products: mul, true_div, reciprocal; identity 1. */
  static final AlgebraicCanonizer PRODUCT =
      new AlgebraicCanonizer(BinaryFn.MUL, BinaryFn.TRUE_DIV, UnaryFn.RECIPROCAL, 1.0);

  private static final int KEY_DEPTH = 3;

  private final BinaryFn main;
  private final BinaryFn inverse;
  private final UnaryFn invert;
  private final double identity;

  private AlgebraicCanonizer(BinaryFn main, BinaryFn inverse, UnaryFn invert, double identity) {
    this.main = main;
    this.inverse = inverse;
    this.invert = invert;
    this.identity = identity;
  }

  /** The numerator and denominator terms of a flattened expression. */
  private static final class Terms {
    final List<Variable> num = new ArrayList<>();
    final List<Variable> den = new ArrayList<>();
    final List<Variable> dropped = new ArrayList<>();
    int visited;
  }

  /** Whether {@code op} is one of this group's operators. */
  boolean isGroupOp(Op op) {
    if (!(op instanceof Elemwise e)) {
      return false;
    }
    ScalarOp s = e.scalar();
    return s == main || s == inverse || s == invert;
  }

  private boolean inDomain(Variable v, DType dtype) {
    Apply n = v.owner();
    if (n == null || v.index() != 0 || v.dtype() != dtype || !isGroupOp(n.op())) {
      return false;
    }
    for (Variable in : n.inputs()) {
      if (in.dtype() != dtype) {
        return false;
      }
    }
    return true;
  }

  /** The canonical form of {@code root}, or null when it is one already or cannot be formed. */
  Variable canonicalize(Variable root) {
    DType dtype = root.dtype();
    if (dtype.isBool() || !inDomain(root, dtype)) {
      return null;
    }
    Terms t = new Terms();
    if (!flatten(root, true, dtype, t, true)) {
      return null;
    }
    Constant[] c = new Constant[1];
    if (!mergeConstants(t, dtype, c)) {
      return null;
    }
    cancel(t);
    Map<Variable, String> keys = new IdentityHashMap<>();
    Comparator<Variable> byKey = Comparator.comparing(v -> keys.computeIfAbsent(v, k -> key(k)));
    t.num.sort(byKey);
    t.den.sort(byKey);
    Variable result;
    try {
      result = rebuildWithFills(t, c[0], dtype);
    } catch (HypatiaException e) {
      return null; // terms whose static shapes do not broadcast in this order
    }
    if (!Fill.fits(root, result) || sameStructure(result, root, new int[] {4 * MAX_TERMS})) {
      return null;
    }
    return result;
  }

  private boolean flatten(Variable v, boolean numerator, DType dtype, Terms t, boolean isRoot) {
    if (++t.visited > 4 * MAX_TERMS) {
      return false;
    }
    if (!isRoot && !inDomain(v, dtype)) {
      Apply a = v.owner();
      if (a != null && a.op() instanceof Alloc && a.input(0) instanceof Constant c) {
        // a constant filled to a shape: the constant joins the others, the shape is kept by a fill
        (numerator ? t.num : t.den).add(c);
        t.dropped.add(v);
      } else {
        (numerator ? t.num : t.den).add(v);
      }
      return t.num.size() + t.den.size() <= MAX_TERMS;
    }
    Apply n = v.owner();
    ScalarOp s = ((Elemwise) n.op()).scalar();
    if (s == invert) {
      return flatten(n.input(0), !numerator, dtype, t, false);
    }
    return flatten(n.input(0), numerator, dtype, t, false)
        && flatten(n.input(1), s == main ? numerator : !numerator, dtype, t, false);
  }

  /**
   * Takes the constants out of the term lists and merges them into {@code out[0]} (left null when
   * there are none). False when they cannot be merged (too large, or evaluation fails).
   */
  private boolean mergeConstants(Terms t, DType dtype, Constant[] out) {
    List<Variable> nc = takeConstants(t.num);
    List<Variable> dc = takeConstants(t.den);
    if (nc.isEmpty() && dc.isEmpty()) {
      return true;
    }
    if (nc.size() == 1 && dc.isEmpty()) {
      out[0] = (Constant) nc.get(0);
      return true;
    }
    Variable expr = nc.isEmpty() ? Fill.scalar(dtype, identity) : fold(main, nc);
    if (!dc.isEmpty()) {
      expr = Elementwise.elemwise(inverse, expr, fold(main, dc));
    }
    NDArray value;
    try {
      value = Interpreter.evaluate(List.of(expr), Map.of()).get(0);
    } catch (RuntimeException e) {
      return false;
    }
    if (value.size() > ConstantFolding.MAX_ELEMENTS || value.dtype() != dtype) {
      return false;
    }
    out[0] = new Constant(value, null);
    return true;
  }

  private static List<Variable> takeConstants(List<Variable> terms) {
    List<Variable> constants = new ArrayList<>();
    terms.removeIf(
        v -> {
          if (v instanceof Constant) {
            constants.add(v);
            return true;
          }
          return false;
        });
    return constants;
  }

  /** Removes each term found in both lists (by identity) from both, recording it as dropped. */
  private static void cancel(Terms t) {
    for (int i = 0; i < t.num.size(); ) {
      Variable v = t.num.get(i);
      int j = indexOf(t.den, v);
      if (j >= 0) {
        t.num.remove(i);
        t.den.remove(j);
        t.dropped.add(v);
      } else {
        i++;
      }
    }
  }

  private static int indexOf(List<Variable> list, Variable v) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == v) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The rebuilt expression, the constant dropped when it is the identity and the other terms cover
   * its shape, then filled against every dropped term whose shape it may not cover.
   */
  private Variable rebuildWithFills(Terms t, Constant c, DType dtype) {
    Variable body = rebuild(t.num, t.den, null);
    Variable result;
    if (c == null) {
      result = body;
    } else if (body != null && Fill.allEqual(c, identity) && Fill.covers(body.type(), c.type())) {
      result = body;
    } else {
      result = rebuild(t.num, t.den, c);
    }
    Variable shapeSource = null;
    if (result == null) {
      // everything cancelled: the identity, in the shape of a cancelled term
      shapeSource = t.dropped.get(0);
      result = Shapes.full(Shapes.shape(shapeSource), identity, dtype);
    }
    List<Variable> seen = new ArrayList<>();
    for (Variable d : t.dropped) {
      if (d != shapeSource && indexOf(seen, d) < 0 && !Fill.covers(result.type(), d.type())) {
        result = Fill.fill(result, d);
      }
      seen.add(d);
    }
    return result;
  }

  /** {@code (num... op c) inverse (den...)}, or null when there is no term at all. */
  private Variable rebuild(List<Variable> num, List<Variable> den, Constant c) {
    List<Variable> top = new ArrayList<>(num);
    if (c != null) {
      top.add(c);
    }
    Variable pos = top.isEmpty() ? null : fold(main, top);
    if (den.isEmpty()) {
      return pos;
    }
    Variable neg = fold(main, den);
    return pos == null
        ? Elementwise.elemwise(invert, neg)
        : Elementwise.elemwise(inverse, pos, neg);
  }

  private static Variable fold(BinaryFn fn, List<Variable> terms) {
    Variable acc = terms.get(0);
    for (int i = 1; i < terms.size(); i++) {
      acc = Elementwise.elemwise(fn, acc, terms.get(i));
    }
    return acc;
  }

  /**
   * A deterministic sort key: the op names, output indices, input names, dtypes and static shapes
   * of the expression, {@value #KEY_DEPTH} levels deep. Ties keep their order (the sort is stable).
   */
  static String key(Variable v) {
    StringBuilder sb = new StringBuilder();
    appendKey(v, KEY_DEPTH, sb);
    return sb.toString();
  }

  private static void appendKey(Variable v, int depth, StringBuilder sb) {
    if (v instanceof Constant c) {
      sb.append("c:")
          .append(c.type())
          .append(':')
          .append(java.util.Arrays.hashCode(c.valueView().toDoubleArray()));
      return;
    }
    Apply n = v.owner();
    if (n == null) {
      sb.append("v:").append(v.name() == null ? "" : v.name()).append(':').append(v.type());
      return;
    }
    sb.append(n.op().name()).append('/').append(v.index());
    if (depth > 0) {
      sb.append('(');
      for (Variable in : n.inputs()) {
        appendKey(in, depth - 1, sb);
        sb.append(',');
      }
      sb.append(')');
    }
  }

  /**
   * Whether two expressions are built alike: the same variables, or constants of equal values, or
   * nodes of equal ops over alike inputs. Gives up (false) after {@code budget[0]} comparisons.
   */
  static boolean sameStructure(Variable a, Variable b, int[] budget) {
    if (a == b) {
      return true;
    }
    if (--budget[0] < 0) {
      return false;
    }
    if (a instanceof Constant ca && b instanceof Constant cb) {
      return ca.sameValue(cb);
    }
    Apply x = a.owner();
    Apply y = b.owner();
    if (x == null
        || y == null
        || a.index() != b.index()
        || !x.op().equals(y.op())
        || x.inputs().size() != y.inputs().size()) {
      return false;
    }
    for (int i = 0; i < x.inputs().size(); i++) {
      if (!sameStructure(x.input(i), y.input(i), budget)) {
        return false;
      }
    }
    return true;
  }
}
