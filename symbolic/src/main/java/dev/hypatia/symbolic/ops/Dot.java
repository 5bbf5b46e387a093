package dev.hypatia.symbolic.ops;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.List;

/**
 * numpy's {@code dot(a, b)} for ranks up to 2: a scalar operand scales the other; otherwise the
 * last axis of a is summed against the first axis of b (vector.vector is a scalar, matrix.vector a
 * vector, vector.matrix a vector, matrix.matrix a matrix). dtype: numpy's promotion of a and b
 * (integer products stay integer); no broadcasting.
 */
public record Dot() implements Op {
  @Override
  public Apply makeNode(List<Variable> inputs) {
    if (inputs.size() != 2) {
      throw HypatiaException.forInputs(name(), "expects 2 inputs", inputs);
    }
    TensorType a = inputs.get(0).type();
    TensorType b = inputs.get(1).type();
    if (a.ndim() > 2 || b.ndim() > 2) {
      throw HypatiaException.forInputs(
          name(),
          "dot takes tensors of rank 0, 1 or 2, got ranks "
              + a.ndim()
              + " and "
              + b.ndim()
              + "; use matmul or tensordot for higher ranks",
          inputs);
    }
    int[][] axes = summedAxes(a.ndim(), b.ndim());
    Tensordot.checkAligned(name(), inputs, axes[0], axes[1]);
    int[] shape =
        Contraction.concat(
            Contraction.pick(a.shape(), Contraction.complement(a.ndim(), axes[0])),
            Contraction.pick(b.shape(), Contraction.complement(b.ndim(), axes[1])));
    DType out = DType.promote(a.dtype(), b.dtype());
    return new Apply(this, inputs, List.of(TensorType.of(out, shape)));
  }

  /** The summed axes of a and b: none when either is a scalar, else a's last and b's first. */
  private static int[][] summedAxes(int ndimA, int ndimB) {
    if (ndimA == 0 || ndimB == 0) {
      return new int[][] {{}, {}};
    }
    return new int[][] {{ndimA - 1}, {0}};
  }

  @Override
  public List<NDArray> perform(Apply node, List<NDArray> inputs) {
    NDArray a = inputs.get(0);
    NDArray b = inputs.get(1);
    int[][] axes = summedAxes(a.ndim(), b.ndim());
    return List.of(Contraction.tensordot(a, axes[0], b, axes[1], node.output(0).dtype()));
  }

  @Override
  public String name() {
    return "dot";
  }
}
