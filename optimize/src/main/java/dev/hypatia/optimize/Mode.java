package dev.hypatia.optimize;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which rewrites a compilation runs, as Theano's modes: {@link #FAST_RUN} (every phase), {@link
 * #FAST_COMPILE} (merge, constant folding, canonicalize), {@link #NONE}. Tags include or exclude
 * rules and passes ({@code FAST_RUN.excluding("fuse")}), and users add their own rules. Immutable.
 *
 * @param name the mode's name
 * @param phases the phases that run
 * @param excluded tags whose rules and passes are skipped
 * @param included tags whose rules and passes run even outside the phases (in their phase)
 * @param extraRules the user's own local rules
 * @param extraPasses the user's own graph passes
 */
public record Mode(
    String name,
    Set<Phase> phases,
    Set<String> excluded,
    Set<String> included,
    List<Rewrite> extraRules,
    List<GraphPass> extraPasses) {
  /** Every phase. */
  public static final Mode FAST_RUN =
      new Mode("FAST_RUN", EnumSet.allOf(Phase.class), Set.of(), Set.of(), List.of(), List.of());

  /** Merge, constant folding and canonicalize: quick to compile, still tidy. */
  public static final Mode FAST_COMPILE =
      new Mode(
          "FAST_COMPILE",
          EnumSet.of(Phase.MERGE, Phase.CONSTANT_FOLD, Phase.CANONICALIZE),
          Set.of(),
          Set.of(),
          List.of(),
          List.of());

  /** No rewriting at all. */
  public static final Mode NONE =
      new Mode("NONE", EnumSet.noneOf(Phase.class), Set.of(), Set.of(), List.of(), List.of());

  /** Copies everything. */
  public Mode {
    phases = phases.isEmpty() ? EnumSet.noneOf(Phase.class) : EnumSet.copyOf(phases);
    excluded = Set.copyOf(excluded);
    included = Set.copyOf(included);
    extraRules = List.copyOf(extraRules);
    extraPasses = List.copyOf(extraPasses);
  }

  /** This mode without the rules and passes tagged {@code tag}. */
  public Mode excluding(String tag) {
    Set<String> ex = new HashSet<>(excluded);
    ex.add(tag);
    return new Mode(name, phases, ex, included, extraRules, extraPasses);
  }

  /** This mode with the rules and passes tagged {@code tag}, even in phases it does not run. */
  public Mode including(String tag) {
    Set<String> in = new HashSet<>(included);
    in.add(tag);
    Set<String> ex = new HashSet<>(excluded);
    ex.remove(tag);
    return new Mode(name, phases, ex, in, extraRules, extraPasses);
  }

  /** This mode with a rule of the user's own. */
  public Mode withRule(Rewrite rule) {
    List<Rewrite> rules = new ArrayList<>(extraRules);
    rules.add(rule);
    return new Mode(name, phases, excluded, included, rules, extraPasses);
  }

  /** This mode with a graph pass of the user's own. */
  public Mode withPass(GraphPass pass) {
    List<GraphPass> passes = new ArrayList<>(extraPasses);
    passes.add(pass);
    return new Mode(name, phases, excluded, included, extraRules, passes);
  }

  /** Whether something of {@code phase} with {@code tags} runs in this mode. */
  public boolean selects(Phase phase, Set<String> tags) {
    for (String t : tags) {
      if (excluded.contains(t)) {
        return false;
      }
    }
    if (phases.contains(phase)) {
      return true;
    }
    for (String t : tags) {
      if (included.contains(t)) {
        return true;
      }
    }
    return false;
  }
}
