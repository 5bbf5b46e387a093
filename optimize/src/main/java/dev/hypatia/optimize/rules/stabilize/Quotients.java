package dev.hypatia.optimize.rules.stabilize;

import static dev.hypatia.optimize.rules.stabilize.Forms.arg;
import static dev.hypatia.optimize.rules.stabilize.Forms.covers;
import static dev.hypatia.optimize.rules.stabilize.Forms.factors;
import static dev.hypatia.optimize.rules.stabilize.Forms.is;
import static dev.hypatia.optimize.rules.stabilize.Forms.isConstant;
import static dev.hypatia.optimize.rules.stabilize.Forms.product;
import static dev.hypatia.optimize.rules.stabilize.Forms.same;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Axes;
import dev.hypatia.symbolic.Constant;
import dev.hypatia.symbolic.Operands;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.AdvancedIncSubtensor;
import dev.hypatia.symbolic.ops.AdvancedSubtensor;
import dev.hypatia.symbolic.ops.Alloc;
import dev.hypatia.symbolic.ops.DimShuffle;
import dev.hypatia.symbolic.ops.Elementwise;
import dev.hypatia.symbolic.ops.Reduce;
import dev.hypatia.symbolic.ops.Reductions;
import dev.hypatia.symbolic.ops.Softmax;
import dev.hypatia.symbolic.ops.SumToShape;
import dev.hypatia.symbolic.scalar.BinaryFn;
import dev.hypatia.symbolic.scalar.TernaryFn;
import dev.hypatia.symbolic.scalar.UnaryFn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Quotients seen through linear wrappers, as reverse mode builds them: a term {@code T = W[a / D]}
 * (or {@code a * reciprocal(D)}, {@code a * D**-1}, as a canonical product may write it) where W is
 * a chain of negations, broadcasts (alloc, and the canonizers' fill {@code where(true, value,
 * operand)}), {@code sum_to_shape}, keepdims sums, axis insertions and an indexed inc into zeros,
 * each of which commutes with division by a D that is constant along the axes it broadcasts or
 * sums. Then {@code T * f = W[a] * (f / D)}, and {@code f / D} often has a stable closed form: 1
 * when f is D, {@code sigmoid(y)} for {@code exp(y) / (1 + exp(y))}, {@code softmax(y)} for {@code
 * exp(y) / sum(exp(y))}. These are the quotients that overflow (inf / inf) or vanish (0 / 0) in the
 * gradients of log(sigmoid), log(softmax), log(sum(exp)) and the cross-entropies. A denominator
 * product {@code a / (D1 * D2)}, as the mul canonizer writes it, is read once per factor.
 */
final class Quotients {
  private static final int MAX_DEPTH = 16;

  private Quotients() {}

  /**
   * What {@link #find} saw.
   *
   * @param rebuilt W[a]: the chain rebuilt over the numerator alone
   * @param denom D, in the layout of the chain's input (the indexed inc's target for an inc)
   * @param likes the shapes the chain's {@code sum_to_shape} nodes sum to
   * @param shuffles the axis insertions on the chain
   * @param sums the keepdims sums on the chain
   */
  record Found(
      Variable rebuilt,
      Variable denom,
      List<Variable> likes,
      List<DimShuffle> shuffles,
      List<Reduce> sums) {
    private Found with(Variable newRebuilt, Variable like, DimShuffle shuffle, Reduce sum) {
      List<Variable> l = new ArrayList<>(likes);
      List<DimShuffle> d = new ArrayList<>(shuffles);
      List<Reduce> s = new ArrayList<>(sums);
      if (like != null) {
        l.add(like);
      }
      if (shuffle != null) {
        d.add(shuffle);
      }
      if (sum != null) {
        s.add(sum);
      }
      return new Found(newRebuilt, denom, l, d, s);
    }
  }

  /**
   * T = W[a / D] taken apart, or null when T is not of that form (the first of {@link #findAll}).
   */
  static Found find(Variable t) {
    List<Found> all = findAll(t);
    return all.isEmpty() ? null : all.get(0);
  }

  /**
   * Every way to take T apart as W[a / D]: one per factor D of a denominator product, as the mul
   * canonizer writes {@code a / (D1 * D2)} (then a is {@code a / D2}, and so on); empty when T is
   * not of that form.
   */
  static List<Found> findAll(Variable t) {
    return find(t, 0);
  }

