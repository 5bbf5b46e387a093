package dev.hypatia.symbolic.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.Axes;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.Interpreter;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.scalar.BinaryFn;
import dev.hypatia.symbolic.scalar.Composite;
import dev.hypatia.symbolic.scalar.Composite.Instruction;
import dev.hypatia.symbolic.scalar.UnaryFn;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FusedReduceTest {
  private static final int U = TensorType.UNKNOWN;

  /** exp(i0) * i1 + i0. */
  private static final Composite EXP_MUL_ADD =
      new Composite(
          2,
          List.of(
              Instruction.of(UnaryFn.EXP, 0),
              Instruction.of(BinaryFn.MUL, 2, 1),
              Instruction.of(BinaryFn.ADD, 3, 0)),
          List.of(4));

  /** i0 * i1 - i1 (no float function, so integers stay exact). */
  private static final Composite MUL_SUB =
      new Composite(
          2,
          List.of(Instruction.of(BinaryFn.MUL, 0, 1), Instruction.of(BinaryFn.SUB, 2, 1)),
          List.of(3));

  private static NDArray reference(
      FusedReduce op, List<Variable> ins, List<NDArray> values, Axes axes) {
    Variable produced = new Elemwise(op.producer()).apply(ins.toArray(new Variable[0]));
    Variable folded = new Reduce(op.fn(), axes, op.keepdims()).apply(produced);
    return Interpreter.evaluate(List.of(folded), bind(ins, values)).get(0);
  }

  private static Map<Variable, NDArray> bind(List<Variable> ins, List<NDArray> values) {
    Map<Variable, NDArray> m = new IdentityHashMap<>();
    for (int i = 0; i < ins.size(); i++) {
      m.put(ins.get(i), values.get(i));
    }
    return m;
  }

  private static void checkRandom(Composite producer, DType dtype, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int trial = 0; trial < 30; trial++) {
      int[] shape = TestArrays.shape(rnd, 1 + rnd.nextInt(3), 4);
      int[] other = shape.clone();
      other[rnd.nextInt(other.length)] = 1; // broadcast along one axis
      Variable a = T.tensor(TensorType.of(dtype, shape), "a");
      Variable b = T.tensor(TensorType.of(dtype, other), "b");
      List<Variable> ins = List.of(a, b);
      List<NDArray> values =
          List.of(
              TestArrays.uniform(rnd, dtype, -3, 3, shape),
              TestArrays.uniform(rnd, dtype, -3, 3, other));
      Axes axes = Axes.of(shape.length, ReduceTest.randomAxes(rnd, shape.length));
      for (BinaryFn fn : List.of(BinaryFn.ADD, BinaryFn.MUL, BinaryFn.MAXIMUM, BinaryFn.MINIMUM)) {
        FusedReduce op = new FusedReduce(producer, fn, axes, rnd.nextBoolean());
        Variable out = op.apply(a, b);
        NDArray got = Interpreter.evaluate(List.of(out), bind(ins, values)).get(0);
        NDArray want = reference(op, ins, values, axes);
        assertTrue(got.contentEquals(want), op.name() + ": " + got + " vs " + want);
        assertEquals(TensorType.of(want), out.type(), op.name());
      }
    }
  }

  @Test
  void perform_equalsReduceOverElemwise_float64WithBroadcasting() {
    checkRandom(EXP_MUL_ADD, DType.FLOAT64, 1);
  }

  @Test
  void perform_equalsReduceOverElemwise_float32WithBroadcasting() {
    checkRandom(EXP_MUL_ADD, DType.FLOAT32, 2);
  }

  @Test
  void perform_equalsReduceOverElemwise_int32WithBroadcasting() {
    checkRandom(MUL_SUB, DType.INT32, 3);
  }

  @Test
  void makeNode_infersTheBroadcastThenReducedType() {
    Variable a = T.tensor(DType.FLOAT32, "a", U, 3);
    Variable b = T.tensor(DType.FLOAT32, "b", 5, 1, 1);
    Variable out = new FusedReduce(EXP_MUL_ADD, BinaryFn.ADD, Axes.of(3, 1), false).apply(a, b);
    assertEquals(TensorType.of(DType.FLOAT32, 5, 3), out.type());
    Variable kept = new FusedReduce(EXP_MUL_ADD, BinaryFn.ADD, Axes.of(3, 2), true).apply(a, b);
    assertEquals(TensorType.of(DType.FLOAT32, 5, U, 1), kept.type());
    Variable i = T.tensor(DType.INT32, "i", 4);
    Variable isum = new FusedReduce(MUL_SUB, BinaryFn.ADD, Axes.all(1), false).apply(i, i);
    assertEquals(TensorType.scalar(DType.INT64), isum.type());
    assertArrayEquals(new int[0], isum.type().shape());
  }

  @Test
  void name_showsTheReductionAndTheProducer() {
    FusedReduce op = new FusedReduce(EXP_MUL_ADD, BinaryFn.ADD, Axes.of(2, 0), true);
    assertEquals("fused_sum{axes=(0), keepdims, composite{add(mul(exp(i0), i1), i0)}}", op.name());
    assertEquals(new Reduce(BinaryFn.ADD, Axes.of(2, 0), true), op.reduction());
    assertEquals(new Elemwise(EXP_MUL_ADD), op.elemwise());
  }

  @Test
  void constructor_rejectsMultiOutputProducersAndIrreducibleFunctions() {
    Composite two = new Composite(1, List.of(Instruction.of(UnaryFn.EXP, 0)), List.of(1, 0));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new FusedReduce(two, BinaryFn.ADD, Axes.all(1), false));
    assertTrue(e.getMessage().contains("needs a single-output producer"), e.getMessage());
    IllegalArgumentException f =
        assertThrows(
            IllegalArgumentException.class,
            () -> new FusedReduce(MUL_SUB, BinaryFn.SUB, Axes.all(1), false));
    assertTrue(f.getMessage().contains("sub cannot be reduced"), f.getMessage());
  }

  @Test
  void makeNode_rejectsAxesBeyondTheBroadcastRank() {
    Variable a = T.dvector("a");
    FusedReduce op = new FusedReduce(EXP_MUL_ADD, BinaryFn.ADD, Axes.of(2, 1), false);
    HypatiaException e = assertThrows(HypatiaException.class, () -> op.apply(a, a));
    assertTrue(
        e.getMessage().contains("out of bounds for a produced tensor of rank 1"), e.getMessage());
    assertTrue(e.getMessage().contains("a"), e.getMessage());
  }

  @Test
  void makeNode_rejectsInputsTheProducerOrTheReductionRejects() {
    Variable a = T.tensor(DType.FLOAT64, "a", 3);
    Variable b = T.tensor(DType.FLOAT64, "b", 4);
    FusedReduce op = new FusedReduce(EXP_MUL_ADD, BinaryFn.ADD, Axes.all(1), false);
    HypatiaException e = assertThrows(HypatiaException.class, () -> op.apply(a, b));
    assertTrue(e.getMessage().contains("cannot be broadcast"), e.getMessage());
    assertTrue(e.getMessage().startsWith(op.name()) || e.getMessage().contains(op.name()));
    FusedReduce all = new FusedReduce(MUL_SUB, BinaryFn.AND, Axes.all(1), false);
    HypatiaException f = assertThrows(HypatiaException.class, () -> all.apply(a, a));
    assertTrue(f.getMessage().contains("all folds bool tensors"), f.getMessage());
  }

  @Test
  void perform_rejectsMaxOfAnEmptyFold() {
    Variable a = T.dmatrix("a");
    Variable out = new FusedReduce(EXP_MUL_ADD, BinaryFn.MAXIMUM, Axes.of(2, 1), false).apply(a, a);
    RuntimeException e =
        assertThrows(
            RuntimeException.class,
            () ->
                Interpreter.evaluate(List.of(out), Map.of(a, NDArray.zeros(DType.FLOAT64, 2, 0))));
    assertTrue(e.getMessage().contains("max of an empty array has no identity"), e.getMessage());
  }
}
