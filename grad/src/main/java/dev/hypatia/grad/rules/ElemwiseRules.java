package dev.hypatia.grad.rules;

import dev.hypatia.grad.Pullback;
import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Elemwise;
import dev.hypatia.symbolic.scalar.ScalarOp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The derivative rule of {@link Elemwise}: the scalar op's rule from {@link ScalarRules}, then each
 * input's gradient summed back over the axes the input was broadcast along ({@link Unbroadcast}).
 * Integer and bool inputs get no gradient (null).
 */
public final class ElemwiseRules {
  private ElemwiseRules() {}

  /**
   * The rules of this area, for {@code GradRules.builtIn()}: {@link Elemwise}, and the reductions
   * of {@link ReduceRules#rules()}.
   */
  public static Map<Class<? extends Op>, Pullback> rules() {
    Map<Class<? extends Op>, Pullback> m = new HashMap<>(ReduceRules.rules());
    m.put(Elemwise.class, ElemwiseRules::pullback);
    return Map.copyOf(m);
  }

  private static List<Variable> pullback(Apply node, List<Variable> grads) {
    return inputGrads(((Elemwise) node.op()).scalar(), node.inputs(), node.outputs(), grads);
  }

  /**
   * The gradient with respect to each input of {@code op} applied elementwise to {@code inputs},
   * each of its input's shape; null for integer and bool inputs and where the rule gives none. Not
   * modified: the variables.
   *
   * @param grads the gradient of each output, null where none flows (at least one is non-null)
   */
  public static List<Variable> inputGrads(
      ScalarOp op, List<Variable> inputs, List<Variable> outputs, List<Variable> grads) {
    if (inputs.stream().noneMatch(v -> v.dtype().isFloat())) {
      return Collections.nCopies(inputs.size(), null);
    }
    List<Variable> raw = ScalarRules.pullback(op, inputs, outputs, grads);
    List<Variable> out = new ArrayList<>(inputs.size());
    for (int i = 0; i < inputs.size(); i++) {
      Variable x = inputs.get(i);
      Variable r = raw.get(i);
      out.add(r == null || !x.dtype().isFloat() ? null : Unbroadcast.to(r, x));
    }
    return out;
  }
}
