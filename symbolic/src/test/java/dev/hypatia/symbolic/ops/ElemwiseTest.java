package dev.hypatia.symbolic.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.ArrayCompare;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.scalar.BinaryFn;
import dev.hypatia.symbolic.scalar.Composite;
import dev.hypatia.symbolic.scalar.ElemwiseFixtures;
import dev.hypatia.symbolic.scalar.UnaryFn;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;

class ElemwiseTest {
  private static final int U = TensorType.UNKNOWN;

  @Test
  void name_isTheScalarOpsName() {
    assertEquals("true_div", new Elemwise(BinaryFn.TRUE_DIV).name());
    assertEquals("exp", new Elemwise(UnaryFn.EXP).name());
    assertEquals(new Elemwise(UnaryFn.EXP), new Elemwise(UnaryFn.EXP));
  }

  @Test
  void binaryFunctions_broadcastAndMatchPlainLoops() {
    SplittableRandom rnd = new SplittableRandom(10);
    Variable a = T.dcol("a");
    Variable b = T.dvector("b");
    NDArray av = TestArrays.uniform(rnd, DType.FLOAT64, 0.5, 4, 3, 1);
    NDArray bv = TestArrays.uniform(rnd, DType.FLOAT64, -3, 3, 4);
    for (BinaryFn fn :
        List.of(
            BinaryFn.ADD,
            BinaryFn.SUB,
            BinaryFn.MUL,
            BinaryFn.TRUE_DIV,
            BinaryFn.POW,
            BinaryFn.ARCTAN2,
            BinaryFn.MAXIMUM,
            BinaryFn.LT)) {
      Variable out = new Elemwise(fn).apply(a, b);
      assertArrayEquals(new int[] {U, U}, out.type().shape());
      NDArray got = TestArrays.eval(out, a, av, b, bv);
      assertArrayEquals(new int[] {3, 4}, got.shape());
      DoubleBinaryOperator ref = fn::eval;
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 4; j++) {
          assertEquals(
              ref.applyAsDouble(av.getDouble(i, 0), bv.getDouble(j)),
              got.getDouble(i, j),
              0.0,
              fn + " at " + i + "," + j);
        }
      }
    }
  }

  @Test
  void unaryFunctions_matchScalarEvaluation_onStridedInput() {
    SplittableRandom rnd = new SplittableRandom(11);
    Variable x = T.dmatrix("x");
    NDArray xv = TestArrays.uniform(rnd, DType.FLOAT64, 0.1, 0.9, 3, 2).transpose();
    for (UnaryFn fn : UnaryFn.values()) {
      if (fn == UnaryFn.NOT) {
        continue;
      }
      NDArray got = TestArrays.eval(new Elemwise(fn).apply(x), x, xv);
      for (int k = 0; k < xv.size(); k++) {
        double want = fn.eval(xv.flatDouble(k));
        assertTrue(ArrayCompare.close(got.flatDouble(k), want, 0, 0), fn.toString());
      }
    }
  }

  @Test
  void values_matchNumpyFixtures_forEveryDTypePair() {
    for (String[] row : ElemwiseFixtures.rows("elemwise_values.txt", "values")) {
      BinaryFn fn = (BinaryFn) ElemwiseFixtures.byName(row[0]);
      DType da = DType.fromName(row[1]);
      DType db = DType.fromName(row[2]);
      NDArray a = ElemwiseFixtures.vector(da, row[3]);
      NDArray b = ElemwiseFixtures.vector(db, row[4]);
      Variable out = new Elemwise(fn).apply(T.constant(a), T.constant(b));
      NDArray got = out.eval();
      NDArray want = ElemwiseFixtures.vector(got.dtype(), row[5]);
      String what = String.join("|", row);
      if (got.dtype().isDiscrete()) {
        assertArrayEquals(want.toLongArray(), got.toLongArray(), what);
      } else {
        double tol = got.dtype() == DType.FLOAT32 ? 1e-7 : 1e-15;
        assertTrue(got.allClose(want, tol, 0), what + " got " + got);
        for (int i = 0; i < got.size(); i++) {
          double g = got.flatDouble(i);
          double w = want.flatDouble(i);
          if (!Double.isNaN(w)) {
            assertEquals(Math.copySign(1, w), Math.copySign(1, g), what + " sign of zero at " + i);
          }
        }
      }
    }
  }

  @Test
  void round_isHalfToEven_throughTheInterpreter() {
    String[] row = ElemwiseFixtures.rows("elemwise_values.txt", "unary_values").get(0);
    assertEquals("round", row[0]);
    NDArray x = ElemwiseFixtures.vector(DType.FLOAT64, row[2]);
    NDArray got = new Elemwise(UnaryFn.ROUND).apply(T.constant(x)).eval();
    assertTrue(got.contentEquals(ElemwiseFixtures.vector(DType.FLOAT64, row[3])), got.toString());
  }

  @Test
  void staticShape_propagatesKnownAndBroadcastDims() {
    Variable a = T.tensor(DType.FLOAT32, "a", U, 1, 5);
    Variable b = T.tensor(DType.INT8, "b", 4, 1);
    Variable out = new Elemwise(BinaryFn.ADD).apply(a, b);
    assertEquals(TensorType.of(DType.FLOAT32, U, 4, 5), out.type());
  }

  @Test
  void makeNode_rejectsIncompatibleKnownDims_namingBothInputs() {
    Variable a = T.tensor(DType.FLOAT64, "left", 3);
    Variable b = T.tensor(DType.FLOAT64, "right", 4);
    HypatiaException e =
        assertThrows(HypatiaException.class, () -> new Elemwise(BinaryFn.ADD).apply(a, b));
    assertTrue(
        e.getMessage().startsWith("add: shapes cannot be broadcast together (axis 0: 3 vs 4)"),
        e.getMessage());
    assertTrue(e.getMessage().contains("input 0: left: float64[3]"), e.getMessage());
    assertTrue(e.getMessage().contains("input 1: right: float64[4]"), e.getMessage());
  }

  @Test
  void perform_rejectsIncompatibleRuntimeShapes() {
    Variable a = T.dvector("a");
    Variable b = T.dvector("b");
    Variable out = new Elemwise(BinaryFn.MUL).apply(a, b);
    HypatiaException e =
        assertThrows(
            HypatiaException.class, () -> TestArrays.eval(out, a, new double[3], b, new double[2]));
    assertTrue(
        e.getMessage().startsWith("mul: shapes cannot be broadcast together: [3] [2]"),
        e.getMessage());
  }

  @Test
  void makeNode_rejectsDTypes_namingTheInputs() {
    Variable a = T.boolvector("p");
    Variable b = T.boolvector("q");
    HypatiaException e =
        assertThrows(HypatiaException.class, () -> new Elemwise(BinaryFn.SUB).apply(a, b));
    assertTrue(
        e.getMessage().startsWith("sub: sub of two bool tensors is not supported"), e.getMessage());
    assertTrue(e.getMessage().contains("input 1: q: bool[?]"), e.getMessage());
    Variable f = T.fvector("f");
    HypatiaException g =
        assertThrows(HypatiaException.class, () -> new Elemwise(BinaryFn.XOR).apply(f, f));
    assertTrue(
        g.getMessage()
            .startsWith("xor: xor is logical on bool and bitwise on integers; it rejects floats"),
        g.getMessage());
  }

  @Test
  void makeNode_rejectsWrongInputCount() {
    Variable x = T.dvector("x");
    HypatiaException e =
        assertThrows(HypatiaException.class, () -> new Elemwise(BinaryFn.ADD).apply(x));
    assertTrue(e.getMessage().startsWith("add: takes 2 inputs, got 1"), e.getMessage());
  }

  @Test
  void integerPowWithNegativeExponent_isARuntimeError() {
    Variable a = T.lvector("a");
    Variable b = T.lvector("b");
    Variable out = new Elemwise(BinaryFn.POW).apply(a, b);
    HypatiaException e =
        assertThrows(
            HypatiaException.class,
            () -> TestArrays.eval(out, a, new long[] {2, 3}, b, new long[] {1, -2}));
    assertTrue(
        e.getMessage()
            .startsWith(
                "pow: integers to negative integer powers are not allowed (got exponent -2)"),
        e.getMessage());
  }

  @Test
  void compositeWithTwoOutputs_buildsANodeWithTwoTypedOutputs() {
    Composite c =
        new Composite(
            2,
            List.of(
                Composite.Instruction.of(BinaryFn.ADD, 0, 1),
                Composite.Instruction.of(BinaryFn.LT, 0, 1)),
            List.of(2, 3));
    Variable a = T.ivector("a");
    Variable b = T.bvector("b");
    var node = new Elemwise(c).makeNode(a, b);
    assertEquals(DType.INT32, node.output(0).dtype());
    assertEquals(DType.BOOL, node.output(1).dtype());
    List<NDArray> got =
        new Elemwise(c).perform(node, List.of(NDArray.of(1, 5), NDArray.of((byte) 3, (byte) 2)));
    assertArrayEquals(new long[] {4, 7}, got.get(0).toLongArray());
    assertArrayEquals(new long[] {1, 0}, got.get(1).toLongArray());
  }

  @Test
  void scalarInputs_broadcastAgainstTensors() {
    Variable x = T.fmatrix("x");
    Variable out = new Elemwise(BinaryFn.MUL).apply(x, T.asOperand(2, x));
    assertEquals(DType.FLOAT32, out.dtype());
    NDArray got = TestArrays.eval(out, x, new float[][] {{1, 2}, {3, 4}});
    assertArrayEquals(new float[] {2, 4, 6, 8}, got.toFloatArray());
  }
}
