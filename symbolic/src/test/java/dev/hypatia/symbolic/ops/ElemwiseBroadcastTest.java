package dev.hypatia.symbolic.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.scalar.BinaryFn;
import dev.hypatia.symbolic.testing.ArrayGen;
import dev.hypatia.symbolic.testing.Gen;
import dev.hypatia.symbolic.testing.Property;
import dev.hypatia.symbolic.testing.Shapes;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Elementwise binary arithmetic over shapes that broadcast, against a plain loop that indexes each
 * input by the rules of numpy's broadcasting and computes with Java's operators.
 */
class ElemwiseBroadcastTest {
  /** A function with its Java reference on doubles and on longs (null where not used). */
  private record Fn(BinaryFn fn, DoubleBinaryOperator onDouble, LongBinaryOperator onLong) {}

  private static final List<Fn> FLOAT_FNS =
      List.of(
          new Fn(BinaryFn.ADD, (a, b) -> a + b, null),
          new Fn(BinaryFn.SUB, (a, b) -> a - b, null),
          new Fn(BinaryFn.MUL, (a, b) -> a * b, null),
          new Fn(BinaryFn.TRUE_DIV, (a, b) -> a / b, null),
          new Fn(BinaryFn.MAXIMUM, Math::max, null),
          new Fn(BinaryFn.MINIMUM, Math::min, null));

  private static final List<Fn> INT_FNS =
      List.of(
          new Fn(BinaryFn.ADD, null, (a, b) -> (int) (a + b)),
          new Fn(BinaryFn.SUB, null, (a, b) -> (int) (a - b)),
          new Fn(BinaryFn.MUL, null, (a, b) -> (int) (a * b)));

  /** Two arrays of {@code dtype} whose shapes broadcast together. */
  private static Gen<List<NDArray>> operands(DType dtype) {
    Gen<List<int[]>> shapes = Shapes.broadcastable(2, 0, 4, 0, 4);
    return s -> {
      List<int[]> sh = shapes.generate(s);
      return List.of(
          ArrayGen.arrays(dtype, sh.get(0)).range(-100, 100).generate(s),
          ArrayGen.arrays(dtype, sh.get(1)).range(-100, 100).generate(s));
    };
  }

  @Test
  void float64Arithmetic_broadcastsAsAPlainLoop() {
    Gen<Object[]> cases = Gen.zip(Gen.choose(FLOAT_FNS), operands(DType.FLOAT64), this::pair);
    Property.forAll(cases).tries(200).check(c -> checkAgainstLoop((Fn) c[0], (List<?>) c[1]));
  }

  @Test
  void int32Arithmetic_broadcastsAndWrapsAsAPlainLoop() {
    Gen<Object[]> cases = Gen.zip(Gen.choose(INT_FNS), operands(DType.INT32), this::pair);
    Property.forAll(cases).tries(100).check(c -> checkAgainstLoop((Fn) c[0], (List<?>) c[1]));
  }

  private Object[] pair(Fn fn, List<NDArray> in) {
    return new Object[] {fn, in};
  }

  private static void checkAgainstLoop(Fn f, List<?> in) {
    NDArray a = (NDArray) in.get(0);
    NDArray b = (NDArray) in.get(1);
    Variable x = T.tensor(a.dtype(), "a", unknown(a.ndim()));
    Variable y = T.tensor(b.dtype(), "b", unknown(b.ndim()));
    NDArray got = Elementwise.binary(f.fn(), x, y).eval(Map.of(x, a, y, b));
    int[] shape = broadcastShape(a.shape(), b.shape());
    assertArrayEquals(shape, got.shape());
    int[] index = new int[shape.length];
    for (int flat = 0; flat < NDArray.sizeOf(shape); flat++) {
      unravel(flat, shape, index);
      int[] ia = inputIndex(index, a.shape());
      int[] ib = inputIndex(index, b.shape());
      if (a.dtype().isFloat()) {
        double want = f.onDouble().applyAsDouble(a.getDouble(ia), b.getDouble(ib));
        assertEquals(want, got.getDouble(index), 0.0, f.fn() + " at flat " + flat);
      } else {
        long want = f.onLong().applyAsLong(a.getLong(ia), b.getLong(ib));
        assertEquals(want, got.getLong(index), f.fn() + " at flat " + flat);
      }
    }
  }

  private static int[] unknown(int rank) {
    int[] s = new int[rank];
    java.util.Arrays.fill(s, -1);
    return s;
  }

  /** numpy's broadcast shape of two compatible shapes: right-aligned, 1 stretching. */
  private static int[] broadcastShape(int[] p, int[] q) {
    int n = Math.max(p.length, q.length);
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      int dp = i - (n - p.length) >= 0 ? p[i - (n - p.length)] : 1;
      int dq = i - (n - q.length) >= 0 ? q[i - (n - q.length)] : 1;
      out[i] = dp == 1 ? dq : dp;
    }
    return out;
  }

  private static void unravel(int flat, int[] shape, int[] index) {
    for (int i = shape.length - 1; i >= 0; i--) {
      index[i] = flat % shape[i];
      flat /= shape[i];
    }
  }

  /** The index into an input of {@code shape} that output {@code index} reads. */
  private static int[] inputIndex(int[] index, int[] shape) {
    int skip = index.length - shape.length;
    int[] out = new int[shape.length];
    for (int i = 0; i < shape.length; i++) {
      out[i] = shape[i] == 1 ? 0 : index[skip + i];
    }
    return out;
  }
}
