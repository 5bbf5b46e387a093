package dev.hypatia.optimize.passes;

import dev.hypatia.optimize.GraphPass;
import dev.hypatia.optimize.Phase;
import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.FunctionGraph;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Elemwise;
import dev.hypatia.symbolic.ops.FusedReduce;
import dev.hypatia.symbolic.ops.Reduce;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fuses elementwise subgraphs into one loop each, then folds each reduction into the elementwise
 * node it consumes. Exact: the fused program applies the same scalar ops to the same dtypes in the
 * same order, rounding each intermediate as before.
 *
 * <ol>
 *   <li>Maximal groups of connected {@link Elemwise} nodes (producer to consumer, inputs that
 *       broadcast, composite nodes included) become one {@code Elemwise} over a {@link
 *       dev.hypatia.symbolic.scalar.Composite} program. A group's variable used outside it becomes
 *       one more output of the fused node, computed once, never recomputed; when its shape differs
 *       from the group's, its node stays outside instead (see {@link FusionGroup}). Groups are
 *       bounded ({@value FusionGroup#MAX_INPUTS} inputs, {@value FusionGroup#MAX_INSTRUCTIONS}
 *       instructions), convex (no cycle through another node), and never cross another op. Like
 *       Theano's, the fused loop runs over the broadcast shape, so a value of a smaller input is
 *       recomputed per broadcast element rather than stored.
 *   <li>A {@link Reduce} whose input is the only output of an elementwise node, used by nothing
 *       else, becomes a {@link FusedReduce} over that node's inputs, so that code generation folds
 *       each element as it computes it.
 * </ol>
 *
 * Both steps repeat until nothing changes, so a second run changes nothing.
 */
public final class FusionPass implements GraphPass {
  @Override
  public String name() {
    return "fusion";
  }

  @Override
  public Phase phase() {
    return Phase.FUSE;
  }

  @Override
  public void apply(FunctionGraph graph) {
    // each fusion and each fold makes the graph smaller, so this ends
    do {
      while (fuseOneGroupPerSeed(graph)) {
        // fuse again: a fused node may join a group it could not join node by node
      }
    } while (foldReductions(graph));
  }

  /**
   * Grows a group from each elementwise node not yet in one, last nodes first, and fuses those of
   * two or more nodes. Modified: graph.
   *
   * @return whether anything was fused
   */
  private boolean fuseOneGroupPerSeed(FunctionGraph graph) {
    Set<Apply> tried = Collections.newSetFromMap(new IdentityHashMap<>());
    boolean changed = false;
    boolean fusedThisRound = true;
    while (fusedThisRound) {
      fusedThisRound = false;
      List<Apply> topo = graph.toposort();
      Map<Apply, Integer> order = new IdentityHashMap<>();
      for (int i = 0; i < topo.size(); i++) {
        order.put(topo.get(i), i);
      }
      for (int i = topo.size() - 1; i >= 0 && !fusedThisRound; i--) {
        Apply seed = topo.get(i);
        if (tried.contains(seed) || !FusionGroup.fusable(graph, seed)) {
          continue;
        }
        List<Apply> group = FusionGroup.grow(graph, order, seed);
        tried.addAll(group);
        if (group.size() > 1) {
          Apply fused = fuse(graph, group);
          if (fused != null) {
            tried.add(fused);
            // the graph changed: start again from a fresh order
            fusedThisRound = true;
            changed = true;
          }
        }
      }
    }
    return changed;
  }

  /** Replaces the group's outputs by one fused node's; null when the types would change. */
  private Apply fuse(FunctionGraph graph, List<Apply> group) {
    FusedProgram p = FusedProgram.of(graph, group);
    Apply fused = new Elemwise(p.composite()).makeNode(p.inputs());
    for (int k = 0; k < p.replaced().size(); k++) {
      if (!fused.output(k).type().equals(p.replaced().get(k).type())) {
        return null;
      }
    }
    for (int k = 0; k < p.replaced().size(); k++) {
      graph.replace(p.replaced().get(k), fused.output(k), name());
    }
    return fused;
  }

  /**
   * Folds each reduction into its elementwise producer where nothing else uses it. Modified: graph.
   *
   * @return whether anything was folded
   */
  private boolean foldReductions(FunctionGraph graph) {
    boolean changed = false;
    for (Apply node : graph.toposort()) {
      if (!(node.op() instanceof Reduce r) || !graph.contains(node)) {
        continue;
      }
      Variable in = node.input(0);
      Apply producer = in.owner();
      if (!FusionGroup.fusable(graph, producer)
          || producer.outputs().size() != 1
          || graph.clients(in).size() != 1) {
        continue;
      }
      Elemwise e = (Elemwise) producer.op();
      FusedReduce op =
          new FusedReduce(FusedProgram.single(e.scalar()), r.fn(), r.axes(), r.keepdims());
      Variable folded = op.makeNode(producer.inputs()).output(0);
      if (folded.type().equals(node.output(0).type())) {
        graph.replace(node.output(0), folded, name());
        changed = true;
      }
    }
    return changed;
  }
}
