package dev.hypatia.symbolic.testing;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * A property checked over generated values:
 *
 * <pre>{@code
 * Property.forAll(Shapes.shapes(0, 4, 0, 5)).tries(100).seed(123).check(s -> ...);
 * }</pre>
 *
 * <p>Each try {@code i} draws a value from its own seed, derived from the property's seed and
 * {@code i}, and runs the check. On the first failure, the input is shrunk and a {@link
 * PropertyFailure} is thrown, naming the seed, the try, the original and the shrunk input.
 *
 * <p>The seed is {@link #DEFAULT_SEED} unless {@link #seed} sets another, so test runs are
 * reproducible. The system property {@value #SEED_PROPERTY} overrides it for every property ({@code
 * -Dhypatia.seed=123} replays a reported failure; {@code -Dhypatia.seed=random} explores a fresh
 * seed, reported on failure), and {@value #TRIES_PROPERTY} overrides the number of tries.
 *
 * <p>A check may call {@link #assume} to discard a value it does not apply to.
 *
 * @param <T> the type of the generated values
 */
public final class Property<T> {
  /** The system property that overrides every property's seed: a long, or {@code random}. */
  public static final String SEED_PROPERTY = "hypatia.seed";

  /** The system property that overrides every property's number of tries. */
  public static final String TRIES_PROPERTY = "hypatia.tries";

  /** The seed of a property that sets none. */
  public static final long DEFAULT_SEED = 0x4879_7061_7469_61L;

  /** A check of one value: it throws (an {@link AssertionError} or any exception) on failure. */
  @FunctionalInterface
  public interface Check<T> {
    /** Checks {@code value}; throws on failure. */
    void accept(T value) throws Throwable;
  }

  /** Thrown by {@link #assume}: the runner discards the value. */
  static final class Discard extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Discard() {
      super("value discarded by Property.assume", null, false, false);
    }
  }

  private final Gen<T> gen;
  private int tries = 100;
  private long seed = DEFAULT_SEED;
  private int maxShrinkRuns = 2000;

  private Property(Gen<T> gen) {
    this.gen = gen;
  }

  /** A property over the values of {@code gen}, with 100 tries and the default seed. */
  public static <T> Property<T> forAll(Gen<T> gen) {
    return new Property<>(Objects.requireNonNull(gen, "gen"));
  }

  /**
   * Sets how many values to check (unless {@value #TRIES_PROPERTY} overrides it). Modified: this.
   *
   * @throws IllegalArgumentException when {@code n < 1}
   */
  public Property<T> tries(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("a property needs at least 1 try, not " + n);
    }
    this.tries = n;
    return this;
  }

  /** Sets the seed (unless {@value #SEED_PROPERTY} overrides it). Modified: this. */
  public Property<T> seed(long newSeed) {
    this.seed = newSeed;
    return this;
  }

  /**
   * Sets how many times shrinking may run the check (2000 by default; 0 turns shrinking off).
   * Modified: this.
   */
  public Property<T> shrinkLimit(int maxRuns) {
    if (maxRuns < 0) {
      throw new IllegalArgumentException("the shrink limit cannot be negative: " + maxRuns);
    }
    this.maxShrinkRuns = maxRuns;
    return this;
  }

  /**
   * Discards the current value unless {@code condition} holds; call it inside a check. More than
   * ten discards per try make the property fail.
   */
  public static void assume(boolean condition) {
    if (!condition) {
      throw new Discard();
    }
  }

  /** Checks that {@code p} holds for every value; a false result fails as an assertion. */
  public void checkThat(Predicate<? super T> p) {
    Objects.requireNonNull(p, "p");
    check(
        v -> {
          if (!p.test(v)) {
            throw new AssertionError("predicate is false");
          }
        });
  }

  /**
   * Runs {@code body} on each generated value.
   *
   * @throws PropertyFailure when a value fails, after shrinking it
   * @throws AssertionError when more than ten values per try are discarded
   * @throws IllegalArgumentException when a system property override is not a number
   * @throws IllegalStateException when the generator fails (the message names the seed and try)
   */
  public void check(Check<? super T> body) {
    Objects.requireNonNull(body, "body");
    long s = effectiveSeed();
    int n = effectiveTries();
    int discards = 0;
    for (int k = 0, checked = 0; checked < n; k++) {
      Outcome<T> o;
      try {
        o = Outcome.run(gen, body, Source.random(trySeed(s, k)), false);
      } catch (RuntimeException e) {
        throw new IllegalStateException(
            "the generator failed at try " + (k + 1) + ", seed " + s + ": " + e.getMessage(), e);
      }
      switch (o.kind()) {
        case DISCARDED -> {
          if (++discards > 10 * n) {
            throw new AssertionError(
                "gave up after " + discards + " discarded values (seed " + s + ")");
          }
        }
        case FAILED -> throw failure(s, k + 1, o, body);
        default -> checked++;
      }
    }
  }

  private PropertyFailure failure(long s, int tryNumber, Outcome<T> original, Check<? super T> b) {
    Shrinker<T> shrinker = new Shrinker<>(gen, b, maxShrinkRuns, original);
    Outcome<T> shrunk = shrinker.shrink();
    Object originalInput = gen.generate(Source.replay(original.choices()));
    Object shrunkInput = gen.generate(Source.replay(shrunk.choices()));
    String message =
        "property failed at try "
            + tryNumber
            + ", seed "
            + s
            + " (replay with -D"
            + SEED_PROPERTY
            + "="
            + s
            + ")\n  original input: "
            + Describe.of(originalInput)
            + "\n  shrunk input:   "
            + Describe.of(shrunkInput)
            + " (after "
            + shrinker.steps()
            + " shrink steps, "
            + shrinker.runs()
            + " runs)\n  failure: "
            + shrunk.failure();
    PropertyFailure f =
        new PropertyFailure(
            message, s, tryNumber, originalInput, shrunkInput, shrinker.steps(), shrunk.failure());
    if (original.failure() != shrunk.failure()) {
      f.addSuppressed(original.failure());
    }
    return f;
  }

  /** The seed of try {@code i} (from 0): SplitMix64's mix of the property seed and the index. */
  static long trySeed(long seed, int i) {
    long z = seed + (i + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private long effectiveSeed() {
    String v = System.getProperty(SEED_PROPERTY);
    if (v == null || v.isBlank()) {
      return seed;
    }
    if (v.strip().equalsIgnoreCase("random")) {
      return System.nanoTime() ^ Double.doubleToLongBits(Math.random());
    }
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "-D" + SEED_PROPERTY + " must be a long or 'random', not '" + v + "'", e);
    }
  }

  private int effectiveTries() {
    String v = System.getProperty(TRIES_PROPERTY);
    if (v == null || v.isBlank()) {
      return tries;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "-D" + TRIES_PROPERTY + " must be a positive int, not '" + v + "'");
  }
}
