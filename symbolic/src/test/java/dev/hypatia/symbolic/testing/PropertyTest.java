package dev.hypatia.symbolic.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PropertyTest {
  private static final Gen<NDArray> ARRAYS =
      ArrayGen.arrays(DType.FLOAT64, Shapes.shapes(0, 3, 0, 5));

  @AfterEach
  void clearOverrides() {
    System.clearProperty(Property.SEED_PROPERTY);
    System.clearProperty(Property.TRIES_PROPERTY);
  }

  private static PropertyFailure failureOf(Runnable r) {
    return assertThrows(PropertyFailure.class, r::run);
  }

  @Test
  void check_reportsSeedTryAndInputsAndShrinksToTheMinimalArray() {
    PropertyFailure f =
        failureOf(
            () ->
                Property.forAll(ARRAYS)
                    .seed(123)
                    .check(a -> assertTrue(a.size() < 3, "size " + a.size())));
    NDArray shrunk = (NDArray) f.shrunkInput();
    assertArrayEquals(new int[] {3}, shrunk.shape());
    assertArrayEquals(new double[3], shrunk.toDoubleArray());
    NDArray original = (NDArray) f.originalInput();
    assertTrue(original.size() >= 3);
    assertEquals(123, f.seed());
    String m = f.getMessage();
    assertTrue(m.startsWith("property failed at try " + f.tryNumber() + ", seed 123"), m);
    assertTrue(m.contains("(replay with -Dhypatia.seed=123)"), m);
    assertTrue(m.contains("original input: " + Describe.of(original)), m);
    assertTrue(m.contains("shrunk input:   float64[3] [0. 0. 0.] (after "), m);
    assertTrue(m.contains("failure: org.opentest4j.AssertionFailedError: size 3"), m);
    assertTrue(f.shrinkSteps() > 0);
  }

  @Test
  void check_shrinksASpecialValueFailureToOneScalar() {
    Gen<NDArray> arrays =
        ArrayGen.arrays(DType.FLOAT64, Shapes.shapes(0, 3, 0, 5)).withSpecialValues();
    PropertyFailure f =
        failureOf(
            () ->
                Property.forAll(arrays)
                    .seed(3)
                    .checkThat(
                        a ->
                            java.util.Arrays.stream(a.toDoubleArray()).allMatch(Double::isFinite)));
    assertEquals("float64[] nan", Describe.of(f.shrunkInput()));
  }

  @Test
  void check_causeIsTheShrunkFailureAndTheOriginalIsSuppressed() {
    PropertyFailure f =
        failureOf(
            () ->
                Property.forAll(Gen.ints(0, 1_000_000))
                    .check(
                        v -> {
                          if (v >= 1000) {
                            throw new IllegalStateException("too big: " + v);
                          }
                        }));
    assertEquals(1000, f.shrunkInput());
    assertEquals("too big: 1000", f.getCause().getMessage());
    assertEquals(1, f.getSuppressed().length);
    assertEquals("too big: " + f.originalInput(), f.getSuppressed()[0].getMessage());
  }

  @Test
  void check_shrinksDoublesToWholeNumbers() {
    PropertyFailure f =
        failureOf(() -> Property.forAll(Gen.doubles(-10, 10)).checkThat(x -> x < 0.5));
    assertEquals(1.0, f.shrunkInput());
    assertTrue(f.getMessage().contains("failure: java.lang.AssertionError: predicate is false"));
  }

  @Test
  void check_shrinksListsToFewerElements() {
    Gen<List<Integer>> lists = Gen.ints(0, 100).list(0, 20);
    PropertyFailure f =
        failureOf(
            () ->
                Property.forAll(lists)
                    .checkThat(l -> l.stream().mapToInt(Integer::intValue).sum() < 10));
    assertEquals(List.of(10), f.shrunkInput());
    assertTrue(f.getMessage().contains("shrunk input:   [10] (after"), f.getMessage());
  }

  @Test
  void check_withoutShrinkingReportsTheOriginalInput() {
    PropertyFailure f =
        failureOf(() -> Property.forAll(Gen.ints(0, 1000)).shrinkLimit(0).checkThat(v -> v < 100));
    assertEquals(f.originalInput(), f.shrunkInput());
    assertEquals(0, f.shrinkSteps());
    assertEquals(0, f.getSuppressed().length);
  }

  @Test
  void check_inputsInTheReportAreRegeneratedUnmodified() {
    PropertyFailure f =
        failureOf(
            () ->
                Property.forAll(ArrayGen.arrays(DType.INT64, 2).range(1, 5))
                    .check(
                        a -> {
                          a.setFlatLong(0, -1);
                          throw new AssertionError("fails");
                        }));
    assertArrayEquals(new long[] {1, 1}, ((NDArray) f.shrunkInput()).toLongArray());
  }

  @Test
  void check_sameSeedGivesSameValues() {
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();
    Property.forAll(ARRAYS).seed(7).tries(20).check(a -> first.add(Describe.of(a)));
    Property.forAll(ARRAYS).seed(7).tries(20).check(a -> second.add(Describe.of(a)));
    assertEquals(20, first.size());
    assertEquals(first, second);
    List<String> other = new ArrayList<>();
    Property.forAll(ARRAYS).seed(8).tries(20).check(a -> other.add(Describe.of(a)));
    assertTrue(!first.equals(other));
  }

  @Test
  void check_replaysTheReportedFailureFromTheSeedProperty() {
    PropertyFailure f =
        failureOf(() -> Property.forAll(ARRAYS).seed(99).checkThat(a -> a.size() < 20));
    System.setProperty(Property.SEED_PROPERTY, Long.toString(f.seed()));
    PropertyFailure again =
        failureOf(() -> Property.forAll(ARRAYS).seed(5).checkThat(a -> a.size() < 20));
    assertEquals(f.getMessage(), again.getMessage());
    assertEquals(f.tryNumber(), again.tryNumber());
  }

  @Test
  void check_triesPropertyOverridesTries() {
    int[] count = {0};
    Property.forAll(Gen.ints(0, 9)).tries(5).check(v -> count[0]++);
    assertEquals(5, count[0]);
    System.setProperty(Property.TRIES_PROPERTY, "17");
    count[0] = 0;
    Property.forAll(Gen.ints(0, 9)).tries(5).check(v -> count[0]++);
    assertEquals(17, count[0]);
  }

  @Test
  void check_randomSeedPropertyIsReported() {
    System.setProperty(Property.SEED_PROPERTY, "random");
    PropertyFailure f = failureOf(() -> Property.forAll(Gen.ints(0, 9)).checkThat(v -> v < 5));
    assertTrue(f.getMessage().contains("seed " + f.seed() + " "), f.getMessage());
    assertEquals(5, f.shrunkInput());
  }

  @Test
  void check_rejectsMalformedOverrides() {
    System.setProperty(Property.SEED_PROPERTY, "abc");
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> Property.forAll(Gen.ints(0, 9)).check(v -> {}));
    assertEquals("-Dhypatia.seed must be a long or 'random', not 'abc'", e.getMessage());
    System.clearProperty(Property.SEED_PROPERTY);
    System.setProperty(Property.TRIES_PROPERTY, "0");
    e =
        assertThrows(
            IllegalArgumentException.class, () -> Property.forAll(Gen.ints(0, 9)).check(v -> {}));
    assertEquals("-Dhypatia.tries must be a positive int, not '0'", e.getMessage());
  }

  @Test
  void settings_rejectInvalidValues() {
    Property<Integer> p = Property.forAll(Gen.ints(0, 9));
    var e = assertThrows(IllegalArgumentException.class, () -> p.tries(0));
    assertEquals("a property needs at least 1 try, not 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> p.shrinkLimit(-1));
    assertEquals("the shrink limit cannot be negative: -1", e.getMessage());
  }

  @Test
  void assume_discardsValuesWithoutCountingThem() {
    List<Integer> seen = new ArrayList<>();
    Property.forAll(Gen.ints(0, 9))
        .tries(30)
        .check(
            v -> {
              Property.assume(v % 2 == 0);
              seen.add(v);
            });
    assertEquals(30, seen.size());
    assertTrue(seen.stream().allMatch(v -> v % 2 == 0));
  }

  @Test
  void assume_givesUpWhenNearlyEverythingIsDiscarded() {
    var e =
        assertThrows(
            AssertionError.class,
            () ->
                Property.forAll(Gen.ints(0, 9))
                    .tries(3)
                    .seed(1)
                    .check(v -> Property.assume(false)));
    assertEquals("gave up after 31 discarded values (seed 1)", e.getMessage());
  }

  @Test
  void check_reportsGeneratorFailuresWithTheSeed() {
    Gen<Integer> bad = Gen.ints(0, 9).filter(v -> false);
    var e =
        assertThrows(
            IllegalStateException.class, () -> Property.forAll(bad).seed(4).check(v -> {}));
    assertEquals(
        "the generator failed at try 1, seed 4: filter rejected 100 values in a row:"
            + " generate them directly instead",
        e.getMessage());
  }

  @Test
  void check_rethrowsErrorsOfTheJvm() {
    StackOverflowError boom = new StackOverflowError();
    var e =
        assertThrows(
            StackOverflowError.class,
            () ->
                Property.forAll(Gen.ints(0, 9))
                    .check(
                        v -> {
                          throw boom;
                        }));
    assertSame(boom, e);
  }

  @Test
  void trySeed_differsBetweenTries() {
    assertNotSame(Property.trySeed(1, 0), Property.trySeed(1, 1));
    assertTrue(Property.trySeed(1, 0) != Property.trySeed(1, 1));
    assertTrue(Property.trySeed(1, 0) != Property.trySeed(2, 0));
  }
}
