package dev.hypatia.optimize;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.FunctionGraph;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.print.Printer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a compilation's rewrites did: one entry per replacement, naming the rule or pass, the phase,
 * and the expression before and after (as {@link Printer#pp} text), plus the graph's debugprint
 * before and after the whole run.
 */
public final class RewriteLog implements FunctionGraph.Listener {
  /**
   * One replacement.
   *
   * @param phase the phase it ran in
   * @param rule the rule's or pass's name
   * @param before the replaced expression, as pp text
   * @param after the replacement, as pp text
   */
  public record Entry(Phase phase, String rule, String before, String after) {
    @Override
    public String toString() {
      return "["
          + phase.name().toLowerCase(java.util.Locale.ROOT)
          + "] "
          + rule
          + ": "
          + before
          + "  ->  "
          + after;
    }
  }

  private final List<Entry> entries = new ArrayList<>();
  private Phase phase = Phase.MERGE;
  private String graphBefore = "";
  private String graphAfter = "";

  void setPhase(Phase p) {
    phase = p;
  }

  void setGraphs(String before, String after) {
    graphBefore = before;
    graphAfter = after;
  }

  @Override
  public void onChangeInput(
      FunctionGraph graph,
      Apply node,
      int index,
      Variable old,
      Variable replacement,
      String reason) {
    String b = Printer.pp(old);
    String a = Printer.pp(replacement);
    Entry e = new Entry(phase, reason, b, a);
    // a variable with several clients is replaced once per client: log it once
    if (entries.isEmpty() || !entries.get(entries.size() - 1).equals(e)) {
      entries.add(e);
    }
  }

  /** The replacements, in order. Not modifiable. */
  public List<Entry> entries() {
    return Collections.unmodifiableList(entries);
  }

  /** How many times the rule or pass named {@code rule} fired. */
  public long count(String rule) {
    return entries.stream().filter(e -> e.rule().equals(rule)).count();
  }

  /** The debugprint of the graph before the rewrites. */
  public String graphBefore() {
    return graphBefore;
  }

  /** The debugprint of the graph after the rewrites. */
  public String graphAfter() {
    return graphAfter;
  }

  /** One line per replacement. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Entry e : entries) {
      sb.append(e).append('\n');
    }
    return sb.toString();
  }
}
