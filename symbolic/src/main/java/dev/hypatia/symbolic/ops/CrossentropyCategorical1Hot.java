package dev.hypatia.symbolic.ops;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.List;

/**
 * Categorical cross-entropy with integer labels: {@code out[i] = -log(p[i, y[i]])} for a matrix of
 * probabilities {@code p} (one row per example) and an integer vector {@code y} (Theano's
 * CrossentropyCategorical1Hot).
 *
 * <p>Shape: {@code [rows of p]}. dtype: that of p (floats). A label outside {@code [0, columns)} is
 * a run-time error naming the row and the label.
 */
public record CrossentropyCategorical1Hot() implements Op {
  @Override
  public String name() {
    return "crossentropy_categorical_1hot";
  }

  @Override
  public Apply makeNode(List<Variable> inputs) {
    if (inputs.size() != 2) {
      throw HypatiaException.forInputs(name(), "expects probabilities and labels", inputs);
    }
    Variable p = inputs.get(0);
    Variable y = inputs.get(1);
    if (p.ndim() != 2 || !p.dtype().isFloat()) {
      throw HypatiaException.forInputs(
          name(), "probabilities must be a float matrix, got " + p.type(), inputs);
    }
    if (y.ndim() != 1 || !y.dtype().isInteger()) {
      throw HypatiaException.forInputs(
          name(), "labels must be an integer vector, got " + y.type(), inputs);
    }
    int rows = p.type().dim(0);
    int labels = y.type().dim(0);
    if (rows != TensorType.UNKNOWN && labels != TensorType.UNKNOWN && rows != labels) {
      throw HypatiaException.forInputs(
          name(), rows + " rows of probabilities but " + labels + " labels", inputs);
    }
    int n = rows != TensorType.UNKNOWN ? rows : labels;
    return new Apply(this, inputs, List.of(TensorType.of(p.dtype(), n)));
  }

  @Override
  public List<NDArray> perform(Apply node, List<NDArray> inputs) {
    NDArray p = inputs.get(0);
    NDArray y = inputs.get(1);
    int rows = p.shape(0);
    int cols = p.shape(1);
    if (y.shape(0) != rows) {
      throw new IllegalArgumentException(
          rows + " rows of probabilities but " + y.shape(0) + " labels");
    }
    NDArray out = NDArray.zeros(p.dtype(), rows);
    for (int i = 0; i < rows; i++) {
      long label = y.getLong(i);
      if (label < 0 || label >= cols) {
        throw new IllegalArgumentException(
            "label " + label + " of row " + i + " is outside [0, " + cols + ")");
      }
      out.set(-Math.log(p.getDouble(i, (int) label)), i);
    }
    return List.of(out);
  }
}
