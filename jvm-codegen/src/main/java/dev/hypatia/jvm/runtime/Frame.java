package dev.hypatia.jvm.runtime;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.Interpreter;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.ops.AdvancedIncSubtensor;
import dev.hypatia.symbolic.ops.AdvancedSubtensor;
import dev.hypatia.symbolic.ops.Dot;
import dev.hypatia.symbolic.ops.FusedReduce;
import dev.hypatia.symbolic.ops.Gemm;
import dev.hypatia.symbolic.ops.Matmul;
import dev.hypatia.symbolic.ops.Reduce;
import dev.hypatia.symbolic.ops.Softmax;
import dev.hypatia.symbolic.ops.Tensordot;
import java.util.Arrays;
import java.util.List;

/**
 * One call of a compiled graph: the graph's constants and nodes (shared, read-only), the node now
 * running (for error messages) and what the call allocated. Generated code calls it for everything
 * that is not a loop: shapes, allocation, ops without a kernel. Not thread-safe: one per call.
 */
public final class Frame {
  private final Apply[] nodes;
  private final NDArray[] constants;
  private int node = -1;
  private int allocations;
  private long allocatedElements;
  private int reuses;
  private long[] nanos;
  private long[] bytes;
  private long mark;

  /** A frame over the program's nodes (by node number) and constants (by constant number). */
  public Frame(Apply[] nodes, NDArray[] constants) {
    this.nodes = nodes;
    this.constants = constants;
  }

  /** Constant {@code k}'s value (shared: generated code never writes to it). */
  public NDArray constant(int k) {
    return constants[k];
  }

  /** Records that node {@code k} runs now, so that a failure names it (and, if timed, when). */
  public void at(int k) {
    if (nanos != null) {
      long now = System.nanoTime();
      if (node >= 0) {
        nanos[node] += now - mark;
      }
      mark = now;
    }
    node = k;
  }

  /**
   * Starts timing each node of this call: {@link #nanos()} then holds, per node number, the time
   * from its start to the next node's start. Call before running the program.
   */
  public void time() {
    nanos = new long[nodes.length];
    bytes = new long[nodes.length];
    mark = System.nanoTime();
  }

  /** Per-node times of a timed call (see {@link #time()}), after {@link #at at(-1)}; else null. */
  public long[] nanos() {
    return nanos == null ? null : nanos.clone();
  }

  /**
   * Per-node bytes allocated by a timed call (see {@link #time()}): arrays from {@link #allocate}
   * and the results of {@link #perform} not sharing storage with its arguments; else null.
   */
  public long[] allocatedBytes() {
    return bytes == null ? null : bytes.clone();
  }

  /** The node running when the call failed, or -1. */
  public int current() {
    return node;
  }

  /** The node numbered {@code k}. */
  public Apply node(int k) {
    return nodes[k];
  }

  /**
   * Node {@code k}'s op's reference {@code perform}, with the interpreter's checks and messages.
   *
   * @throws dev.hypatia.symbolic.HypatiaException when the op fails
   */
  public NDArray[] perform(int k, NDArray[] args) {
    Apply n = nodes[k];
    if (n.op() instanceof Softmax s && args[0].dtype().isFloat()) {
      // the same arithmetic as the reference, over raw storage
      return new NDArray[] {NNKernels.softmax(args[0], s.axis(), s.log(), n.output(0).dtype())};
    }
    NDArray fast = null;
    if (n.op() instanceof AdvancedSubtensor a && a.axis() == 0 && args.length == 3) {
      fast = IndexKernels.take(args[0], args[1], args[2]);
    } else if (n.op() instanceof AdvancedIncSubtensor a && a.axis() == 0 && args.length == 4) {
      fast = IndexKernels.update(args[0], args[1], args[2], args[3], a.set());
    }
    NDArray[] out =
        fast != null
            ? new NDArray[] {fast}
            : Interpreter.perform(n, List.of(args)).toArray(new NDArray[0]);
    if (bytes != null) {
      countResults(k, args, out);
    }
    return out;
  }

  /** Adds to node k's bytes each result whose storage is new (not an argument's). */
  private void countResults(int k, NDArray[] args, NDArray[] out) {
    for (NDArray o : out) {
      boolean fresh = true;
      for (NDArray a : args) {
        fresh &= a.data() != o.data();
      }
      if (fresh) {
        bytes[k] += (long) o.dtype().length(o.data()) * o.dtype().itemSize();
      }
    }
  }

