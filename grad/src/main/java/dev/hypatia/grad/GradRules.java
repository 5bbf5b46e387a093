package dev.hypatia.grad;

import dev.hypatia.symbolic.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The table of derivative rules, keyed by op class: Hypatia's own rules, listed explicitly by area
 * (no registration happens as a side effect of class loading), and the rules users register for
 * their own ops with {@link #register}.
 */
public final class GradRules {
  private static final Map<Class<? extends Op>, Pullback> BUILT_IN = builtIn();
  private static final Map<Class<? extends Op>, Pullback> USER = new ConcurrentHashMap<>();

  private GradRules() {}

  private static Map<Class<? extends Op>, Pullback> builtIn() {
    List<Map<Class<? extends Op>, Pullback>> areas = new ArrayList<>();
    areas.add(Map.of(GradBlock.class, GradRules::gradBlock));
    // one line per rule file, by area:
    areas.add(dev.hypatia.grad.rules.ElemwiseRules.rules()); // Elemwise and reductions
    areas.add(dev.hypatia.grad.rules.ShapeRules.rules());
    areas.add(dev.hypatia.grad.rules.IndexingRules.rules());
    areas.add(dev.hypatia.grad.rules.LinalgRules.rules());
    areas.add(dev.hypatia.grad.rules.NNRules.rules());
    areas.add(dev.hypatia.grad.rules.GemmRules.rules());
    areas.add(dev.hypatia.grad.rules.FusedReduceRules.rules());
    Map<Class<? extends Op>, Pullback> all = new HashMap<>();
    for (Map<Class<? extends Op>, Pullback> area : areas) {
      for (var e : area.entrySet()) {
        if (all.put(e.getKey(), e.getValue()) != null) {
          throw new IllegalStateException("two gradient rules for " + e.getKey().getName());
        }
      }
    }
    return Map.copyOf(all);
  }

  private static List<dev.hypatia.symbolic.Variable> gradBlock(
      dev.hypatia.symbolic.Apply node, List<dev.hypatia.symbolic.Variable> grads) {
    GradBlock op = (GradBlock) node.op();
    List<dev.hypatia.symbolic.Variable> out = new ArrayList<>(1);
    out.add(
        op.kind() == GradBlock.Kind.ZERO
            ? dev.hypatia.symbolic.ops.Shapes.zerosLike(node.input(0))
            : null);
    return out;
  }

  /**
   * Registers the derivative rule of a user's op class, replacing any earlier rule for it
   * (Hypatia's own included). Thread-safe.
   */
  public static void register(Class<? extends Op> opClass, Pullback rule) {
    USER.put(opClass, rule);
  }

  /** Removes a rule registered with {@link #register}. */
  public static void unregister(Class<? extends Op> opClass) {
    USER.remove(opClass);
  }

  /** The rule for {@code op}: a user's rule first, then Hypatia's own. */
  public static Optional<Pullback> forOp(Op op) {
    Pullback user = USER.get(op.getClass());
    return Optional.ofNullable(user != null ? user : BUILT_IN.get(op.getClass()));
  }

  /** The op classes that have a built-in rule. */
  public static java.util.Set<Class<? extends Op>> builtInOps() {
    return BUILT_IN.keySet();
  }
}