  private static List<Found> find(Variable t, int depth) {
    Apply n = t.owner();
    if (n == null || t.index() != 0 || depth > MAX_DEPTH) {
      return List.of();
    }
    if (is(t, BinaryFn.TRUE_DIV)) {
      return perDenominatorFactor(n.input(0), n.input(1));
    }
    if (is(t, UnaryFn.RECIPROCAL)) {
      return perDenominatorFactor(null, n.input(0));
    }
    if (is(t, BinaryFn.POW) && isConstant(n.input(1), -1) && n.input(1).ndim() == 0) {
      Variable one = Operands.asOperand(1, n.input(0));
      return List.of(new Found(one, n.input(0), List.of(), List.of(), List.of()));
    }
    if (n.op() instanceof AdvancedIncSubtensor inc) {
      return findInIncrement(n, inc, depth);
    }
    int through = isFill(t) ? 1 : 0;
    boolean linear =
        through == 1
            || is(t, UnaryFn.NEG)
            || n.op() instanceof SumToShape
            || n.op() instanceof Alloc
            || (n.op() instanceof Reduce r && r.fn() == BinaryFn.ADD && r.keepdims())
            || (n.op() instanceof DimShuffle d && onlyInserts(d));
    if (!linear) {
      return List.of();
    }
    List<Found> out = new ArrayList<>();
    boolean rankSensitive = through == 0 && !is(t, UnaryFn.NEG) && !(n.op() instanceof Alloc);
    for (Found inner : find(n.input(through), depth + 1)) {
      if (rankSensitive && inner.rebuilt().ndim() != n.input(0).ndim()) {
        continue; // a numerator of lower rank than the quotient: the wrapper would not apply
      }
      Variable rebuilt = rebuild(n, through, inner.rebuilt());
      out.add(
          inner.with(
              rebuilt,
              n.op() instanceof SumToShape ? n.input(1) : null,
              n.op() instanceof DimShuffle d ? d : null,
              n.op() instanceof Reduce r ? r : null));
    }
    return out;
  }

  /**
   * {@code a / (D1 * ... * Dk)} (a null: a reciprocal) as one Found per factor Di, the others left
   * dividing a, filled against the denominator where that alone would lose its rank.
   */
  private static List<Found> perDenominatorFactor(Variable a, Variable d) {
    List<Variable> ds = factors(d);
    List<Found> out = new ArrayList<>();
    for (int i = 0; i < ds.size(); i++) {
      List<Variable> others = new ArrayList<>(ds);
      Variable di = others.remove(i);
      if (a == null && others.isEmpty()) {
        out.add(new Found(Operands.asOperand(1, di), di, List.of(), List.of(), List.of()));
        continue;
      }
      Variable top = a == null ? Operands.asOperand(1, di) : a;
      Variable rebuilt = others.isEmpty() ? top : Elementwise.trueDiv(top, product(others));
      if (rebuilt.ndim() < d.ndim()) {
        rebuilt = Elementwise.where(true, rebuilt, d); // keeps the quotient's rank and shape
      }
      out.add(new Found(rebuilt, di, List.of(), List.of(), List.of()));
    }
    return out;
  }

  /**
   * Whether v is Theano's fill as the canonizers write it, {@code where(true, value, operand)}:
   * value broadcast against operand, linear in value.
   */
  private static boolean isFill(Variable v) {
    return is(v, TernaryFn.WHERE)
        && arg(v, 0) instanceof Constant c
        && c.dtype().isBool()
        && c.ndim() == 0
        && c.valueView().flatLong(0) != 0;
  }

  /** {@code inc(zeros, W[a / D[idx]], idx)}: the same inc of W[a], over D's layout. */
  private static List<Found> findInIncrement(Apply n, AdvancedIncSubtensor inc, int depth) {
    if (inc.set() || !isZeros(n.input(0))) {
      return List.of();
    }
    List<Found> out = new ArrayList<>();
    for (Found inner : find(n.input(1), depth + 1)) {
      Found f = throughIncrement(n, inc, inner);
      if (f != null) {
        out.add(f);
      }
    }
    return out;
  }

  private static Found throughIncrement(Apply n, AdvancedIncSubtensor inc, Found inner) {
    if (!inner.likes().isEmpty() || !inner.shuffles().isEmpty() || !inner.sums().isEmpty()) {
      return null;
    }
    Apply picked = inner.denom().owner();
    if (picked == null
        || !(picked.op() instanceof AdvancedSubtensor sub)
        || sub.axis() != inc.axis()
        || picked.inputs().size() != n.inputs().size() - 1) {
      return null;
    }
    for (int i = 1; i < picked.inputs().size(); i++) {
      if (!same(picked.input(i), n.input(i + 1))) {
        return null;
      }
    }
    Variable target = picked.input(0);
    if (!covers(n.input(0), target) || target.ndim() != n.input(0).ndim()) {
      return null;
    }
    Variable rebuilt = rebuild(n, 1, inner.rebuilt());
    return new Found(rebuilt, target, List.of(), List.of(), List.of());
  }

