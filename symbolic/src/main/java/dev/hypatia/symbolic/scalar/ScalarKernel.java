package dev.hypatia.symbolic.scalar;

import dev.hypatia.symbolic.DType;
import java.util.List;

/**
 * A scalar op bound to input dtypes: it picks the evaluation domain (longs when every input and the
 * output are integer or bool, doubles otherwise) and stores each result as its dtype would (float32
 * rounds, narrow integers wrap, bool is non-zero), step by step through a {@link Composite}. This
 * is the reference meaning of a scalar op on typed values.
 *
 * <p>Values come in pairs: {@code d[i]} and {@code l[i]} hold the same number, {@code l} exact for
 * integer and bool dtypes and {@code d} for float dtypes. A kernel keeps scratch space, so one
 * instance must not be used by two threads at once.
 */
public final class ScalarKernel {
  private final ScalarOp op;
  private final List<DType> outputs;
  private final boolean onLongs;
  private final boolean logicalNot;
  private final boolean castFromLong;
  private final ScalarKernel[] steps;
  private final int[][] stepArgs;
  private final double[] dSlots;
  private final long[] lSlots;

  private ScalarKernel(ScalarOp op, List<DType> inputs) {
    this.op = op;
    this.outputs = op.outputDTypes(inputs);
    boolean discrete = outputs.get(0).isDiscrete();
    for (DType d : inputs) {
      discrete &= d.isDiscrete();
    }
    this.onLongs = discrete;
    this.logicalNot = op == UnaryFn.NOT && inputs.get(0).isBool();
    // an int64 going to float32 must round once, from the long, not twice through double
    this.castFromLong = op instanceof Cast && inputs.get(0).isDiscrete();
    if (op instanceof Composite c) {
      List<DType> slots = c.slotDTypes(inputs);
      int n = c.instructions().size();
      steps = new ScalarKernel[n];
      stepArgs = new int[n][];
      for (int i = 0; i < n; i++) {
        Composite.Instruction ins = c.instructions().get(i);
        stepArgs[i] = ins.args().stream().mapToInt(Integer::intValue).toArray();
        steps[i] = new ScalarKernel(ins.op(), ins.args().stream().map(slots::get).toList());
      }
      dSlots = new double[slots.size()];
      lSlots = new long[slots.size()];
    } else {
      steps = null;
      stepArgs = null;
      dSlots = new double[op.arity()];
      lSlots = new long[op.arity()];
    }
  }

  /**
   * {@code op} bound to input dtypes {@code inputs}.
   *
   * @throws IllegalArgumentException when the op rejects these dtypes
   */
  public static ScalarKernel of(ScalarOp op, List<DType> inputs) {
    return new ScalarKernel(op, inputs);
  }

  /** The dtype of each output. */
  public List<DType> outputDTypes() {
    return outputs;
  }

  /**
   * Evaluates the op on one tuple of inputs and writes each output as a (double, long) pair.
   * Modified: dOut, lOut. Not modified: dIn, lIn.
   *
   * @throws IllegalArgumentException for values the op rejects (an integer negative power)
   */
  public void apply(double[] dIn, long[] lIn, double[] dOut, long[] lOut) {
    if (steps == null) {
      applySimple(dIn, lIn, dOut, lOut);
      return;
    }
    Composite c = (Composite) op;
    int nin = c.inputCount();
    System.arraycopy(dIn, 0, dSlots, 0, nin);
    System.arraycopy(lIn, 0, lSlots, 0, nin);
    for (int i = 0; i < steps.length; i++) {
      ScalarKernel step = steps[i];
      int[] args = stepArgs[i];
      for (int j = 0; j < args.length; j++) {
        step.dSlots[j] = dSlots[args[j]];
        step.lSlots[j] = lSlots[args[j]];
      }
      step.applyScratch(dSlots, lSlots, nin + i);
    }
    for (int k = 0; k < outputs.size(); k++) {
      dOut[k] = dSlots[c.outputs().get(k)];
      lOut[k] = lSlots[c.outputs().get(k)];
    }
  }

  private void applyScratch(double[] dOut, long[] lOut, int at) {
    if (steps == null) {
      store(dSlots, lSlots, dOut, lOut, at);
    } else {
      double[] d = new double[outputs.size()];
      long[] l = new long[outputs.size()];
      apply(dSlots.clone(), lSlots.clone(), d, l);
      dOut[at] = d[0];
      lOut[at] = l[0];
    }
  }

  private void applySimple(double[] dIn, long[] lIn, double[] dOut, long[] lOut) {
    store(dIn, lIn, dOut, lOut, 0);
  }

  private void store(double[] dIn, long[] lIn, double[] dOut, long[] lOut, int at) {
    DType out = outputs.get(0);
    if (onLongs) {
      long r = logicalNot ? (lIn[0] == 0 ? 1 : 0) : op.evalLong(lIn);
      r = wrap(out, r);
      lOut[at] = r;
      dOut[at] = r;
      return;
    }
    double d = op.evalDouble(dIn);
    if (castFromLong && out == DType.FLOAT32) {
      d = (float) lIn[0];
    }
    if (out.isDiscrete()) {
      long r = fromDouble(out, d);
      lOut[at] = r;
      dOut[at] = r;
    } else {
      d = out == DType.FLOAT32 ? (float) d : d;
      dOut[at] = d;
      lOut[at] = (long) d;
    }
  }

  /** {@code v} stored in a discrete dtype: narrow integers wrap, bool is {@code v != 0}. */
  public static long wrap(DType dtype, long v) {
    return switch (dtype) {
      case INT32 -> (int) v;
      case INT8 -> (byte) v;
      case BOOL -> v != 0 ? 1 : 0;
      default -> v;
    };
  }

  /** {@code v} stored in a discrete dtype as a C cast: truncation, wrap; NaN is true for bool. */
  public static long fromDouble(DType dtype, double v) {
    return dtype.isBool() ? (v != 0.0 ? 1 : 0) : wrap(dtype, (long) v);
  }
}
