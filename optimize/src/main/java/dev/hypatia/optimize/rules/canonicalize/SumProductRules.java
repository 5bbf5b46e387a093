package dev.hypatia.optimize.rules.canonicalize;

import dev.hypatia.optimize.Pattern;
import dev.hypatia.optimize.Phase;
import dev.hypatia.optimize.Rewrite;
import java.util.List;

/**
 * Canonical sums and products, as Theano's add and mul canonizers (see {@link AlgebraicCanonizer}):
 * {@code a + b - a -> b}, {@code (x + 2) - (y - 3) -> x - y + 5} (terms in a stable order), {@code
 * x * y / x -> y}, {@code 2 * x / 4 -> x * 0.5}. Each pair of rules shares a tag ({@code
 * add_canonizer}, {@code mul_canonizer}) that selects both.
 */
public final class SumProductRules {
  private SumProductRules() {}

  /** The rules of this file. */
  public static List<Rewrite> rules() {
    return List.of(addCanonizer(), negCanonizer(), mulCanonizer(), reciprocalCanonizer());
  }

  /**
   * A chain of add, sub and neg rooted at an add or sub -> its canonical sum: signed terms in a
   * stable order, one merged constant, equal terms cancelled; exact in real arithmetic, and in
   * integer arithmetic (which wraps alike); float rounding may differ as for any reassociation, and
   * a cancelled pair a - a is 0 even where a is infinite (the original is NaN there).
   */
  public static Rewrite addCanonizer() {
    return canonizer("add_canonizer", "add_canonizer", 2, AlgebraicCanonizer.SUM);
  }

  /** The same canonical sum for a chain rooted at a neg: -(a - b) -> b - a; as add_canonizer. */
  public static Rewrite negCanonizer() {
    return canonizer("add_canonizer_neg", "add_canonizer", 1, AlgebraicCanonizer.SUM);
  }

  /**
   * A chain of mul, true_div and reciprocal rooted at a mul or true_div -> its canonical product:
   * numerator factors over denominator factors, each in a stable order, one merged constant, a
   * factor found in both cancelled; exact in real arithmetic; float rounding may differ as for any
   * reassociation, and x * y / x is y even where x is 0 or infinite (the original is NaN there).
   */
  public static Rewrite mulCanonizer() {
    return canonizer("mul_canonizer", "mul_canonizer", 2, AlgebraicCanonizer.PRODUCT);
  }

  /** The same canonical product for a chain rooted at a reciprocal; as mul_canonizer. */
  public static Rewrite reciprocalCanonizer() {
    return canonizer("mul_canonizer_reciprocal", "mul_canonizer", 1, AlgebraicCanonizer.PRODUCT);
  }

  private static Rewrite canonizer(String name, String tag, int arity, AlgebraicCanonizer group) {
    Pattern[] inputs = new Pattern[arity];
    for (int i = 0; i < arity; i++) {
      inputs[i] = Pattern.capture("in" + i);
    }
    Pattern pattern = Pattern.op(tag, op -> group.isGroupOp(op), inputs);
    return new Rewrite(
        name,
        Phase.CANONICALIZE,
        java.util.Set.copyOf(List.of("canonicalize", tag, name)),
        pattern,
        m -> group.canonicalize(m.root()));
  }
}
