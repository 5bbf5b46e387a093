package dev.hypatia.symbolic.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hypatia.symbolic.NDArray;
import java.util.List;
import org.junit.jupiter.api.Test;

class DescribeTest {
  @Test
  void of_showsContentsOfArraysListsAndNDArrays() {
    assertEquals("float64[2] [1. 2.]", Describe.of(NDArray.of(1.0, 2.0)));
    assertEquals("[1, 2]", Describe.of(new int[] {1, 2}));
    assertEquals("[1, 2]", Describe.of(new long[] {1, 2}));
    assertEquals("[0.5]", Describe.of(new double[] {0.5}));
    assertEquals("[0.5]", Describe.of(new float[] {0.5f}));
    assertEquals("[true]", Describe.of(new boolean[] {true}));
    assertEquals("[7]", Describe.of(new byte[] {7}));
    assertEquals("[[1], a]", Describe.of(new Object[] {new int[] {1}, "a"}));
    assertEquals("[[3, 4], null]", Describe.of(java.util.Arrays.asList(new int[] {3, 4}, null)));
    assertEquals("[]", Describe.of(List.of()));
    assertEquals("x", Describe.of("x"));
  }
}
