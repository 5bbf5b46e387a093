package dev.hypatia.optimize;

import dev.hypatia.symbolic.Variable;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** The variables a {@link Pattern} captured, by name, and the variable it matched at its root. */
public final class Match {
  private final Variable root;
  private final Map<String, Variable> captures;

  Match(Variable root, Map<String, Variable> captures) {
    this.root = root;
    this.captures = Collections.unmodifiableMap(new HashMap<>(captures));
  }

  /** The variable the whole pattern matched (the one a rule replaces). */
  public Variable root() {
    return root;
  }

  /**
   * The variable captured as {@code name}.
   *
   * @throws IllegalArgumentException when the pattern has no such capture
   */
  public Variable get(String name) {
    Variable v = captures.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no capture named '" + name + "' in " + captures.keySet());
    }
    return v;
  }

  /** The variable captured by {@code capture}. */
  public Variable get(Pattern.Capture capture) {
    return get(capture.name());
  }

  @Override
  public String toString() {
    return "Match" + captures;
  }
}
