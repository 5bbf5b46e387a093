package dev.hypatia.symbolic.ops;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Broadcast;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.Arrays;
import java.util.List;

/**
 * numpy's {@code matmul(a, b)} ({@code a @ b}): matrix products over the last two axes, with the
 * leading (batch) axes broadcast by numpy's rule. A 1-D a is promoted to a row {@code [1,k]} and a
 * 1-D b to a column {@code [k,1]}, the added axis being removed from the result. Scalars are
 * rejected. dtype: numpy's promotion of a and b (integer products stay integer).
 */
public record Matmul() implements Op {
  @Override
  public Apply makeNode(List<Variable> inputs) {
    if (inputs.size() != 2) {
      throw HypatiaException.forInputs(name(), "expects 2 inputs", inputs);
    }
    TensorType a = inputs.get(0).type();
    TensorType b = inputs.get(1).type();
    if (a.ndim() == 0 || b.ndim() == 0) {
      throw HypatiaException.forInputs(
          name(), "matmul does not accept scalars (rank 0); use dot or mul", inputs);
    }
    Tensordot.checkAligned(
        name(), inputs, new int[] {a.ndim() - 1}, new int[] {Math.max(b.ndim() - 2, 0)});
    int[] batch;
    try {
      batch = staticBatch(batchOf(a.shape()), batchOf(b.shape()));
    } catch (IllegalArgumentException e) {
      throw HypatiaException.forInputs(name(), e.getMessage(), inputs);
    }
    int[] shape = outShape(batch, a.shape(), b.shape());
    DType out = DType.promote(a.dtype(), b.dtype());
    return new Apply(this, inputs, List.of(TensorType.of(out, shape)));
  }

  private static int[] batchOf(int[] shape) {
    return Arrays.copyOf(shape, Math.max(shape.length - 2, 0));
  }

  private static int[] outShape(int[] batch, int[] a, int[] b) {
    int[] core = new int[(a.length > 1 ? 1 : 0) + (b.length > 1 ? 1 : 0)];
    int i = 0;
    if (a.length > 1) {
      core[i++] = a[a.length - 2];
    }
    if (b.length > 1) {
      core[i] = b[b.length - 1];
    }
    return Contraction.concat(batch, core);
  }

  /** The static broadcast of two batch shapes, UNKNOWN where unknown. */
  private static int[] staticBatch(int[] x, int[] y) {
    int nd = Math.max(x.length, y.length);
    int[] out = new int[nd];
    for (int i = 0; i < nd; i++) {
      int d = dimFromEnd(x, nd - i);
      int e = dimFromEnd(y, nd - i);
      if (d == 1 || d == e) {
        out[i] = e;
      } else if (e == 1) {
        out[i] = d;
      } else if (d == TensorType.UNKNOWN || e == TensorType.UNKNOWN) {
        out[i] = Math.max(d, e);
      } else {
        throw new IllegalArgumentException(
            "batch axes cannot be broadcast together: "
                + TensorType.shapeString(x)
                + " and "
                + TensorType.shapeString(y));
      }
    }
    return out;
  }

  private static int dimFromEnd(int[] s, int k) {
    return k <= s.length ? s[s.length - k] : 1;
  }

  @Override
  public List<NDArray> perform(Apply node, List<NDArray> inputs) {
    NDArray a = inputs.get(0);
    NDArray b = inputs.get(1);
    NDArray a2 = a.ndim() == 1 ? a.newAxis(0) : a;
    NDArray b2 = b.ndim() == 1 ? b.newAxis(1) : b;
    int m = a2.shape(-2);
    int k = a2.shape(-1);
    int n = b2.shape(-1);
    if (b2.shape(-2) != k) {
      throw new IllegalArgumentException(
          Contraction.misaligned(a.shape(), a.ndim() - 1, b.shape(), Math.max(b.ndim() - 2, 0)));
    }
    int[] batch = Broadcast.shape(batchOf(a2.shape()), batchOf(b2.shape()));
    int count = NDArray.sizeOf(batch);
    NDArray as = a2.broadcastTo(Contraction.concat(batch, new int[] {m, k})).reshape(count, m, k);
    NDArray bs = b2.broadcastTo(Contraction.concat(batch, new int[] {k, n})).reshape(count, k, n);
    DType dtype = node.output(0).dtype();
    NDArray out = NDArray.zeros(dtype, count, m, n);
    for (int t = 0; t < count; t++) {
      NDArray c = Contraction.multiply(as.index(0, t), bs.index(0, t), dtype);
      IndexMath.update(out.index(0, t), c, true);
    }
    return List.of(out.reshape(outShape(batch, a.shape(), b.shape())));
  }

  @Override
  public String name() {
    return "matmul";
  }
}
