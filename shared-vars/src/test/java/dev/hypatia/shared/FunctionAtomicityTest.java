package dev.hypatia.shared;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A call that fails anywhere leaves every shared variable bit-identical. */
class FunctionAtomicityTest {
  private final SharedVariable w = SharedVariable.shared(new double[] {0.1, -0.0, 3.5}, "w");
  private final SharedVariable n = SharedVariable.shared(NDArray.scalarLong(DType.INT64, 7), "n");
  private final SharedVariable base = SharedVariable.shared(new long[] {2, 3, 4}, "base");

  /** One function: int pow by an input exponent, a sum of two vectors, and three updates. */
  private Function build(Backend backend) {
    Variable a = T.dvector("a");
    Variable b = T.dvector("b");
    Variable e = T.lscalar("e");
    Variable powed = base.pow(e);
    Variable ab = a.add(b);
    return Function.builder()
        .inputs(a, b, e)
        .outputs(powed, ab)
        .update(w, w.mul(2.0).add(ab.sum()))
        .update(n, n.add(1))
        .update(base, powed)
        .backend(backend)
        .build();
  }

  private void assertUntouched(List<NDArray> before) {
    List<SharedVariable> all = List.of(w, n, base);
    for (int i = 0; i < all.size(); i++) {
      assertSame(before.get(i), all.get(i).get(true), all.get(i).label());
    }
    long[] bits = new long[3];
    for (int i = 0; i < 3; i++) {
      bits[i] = Double.doubleToRawLongBits(w.get(true).flatDouble(i));
    }
    assertArrayEquals(
        new long[] {
          Double.doubleToRawLongBits(0.1),
          Double.doubleToRawLongBits(-0.0),
          Double.doubleToRawLongBits(3.5)
        },
        bits);
    assertArrayEquals(new long[] {7}, n.get(true).toLongArray());
    assertArrayEquals(new long[] {2, 3, 4}, base.get(true).toLongArray());
  }

  private void assertFailsAtomically(Function f, Object... values) {
    List<NDArray> before = List.of(w.get(true), n.get(true), base.get(true));
    assertThrows(HypatiaException.class, () -> f.call(values));
    assertUntouched(before);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aBadInput_leavesSharedValuesBitIdentical(Backend backend) {
    Function f = build(backend);
    assertFailsAtomically(f, new double[] {1}, new double[][] {{1}}, 1L);
    assertFailsAtomically(f, new double[] {1}, new double[] {1}, 1.5);
    assertFailsAtomically(f, new double[] {1}, new double[] {1});
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void anOpFailingAtRunTime_leavesSharedValuesBitIdentical(Backend backend) {
    Function f = build(backend);
    HypatiaException e =
        assertThrows(
            HypatiaException.class,
            () ->
                f.call(
                    new double[] {1, 2}, new double[] {3, 4}, NDArray.scalarLong(DType.INT64, -1)));
    assertTrue(e.getMessage().contains("negative"), e.getMessage());
    assertUntouched(List.of(w.get(true), n.get(true), base.get(true)));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aShapeMismatchShownOnlyAtRunTime_leavesSharedValuesBitIdentical(Backend backend) {
    Function f = build(backend);
    assertFailsAtomically(f, new double[] {1, 2}, new double[] {1, 2, 3}, 1L);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aSuccessfulCall_commitsEveryUpdate(Backend backend) {
    Function f = build(backend);
    List<NDArray> out = f.call(new double[] {1, 2}, new double[] {3, 4}, 2L);
    assertArrayEquals(new long[] {4, 9, 16}, out.get(0).toLongArray());
    assertArrayEquals(new double[] {4, 6}, out.get(1).toDoubleArray());
    assertArrayEquals(new double[] {10.2, 10, 17}, w.get().toDoubleArray());
    assertArrayEquals(new long[] {8}, n.get().toLongArray());
    assertArrayEquals(new long[] {4, 9, 16}, base.get().toLongArray());
  }
}
