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
 * numpy's {@code eye(n, m, k, dtype)}: inputs are three integer scalars; the output is an n-by-m
 * matrix with ones on diagonal k (k &gt; 0 above the main diagonal, k &lt; 0 below) and zeros
 * elsewhere. Dtype rule: the parameter {@code dtype}; no broadcasting. Static dimensions come from
 * constant n and m.
 *
 * @param dtype the output dtype
 */
public record Eye(DType dtype) implements Op {
  @Override
  public Apply makeNode(List<Variable> inputs) {
    StaticInts.requireCount(name(), 3, inputs);
    String[] what = {"n", "m", "k"};
    for (int i = 0; i < 3; i++) {
      StaticInts.requireIntScalar(name(), what[i], inputs.get(i), inputs);
    }
    long n = StaticInts.scalar(inputs.get(0));
    long m = StaticInts.scalar(inputs.get(1));
    for (long d : new long[] {n, m}) {
      if (d != StaticInts.UNKNOWN && (d < 0 || d > Integer.MAX_VALUE)) {
        throw HypatiaException.forInputs(name(), "invalid dimension " + d, inputs);
      }
    }
    return new Apply(
        this, inputs, List.of(TensorType.of(dtype, StaticInts.dim(n), StaticInts.dim(m))));
  }

  @Override
  public List<NDArray> perform(Apply node, List<NDArray> inputs) {
    long n = inputs.get(0).itemLong();
    long m = inputs.get(1).itemLong();
    long k = inputs.get(2).itemLong();
    if (n < 0 || m < 0) {
      throw new IllegalArgumentException("negative dimensions n=" + n + ", m=" + m);
    }
    NDArray out = NDArray.zeros(dtype, (int) n, (int) m);
    for (long i = Math.max(0, -k); i < n && i + k < m; i++) {
      out.setLong(1, (int) i, (int) (i + k));
    }
    return List.of(out);
  }

  @Override
  public String name() {
    return "eye{" + dtype + "}";
  }
}
