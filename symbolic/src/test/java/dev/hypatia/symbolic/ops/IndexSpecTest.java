package dev.hypatia.symbolic.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.SliceMath;
import dev.hypatia.symbolic.TensorType;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IndexSpecTest {
  private static final int U = TensorType.UNKNOWN;

  private static IndexSpec.Fixed f(int v) {
    return new IndexSpec.Fixed(v);
  }

  private static final IndexSpec SPEC =
      new IndexSpec(
          List.of(
              new IndexSpec.Point(new IndexSpec.Symbolic(0)),
              new IndexSpec.NewAxis(),
              new IndexSpec.Range(f(1), null, f(-2)),
              new IndexSpec.Range(null, new IndexSpec.Symbolic(1), null)));

  @Test
  void valueSemanticsAndText() {
    List<IndexSpec.Entry> copy = new ArrayList<>(SPEC.entries());
    assertEquals(SPEC, new IndexSpec(copy));
    assertEquals(SPEC.hashCode(), new IndexSpec(copy).hashCode());
    assertNotEquals(SPEC, new IndexSpec(copy.subList(0, 3)));
    assertEquals("$0, None, 1::-2, :$1", SPEC.toString());
    assertEquals(3, SPEC.consumedAxes());
    assertEquals(2, SPEC.symbolicInputs());
  }

  @Test
  void range_storesUnitStepAsNull() {
    assertEquals(new IndexSpec.Range(f(1), null, null), new IndexSpec.Range(f(1), null, f(1)));
  }

  @Test
  void staticShape_knownOnlyWhereBoundsAndDimsAre() {
    assertArrayEquals(
        new int[] {1, SliceMath.resolve(1, null, -2, 6)[1], U, 7},
        SPEC.staticShape(TensorType.of(DType.FLOAT64, 2, 6, 4, 7)));
    assertArrayEquals(new int[] {1, U, U}, SPEC.staticShape(TensorType.of(DType.FLOAT64, U, U, 4)));
  }

  @Test
  void staticShape_agreesWithSliceMathOnRandomSlices() {
    SplittableRandom rng = new SplittableRandom(5);
    for (int t = 0; t < 200; t++) {
      int n = rng.nextInt(0, 7);
      Integer start = rng.nextBoolean() ? null : rng.nextInt(-9, 9);
      Integer stop = rng.nextBoolean() ? null : rng.nextInt(-9, 9);
      int step = rng.nextBoolean() ? rng.nextInt(1, 4) : -rng.nextInt(1, 4);
      IndexSpec s =
          new IndexSpec(
              List.of(
                  new IndexSpec.Range(
                      start == null ? null : f(start), stop == null ? null : f(stop), f(step))));
      int[] got = s.staticShape(TensorType.of(DType.INT32, n));
      NDArray v = s.view(NDArray.zeros(DType.INT32, n), List.of());
      assertArrayEquals(new int[] {SliceMath.resolve(start, stop, step, n)[1]}, got);
      assertArrayEquals(got, v.shape());
    }
  }

  @Test
  void view_rejectsIndicesBeyondInt() {
    IndexSpec s = new IndexSpec(List.of(new IndexSpec.Point(new IndexSpec.Symbolic(0))));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                s.view(
                    NDArray.zeros(DType.FLOAT64, 3),
                    List.of(NDArray.scalarLong(DType.INT64, 1L << 40))));
    assertEquals("index 1099511627776 does not fit in an int", e.getMessage());
  }
}
