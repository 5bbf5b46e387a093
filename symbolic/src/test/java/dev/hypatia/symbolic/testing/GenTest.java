package dev.hypatia.symbolic.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GenTest {
  @Test
  void ints_stayInRangeAndCoverIt() {
    Set<Integer> seen = new HashSet<>();
    Property.forAll(Gen.ints(-3, 4))
        .tries(300)
        .check(
            v -> {
              assertTrue(v >= -3 && v <= 4, "" + v);
              seen.add(v);
            });
    assertEquals(8, seen.size());
  }

  @Test
  void ints_shrinkTowardTheValueNearestZero() {
    assertEquals(0, Gen.ints(-3, 4).generate(Source.replay()));
    assertEquals(5, Gen.ints(5, 9).generate(Source.replay()));
    assertEquals(-5, Gen.ints(-9, -5).generate(Source.replay()));
  }

  @Test
  void longs_rejectEmptyAndHugeRanges() {
    var e = assertThrows(IllegalArgumentException.class, () -> Gen.longs(2, 1));
    assertEquals("empty range [2, 1]", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Gen.longs(-1, Long.MAX_VALUE));
    assertEquals("range [-1, 9223372036854775807] holds 2^63 values or more", e.getMessage());
  }

  @Test
  void doubles_stayInRangeAndShrinkToZero() {
    Property.forAll(Gen.doubles(-2.5, 7.25)).tries(300).checkThat(v -> v >= -2.5 && v <= 7.25);
    assertEquals(0.0, Gen.doubles(-2.5, 7.25).generate(Source.replay()));
    assertEquals(1.5, Gen.doubles(1.5, 2).generate(Source.replay()));
    assertEquals(-1.5, Gen.doubles(-2, -1.5).generate(Source.replay()));
  }

  @Test
  void doubles_rejectInvalidRanges() {
    var e = assertThrows(IllegalArgumentException.class, () -> Gen.doubles(1, 0));
    assertEquals("doubles need finite lo <= hi, not 1.0, 0.0", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Gen.doubles(0, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> Gen.doubles(0, Double.POSITIVE_INFINITY));
  }

  @Test
  void mapFlatMapAndZip_compose() {
    Gen<String> g =
        Gen.zip(Gen.ints(1, 3), Gen.booleans(), (n, b) -> n + ":" + b).map(String::toUpperCase);
    Property.forAll(g).tries(50).checkThat(s -> s.matches("[123]:(TRUE|FALSE)"));
    Gen<List<Integer>> dependent = Gen.ints(0, 4).flatMap(n -> Gen.ints(0, 9).list(n, n));
    Property.forAll(dependent).tries(50).checkThat(l -> l.size() <= 4);
  }

  @Test
  void filter_keepsOnlyAcceptedValues() {
    Property.forAll(Gen.ints(0, 100).filter(v -> v % 3 == 0)).tries(100).checkThat(v -> v % 3 == 0);
  }

  @Test
  void filter_failsWhenItRejectsEverything() {
    Gen<Integer> none = Gen.ints(0, 9).filter(v -> v > 100);
    var e = assertThrows(IllegalStateException.class, () -> none.generate(Source.random(1)));
    assertEquals(
        "filter rejected 100 values in a row: generate them directly instead", e.getMessage());
  }

  @Test
  void chooseAndOneOf_pickEveryOptionAndShrinkToTheFirst() {
    Set<String> seen = new HashSet<>();
    Property.forAll(Gen.choose("a", "b", "c")).tries(100).check(seen::add);
    assertEquals(Set.of("a", "b", "c"), seen);
    assertEquals("a", Gen.choose("a", "b").generate(Source.replay()));
    Gen<Object> either = Gen.oneOf(Gen.constant("s"), Gen.ints(5, 6));
    assertEquals("s", either.generate(Source.replay()));
    assertEquals(5, either.generate(Source.replay(1)));
    var e = assertThrows(IllegalArgumentException.class, () -> Gen.choose(List.of()));
    assertEquals("choose needs at least one option", e.getMessage());
  }

  @Test
  void listOf_respectsSizeBoundsAndVaries() {
    Set<Integer> sizes = new HashSet<>();
    Property.forAll(Gen.listOf(Gen.booleans(), 2, 5))
        .tries(200)
        .check(
            l -> {
              assertTrue(l.size() >= 2 && l.size() <= 5, "" + l.size());
              sizes.add(l.size());
            });
    assertEquals(Set.of(2, 3, 4, 5), sizes);
    assertEquals(List.of(false, false), Gen.listOf(Gen.booleans(), 2, 5).generate(Source.replay()));
    var e = assertThrows(IllegalArgumentException.class, () -> Gen.listOf(Gen.booleans(), 3, 2));
    assertEquals("list sizes need 0 <= minSize <= maxSize, not 3, 2", e.getMessage());
  }

  @Test
  void generate_isDeterministicForASeed() {
    Gen<List<Double>> g = Gen.doubles(-1, 1).list(0, 10);
    assertEquals(g.generate(Source.random(5)), g.generate(Source.random(5)));
  }
}
