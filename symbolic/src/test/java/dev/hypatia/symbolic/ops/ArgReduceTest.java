package dev.hypatia.symbolic.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ArgReduceTest {
  @Test
  void argmaxAndArgmin_alongAnAxis_matchPlainLoops() {
    SplittableRandom rnd = new SplittableRandom(13);
    for (int trial = 0; trial < 20; trial++) {
      int[] shape = TestArrays.shape(rnd, 3, 4);
      int axis = rnd.nextInt(3);
      boolean max = rnd.nextBoolean();
      DType dt = rnd.nextBoolean() ? DType.FLOAT64 : DType.INT32;
      NDArray x = TestArrays.uniform(rnd, dt, -3, 3, shape); // small ints: ties happen
      Variable in = T.tensor(dt, "x", shape);
      NDArray got = TestArrays.eval(new ArgReduce(max, axis, false).apply(in), in, x);
      for (int o = 0; o < got.size(); o++) {
        int[] idx = TestArrays.unravel(o, got.shape());
        int[] full = new int[3];
        for (int i = 0, j = 0; i < 3; i++) {
          full[i] = i == axis ? 0 : idx[j++];
        }
        int best = 0;
        for (int k = 1; k < shape[axis]; k++) {
          full[axis] = k;
          double v = x.getDouble(full);
          full[axis] = best;
          double b = x.getDouble(full);
          if (max ? v > b : v < b) {
            best = k;
          }
        }
        assertEquals(best, got.flatLong(o));
      }
    }
  }

  @Test
  void flattened_findsTheFirstExtreme_andTheFirstNaNWins() {
    Variable x = T.constant(new double[][] {{1, 5, 5}, {Double.NaN, 0, Double.NaN}});
    assertEquals(3, new ArgReduce(true, null, false).apply(x).eval().itemLong());
    assertEquals(3, new ArgReduce(false, null, false).apply(x).eval().itemLong());
    Variable y = T.constant(new double[][] {{1, 5, 5}, {0, 0, 7}});
    assertEquals(5, new ArgReduce(true, null, false).apply(y).eval().itemLong());
    assertEquals(3, new ArgReduce(false, null, false).apply(y).eval().itemLong());
    assertArrayEquals(
        new long[] {1, 2}, new ArgReduce(true, 1, false).apply(y).eval().toLongArray());
  }

  @Test
  void keepdims_keepsTheAxisOrEveryAxis() {
    Variable x = T.tensor(DType.FLOAT32, "x", 2, TensorType.UNKNOWN, 4);
    assertEquals(TensorType.of(DType.INT64, 2, 1, 4), new ArgReduce(true, 1, true).apply(x).type());
    assertEquals(
        TensorType.of(DType.INT64, 1, 1, 1), new ArgReduce(true, null, true).apply(x).type());
    assertEquals(TensorType.of(DType.INT64), new ArgReduce(false, null, false).apply(x).type());
  }

  @Test
  void name_saysWhichAndWhere() {
    assertEquals("argmax", new ArgReduce(true, null, false).name());
    assertEquals("argmin{axis=1}", new ArgReduce(false, 1, false).name());
    assertEquals("argmax{axis=None, keepdims}", new ArgReduce(true, null, true).name());
  }

  @Test
  void emptyAxis_isARuntimeError() {
    Variable x = T.dmatrix("x");
    Variable a = new ArgReduce(true, 0, false).apply(x);
    HypatiaException e =
        assertThrows(
            HypatiaException.class,
            () -> TestArrays.eval(a, x, NDArray.zeros(DType.FLOAT64, 0, 2)));
    assertTrue(
        e.getMessage()
            .startsWith(
                "argmax{axis=0}: attempt to get argmax of an empty sequence (input shape [0,2])"),
        e.getMessage());
  }

  @Test
  void rejectsNegativeOrOutOfRangeAxes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ArgReduce(true, -1, false));
    assertEquals("ArgReduce needs a normalized axis, got -1", e.getMessage());
    HypatiaException h =
        assertThrows(
            HypatiaException.class, () -> new ArgReduce(true, 2, false).apply(T.dmatrix("m")));
    assertTrue(
        h.getMessage().startsWith("argmax{axis=2}: axis 2 is out of bounds for a tensor of rank 2"),
        h.getMessage());
    HypatiaException n =
        assertThrows(HypatiaException.class, () -> new ArgReduce(true, 0, false).makeNode());
    assertTrue(n.getMessage().startsWith("argmax{axis=0}: takes 1 input, got 0"), n.getMessage());
  }
}
