package dev.hypatia.symbolic.testing;

import java.util.Arrays;

/**
 * Greedy shrinking of a failing run, on its recorded choices: it deletes blocks of choices, zeroes
 * blocks, and lowers each choice (to 0, else by binary search), replaying the generator each time,
 * and keeps an edit when the property still fails and the choices got smaller (shorter, or equally
 * long and lexicographically lower), until no edit helps or the run budget is spent.
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
    this.best = failing;
  }

  /** The smallest failing outcome found. */
  Outcome<T> shrink() {
    boolean improved = true;
    while (improved && runs < maxRuns) {
      improved = deleteBlocks();
      improved |= zeroBlocks();
      improved |= lowerEach();
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
    Outcome<T> o = Outcome.run(gen, body, Source.replay(cand), true);
    if (o.kind() == Outcome.Kind.FAILED && smaller(o.choices(), best.choices())) {
      best = o;
      steps++;
      return true;
    }
    return false;
  }

  /** Shortlex order: shorter first, then lexicographically lower. */
  static boolean smaller(long[] a, long[] b) {
    if (a.length != b.length) {
      return a.length < b.length;
    }
    return Arrays.compare(a, b) < 0;
  }
}