  private static boolean isZeros(Variable v) {
    if (isConstant(v, 0)) {
      return true;
    }
    Apply n = v.owner();
    return n != null && n.op() instanceof Alloc && isConstant(n.input(0), 0);
  }

  /** Whether d only inserts new axes, keeping the input's axes in order. */
  private static boolean onlyInserts(DimShuffle d) {
    int next = 0;
    for (int a : d.newOrder()) {
      if (a != DimShuffle.NEW_AXIS && a != next++) {
        return false;
      }
    }
    return next == d.inputNdim();
  }

  /** Whether d inserts exactly {@code axes} of a rank-n result (a reduction's keepdims layout). */
  static boolean isExpand(DimShuffle d, Axes axes, int n) {
    if (d.newOrder().size() != n) {
      return false;
    }
    int next = 0;
    for (int i = 0; i < n; i++) {
      int a = d.newOrder().get(i);
      if (axes.contains(i) ? a != DimShuffle.NEW_AXIS : a != next++) {
        return false;
      }
    }
    return true;
  }

  private static Variable rebuild(Apply n, int index, Variable replacement) {
    List<Variable> inputs = new ArrayList<>(n.inputs());
    inputs.set(index, replacement);
    return n.op().apply(inputs.toArray(new Variable[0]));
  }

  /**
   * f / D in a stable closed form, for a factor f beside the term q was found in: empty for 1 (f is
   * D), else the form; null when there is none or the chain's axes do not let D through.
   */
  static Optional<Variable> ratio(Variable f, Found q) {
    Variable d = q.denom();
    for (Variable like : q.likes()) {
      if (!covers(like, d)) {
        return null;
      }
    }
    if (same(f, d)) {
      return q.shuffles().isEmpty() && sumsKeep(q, d) ? Optional.empty() : null;
    }
    if (!is(f, UnaryFn.EXP)) {
      return null;
    }
    Variable y = arg(f, 0);
    if (isOnePlusExp(d, y)) {
      return q.shuffles().isEmpty() && q.sums().isEmpty()
          ? Optional.of(Elementwise.sigmoid(y))
          : null;
    }
    Apply s = d.owner();
    if (s != null
        && s.op() instanceof Reduce r
        && r.fn() == BinaryFn.ADD
        && is(s.input(0), UnaryFn.EXP)
        && same(arg(s.input(0), 0), y)
        && layoutMatches(q, r, y.ndim())) {
      return Optional.of(softmax(y, r.axes()));
    }
    return null;
  }

  /** exp(y) / sum(exp(y), axes, keepdims): the Softmax op over one axis, else exp(y - lse). */
  static Variable softmax(Variable y, Axes axes) {
    if (axes.size() == 1) {
      return new Softmax(axes.get(0), false).apply(y);
    }
    return Elementwise.exp(Elementwise.sub(y, Reductions.logsumexp(y, axes, true)));
  }

  private static boolean isOnePlusExp(Variable d, Variable y) {
    if (!is(d, BinaryFn.ADD)) {
      return false;
    }
    for (int i = 0; i < 2; i++) {
      Variable one = arg(d, i);
      Variable e = arg(d, 1 - i);
      if (isConstant(one, 1) && one.ndim() == 0 && is(e, UnaryFn.EXP) && same(arg(e, 0), y)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the chain's sums only run over axes along which D is constant. */
  private static boolean sumsKeep(Found q, Variable d) {
    if (q.sums().isEmpty() || d.ndim() == 0) {
      return true;
    }
    Apply n = d.owner();
    if (n == null || !(n.op() instanceof Reduce r) || !r.keepdims()) {
      return false;
    }
    for (Reduce sum : q.sums()) {
      for (int a : sum.axes().toArray()) {
        if (!r.axes().contains(a)) {
          return false;
        }
      }
    }
    return true;
  }

  /** D = sum(exp(y), axes) reaches y's layout: keepdims, or one insertion of exactly those axes. */
  private static boolean layoutMatches(Found q, Reduce r, int n) {
    if (r.keepdims()) {
      for (Reduce sum : q.sums()) {
        for (int a : sum.axes().toArray()) {
          if (!r.axes().contains(a)) {
            return false;
          }
        }
      }
      return q.shuffles().isEmpty();
    }
    return q.sums().isEmpty()
        && q.shuffles().size() == 1
        && isExpand(q.shuffles().get(0), r.axes(), n);
  }
}
