package dev.hypatia.optimize.rules.stabilize;

import static dev.hypatia.optimize.rules.stabilize.Forms.arg;
import static dev.hypatia.optimize.rules.stabilize.Forms.covers;
import static dev.hypatia.optimize.rules.stabilize.Forms.factors;
import static dev.hypatia.optimize.rules.stabilize.Forms.fit;
import static dev.hypatia.optimize.rules.stabilize.Forms.is;
import static dev.hypatia.optimize.rules.stabilize.Forms.product;

import dev.hypatia.optimize.Match;
import dev.hypatia.optimize.Pattern;
import dev.hypatia.optimize.Phase;
import dev.hypatia.optimize.Rewrite;
import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.DimShuffle;
import dev.hypatia.symbolic.ops.Elementwise;
import dev.hypatia.symbolic.ops.Reduce;
import dev.hypatia.symbolic.scalar.BinaryFn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stable forms of the quotients that reverse mode builds: the derivative of log(u) is g / u, which
 * the chain rule then multiplies by u's own derivative, so the gradients of log(sigmoid(x)),
 * log(softmax(x)), log(sum(exp(x))), log(1 + exp(x)) and the cross-entropies hold products like
 * {@code (g / sigmoid(x)) * sigmoid(x)} that are 0 * inf = nan where sigmoid underflows, or {@code
 * (g / sum(exp(x))) * exp(x)} that are inf / inf. See {@link Quotients} for the forms seen through
 * broadcasts and sums.
 */
public final class QuotientRules {
  private QuotientRules() {}

  /** The rules of this file. */
  public static List<Rewrite> rules() {
    return List.of(cancelQuotient(), distributeOverQuotient(), expRatio());
  }

  /**
   * {@code W[a / D] * f -> W[a] * (f / D)} with f / D in closed form: {@code (a / s) * s -> a},
   * {@code (a / (1 + exp(y))) * exp(y) -> a * sigmoid(y)}, {@code (a / sum(exp(y))) * exp(y) -> a *
   * softmax(y)}, seen through the linear chain W; exact in real arithmetic, within a few ulps where
   * the original is finite, and finite where it overflowed.
   */
  public static Rewrite cancelQuotient() {
    return Rewrite.rule(
        "cancel_quotient",
        Phase.STABILIZE,
        Pattern.binary(BinaryFn.MUL, Pattern.capture("a"), Pattern.capture("b")),
        QuotientRules::cancel);
  }

  /**
   * {@code f * (T1 +- T2) -> f * T1 +- f * T2} when a factor of T1 or T2 is a quotient that f
   * simplifies ({@link #cancelQuotient}); exact in real arithmetic. This is how the gradient of
   * log(softmax(x)), {@code softmax * (g / softmax - sum(...))}, reaches its stable form.
   */
  public static Rewrite distributeOverQuotient() {
    return Rewrite.rule(
        "distribute_over_quotient",
        Phase.STABILIZE,
        Pattern.binary(BinaryFn.MUL, Pattern.capture("a"), Pattern.capture("b")),
        QuotientRules::distribute);
  }

  /**
   * {@code (f * r) / D -> r * (f / D)} in closed form: {@code exp(y) / sum(exp(y), axis, keepdims)
   * -> softmax(y)} (a softmax written by hand; several axes give {@code exp(y - logsumexp(y))}),
   * also over a sum without keepdims whose axes are put back, and {@code exp(y) / (1 + exp(y)) ->
   * sigmoid(y)}; exact in real arithmetic, finite where exp overflows.
   */
  public static Rewrite expRatio() {
    return Rewrite.rule(
        "exp_ratio",
        Phase.STABILIZE,
        Pattern.binary(BinaryFn.TRUE_DIV, Pattern.capture("n"), Pattern.capture("d")),
        QuotientRules::ratioOverDenominator);
  }