  /**
   * The shape {@code args} broadcast to, for elementwise node {@code k}.
   *
   * @throws dev.hypatia.symbolic.HypatiaException (the interpreter's) when they do not broadcast
   */
  public int[] broadcast(int k, NDArray[] args) {
    try {
      return Kernels.broadcast(args);
    } catch (IllegalArgumentException e) {
      throw Interpreter.failure(nodes[k], List.of(args), e);
    }
  }

  /**
   * The output shape of reduction node {@code k} ({@link Reduce} or {@link FusedReduce}) over
   * {@code args} broadcast together. Modified: none.
   *
   * @throws dev.hypatia.symbolic.HypatiaException for inputs that do not broadcast, or a max or min
   *     of no element
   */
  public int[] reduce(int k, NDArray[] args) {
    int[] in = broadcast(k, args);
    Reduce r = reduction(k);
    int[] axes = r.axes().toArray();
    int count = 1;
    for (int a : axes) {
      count *= in[a];
    }
    int[] out = keptShape(in, axes);
    if (count == 0 && NDArray.sizeOf(out) > 0 && r.fn().identity().isEmpty()) {
      perform(k, args); // raises the interpreter's error
      throw new IllegalStateException("expected the reference to reject an empty fold");
    }
    return r.keepdims() ? out : dropAxes(in, axes);
  }

  /** The folded axes of reduction node {@code k}. */
  public int[] axes(int k) {
    return reduction(k).axes().toArray();
  }

  /** {@code shape} with {@code axes} set to 1. */
  public static int[] keptShape(int[] shape, int[] axes) {
    int[] out = shape.clone();
    for (int a : axes) {
      out[a] = 1;
    }
    return out;
  }

  private static int[] dropAxes(int[] shape, int[] axes) {
    int[] out = new int[shape.length - axes.length];
    int j = 0;
    for (int i = 0; i < shape.length; i++) {
      if (Arrays.binarySearch(axes, i) < 0) {
        out[j++] = shape[i];
      }
    }
    return out;
  }

  private Reduce reduction(int k) {
    Object op = nodes[k].op();
    return op instanceof FusedReduce f ? f.reduction() : (Reduce) op;
  }

  /**
   * Matrix node {@code k} (dot, matmul or gemm, inputs in the op's order) through {@link
   * MatrixKernels}, a failure reported as the interpreter reports it.
   *
   * @throws dev.hypatia.symbolic.HypatiaException when the shapes do not fit
   */
  public NDArray matrix(int k, NDArray[] args) {
    Object op = nodes[k].op();
    try {
      if (op instanceof Dot) {
        return MatrixKernels.dot(args[0], args[1]);
      }
      if (op instanceof Matmul) {
        return MatrixKernels.matmul(args[0], args[1]);
      }
      if (op instanceof Gemm) {
        return MatrixKernels.gemm(args[0], args[1], args[2], args[3], args[4]);
      }
      if (op instanceof Tensordot t) {
        NDArray r = tensordot(t, args[0], args[1]);
        return r != null ? r : perform(k, args)[0];
      }
    } catch (IllegalArgumentException e) {
      throw Interpreter.failure(nodes[k], List.of(args), e);
    }
    throw new IllegalArgumentException(nodes[k].op().name() + " is not a matrix product");
  }

  /**
   * An array with the shape dot node {@code k} would give, without its values (a broadcast zero):
   * for dots whose consumers only read shapes. Inner dimensions are still checked.
   *
   * @throws dev.hypatia.symbolic.HypatiaException (the interpreter's) when they do not align
   */
  public NDArray dotShape(int k, NDArray[] args) {
    NDArray a = args[0];
    NDArray b = args[1];
    if (a.ndim() == 0 || b.ndim() == 0) {
      return matrix(k, args);
    }
    int inner = b.ndim() == 1 ? 0 : b.ndim() - 2;
    if (a.shape(a.ndim() - 1) != b.shape(inner)) {
      perform(k, args); // raises the interpreter's error
      throw new IllegalStateException("expected the reference to reject misaligned dot inputs");
    }
    int[] shape = new int[a.ndim() - 1 + b.ndim() - 1];
    int j = 0;
    for (int i = 0; i < a.ndim() - 1; i++) {
      shape[j++] = a.shape(i);
    }
    for (int i = 0; i < b.ndim(); i++) {
      if (i != inner) {
        shape[j++] = b.shape(i);
      }
    }
    return NDArray.scalar(nodes[k].output(0).dtype(), 0).broadcastTo(shape);
  }

