package dev.hypatia.symbolic.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ValuesTest {
  /** Every (lo, hi) of small ranges: the zigzag order visits each value once, nearest first. */
  @Test
  void zigzag_enumeratesTheRangeOutwardFromTheOrigin() {
    for (int lo = -4; lo <= 4; lo++) {
      for (int hi = lo; hi <= 5; hi++) {
        long origin = Math.min(Math.max(0, lo), hi);
        List<Long> order = new ArrayList<>();
        for (long d = 0; d <= hi - lo; d++) {
          order.add(Values.zigzag(d, origin, hi - origin, origin - lo));
        }
        TreeSet<Long> distinct = new TreeSet<>(order);
        assertEquals(hi - lo + 1, distinct.size(), lo + ".." + hi);
        assertEquals((long) lo, distinct.first());
        assertEquals((long) hi, distinct.last());
        for (int i = 1; i < order.size(); i++) {
          long prev = Math.abs(order.get(i - 1) - origin);
          long cur = Math.abs(order.get(i) - origin);
          assertEquals(true, cur >= prev, lo + ".." + hi + " " + order);
        }
      }
    }
  }

  @Test
  void doubles_wholeStepsComeFromTheFirstKindOfChoice() {
    // side 0 (up), kind 0 (whole steps), 3 steps
    assertEquals(3.0, Values.doubles(-10, 10).generate(Source.replay(0, 0, 3)));
    // side 1 (down), kind 0, 2 steps
    assertEquals(-2.0, Values.doubles(-10, 10).generate(Source.replay(1, 0, 2)));
    // side 0, kind 1 (fraction), half the extent
    assertEquals(5.0, Values.doubles(-10, 10).generate(Source.replay(0, 1, 1L << 52)));
  }
}
