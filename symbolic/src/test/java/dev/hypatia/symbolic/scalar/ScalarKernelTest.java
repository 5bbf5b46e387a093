package dev.hypatia.symbolic.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hypatia.symbolic.DType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScalarKernelTest {
  private static double[] run(ScalarOp op, List<DType> types, double... args) {
    long[] l = new long[args.length];
    for (int i = 0; i < args.length; i++) {
      l[i] = (long) args[i];
    }
    double[] dOut = new double[op.outputCount()];
    long[] lOut = new long[op.outputCount()];
    ScalarKernel.of(op, types).apply(args, l, dOut, lOut);
    return new double[] {dOut[0], lOut[0]};
  }

  @Test
  void int64Arithmetic_isExactBeyondDoublePrecision() {
    long big = (1L << 60) + 1;
    long[] lOut = new long[1];
    ScalarKernel.of(BinaryFn.ADD, List.of(DType.INT64, DType.INT64))
        .apply(new double[] {big, 1}, new long[] {big, 1}, new double[1], lOut);
    assertEquals(big + 1, lOut[0]);
  }

  @Test
  void int8Arithmetic_wrapsAround() {
    assertEquals(-56, run(BinaryFn.ADD, List.of(DType.INT8, DType.INT8), 100, 100)[1]);
  }

  @Test
  void float32Results_roundToFloat() {
    double third = run(BinaryFn.TRUE_DIV, List.of(DType.FLOAT32, DType.FLOAT32), 1, 3)[0];
    assertEquals((double) (1.0f / 3.0f), third);
  }

  @Test
  void notOfBool_isLogical() {
    assertEquals(0, run(UnaryFn.NOT, List.of(DType.BOOL), 1)[1]);
    assertEquals(1, run(UnaryFn.NOT, List.of(DType.BOOL), 0)[1]);
    assertEquals(-2, run(UnaryFn.NOT, List.of(DType.INT32), 1)[1]);
  }

  @Test
  void boolAdd_isLogicalOr() {
    assertEquals(1, run(BinaryFn.ADD, List.of(DType.BOOL, DType.BOOL), 1, 1)[1]);
  }

  @Test
  void wrapAndFromDouble_storeAsTheDTypeDoes() {
    assertEquals((int) (1L << 40), ScalarKernel.wrap(DType.INT32, 1L << 40));
    assertEquals(1, ScalarKernel.wrap(DType.BOOL, -3));
    assertEquals(7, ScalarKernel.wrap(DType.INT64, 7));
    assertEquals(1, ScalarKernel.fromDouble(DType.BOOL, Double.NaN));
    assertEquals(-3, ScalarKernel.fromDouble(DType.INT8, -3.7));
    assertEquals(
        List.of(DType.FLOAT64), ScalarKernel.of(UnaryFn.EXP, List.of(DType.INT32)).outputDTypes());
  }
}
