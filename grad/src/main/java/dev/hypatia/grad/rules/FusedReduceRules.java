package dev.hypatia.grad.rules;

import dev.hypatia.grad.Pullback;
import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.FusedReduce;
import dev.hypatia.symbolic.ops.Reduce;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The derivative rule of {@link FusedReduce}: the node expanded back into the two nodes it stands
 * for, {@code Elemwise(producer)} over its inputs and {@code Reduce} of that, and the rules of
 * those ({@link ReduceRules}, then {@link ElemwiseRules}) applied in turn. Integer and bool inputs
 * get no gradient, nor does a reduction without one (all, any).
 */
public final class FusedReduceRules {
  private FusedReduceRules() {}

  /** The rule of {@link FusedReduce}, for {@code GradRules.builtIn()}. */
  public static Map<Class<? extends Op>, Pullback> rules() {
    return Map.of(FusedReduce.class, FusedReduceRules::pullback);
  }

  private static List<Variable> pullback(Apply node, List<Variable> grads) {
    FusedReduce op = (FusedReduce) node.op();
    Apply produce = op.elemwise().makeNode(node.inputs());
    Apply fold = op.reduction().makeNode(produce.outputs());
    List<Variable> producedGrad = ReduceRules.rules().get(Reduce.class).apply(fold, grads);
    if (producedGrad.get(0) == null) {
      return Collections.nCopies(node.inputs().size(), null);
    }
    return ElemwiseRules.inputGrads(
        op.producer(), produce.inputs(), produce.outputs(), producedGrad);
  }
}
