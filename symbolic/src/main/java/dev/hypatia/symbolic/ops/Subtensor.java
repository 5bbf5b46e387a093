package dev.hypatia.symbolic.ops;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.List;

/**
 * numpy's basic indexing {@code x[spec]} (Theano's Subtensor): integer points, slices and new axes.
 * Inputs: {@code x}, then one integer scalar per {@link IndexSpec.Symbolic} bound. The result has
 * x's dtype and is a view of x; no broadcasting.
 *
 * @param spec the index
 */
public record Subtensor(IndexSpec spec) implements Op {
  @Override
  public Apply makeNode(List<Variable> inputs) {
    checkArity(name(), inputs, 1, spec);
    for (int k = 1; k < inputs.size(); k++) {
      IndexMath.checkIndexInput(name(), inputs, k, true);
    }
    TensorType x = inputs.get(0).type();
    return new Apply(this, inputs, List.of(x.withShape(staticShape(name(), spec, inputs))));
  }

  /** Checks that {@code inputs} holds {@code data} data inputs and one input per symbolic bound. */
  static void checkArity(String op, List<Variable> inputs, int data, IndexSpec spec) {
    int want = data + spec.symbolicInputs();
    if (inputs.size() != want) {
      throw HypatiaException.forInputs(
          op,
          "expects "
              + want
              + " inputs ("
              + data
              + " data, "
              + spec.symbolicInputs()
              + " index scalars), got "
              + inputs.size(),
          inputs);
    }
  }

  /** The static shape of {@code x[spec]}, x being input 0, as a build-time error when invalid. */
  static int[] staticShape(String op, IndexSpec spec, List<Variable> inputs) {
    try {
      return spec.staticShape(inputs.get(0).type());
    } catch (IllegalArgumentException e) {
      throw HypatiaException.forInputs(op, e.getMessage(), inputs);
    }
  }

  @Override
  public List<NDArray> perform(Apply node, List<NDArray> inputs) {
    return List.of(spec.view(inputs.get(0), inputs.subList(1, inputs.size())));
  }

  /** {@code subtensor{1:, ::-1, None}}. */
  @Override
  public String name() {
    return "subtensor{" + spec + "}";
  }
}