  private static Variable cancel(Match m) {
    Variable root = m.root();
    List<Variable> fs = factors(root);
    for (int i = 0; i < fs.size(); i++) {
      for (Quotients.Found q : Quotients.findAll(fs.get(i))) {
        Variable rep = cancelWith(root, fs, i, q);
        if (rep != null) {
          return rep;
        }
      }
    }
    return null;
  }

  /**
   * {@link #cancel} with the quotient q found in factor i, or null when no factor simplifies it.
   */
  private static Variable cancelWith(Variable root, List<Variable> fs, int i, Quotients.Found q) {
    for (int j = 0; j < fs.size(); j++) {
      Optional<Variable> r = j == i ? null : Quotients.ratio(fs.get(j), q);
      if (r != null) {
        List<Variable> rest = without(fs, i, j);
        boolean one = q.rebuilt().ndim() == 0 && Forms.isConstant(q.rebuilt(), 1);
        if (!one || (rest.isEmpty() && r.isEmpty())) {
          rest.add(q.rebuilt());
        }
        r.ifPresent(rest::add);
        return fit(root, product(rest));
      }
    }
    return null;
  }

  private static Variable distribute(Match m) {
    Variable root = m.root();
    List<Variable> fs = factors(root);
    for (int i = 0; i < fs.size(); i++) {
      Variable sum = fs.get(i);
      boolean add = is(sum, BinaryFn.ADD);
      if (!add && !is(sum, BinaryFn.SUB)) {
        continue;
      }
      for (int j = 0; j < fs.size(); j++) {
        Variable f = fs.get(j);
        if (j != i && (absorbs(arg(sum, 0), f) || absorbs(arg(sum, 1), f))) {
          Variable left = Elementwise.mul(arg(sum, 0), f);
          Variable right = Elementwise.mul(arg(sum, 1), f);
          List<Variable> rest = without(fs, i, j);
          rest.add(add ? Elementwise.add(left, right) : Elementwise.sub(left, right));
          return fit(root, product(rest));
        }
      }
    }
    return null;
  }

  /**
   * Whether a factor of t is a quotient that f simplifies: exactly what {@link #cancel} will find
   * in {@code t * f}, so that distributing never leaves a product it cannot simplify.
   */
  private static boolean absorbs(Variable t, Variable f) {
    for (Variable factor : factors(t)) {
      for (Quotients.Found q : Quotients.findAll(factor)) {
        if (Quotients.ratio(f, q) != null) {
          return true;
        }
      }
    }
    return false;
  }

  private static Variable ratioOverDenominator(Match m) {
    Variable root = m.root();
    Variable d = m.get("d");
    List<DimShuffle> shuffles = new ArrayList<>();
    Apply dn = d.owner();
    if (dn != null && dn.op() instanceof DimShuffle ds && isExpandedSum(dn.input(0), ds)) {
      shuffles.add(ds);
      d = dn.input(0);
    }
    Quotients.Found q = new Quotients.Found(null, d, List.of(), shuffles, List.of());
    List<Variable> fs = factors(m.get("n"));
    for (int j = 0; j < fs.size(); j++) {
      Optional<Variable> r = Quotients.ratio(fs.get(j), q);
      if (r == null) {
        continue;
      }
      List<Variable> rest = without(fs, j, j);
      if (r.isPresent()) {
        rest.add(r.get());
      } else if (rest.isEmpty() || !covers(product(rest), fs.get(j))) {
        return null;
      }
      return fit(root, product(rest));
    }
    return null;
  }

  private static boolean isExpandedSum(Variable s, DimShuffle ds) {
    Apply n = s.owner();
    return n != null
        && n.op() instanceof Reduce r
        && !r.keepdims()
        && Quotients.isExpand(ds, r.axes(), n.input(0).ndim());
  }

  private static List<Variable> without(List<Variable> fs, int i, int j) {
    List<Variable> rest = new ArrayList<>();
    for (int k = 0; k < fs.size(); k++) {
      if (k != i && k != j) {
        rest.add(fs.get(k));
      }
    }
    return rest;
  }
}
