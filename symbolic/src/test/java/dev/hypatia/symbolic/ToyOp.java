package dev.hypatia.symbolic;

import java.util.List;
import java.util.function.DoubleBinaryOperator;

/**
 * A test-only op: combines same-shaped float inputs element by element with a function, so that the
 * core can be tested without the real op set.
 */
record ToyOp(String name, DoubleBinaryOperator fn, int arity) implements Op {
  static final ToyOp PLUS = new ToyOp("plus", Double::sum, 2);
  static final ToyOp NEGATE = new ToyOp("negate", (a, b) -> -a, 1);

  @Override
  public Apply makeNode(List<Variable> inputs) {
    if (inputs.size() != arity) {
      throw HypatiaException.forInputs(name, "expects " + arity + " inputs", inputs);
    }
    TensorType t = inputs.get(0).type();
    for (Variable v : inputs) {
      if (v.ndim() != t.ndim()) {
        throw HypatiaException.forInputs(name, "inputs differ in rank", inputs);
      }
    }
    return new Apply(this, inputs, List.of(TensorType.ofRank(t.dtype(), t.ndim())));
  }

  @Override
  public List<NDArray> perform(Apply node, List<NDArray> inputs) {
    NDArray a = inputs.get(0);
    NDArray b = inputs.get(inputs.size() - 1);
    if (!java.util.Arrays.equals(a.shape(), b.shape())) {
      throw new IllegalArgumentException("shapes differ");
    }
    NDArray out = NDArray.zeros(a.dtype(), a.shape());
    for (int i = 0; i < a.size(); i++) {
      out.setFlat(i, fn.applyAsDouble(a.flatDouble(i), b.flatDouble(i)));
    }
    return List.of(out);
  }
}
