package dev.hypatia.optimize;

import dev.hypatia.symbolic.Variable;
import java.util.Set;
import java.util.function.Function;

/**
 * A local rewrite rule: a name, the phase it runs in, tags for including and excluding it, a
 * pattern, and the replacement built from a match (null when, after all, it does not apply). Its
 * javadoc states the identity and the precondition, e.g. "log(1+x) -> log1p(x); exact".
 *
 * <p>The replacement must compute the same values as the matched variable (within the rule's stated
 * precision) with the same dtype and rank; it may know less about static shapes.
 *
 * @param name a unique name, which the rewrite log shows
 * @param phase when it runs
 * @param tags labels that {@link Mode#including} and {@link Mode#excluding} select by
 * @param pattern what it matches
 * @param replacement the new variable for a match, or null to decline
 */
public record Rewrite(
    String name,
    Phase phase,
    Set<String> tags,
    Pattern pattern,
    Function<Match, Variable> replacement) {
  /** Copies the tags. */
  public Rewrite {
    tags = Set.copyOf(tags);
  }

  /** A rule tagged with its phase's name and its own name. */
  public static Rewrite rule(
      String name, Phase phase, Pattern pattern, Function<Match, Variable> replacement) {
    return new Rewrite(
        name,
        phase,
        Set.copyOf(java.util.List.of(phase.name().toLowerCase(java.util.Locale.ROOT), name)),
        pattern,
        replacement);
  }

  /** The replacement of {@code v} when the pattern matches it and the rule applies, or null. */
  public Variable apply(Variable v) {
    Match m = pattern.match(v);
    return m == null ? null : replacement.apply(m);
  }
}
