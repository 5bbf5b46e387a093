package dev.hypatia.optimize;

import dev.hypatia.symbolic.FunctionGraph;
import java.util.Set;

/**
 * A whole-graph rewrite, for work a local rule cannot do (merging equal nodes, folding constants,
 * fusing elementwise subgraphs). It changes the graph only through {@link FunctionGraph#replace},
 * with its name as the reason, so the rewrite log sees every change.
 */
public interface GraphPass {
  /** The pass's name, which the rewrite log shows. */
  String name();

  /** When it runs. */
  Phase phase();

  /** Labels that {@link Mode#including} and {@link Mode#excluding} select by. */
  default Set<String> tags() {
    return Set.copyOf(java.util.List.of(phase().name().toLowerCase(java.util.Locale.ROOT), name()));
  }

  /** Rewrites {@code graph}. Modified: graph. */
  void apply(FunctionGraph graph);
}
