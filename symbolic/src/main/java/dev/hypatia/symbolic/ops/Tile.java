package dev.hypatia.symbolic.ops;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.List;

/**
 * numpy's {@code tile(x, reps)}: x repeated {@code reps[i]} times along each axis. The output rank
 * is {@code max(x.ndim, reps.size())}; the shorter of x's shape and reps is padded with leading
 * ones. Dtype rule: x's dtype; no broadcasting.
 *
 * @param reps the repetitions per axis, each at least 0
 */
public record Tile(List<Integer> reps) implements Op {
  /** Checks the repetitions. */
  public Tile {
    reps = List.copyOf(reps);
    for (int r : reps) {
      if (r < 0) {
        throw new IllegalArgumentException("tile: repetitions must be >= 0, got " + reps);
      }
    }
  }

  @Override
  public Apply makeNode(List<Variable> inputs) {
    StaticInts.requireCount(name(), 1, inputs);
    TensorType t = inputs.get(0).type();
    int nd = Math.max(t.ndim(), reps.size());
    int[] in = padded(t.shape(), nd, 1);
    int[] r = paddedReps(nd);
    int[] out = new int[nd];
    for (int i = 0; i < nd; i++) {
      out[i] = r[i] == 0 ? 0 : in[i] == TensorType.UNKNOWN ? TensorType.UNKNOWN : in[i] * r[i];
    }
    return new Apply(this, inputs, List.of(TensorType.of(t.dtype(), out)));
  }

  @Override
  public List<NDArray> perform(Apply node, List<NDArray> inputs) {
    NDArray x = inputs.get(0);
    int nd = Math.max(x.ndim(), reps.size());
    int[] in = padded(x.shape(), nd, 1);
    int[] r = paddedReps(nd);
    int[] shape = new int[nd];
    for (int i = 0; i < nd; i++) {
      shape[i] = in[i] * r[i];
    }
    NDArray src = x.reshape(in);
    NDArray out = NDArray.zeros(x.dtype(), shape);
    boolean discrete = x.dtype().isDiscrete();
    int[] idx = new int[nd];
    int[] srcIdx = new int[nd];
    for (int k = 0; k < out.size(); k++) {
      for (int i = 0; i < nd; i++) {
        srcIdx[i] = idx[i] % in[i];
      }
      if (discrete) {
        out.setFlatLong(k, src.getLong(srcIdx));
      } else {
        out.setFlat(k, src.getDouble(srcIdx));
      }
      advance(idx, shape);
    }
    return List.of(out);
  }

  private static void advance(int[] idx, int[] shape) {
    for (int i = idx.length - 1; i >= 0; i--) {
      if (++idx[i] < shape[i]) {
        return;
      }
      idx[i] = 0;
    }
  }

  private int[] paddedReps(int nd) {
    int[] r = new int[reps.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = reps.get(i);
    }
    return padded(r, nd, 1);
  }

  private static int[] padded(int[] a, int nd, int fill) {
    int[] out = new int[nd];
    java.util.Arrays.fill(out, fill);
    System.arraycopy(a, 0, out, nd - a.length, a.length);
    return out;
  }

  /** {@code tile{reps=(2,3)}}. */
  @Override
  public String name() {
    StringBuilder sb = new StringBuilder("tile{reps=(");
    for (int i = 0; i < reps.size(); i++) {
      sb.append(i > 0 ? "," : "").append(reps.get(i));
    }
    return sb.append(")}").toString();
  }
}
