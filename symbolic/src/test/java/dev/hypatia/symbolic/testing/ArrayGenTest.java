package dev.hypatia.symbolic.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArrayGenTest {
  @Test
  void arrays_haveTheDTypeAndShapeOfTheirGenerators() {
    for (DType d : DType.values()) {
      Property.forAll(ArrayGen.arrays(d, Shapes.shapes(0, 3, 0, 3)))
          .tries(30)
          .check(
              a -> {
                assertEquals(d, a.dtype());
                assertTrue(a.ndim() <= 3);
              });
      assertArrayEquals(
          new int[] {2, 3}, ArrayGen.arrays(d, 2, 3).generate(Source.random(1)).shape());
      assertEquals(d, ArrayGen.arrays(d, 1).dtype());
    }
  }

  @Test
  void range_boundsElements() {
    Property.forAll(ArrayGen.arrays(DType.FLOAT32, 20).range(-0.5, 2))
        .tries(30)
        .check(a -> assertAllWithin(a, -0.5, 2));
    Property.forAll(ArrayGen.arrays(DType.INT8, 20).range(-1000, 3.5))
        .tries(30)
        .check(a -> assertAllWithin(a, -128, 3));
  }

  private static void assertAllWithin(NDArray a, double lo, double hi) {
    for (double v : a.toDoubleArray()) {
      assertTrue(v >= lo && v <= hi, v + " outside " + lo + ".." + hi);
    }
  }

  @Test
  void range_rejectsRangesWithoutValues() {
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> ArrayGen.arrays(DType.INT32, 2).range(0.2, 0.8));
    assertEquals("no int32 value lies in [0.2, 0.8]", e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> ArrayGen.arrays(DType.FLOAT64, 2).range(1, 0));
  }

  @Test
  void defaults_giveNoSpecialValues() {
    Property.forAll(ArrayGen.arrays(DType.FLOAT64, 50))
        .tries(20)
        .check(a -> assertAllWithin(a, -10, 10));
  }

  @Test
  void withSpecialValues_mixesInEverySpecialOfFloats() {
    Set<Double> seen = new HashSet<>();
    Property.forAll(ArrayGen.arrays(DType.FLOAT32, 100).withSpecialValues())
        .tries(20)
        .check(
            a -> {
              for (double v : a.toDoubleArray()) {
                if (!(v >= -10 && v <= 10) || (v == 0 && 1 / v < 0) || v == Float.MIN_VALUE) {
                  seen.add(v);
                }
              }
            });
    Set<Double> expected = new HashSet<>();
    for (double v : ArrayGen.floatSpecials(DType.FLOAT32)) {
      expected.add(v);
    }
    assertEquals(expected, seen);
  }

  @Test
  void withSpecialValues_givesIntegerExtremes() {
    Set<Long> seen = new HashSet<>();
    Property.forAll(ArrayGen.arrays(DType.INT64, 100).withSpecialValues())
        .tries(10)
        .check(
            a -> {
              for (long v : a.toLongArray()) {
                if (v < -10 || v > 10) {
                  seen.add(v);
                }
              }
            });
    assertEquals(Set.of(Long.MIN_VALUE, Long.MAX_VALUE), seen);
    assertArrayEquals(new long[] {-128, 127}, ArrayGen.integerSpecials(DType.INT8));
    assertArrayEquals(
        new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE}, ArrayGen.integerSpecials(DType.INT32));
    assertEquals(0, ArrayGen.integerSpecials(DType.BOOL).length);
  }

  @Test
  void bools_takeBothValues() {
    Set<Boolean> seen = new HashSet<>();
    Property.forAll(ArrayGen.arrays(DType.BOOL, 10).withSpecialValues())
        .tries(10)
        .check(
            a -> {
              for (long v : a.toLongArray()) {
                seen.add(v != 0);
              }
            });
    assertEquals(Set.of(true, false), seen);
  }

  @Test
  void arrays_shrinkToZeros() {
    NDArray a = ArrayGen.arrays(DType.FLOAT64, 2, 2).range(-3, 3).generate(Source.replay());
    assertArrayEquals(new double[4], a.toDoubleArray());
  }
}
