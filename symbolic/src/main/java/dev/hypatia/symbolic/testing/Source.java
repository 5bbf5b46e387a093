package dev.hypatia.symbolic.testing;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Where generators take their random choices from. Each choice is a {@code long} in {@code [0,
 * bound)}; 0 stands for the simplest outcome. A source either draws choices from a seeded generator
 * (XO_RO_SHI_RO_128_PP of Commons RNG) or replays a recorded sequence, and records what it gave, so
 * that the shrinker can replay edited sequences.
 *
 * <p>Not thread-safe; one source serves one generated value.
 */
public final class Source {
  /** The most choices one generated value may take; more is taken for a runaway generator. */
  public static final int MAX_CHOICES = 1 << 20;

  private final UniformRandomProvider rng;
  private final long[] prefix;
  private long[] record = new long[64];
  private int count;

  private Source(UniformRandomProvider rng, long[] prefix) {
    this.rng = rng;
    this.prefix = prefix;
  }

  /** A source of random choices from {@code seed}: the same seed gives the same choices. */
  public static Source random(long seed) {
    return new Source(RandomSource.XO_RO_SHI_RO_128_PP.create(seed), null);
  }

  /**
   * A source that replays {@code choices}: a choice not below its bound gives {@code bound - 1},
   * and choices past the end give 0.
   */
  public static Source replay(long... choices) {
    return new Source(null, choices.clone());
  }

  /**
   * The next choice, in {@code [0, bound)}.
   *
   * @throws IllegalArgumentException when {@code bound < 1}
   * @throws IllegalStateException when the value has taken {@link #MAX_CHOICES} choices
   */
  public long draw(long bound) {
    if (bound < 1) {
      throw new IllegalArgumentException("a choice needs a bound >= 1, not " + bound);
    }
    if (count == MAX_CHOICES) {
      throw new IllegalStateException("a generator took more than " + MAX_CHOICES + " choices");
    }
    long v;
    if (prefix != null) {
      v = count < prefix.length ? Math.min(Math.max(prefix[count], 0), bound - 1) : 0;
    } else {
      v = bound == 1 ? 0 : rng.nextLong(bound);
    }
    if (count == record.length) {
      record = Arrays.copyOf(record, 2 * count);
    }
    record[count++] = v;
    return v;
  }

  /** The next choice as an int in {@code [0, bound)}. */
  public int drawInt(int bound) {
    return (int) draw(bound);
  }

  /** Whether the next choice is non-zero, out of {@code [0, bound)}: true with (bound-1)/bound. */
  public boolean drawFlag(long bound) {
    return draw(bound) != 0;
  }

  /** The choices given so far, in order. Not modified: a copy. */
  public long[] choices() {
    return Arrays.copyOf(record, count);
  }

  /** How many choices were given so far. */
  public int size() {
    return count;
  }
}
