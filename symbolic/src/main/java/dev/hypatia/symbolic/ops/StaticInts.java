package dev.hypatia.symbolic.ops;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Constant;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.Arrays;
import java.util.List;

/**
 * What is known at build time about integer scalars and vectors used as shapes, sizes and bounds:
 * constants, and the entries of {@link Shape}, {@link Join}, {@link Split} and {@link DimShuffle}
 * outputs that derive from known values; the checks every shape-like input shares; and the element
 * copy with C-cast conversion that the ops writing new arrays use.
 */
final class StaticInts {
  /** The marker of an entry whose value is not known at build time. */
  static final long UNKNOWN = Long.MIN_VALUE;

  private StaticInts() {}

  /**
   * The entries of a rank-1 integer variable of known length, {@link #UNKNOWN} where not known. Not
   * modified: {@code v}.
   */
  static long[] vector(Variable v) {
    int n = v.type().dim(0);
    if (v instanceof Constant c) {
      return c.valueView().toLongArray();
    }
    long[] out = new long[n];
    Arrays.fill(out, UNKNOWN);
    Apply owner = v.owner();
    if (owner == null) {
      return out;
    }
    if (owner.op() instanceof Shape) {
      int[] s = owner.input(0).type().shape();
      for (int i = 0; i < n; i++) {
        out[i] = s[i] == TensorType.UNKNOWN ? UNKNOWN : s[i];
      }
    } else if (owner.op() instanceof Join j && j.axis() == 0) {
      int pos = 0;
      for (Variable part : owner.inputs()) {
        long[] p = vector(part);
        System.arraycopy(p, 0, out, pos, p.length);
        pos += p.length;
      }
    } else if (owner.op() instanceof Split s && s.axis() == 0) {
      fromSplit(owner, v.index(), out);
    } else if (owner.op() instanceof DimShuffle d && d.inputNdim() == 0) {
      Arrays.fill(out, scalar(owner.input(0)));
    }
    return out;
  }

  private static void fromSplit(Apply split, int index, long[] out) {
    Variable whole = split.input(0);
    if (whole.type().dim(0) == TensorType.UNKNOWN) {
      return;
    }
    long[] values = vector(whole);
    long[] sizes = vector(split.input(1));
    long start = 0;
    for (int i = 0; i < index; i++) {
      if (sizes[i] == UNKNOWN) {
        return;
      }
      start += sizes[i];
    }
    for (int i = 0; i < out.length && start + i < values.length; i++) {
      out[i] = values[(int) start + i];
    }
  }

  /** The value of a rank-0 integer constant, or {@link #UNKNOWN}. */
  static long scalar(Variable v) {
    if (v instanceof Constant c) {
      return c.valueView().itemLong();
    }
    return UNKNOWN;
  }

  /** The entries of a vector, or null unless every one is known. */
  static long[] knownVector(Variable v) {
    long[] values = vector(v);
    for (long x : values) {
      if (x == UNKNOWN) {
        return null;
      }
    }
    return values;
  }

  /**
   * Checks that {@code v} is an integer vector of known length.
   *
   * @throws HypatiaException naming {@code op}, {@code what} and the inputs otherwise
   */
  static void requireIntVector(String op, String what, Variable v, List<Variable> inputs) {
    if (v.ndim() != 1 || !v.dtype().isInteger()) {
      throw HypatiaException.forInputs(
          op, what + " must be an integer vector, got " + v.type(), inputs);
    }
    if (v.type().dim(0) == TensorType.UNKNOWN) {
      throw HypatiaException.forInputs(
          op, what + " must have a length known at build time, got " + v.type(), inputs);
    }
  }

  /**
   * Checks that {@code v} is an integer scalar.
   *
   * @throws HypatiaException naming {@code op}, {@code what} and the inputs otherwise
   */
  static void requireIntScalar(String op, String what, Variable v, List<Variable> inputs) {
    if (v.ndim() != 0 || !v.dtype().isInteger()) {
      throw HypatiaException.forInputs(
          op, what + " must be an integer scalar, got " + v.type(), inputs);
    }
  }

  /**
   * Checks that {@code op} got {@code n} inputs.
   *
   * @throws HypatiaException otherwise
   */
  static void requireCount(String op, int n, List<Variable> inputs) {
    if (inputs.size() != n) {
      throw HypatiaException.forInputs(
          op, "expects " + n + " inputs, got " + inputs.size(), inputs);
    }
  }

  /** A known static entry as a dimension ({@link TensorType#UNKNOWN} for {@link #UNKNOWN}). */
  static int dim(long value) {
    return value == UNKNOWN ? TensorType.UNKNOWN : (int) value;
  }

  /**
   * A run-time shape vector as ints.
   *
   * @throws IllegalArgumentException when an entry does not fit an int
   */
  static int[] toInts(NDArray vector) {
    long[] values = vector.toLongArray();
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      if (values[i] > Integer.MAX_VALUE || values[i] < Integer.MIN_VALUE) {
        throw new IllegalArgumentException(
            "dimension " + values[i] + " in " + Arrays.toString(values) + " is too large");
      }
      out[i] = (int) values[i];
    }
    return out;
  }

  /** Copies {@code src} into {@code dst} (same shape; dst often a view), converting as a C cast. */
  static void copyInto(NDArray src, NDArray dst) {
    int[] s = src.storageIndices();
    int[] d = dst.storageIndices();
    Object sd = src.data();
    Object dd = dst.data();
    if (src.dtype().isDiscrete()) {
      for (int i = 0; i < s.length; i++) {
        dst.dtype().setLong(dd, d[i], src.dtype().getLong(sd, s[i]));
      }
    } else {
      for (int i = 0; i < s.length; i++) {
        dst.dtype().setDouble(dd, d[i], src.dtype().getDouble(sd, s[i]));
      }
    }
  }
}
