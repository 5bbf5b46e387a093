package dev.hypatia.symbolic.print;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Broadcast;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A test-only op that builds example graphs without the real ops: it has a name and a number of
 * outputs, each of the broadcast shape and promoted dtype of the inputs. It is never evaluated.
 */
record TestOp(String name, int outputs) implements Op {
  TestOp(String name) {
    this(name, 1);
  }

  static Variable call(String name, Variable... inputs) {
    return new TestOp(name).apply(inputs);
  }

  @Override
  public Apply makeNode(List<Variable> inputs) {
    DType dtype = inputs.isEmpty() ? DType.FLOAT64 : inputs.get(0).dtype();
    for (Variable v : inputs) {
      dtype = DType.promote(dtype, v.dtype());
    }
    TensorType type = TensorType.of(dtype, Broadcast.staticShape(name, inputs));
    return new Apply(this, inputs, new ArrayList<>(Collections.nCopies(outputs, type)));
  }

  @Override
  public List<NDArray> perform(Apply node, List<NDArray> inputs) {
    throw new UnsupportedOperationException("TestOp is never evaluated");
  }
}
