package dev.hypatia.symbolic.ops;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.List;

/**
 * numpy's {@code x.shape} as a symbolic value: an int64 vector whose static length is the input's
 * rank. Dtype rule: always int64; any input dtype and rank.
 *
 * <p>Ops that read shape vectors ({@link Reshape}, {@link Alloc}) see through it to the input's
 * static dimensions.
 */
public record Shape() implements Op {
  @Override
  public Apply makeNode(List<Variable> inputs) {
    StaticInts.requireCount(name(), 1, inputs);
    int nd = inputs.get(0).ndim();
    return new Apply(this, inputs, List.of(TensorType.of(DType.INT64, nd)));
  }

  @Override
  public List<NDArray> perform(Apply node, List<NDArray> inputs) {
    int[] s = inputs.get(0).shape();
    long[] out = new long[s.length];
    for (int i = 0; i < s.length; i++) {
      out[i] = s[i];
    }
    return List.of(NDArray.of(out));
  }

  @Override
  public String name() {
    return "shape";
  }
}
