package dev.hypatia.optimize.passes;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.FunctionGraph;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Elemwise;
import dev.hypatia.symbolic.scalar.Composite;
import dev.hypatia.symbolic.scalar.Composite.Instruction;
import dev.hypatia.symbolic.scalar.ScalarOp;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scalar program of a group of elementwise nodes: one instruction per plain node, the program
 * of a composite node inlined, in the nodes' topological order, so that it evaluates each value as
 * the nodes did (same ops on the same dtypes, each intermediate rounded to its dtype).
 *
 * @param composite the program
 * @param inputs the variables its input slots read, in order
 * @param replaced the group's variables its outputs compute, in order
 */
record FusedProgram(Composite composite, List<Variable> inputs, List<Variable> replaced) {

  /**
   * The program of {@code nodes}, whose outputs are the nodes' variables used outside them.
   *
   * @param nodes elementwise nodes of {@code graph}, in topological order
   */
  static FusedProgram of(FunctionGraph graph, List<Apply> nodes) {
    List<Variable> inputs = FusionGroup.inputs(nodes);
    Map<Variable, Integer> slots = new IdentityHashMap<>();
    for (Variable in : inputs) {
      slots.put(in, slots.size());
    }
    List<Instruction> program = new ArrayList<>();
    for (Apply node : nodes) {
      ScalarOp op = ((Elemwise) node.op()).scalar();
      List<Integer> args = node.inputs().stream().map(slots::get).toList();
      if (op instanceof Composite c) {
        inline(c, args, program, inputs.size(), node, slots);
      } else {
        program.add(new Instruction(op, args));
        slots.put(node.output(0), inputs.size() + program.size() - 1);
      }
    }
    List<Variable> replaced = FusionGroup.outputs(graph, nodes);
    List<Integer> outs = replaced.stream().map(slots::get).toList();
    return new FusedProgram(new Composite(inputs.size(), program, outs), inputs, replaced);
  }

  /** Appends the program of {@code c} reading slots {@code args}; maps the node's outputs. */
  private static void inline(
      Composite c,
      List<Integer> args,
      List<Instruction> program,
      int inputCount,
      Apply node,
      Map<Variable, Integer> slots) {
    int[] local = new int[c.inputCount() + c.instructions().size()];
    for (int i = 0; i < c.inputCount(); i++) {
      local[i] = args.get(i);
    }
    for (int i = 0; i < c.instructions().size(); i++) {
      Instruction ins = c.instructions().get(i);
      List<Integer> mapped = ins.args().stream().map(a -> local[a]).toList();
      program.add(new Instruction(ins.op(), mapped));
      local[c.inputCount() + i] = inputCount + program.size() - 1;
    }
    for (int k = 0; k < c.outputs().size(); k++) {
      slots.put(node.output(k), local[c.outputs().get(k)]);
    }
  }

  /** The single-instruction program of a plain scalar op; a composite as it is. */
  static Composite single(ScalarOp op) {
    if (op instanceof Composite c) {
      return c;
    }
    List<Integer> args = new ArrayList<>();
    for (int i = 0; i < op.arity(); i++) {
      args.add(i);
    }
    return new Composite(op.arity(), List.of(new Instruction(op, args)), List.of(op.arity()));
  }
}
