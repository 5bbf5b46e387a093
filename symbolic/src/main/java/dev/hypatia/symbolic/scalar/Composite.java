package dev.hypatia.symbolic.scalar;

import dev.hypatia.symbolic.DType;
import java.util.ArrayList;
import java.util.List;

/**
 * A small immutable scalar program, what fusion builds from a cluster of elementwise nodes. Slots
 * {@code 0 .. inputCount-1} hold the inputs; instruction {@code i} applies its op to earlier slots
 * and writes slot {@code inputCount + i}; {@code outputs} names the slots returned. Its dtype rule
 * is its parts' rules applied in order, and {@link ScalarKernel} evaluates it as its parts would be
 * evaluated one elementwise node at a time (each intermediate rounded to its dtype).
 *
 * @param inputCount the number of inputs
 * @param instructions the program, in order
 * @param outputs the slots returned, at least one
 */
public record Composite(int inputCount, List<Instruction> instructions, List<Integer> outputs)
    implements ScalarOp {

  /**
   * One step: {@code op} applied to the values in slots {@code args}.
   *
   * @param op a single-output scalar op
   * @param args one earlier slot per input of op
   */
  public record Instruction(ScalarOp op, List<Integer> args) {
    /** Checks that op has a single output and args its arity; args is copied. */
    public Instruction {
      if (op.outputCount() != 1) {
        throw new IllegalArgumentException(
            "a composite instruction needs a single-output op, got " + op.opName());
      }
      if (args.size() != op.arity()) {
        throw new IllegalArgumentException(
            op.opName() + " takes " + op.arity() + " arguments, got slots " + args);
      }
      args = List.copyOf(args);
    }

    /** An instruction applying {@code op} to {@code args}. */
    public static Instruction of(ScalarOp op, Integer... args) {
      return new Instruction(op, List.of(args));
    }
  }

  /** Checks that every slot read is written before; the lists are copied. */
  public Composite {
    instructions = List.copyOf(instructions);
    outputs = List.copyOf(outputs);
    if (inputCount < 0 || outputs.isEmpty()) {
      throw new IllegalArgumentException("a composite needs inputCount >= 0 and an output");
    }
    for (int i = 0; i < instructions.size(); i++) {
      for (int a : instructions.get(i).args()) {
        checkSlot(a, inputCount + i, "instruction " + i);
      }
    }
    for (int o : outputs) {
      checkSlot(o, inputCount + instructions.size(), "output");
    }
  }

  private static void checkSlot(int slot, int limit, String who) {
    if (slot < 0 || slot >= limit) {
      throw new IllegalArgumentException(
          who + " reads slot " + slot + ", but only slots 0.." + (limit - 1) + " exist before it");
    }
  }

  @Override
  public int arity() {
    return inputCount;
  }

  @Override
  public int outputCount() {
    return outputs.size();
  }

  /** {@code composite{exp(add(i0, i1))}}: each output as an expression over inputs i0, i1, .... */
  @Override
  public String opName() {
    StringBuilder sb = new StringBuilder("composite{");
    for (int k = 0; k < outputs.size(); k++) {
      sb.append(k > 0 ? ", " : "").append(expression(outputs.get(k)));
    }
    return sb.append('}').toString();
  }

  private String expression(int slot) {
    if (slot < inputCount) {
      return "i" + slot;
    }
    Instruction ins = instructions.get(slot - inputCount);
    StringBuilder sb = new StringBuilder(ins.op().opName()).append('(');
    for (int i = 0; i < ins.args().size(); i++) {
      sb.append(i > 0 ? ", " : "").append(expression(ins.args().get(i)));
    }
    return sb.append(')').toString();
  }

  @Override
  public DType outputDType(List<DType> inputs) {
    return outputDTypes(inputs).get(0);
  }

  /** The dtype of each output, from the parts' rules in program order. */
  @Override
  public List<DType> outputDTypes(List<DType> inputs) {
    return pick(slotDTypes(inputs));
  }

  private List<DType> pick(List<DType> slots) {
    List<DType> out = new ArrayList<>(outputs.size());
    for (int o : outputs) {
      out.add(slots.get(o));
    }
    return List.copyOf(out);
  }

  /** The dtype of every slot (inputs, then each instruction's result). */
  List<DType> slotDTypes(List<DType> inputs) {
    ScalarOp.checkArity(this, inputs);
    List<DType> slots = new ArrayList<>(inputs);
    for (Instruction ins : instructions) {
      List<DType> args = new ArrayList<>(ins.args().size());
      for (int a : ins.args()) {
        args.add(slots.get(a));
      }
      slots.add(ins.op().outputDType(args));
    }
    return slots;
  }

  /** The first output with every slot computed on doubles, unrounded. */
  @Override
  public double evalDouble(double... args) {
    double[] slots = new double[inputCount + instructions.size()];
    System.arraycopy(args, 0, slots, 0, inputCount);
    for (int i = 0; i < instructions.size(); i++) {
      Instruction ins = instructions.get(i);
      double[] a = new double[ins.args().size()];
      for (int j = 0; j < a.length; j++) {
        a[j] = slots[ins.args().get(j)];
      }
      slots[inputCount + i] = ins.op().evalDouble(a);
    }
    return slots[outputs.get(0)];
  }

  /** The first output with every slot computed on longs, unwrapped. */
  @Override
  public long evalLong(long... args) {
    long[] slots = new long[inputCount + instructions.size()];
    System.arraycopy(args, 0, slots, 0, inputCount);
    for (int i = 0; i < instructions.size(); i++) {
      Instruction ins = instructions.get(i);
      long[] a = new long[ins.args().size()];
      for (int j = 0; j < a.length; j++) {
        a[j] = slots[ins.args().get(j)];
      }
      slots[inputCount + i] = ins.op().evalLong(a);
    }
    return slots[outputs.get(0)];
  }
}
