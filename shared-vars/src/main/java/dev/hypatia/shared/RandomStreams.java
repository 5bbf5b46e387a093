package dev.hypatia.shared;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.Variable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Seeded, reproducible random variables whose generator state is shared state, as Theano's {@code
 * RandomStreams}. Each method makes a {@link RandomDraw} node reading a new state {@link
 * SharedVariable} (an int64 vector) and sets that variable's {@link SharedVariable#defaultUpdate}
 * to the node's new state, so every call of a {@link Function} that uses the sample draws fresh
 * values and advances the state (an explicit update of the state replaces the default one).
 *
 * <p>Seeding: the k-th random variable made (k = 0, 1, ...) gets a {@link RandomDraw#SOURCE}
 * generator created from the seed {@code s_k}, the k-th {@code nextLong()} of a {@code
 * RandomSource.SPLIT_MIX_64} generator created from the stream's seed. Two streams with the same
 * seed thus give the same sequences when their variables are made in the same order, and a test can
 * reproduce the values with the documented Commons RNG sampler of each {@link Distribution} over
 * {@code RandomDraw.SOURCE.create(s_k)}.
 *
 * <p>Shapes are static; continuous samples are float64, discrete ones int64. Safe to use from
 * several threads (making variables and reseeding are synchronized).
 *
 * <pre>{@code
 * RandomStreams rs = new RandomStreams(42);
 * Variable noise = rs.normal(0, 1, 3, 4);
 * Function f = Function.builder().outputs(noise).build();
 * f.call(); // new values on every call
 * }</pre>
 */
public final class RandomStreams {
  private final List<SharedVariable> states = new ArrayList<>();
  private long seed;
  private UniformRandomProvider seeds;

  /** A stream seeded with {@code seed}. */
  public RandomStreams(long seed) {
    this.seed = seed;
    this.seeds = RandomSource.SPLIT_MIX_64.create(seed);
  }

  /**
   * Uniform float64 samples on [low, high) of the given shape.
   *
   * @throws HypatiaException when a bound is not finite or a dimension is negative
   */
  public Variable uniform(double low, double high, int... shape) {
    return draw(() -> new Distribution.Uniform(low, high), shape);
  }

  /**
   * Normal float64 samples of the given mean and standard deviation and shape.
   *
   * @throws HypatiaException when the mean is not finite, std is not finite and positive, or a
   *     dimension is negative
   */
  public Variable normal(double mean, double std, int... shape) {
    return draw(() -> new Distribution.Normal(mean, std), shape);
  }

  /**
   * Binomial int64 samples (successes in {@code n} trials of probability {@code p}) of the given
   * shape.
   *
   * @throws HypatiaException when n is negative, p outside [0, 1], or a dimension negative
   */
  public Variable binomial(int n, double p, int... shape) {
    return draw(() -> new Distribution.Binomial(n, p), shape);
  }

  /**
   * Int64 samples of the given shape, each one of {@code values} chosen uniformly, with
   * replacement.
   *
   * @throws HypatiaException when values is empty or a dimension negative
   */
  public Variable choice(long[] values, int... shape) {
    return draw(() -> new Distribution.Choice(boxed(values), List.of(), true), shape);
  }

  /**
   * Int64 samples of the given shape, each one of {@code values} chosen with probability
   * proportional to its weight in {@code p}, with replacement.
   *
   * @throws HypatiaException when values is empty, p's length differs from values', a weight is
   *     negative or not finite, all are zero, or a dimension is negative
   */
  public Variable choice(long[] values, double[] p, int... shape) {
    List<Double> weights = Arrays.stream(p).boxed().toList();
    return draw(() -> new Distribution.Choice(boxed(values), weights, true), shape);
  }

  /**
   * Int64 samples of the given shape, distinct elements of {@code values} chosen uniformly without
   * replacement (at most values.length in all).
   *
   * @throws HypatiaException when values is empty, the shape holds more elements than values, or a
   *     dimension is negative
   */
  public Variable choiceWithoutReplacement(long[] values, int... shape) {
    long size = 1;
    for (int d : shape) {
      size *= Math.max(d, 0);
    }
    if (size > values.length) {
      throw new HypatiaException(
          "choice: cannot draw "
              + size
              + " of "
              + values.length
              + " values without replacement (shape "
              + Arrays.toString(shape)
              + ")");
    }
    return draw(() -> new Distribution.Choice(boxed(values), List.of(), false), shape);
  }

  /**
   * A random permutation of 0, 1, ..., n-1: an int64 vector of length n.
   *
   * @throws HypatiaException when n is negative
   */
  public Variable permutation(int n) {
    return draw(() -> new Distribution.Permutation(n), Math.max(n, 0));
  }

  /**
   * Reseeds every state variable made so far as if this stream had been created with {@code seed}:
   * afterwards the k-th variable's state is the one a new stream of that seed gives its k-th
   * variable, and later variables continue that sequence.
   */
  public synchronized void seed(long seed) {
    this.seed = seed;
    this.seeds = RandomSource.SPLIT_MIX_64.create(seed);
    for (SharedVariable s : states) {
      s.set(RandomDraw.seededState(seeds.nextLong()), true);
    }
  }

  /** The seed this stream was created or last reseeded with. */
  public synchronized long seed() {
    return seed;
  }

  /** The state variables made so far, in order of creation (a copy). */
  public synchronized List<SharedVariable> states() {
    return List.copyOf(states);
  }

  /**
   * The state variable a sample made by a random stream reads.
   *
   * @throws HypatiaException when {@code sample} is not the output of a random draw on a shared
   *     state
   */
  public static SharedVariable stateOf(Variable sample) {
    Apply node = sample.owner();
    if (node == null
        || !(node.op() instanceof RandomDraw)
        || !(node.input(0) instanceof SharedVariable s)) {
      throw new HypatiaException(
          "stateOf: " + sample.describe() + " is not a sample drawn by a random stream");
    }
    return s;
  }

  private interface Maker {
    Distribution make();
  }

  private synchronized Variable draw(Maker maker, int... shape) {
    Distribution dist;
    RandomDraw op;
    try {
      dist = maker.make();
      op = new RandomDraw(dist, Arrays.stream(shape).boxed().toList());
    } catch (IllegalArgumentException e) {
      throw new HypatiaException(e.getMessage(), e);
    }
    SharedVariable state =
        SharedVariable.shared(
            RandomDraw.seededState(seeds.nextLong()), "rng_state" + states.size());
    Apply node = op.makeNode(List.of(state));
    state.setDefaultUpdate(node.output(0));
    states.add(state);
    return node.output(1);
  }

  private static List<Long> boxed(long[] values) {
    return Arrays.stream(values).boxed().toList();
  }
}