  /**
   * tensordot as one matrix product: a's free axes then its summed axes flattened to (M, K), b's
   * summed axes then its free axes to (K, N) (views where the layout allows, copies otherwise).
   * Null when the dtypes are not one float dtype (the reference then runs).
   */
  private static NDArray tensordot(Tensordot t, NDArray a, NDArray b) {
    if (a.dtype() != b.dtype() || !a.dtype().isFloat()) {
      return null;
    }
    int[] pa = order(a.ndim(), t.axesA(), false);
    int[] pb = order(b.ndim(), t.axesB(), true);
    int free = a.ndim() - t.axesA().size();
    int[] outShape = new int[free + b.ndim() - t.axesB().size()];
    int m = 1;
    int n = 1;
    int kk = 1;
    for (int i = 0; i < a.ndim(); i++) {
      if (i < free) {
        outShape[i] = a.shape(pa[i]);
        m *= a.shape(pa[i]);
      } else {
        kk *= a.shape(pa[i]);
      }
    }
    for (int i = t.axesB().size(); i < b.ndim(); i++) {
      outShape[free + i - t.axesB().size()] = b.shape(pb[i]);
      n *= b.shape(pb[i]);
    }
    NDArray a2 = matrix(a.transpose(pa), m, kk);
    NDArray b2 = matrix(b.transpose(pb), kk, n);
    return MatrixKernels.dot(a2, b2).reshape(outShape);
  }

  /** The axes not summed then the summed ones (summed first when {@code summedFirst}). */
  private static int[] order(int ndim, List<Integer> summed, boolean summedFirst) {
    int[] p = new int[ndim];
    int j = 0;
    if (summedFirst) {
      for (int s : summed) {
        p[j++] = s;
      }
    }
    for (int i = 0; i < ndim; i++) {
      if (!summed.contains(i)) {
        p[j++] = i;
      }
    }
    if (!summedFirst) {
      for (int s : summed) {
        p[j++] = s;
      }
    }
    return p;
  }

  private static NDArray matrix(NDArray a, int rows, int cols) {
    boolean already = a.ndim() == 2 && a.shape(0) == rows && a.shape(1) == cols;
    return already ? a : a.reshape(rows, cols);
  }

  /** A new zero-filled C-contiguous array, counted in {@link #allocations()}. */
  public NDArray allocate(DType dtype, int[] shape) {
    allocations++;
    allocatedElements += NDArray.sizeOf(shape);
    if (bytes != null && node >= 0) {
      bytes[node] += (long) NDArray.sizeOf(shape) * dtype.itemSize();
    }
    return NDArray.zeros(dtype, shape);
  }

  /**
   * An array of {@code dtype} and {@code shape} over {@code dead}'s storage when it is big enough
   * and of that dtype (the memory plan passes a value no longer needed by anything), else a new
   * one. Not zeroed. Modified: dead's storage, later.
   */
  public NDArray reuse(NDArray dead, DType dtype, int[] shape) {
    if (dead != null && dead.dtype() == dtype) {
      if (dead.isContiguous() && Arrays.equals(dead.shape(), shape)) {
        reuses++;
        return dead;
      }
      if (dtype.length(dead.data()) >= NDArray.sizeOf(shape)) {
        reuses++;
        return NDArray.over(dtype, dead.data(), 0, shape);
      }
    }
    return allocate(dtype, shape);
  }

  /**
   * {@code in} itself when it is C-contiguous with exactly {@code shape} and {@code dtype}, so an
   * elementwise loop may overwrite it element by element; else a new array. (An input that only
   * broadcasts to the output must not be overwritten: later elements still read it.)
   */
  public NDArray inPlace(NDArray in, DType dtype, int[] shape) {
    if (in.dtype() == dtype && in.isContiguous() && Arrays.equals(in.shape(), shape)) {
      reuses++;
      return in;
    }
    return allocate(dtype, shape);
  }

  /** How many arrays this call allocated (outputs included). */
  public int allocations() {
    return allocations;
  }

  /** How many elements those arrays hold. */
  public long allocatedElements() {
    return allocatedElements;
  }

  /** How many times storage was reused instead of allocated. */
  public int reuses() {
    return reuses;
  }
}
