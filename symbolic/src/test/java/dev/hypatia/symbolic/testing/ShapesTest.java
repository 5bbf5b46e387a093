package dev.hypatia.symbolic.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.Axes;
import dev.hypatia.symbolic.Broadcast;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShapesTest {
  @Test
  void shapes_stayWithinRankAndDimensionBounds() {
    Set<Integer> ranks = new HashSet<>();
    Property.forAll(Shapes.shapes(1, 3, 2, 4))
        .tries(200)
        .check(
            s -> {
              ranks.add(s.length);
              assertTrue(s.length >= 1 && s.length <= 3, Arrays.toString(s));
              assertTrue(Arrays.stream(s).allMatch(d -> d >= 2 && d <= 4), Arrays.toString(s));
            });
    assertEquals(Set.of(1, 2, 3), ranks);
  }

  @Test
  void shapes_ofFixedRankShrinkToMinimalDimensions() {
    assertArrayEquals(new int[] {1, 1}, Shapes.shapes(2, 1, 5).generate(Source.replay()));
  }

  @Test
  void broadcastable_shapesReallyBroadcast() {
    Property.forAll(Shapes.broadcastable(3, 0, 4, 0, 4))
        .tries(300)
        .check(
            shapes -> {
              assertEquals(3, shapes.size());
              int[] out = Broadcast.shape(shapes.toArray(new int[0][]));
              for (int[] s : shapes) {
                assertTrue(s.length <= out.length);
                for (int i = 0; i < s.length; i++) {
                  int o = out[out.length - s.length + i];
                  assertTrue(s[i] == o || s[i] == 1, Describe.of(shapes));
                }
              }
            });
  }

  @Test
  void broadcastable_producesStretchedAndDroppedDimensions() {
    boolean[] seen = new boolean[2];
    Property.forAll(Shapes.broadcastable(2, 2, 2, 3, 3))
        .tries(100)
        .check(
            l -> {
              for (int[] s : l) {
                seen[0] |= s.length < 2;
                seen[1] |= Arrays.stream(s).anyMatch(d -> d == 1);
              }
            });
    assertTrue(seen[0] && seen[1]);
  }

  @Test
  void broadcastable_rejectsZeroCount() {
    var e = assertThrows(IllegalArgumentException.class, () -> Shapes.broadcastable(0, 0, 1, 0, 1));
    assertEquals("broadcastable needs count >= 1, not 0", e.getMessage());
  }

  @Test
  void axes_areDistinctInRangeAndSometimesNegative() {
    boolean[] negative = {false};
    Property.forAll(Gen.ints(0, 5).flatMap(r -> Shapes.axes(r).map(a -> List.of(r, a))))
        .tries(200)
        .check(
            pair -> {
              int rank = (Integer) pair.get(0);
              int[] axes = (int[]) pair.get(1);
              negative[0] |= Arrays.stream(axes).anyMatch(a -> a < 0);
              assertEquals(axes.length, Axes.of(rank, axes).size(), Describe.of(pair));
            });
    assertTrue(negative[0]);
  }

  @Test
  void axes_respectCountBoundsAndShrinkToNone() {
    Property.forAll(Shapes.axes(4, 2, 3)).tries(50).checkThat(a -> a.length >= 2 && a.length <= 3);
    assertArrayEquals(new int[0], Shapes.axes(3).generate(Source.replay()));
  }

  @Test
  void axes_rejectsMoreAxesThanTheRank() {
    var e = assertThrows(IllegalArgumentException.class, () -> Shapes.axes(2, 0, 3));
    assertEquals("a tensor of rank 2 has no 3 distinct axes", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Shapes.shapes(2, 1, 0, 3));
    assertEquals("rank bounds need 0 <= min <= max, not 2, 1", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Shapes.shapes(0, 1, -1, 3));
    assertEquals("dimension bounds need 0 <= min <= max, not -1, 3", e.getMessage());
  }

  @Test
  void permutations_arePermutationsAndShrinkToTheIdentity() {
    Property.forAll(Shapes.permutations(4))
        .tries(100)
        .check(
            p -> assertArrayEquals(new int[] {0, 1, 2, 3}, p.clone().length == 4 ? sorted(p) : p));
    assertArrayEquals(new int[] {0, 1, 2}, Shapes.permutations(3).generate(Source.replay()));
  }

  private static int[] sorted(int[] p) {
    int[] c = p.clone();
    Arrays.sort(c);
    return c;
  }
}
