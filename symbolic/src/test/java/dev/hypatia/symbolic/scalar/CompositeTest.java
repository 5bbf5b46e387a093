package dev.hypatia.symbolic.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hypatia.symbolic.DType;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CompositeTest {
  /** exp(add(i0, i1)) and mul(i0, add(i0, i1)). */
  static Composite expOfSumAndProduct() {
    return new Composite(
        2,
        List.of(
            Composite.Instruction.of(BinaryFn.ADD, 0, 1),
            Composite.Instruction.of(UnaryFn.EXP, 2),
            Composite.Instruction.of(BinaryFn.MUL, 0, 2)),
        List.of(3, 4));
  }

  @Test
  void opName_writesEachOutputAsAnExpression() {
    assertEquals(
        "composite{exp(add(i0, i1)), mul(i0, add(i0, i1))}", expOfSumAndProduct().opName());
  }

  @Test
  void outputDTypes_followThePartsRules() {
    Composite c = expOfSumAndProduct();
    assertEquals(
        List.of(DType.FLOAT64, DType.INT32), c.outputDTypes(List.of(DType.INT32, DType.INT8)));
    assertEquals(DType.FLOAT32, c.outputDType(List.of(DType.FLOAT32, DType.INT8)));
    assertEquals(2, c.outputCount());
    assertEquals(2, c.arity());
  }

  @Test
  void outputDTypes_reportThePartThatRejects() {
    Composite c = new Composite(1, List.of(Composite.Instruction.of(UnaryFn.NEG, 0)), List.of(1));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> c.outputDType(List.of(DType.BOOL)));
    assertEquals("neg is not defined for bool (use not), got bool", e.getMessage());
  }

  @Test
  void evaluation_equalsItsPartsEvaluatedOneAtATime_withFloat32Rounding() {
    SplittableRandom rnd = new SplittableRandom(9);
    List<DType> types = List.of(DType.FLOAT32, DType.FLOAT32);
    ScalarKernel fused = ScalarKernel.of(expOfSumAndProduct(), types);
    for (int i = 0; i < 30; i++) {
      float a = (float) rnd.nextDouble(-3, 3);
      float b = (float) rnd.nextDouble(-3, 3);
      double[] dOut = new double[2];
      fused.apply(new double[] {a, b}, new long[2], dOut, new long[2]);
      float sum = a + b;
      assertEquals((double) (float) Math.exp(sum), dOut[0]);
      assertEquals((double) (a * sum), dOut[1]);
      assertEquals(Math.exp((double) a + b), expOfSumAndProduct().evalDouble(a, b), 1e-12);
    }
  }

  @Test
  void evalLong_runsTheProgramOnLongs() {
    Composite c =
        new Composite(
            2,
            List.of(
                Composite.Instruction.of(BinaryFn.MUL, 0, 1),
                Composite.Instruction.of(UnaryFn.NEG, 2)),
            List.of(3));
    assertEquals(-12, c.evalLong(3, 4));
  }

  @Test
  void nestedComposite_evaluatesAsAStep() {
    Composite inner =
        new Composite(1, List.of(Composite.Instruction.of(UnaryFn.SQR, 0)), List.of(1));
    Composite outer =
        new Composite(
            1,
            List.of(
                Composite.Instruction.of(inner, 0), Composite.Instruction.of(BinaryFn.ADD, 1, 0)),
            List.of(2));
    long[] lOut = new long[1];
    ScalarKernel.of(outer, List.of(DType.INT64))
        .apply(new double[] {5}, new long[] {5}, new double[1], lOut);
    assertEquals(30, lOut[0]);
  }

  @Test
  void constructor_rejectsSlotsReadBeforeTheyAreWritten() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Composite(1, List.of(Composite.Instruction.of(UnaryFn.EXP, 1)), List.of(1)));
    assertEquals("instruction 0 reads slot 1, but only slots 0..0 exist before it", e.getMessage());
  }

  @Test
  void constructor_rejectsMissingOrUnwrittenOutputs() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Composite(1, List.of(), List.of(1)));
    assertEquals("output reads slot 1, but only slots 0..0 exist before it", e.getMessage());
    IllegalArgumentException none =
        assertThrows(IllegalArgumentException.class, () -> new Composite(1, List.of(), List.of()));
    assertEquals("a composite needs inputCount >= 0 and an output", none.getMessage());
  }

  @Test
  void instruction_rejectsWrongArgumentCountAndMultiOutputOps() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Composite.Instruction.of(BinaryFn.ADD, 0));
    assertEquals("add takes 2 arguments, got slots [0]", e.getMessage());
    IllegalArgumentException m =
        assertThrows(
            IllegalArgumentException.class,
            () -> Composite.Instruction.of(expOfSumAndProduct(), 0, 1));
    assertEquals(
        "a composite instruction needs a single-output op, got " + expOfSumAndProduct().opName(),
        m.getMessage());
  }

  @Test
  void equalPrograms_areEqual() {
    assertEquals(expOfSumAndProduct(), expOfSumAndProduct());
    assertEquals(expOfSumAndProduct().hashCode(), expOfSumAndProduct().hashCode());
  }
}
