package dev.hypatia.jvm.runtime;

import dev.hypatia.symbolic.NDArray;
import java.util.Arrays;

/** Small run-time helpers the generated loops call: layout tests and reduction set-up. */
public final class Kernels {
  private Kernels() {}

  /**
   * Whether {@code a} is C-contiguous with exactly {@code like}'s shape, so that element {@code i}
   * of both is at {@code offset + i}.
   */
  public static boolean sameLayout(NDArray a, NDArray like) {
    return a.isContiguous() && Arrays.equals(a.shape(), like.shape());
  }

  /** Whether {@code a} is C-contiguous with shape {@code shape}. */
  public static boolean contiguousWith(NDArray a, int[] shape) {
    return a.isContiguous() && Arrays.equals(a.shape(), shape);
  }

  /** The shape {@code args} broadcast to (the caller has checked that they do). */
  public static int[] broadcast(NDArray[] args) {
    int[][] shapes = new int[args.length][];
    for (int i = 0; i < args.length; i++) {
      shapes[i] = args[i].shape();
    }
    return dev.hypatia.symbolic.Broadcast.shape(shapes);
  }

  /** The number of elements of {@code shape}. */
  public static int size(int[] shape) {
    return NDArray.sizeOf(shape);
  }

  /** How many elements fold into each output element: the product of {@code shape[axes]}. */
  public static int foldCount(int[] shape, int[] axes) {
    int n = 1;
    for (int a : axes) {
      n *= shape[a];
    }
    return n;
  }

  /**
   * A loop over {@code shape} whose operand 0 is an accumulator in C order over the shape with
   * {@code axes} removed (stride 0 along them), followed by {@code inputs} broadcast to shape.
   */
  public static StridedLoop reduction(int[] shape, int[] axes, NDArray[] inputs) {
    int[][] strides = new int[inputs.length + 1][];
    int[] offsets = new int[inputs.length + 1];
    int[] acc = new int[shape.length];
    int s = 1;
    for (int i = shape.length - 1; i >= 0; i--) {
      if (Arrays.binarySearch(axes, i) < 0) {
        acc[i] = s;
        s *= shape[i];
      }
    }
    strides[0] = acc;
    for (int k = 0; k < inputs.length; k++) {
      strides[k + 1] = StridedLoop.broadcastStrides(inputs[k], shape);
      offsets[k + 1] = inputs[k].offset();
    }
    return StridedLoop.of(shape, strides, offsets);
  }

  /** A new double array of length {@code n} filled with {@code v}. */
  public static double[] filled(int n, double v) {
    double[] a = new double[n];
    Arrays.fill(a, v);
    return a;
  }

  /** A new long array of length {@code n} filled with {@code v}. */
  public static long[] filled(int n, long v) {
    long[] a = new long[n];
    Arrays.fill(a, v);
    return a;
  }
}
