package dev.hypatia.symbolic.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SourceTest {
  private static long[] draws(Source s, int n, long bound) {
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = s.draw(bound);
    }
    return out;
  }

  @Test
  void random_sameSeedGivesSameChoices() {
    long[] a = draws(Source.random(42), 50, 1000);
    assertArrayEquals(a, draws(Source.random(42), 50, 1000));
    assertFalse(Arrays.equals(a, draws(Source.random(43), 50, 1000)));
    assertTrue(Arrays.stream(a).allMatch(v -> v >= 0 && v < 1000));
  }

  @Test
  void random_recordsItsChoices() {
    Source s = Source.random(1);
    long[] a = draws(s, 10, 7);
    assertArrayEquals(a, s.choices());
    assertEquals(10, s.size());
  }

  @Test
  void replay_clampsToTheBoundAndGivesZeroPastTheEnd() {
    Source s = Source.replay(5, 100, -3);
    assertEquals(5, s.draw(10));
    assertEquals(9, s.draw(10));
    assertEquals(0, s.draw(10));
    assertEquals(0, s.draw(10));
    assertArrayEquals(new long[] {5, 9, 0, 0}, s.choices());
  }

  @Test
  void drawIntAndDrawFlag_readChoices() {
    Source s = Source.replay(3, 0, 2);
    assertEquals(3, s.drawInt(4));
    assertFalse(s.drawFlag(4));
    assertTrue(s.drawFlag(4));
  }

  @Test
  void draw_rejectsEmptyBounds() {
    var e = assertThrows(IllegalArgumentException.class, () -> Source.random(1).draw(0));
    assertEquals("a choice needs a bound >= 1, not 0", e.getMessage());
  }

  @Test
  void draw_stopsRunawayGenerators() {
    Source s = Source.replay();
    for (int i = 0; i < Source.MAX_CHOICES; i++) {
      s.draw(2);
    }
    var e = assertThrows(IllegalStateException.class, () -> s.draw(2));
    assertEquals("a generator took more than 1048576 choices", e.getMessage());
  }
}
