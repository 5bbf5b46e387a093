package dev.hypatia.jvm.runtime;

import dev.hypatia.symbolic.NDArray;

/**
 * Iterates a shape row by row for several operands with their own strides, as numpy's nditer with
 * an external inner loop: generated code asks for the inner length and each operand's inner stride
 * once, then for each row ({@link #next()}) reads each operand's starting offset. Axes that every
 * operand walks contiguously are merged first, so a contiguous array is one long row.
 *
 * <pre>{@code
 * StridedLoop it = StridedLoop.over(out, a, b);
 * while (it.next()) { int po = it.offset(0), pa = it.offset(1); ... for (j < it.length()) ... }
 * }</pre>
 */
public final class StridedLoop {
  private final int[] shape;
  private final int[][] strides;
  private final int[] offsets;
  private final int[] index;
  private final int rows;
  private int row = -1;

  private StridedLoop(int[] shape, int[][] strides, int[] base) {
    int nd = shape.length;
    int ops = strides.length;
    // merge axis i into i+1 when every operand steps over both as one
    int[] sh = new int[Math.max(nd, 1)];
    int[][] st = new int[ops][Math.max(nd, 1)];
    int m = 0;
    if (nd == 0) {
      sh[0] = 1;
      m = 1;
    }
    for (int i = 0; i < nd; i++) {
      if (shape[i] == 1 && nd > 1) {
        continue;
      }
      boolean merge = m > 0;
      for (int k = 0; k < ops && merge; k++) {
        merge = st[k][m - 1] == strides[k][i] * shape[i];
      }
      if (merge) {
        sh[m - 1] *= shape[i];
        for (int k = 0; k < ops; k++) {
          st[k][m - 1] = strides[k][i];
        }
      } else {
        sh[m] = shape[i];
        for (int k = 0; k < ops; k++) {
          st[k][m] = strides[k][i];
        }
        m++;
      }
    }
    if (m == 0) {
      sh[0] = 1;
      m = 1;
    }
    this.shape = java.util.Arrays.copyOf(sh, m);
    this.strides = new int[ops][];
    for (int k = 0; k < ops; k++) {
      this.strides[k] = java.util.Arrays.copyOf(st[k], m);
    }
    this.offsets = base.clone();
    this.index = new int[m];
    int r = 1;
    for (int i = 0; i < m - 1; i++) {
      r *= this.shape[i];
    }
    this.rows = this.shape[m - 1] == 0 ? 0 : r;
  }

  /**
   * A loop over {@code shape} for operands with {@code strides} (one array per operand, one entry
   * per axis; 0 repeats an element) starting at {@code offsets}. Not modified: the arguments.
   */
  public static StridedLoop of(int[] shape, int[][] strides, int[] offsets) {
    return new StridedLoop(shape, strides, offsets);
  }

  /**
   * A loop over {@code operands[0]}'s shape, every other operand broadcast to it (numpy's rules;
   * the caller has checked they broadcast).
   */
  public static StridedLoop over(NDArray... operands) {
    int[] shape = operands[0].shape();
    int[][] strides = new int[operands.length][];
    int[] offsets = new int[operands.length];
    for (int k = 0; k < operands.length; k++) {
      strides[k] = broadcastStrides(operands[k], shape);
      offsets[k] = operands[k].offset();
    }
    return new StridedLoop(shape, strides, offsets);
  }

  /** {@code a}'s strides seen from {@code shape}: 0 on axes it lacks or has length 1. */
  public static int[] broadcastStrides(NDArray a, int[] shape) {
    int[] out = new int[shape.length];
    int[] as = a.shape();
    int[] st = a.strides();
    int lead = shape.length - as.length;
    for (int i = 0; i < as.length; i++) {
      out[lead + i] = as[i] == 1 ? 0 : st[i];
    }
    return out;
  }

  /** Moves to the next row; false when every row was visited. */
  public boolean next() {
    if (++row >= rows) {
      return false;
    }
    if (row == 0) {
      return true;
    }
    for (int i = shape.length - 2; i >= 0; i--) {
      if (++index[i] < shape[i]) {
        for (int k = 0; k < offsets.length; k++) {
          offsets[k] += strides[k][i];
        }
        return true;
      }
      index[i] = 0;
      for (int k = 0; k < offsets.length; k++) {
        offsets[k] -= strides[k][i] * (shape[i] - 1);
      }
    }
    return true;
  }

  /** The length of every row. */
  public int length() {
    return shape[shape.length - 1];
  }

  /** Operand {@code k}'s step along a row. */
  public int stride(int k) {
    return strides[k][shape.length - 1];
  }

  /** Operand {@code k}'s offset at the start of the current row. */
  public int offset(int k) {
    return offsets[k];
  }
}
