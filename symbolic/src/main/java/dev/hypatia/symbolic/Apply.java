package dev.hypatia.symbolic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One node of a graph: an {@link Op} applied to input variables, producing output variables whose
 * owner is this node.
 *
 * <p>A node built by user code is never changed. Only a {@link FunctionGraph}, which works on its
 * own clone, rewires inputs of the nodes it owns.
 */
public final class Apply {
  private final Op op;
  private final List<Variable> inputs;
  private final List<Variable> outputs;

  /**
   * A node of {@code op} over {@code inputs} with one output of each type in {@code outputTypes}.
   * Ops call this from {@link Op#makeNode} after checking the inputs.
   */
  public Apply(Op op, List<Variable> inputs, List<TensorType> outputTypes) {
    this.op = Objects.requireNonNull(op, "op");
    this.inputs = new ArrayList<>(inputs);
    for (int i = 0; i < this.inputs.size(); i++) {
      Objects.requireNonNull(this.inputs.get(i), () -> op.name() + ": input is null");
    }
    List<Variable> outs = new ArrayList<>(outputTypes.size());
    for (int i = 0; i < outputTypes.size(); i++) {
      outs.add(new Variable(outputTypes.get(i), null, this, i));
    }
    this.outputs = Collections.unmodifiableList(outs);
  }

  public Op op() {
    return op;
  }

  /** The inputs. Not modifiable. */
  public List<Variable> inputs() {
    return Collections.unmodifiableList(inputs);
  }

  public Variable input(int i) {
    return inputs.get(i);
  }

  /** The outputs, owned by this node. Not modifiable. */
  public List<Variable> outputs() {
    return outputs;
  }

  public Variable output(int i) {
    return outputs.get(i);
  }

  /** Rewires input {@code i}: only {@link FunctionGraph} does this, on nodes it owns. */
  void setInput(int i, Variable v) {
    inputs.set(i, v);
  }

  /** A new node of the same op over other inputs (its outputs are new variables). */
  public Apply cloneWithInputs(List<Variable> newInputs) {
    List<TensorType> types = new ArrayList<>(outputs.size());
    for (Variable o : outputs) {
      types.add(o.type());
    }
    Apply copy = new Apply(op, newInputs, types);
    for (int i = 0; i < outputs.size(); i++) {
      copy.outputs.get(i).copyMetadataFrom(outputs.get(i));
    }
    return copy;
  }

  @Override
  public String toString() {
    return op.name() + inputs;
  }
}
