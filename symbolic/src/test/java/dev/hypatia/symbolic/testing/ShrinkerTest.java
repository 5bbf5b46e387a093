package dev.hypatia.symbolic.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShrinkerTest {
  @Test
  void smaller_isShortlex() {
    assertTrue(Shrinker.smaller(new long[] {9}, new long[] {0, 0}));
    assertTrue(Shrinker.smaller(new long[] {1, 2}, new long[] {1, 3}));
    assertFalse(Shrinker.smaller(new long[] {1, 3}, new long[] {1, 3}));
    assertFalse(Shrinker.smaller(new long[] {0, 0}, new long[] {9}));
  }

  @Test
  void shrink_findsTheBoundaryOfAMonotoneProperty() {
    Gen<Long> gen = Gen.longs(0, 1L << 40);
    Property.Check<Long> body =
        v -> {
          if (v >= 123_456_789L) {
            throw new AssertionError();
          }
        };
    Outcome<Long> start = Outcome.run(gen, body, Source.replay(1L << 39), true);
    Shrinker<Long> s = new Shrinker<>(gen, body, 1000, start);
    Outcome<Long> best = s.shrink();
    assertEquals(123_456_789L, best.value());
    assertTrue(s.runs() <= 1000 && s.steps() > 0);
  }

  @Test
  void shrink_stopsAtTheRunBudget() {
    Gen<List<Integer>> gen = Gen.ints(0, 1000).list(0, 50);
    Property.Check<List<Integer>> body =
        l -> {
          if (l.size() > 3) {
            throw new AssertionError();
          }
        };
    Outcome<List<Integer>> start = Outcome.run(gen, body, Source.random(3), true);
    int tries = 0;
    long seed = 3;
    while (start.kind() != Outcome.Kind.FAILED && tries++ < 100) {
      start = Outcome.run(gen, body, Source.random(++seed), true);
    }
    Shrinker<List<Integer>> s = new Shrinker<>(gen, body, 5, start);
    s.shrink();
    assertEquals(5, s.runs());
  }

  @Test
  void shrink_skipsEditsTheGeneratorCannotUse() {
    Gen<Integer> gen = Gen.ints(0, 100).filter(v -> v > 50);
    Property.Check<Integer> body =
        v -> {
          throw new AssertionError();
        };
    Outcome<Integer> start = Outcome.run(gen, body, Source.replay(90), true);
    Outcome<Integer> best = new Shrinker<>(gen, body, 1000, start).shrink();
    assertEquals(51, best.value());
    assertArrayEquals(new long[] {51}, best.choices());
  }

  @Test
  void stripped_dropsTrailingZeroChoices() {
    Outcome<String> o = new Outcome<>(Outcome.Kind.FAILED, new long[] {0, 3, 0, 0}, "v", null);
    assertArrayEquals(new long[] {0, 3}, Shrinker.stripped(o).choices());
    Outcome<String> none = new Outcome<>(Outcome.Kind.FAILED, new long[] {1}, "v", null);
    assertSame(none, Shrinker.stripped(none));
  }

  @Test
  void shrink_lowersALengthWhileDeletingTheElementItNoLongerDraws() {
    // A length, then that many digits; it fails when the last digit is 5 or more.
    Gen<int[]> digits =
        s -> {
          int[] out = new int[s.drawInt(4)];
          for (int i = 0; i < out.length; i++) {
            out[i] = s.drawInt(10);
          }
          return out;
        };
    Property.Check<int[]> body =
        d -> {
          if (d.length > 0 && d[d.length - 1] >= 5) {
            throw new AssertionError();
          }
        };
    Outcome<int[]> start = Outcome.run(digits, body, Source.replay(2, 0, 7), true);
    Outcome<int[]> best = new Shrinker<>(digits, body, 1000, start).shrink();
    assertArrayEquals(new int[] {5}, best.value());
  }
}
