package dev.hypatia.symbolic.testing;

import java.util.Arrays;

/**
 * Greedy shrinking of a failing run, on its recorded choices: it deletes blocks of choices, zeroes
 * blocks, lowers each choice (to 0, else by binary search) and lowers a choice while deleting the
 * next ones, replaying the generator each time, and keeps an edit when the property still fails and
 * the choices got smaller (shorter, or equally long and lexicographically lower; trailing zeros do
 * not count), until no edit helps or the run budget is spent.
 */
final class Shrinker<T> {
  private static final int[] BLOCKS = {8, 4, 2, 1};

  private final Gen<T> gen;
  private final Property.Check<? super T> body;
  private final int maxRuns;
  private Outcome<T> best;
  private int runs;
  private int steps;

  Shrinker(Gen<T> gen, Property.Check<? super T> body, int maxRuns, Outcome<T> failing) {
    this.gen = gen;
    this.body = body;
    this.maxRuns = maxRuns;
    this.best = stripped(failing);
  }

  /** The smallest failing outcome found. */
  Outcome<T> shrink() {
    boolean improved = true;
    while (improved && runs < maxRuns) {
      improved = deleteBlocks();
      improved |= zeroBlocks();
      improved |= lowerEach();
      improved |= lowerAndDelete();
    }
    return best;
  }

  /** How many edits were kept. */
  int steps() {
    return steps;
  }

  /** How many times the property ran while shrinking. */
  int runs() {
    return runs;
  }

  private boolean deleteBlocks() {
    boolean any = false;
    for (int k : BLOCKS) {
      for (int i = 0; i + k <= best.choices().length && runs < maxRuns; ) {
        long[] c = best.choices();
        long[] cand = new long[c.length - k];
        System.arraycopy(c, 0, cand, 0, i);
        System.arraycopy(c, i + k, cand, i, c.length - i - k);
        if (attempt(cand)) {
          any = true;
        } else {
          i++;
        }
      }
    }
    return any;
  }

  private boolean zeroBlocks() {
    boolean any = false;
    for (int k : BLOCKS) {
      for (int i = 0; i + k <= best.choices().length && runs < maxRuns; i++) {
        long[] cand = best.choices().clone();
        Arrays.fill(cand, i, i + k, 0);
        any |= attempt(cand);
      }
    }
    return any;
  }

  private boolean lowerEach() {
    boolean any = false;
    for (int i = 0; i < best.choices().length && runs < maxRuns; i++) {
      long v = best.choices()[i];
      if (v == 0 || attemptAt(i, 0)) {
        any |= v != 0;
        continue;
      }
      long lo = 0;
      long hi = v;
      while (hi - lo > 1 && i < best.choices().length && runs < maxRuns) {
        long mid = lo + (hi - lo) / 2;
        if (attemptAt(i, mid)) {
          hi = mid;
          any = true;
        } else {
          lo = mid;
        }
      }
    }
    return any;
  }

  /**
   * Lowers a choice by one and deletes the one or two choices after it: a size that shrinks by one
   * no longer draws the element after it, which would otherwise shift every later choice.
   */
  private boolean lowerAndDelete() {
    boolean any = false;
    for (int i = 0; i < best.choices().length && runs < maxRuns; i++) {
      for (int k = 1; k <= 2 && i + k < best.choices().length; k++) {
        long[] c = best.choices();
        if (c[i] == 0) {
          break;
        }
        long[] cand = new long[c.length - k];
        System.arraycopy(c, 0, cand, 0, i + 1);
        System.arraycopy(c, i + 1 + k, cand, i + 1, c.length - i - 1 - k);
        cand[i]--;
        any |= attempt(cand);
      }
    }
    return any;
  }

  private boolean attemptAt(int i, long value) {
    long[] cand = best.choices().clone();
    cand[i] = value;
    return attempt(cand);
  }

  /** Replays {@code cand}; keeps it when the property fails and its choices are smaller. */
  private boolean attempt(long[] cand) {
    if (runs >= maxRuns || !smaller(cand, best.choices())) {
      return false;
    }
    runs++;
    Outcome<T> o = stripped(Outcome.run(gen, body, Source.replay(cand), true));
    if (o.kind() == Outcome.Kind.FAILED && smaller(o.choices(), best.choices())) {
      best = o;
      steps++;
      return true;
    }
    return false;
  }

  /**
   * {@code o} without its trailing zero choices: a replay gives 0 past the end, so both sequences
   * give the same value, and the shorter one compares as simpler.
   */
  static <T> Outcome<T> stripped(Outcome<T> o) {
    long[] c = o.choices();
    int n = c.length;
    while (n > 0 && c[n - 1] == 0) {
      n--;
    }
    return n == c.length ? o : new Outcome<>(o.kind(), Arrays.copyOf(c, n), o.value(), o.failure());
  }

  /** Shortlex order: shorter first, then lexicographically lower. */
  static boolean smaller(long[] a, long[] b) {
    if (a.length != b.length) {
      return a.length < b.length;
    }
    return Arrays.compare(a, b) < 0;
  }
}
