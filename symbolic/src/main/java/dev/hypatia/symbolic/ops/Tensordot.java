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
 * numpy's {@code tensordot(a, b, (axesA, axesB))}: sums the products over each pair of axes {@code
 * axesA[i]} of a and {@code axesB[i]} of b; the result has a's free axes then b's, in order. dtype:
 * numpy's promotion of a and b (integer products stay integer); no broadcasting (paired axes must
 * have equal lengths).
 *
 * @param axesA the summed axes of a (non-negative, distinct)
 * @param axesB the summed axes of b, paired with axesA
 */
public record Tensordot(List<Integer> axesA, List<Integer> axesB) implements Op {
  /** Copies the axis lists. */
  public Tensordot {
    axesA = List.copyOf(axesA);
    axesB = List.copyOf(axesB);
  }

  @Override
  public Apply makeNode(List<Variable> inputs) {
    if (inputs.size() != 2) {
      throw HypatiaException.forInputs(name(), "expects 2 inputs", inputs);
    }
    if (axesA.size() != axesB.size()) {
      throw HypatiaException.forInputs(
          name(),
          "the axis lists have different lengths (" + axesA.size() + " and " + axesB.size() + ")",
          inputs);
    }
    int[] a = checkAxes(axesA, inputs, 0);
    int[] b = checkAxes(axesB, inputs, 1);
    TensorType ta = inputs.get(0).type();
    TensorType tb = inputs.get(1).type();
    checkAligned(name(), inputs, a, b);
    int[] shape =
        Contraction.concat(
            Contraction.pick(ta.shape(), Contraction.complement(ta.ndim(), a)),
            Contraction.pick(tb.shape(), Contraction.complement(tb.ndim(), b)));
    DType out = DType.promote(ta.dtype(), tb.dtype());
    return new Apply(this, inputs, List.of(TensorType.of(out, shape)));
  }

  private int[] checkAxes(List<Integer> axes, List<Variable> inputs, int which) {
    int nd = inputs.get(which).ndim();
    int[] out = axes.stream().mapToInt(Integer::intValue).toArray();
    boolean[] seen = new boolean[nd];
    for (int a : out) {
      if (a < 0 || a >= nd || seen[a]) {
        throw HypatiaException.forInputs(
            name(),
            "axes "
                + axes
                + " of input "
                + which
                + " are out of range or repeated for a tensor of rank "
                + nd,
            inputs);
      }
      seen[a] = true;
    }
    return out;
  }

  /**
   * Checks that each known pair of summed dimensions of inputs 0 and 1 agree.
   *
   * @throws HypatiaException naming both inputs otherwise
   */
  static void checkAligned(String op, List<Variable> inputs, int[] axesA, int[] axesB) {
    int[] sa = inputs.get(0).type().shape();
    int[] sb = inputs.get(1).type().shape();
    for (int i = 0; i < axesA.length; i++) {
      int da = sa[axesA[i]];
      int db = sb[axesB[i]];
      if (da != TensorType.UNKNOWN && db != TensorType.UNKNOWN && da != db) {
        throw HypatiaException.forInputs(
            op, Contraction.misaligned(sa, axesA[i], sb, axesB[i]), inputs);
      }
    }
  }

  @Override
  public List<NDArray> perform(Apply node, List<NDArray> inputs) {
    return List.of(
        Contraction.tensordot(
            inputs.get(0),
            axesA.stream().mapToInt(Integer::intValue).toArray(),
            inputs.get(1),
            axesB.stream().mapToInt(Integer::intValue).toArray(),
            node.output(0).dtype()));
  }

  /** {@code tensordot{axes=([1, 2], [0, 1])}}. */
  @Override
  public String name() {
    return "tensordot{axes=(" + axesA + ", " + axesB + ")}";
  }
}
