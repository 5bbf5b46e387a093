package dev.hypatia.shared;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousUniformSampler;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.apache.commons.rng.sampling.distribution.DiscreteUniformSampler;
import org.apache.commons.rng.sampling.distribution.GaussianSampler;
import org.apache.commons.rng.sampling.distribution.GuideTableDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.MarsagliaTsangWangDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A distribution a {@link RandomDraw} samples from, with its parameters fixed (immutable values
 * with equals). Each draws {@code count} values in C order from a Commons RNG sampler built on the
 * given generator, so that a test can reproduce the values with the same sampler directly.
 */
public sealed interface Distribution {
  /** The dtype of the samples: float64 for continuous distributions, int64 for discrete ones. */
  DType dtype();

  /**
   * Draws {@code count} values from {@code rng}, in order, into a new flat array of {@link #dtype}.
   *
   * @throws IllegalArgumentException when the parameters do not allow {@code count} values
   */
  NDArray sample(UniformRandomProvider rng, int count);

  /** The name and parameters, as in {@code uniform{low=0.0, high=1.0}}. */
  String describe();

  /**
   * Uniform on [low, high): {@code ContinuousUniformSampler.of(rng, low, high)}, float64.
   *
   * @param low the lower bound
   * @param high the upper bound
   */
  record Uniform(double low, double high) implements Distribution {
    /** Checks that both bounds are finite. */
    public Uniform {
      if (!Double.isFinite(low) || !Double.isFinite(high)) {
        throw new IllegalArgumentException(
            "uniform: bounds must be finite, got low=" + low + ", high=" + high);
      }
    }

    @Override
    public DType dtype() {
      return DType.FLOAT64;
    }

    @Override
    public NDArray sample(UniformRandomProvider rng, int count) {
      var s = ContinuousUniformSampler.of(rng, low, high);
      double[] out = new double[count];
      for (int i = 0; i < count; i++) {
        out[i] = s.sample();
      }
      return NDArray.of(out);
    }

    @Override
    public String describe() {
      return "uniform{low=" + low + ", high=" + high + "}";
    }
  }

  /**
   * Normal with the given mean and standard deviation: {@code GaussianSampler.of(
   * ZigguratSampler.NormalizedGaussian.of(rng), mean, std)}, float64.
   *
   * @param mean the mean
   * @param std the standard deviation
   */
  record Normal(double mean, double std) implements Distribution {
    /** Checks that the mean is finite and the standard deviation finite and positive. */
    public Normal {
      if (!Double.isFinite(mean) || !(std > 0) || !Double.isFinite(std)) {
        throw new IllegalArgumentException(
            "normal: the mean must be finite and std finite and > 0, got mean="
                + mean
                + ", std="
                + std);
      }
    }

    @Override
    public DType dtype() {
      return DType.FLOAT64;
    }

    @Override
    public NDArray sample(UniformRandomProvider rng, int count) {
      var s = GaussianSampler.of(ZigguratSampler.NormalizedGaussian.of(rng), mean, std);
      double[] out = new double[count];
      for (int i = 0; i < count; i++) {
        out[i] = s.sample();
      }
      return NDArray.of(out);
    }

    @Override
    public String describe() {
      return "normal{mean=" + mean + ", std=" + std + "}";
    }
  }

  /**
   * Binomial: successes in {@code n} trials of probability {@code p}, {@code
   * MarsagliaTsangWangDiscreteSampler.Binomial.of(rng, n, p)}, int64.
   *
   * @param n the number of trials, at least 0
   * @param p the probability of success, in [0, 1]
   */
  record Binomial(int n, double p) implements Distribution {
    /** Checks the parameters by building the sampler once. */
    public Binomial {
      if (n < 0 || !(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException(
            "binomial: needs n >= 0 and 0 <= p <= 1, got n=" + n + ", p=" + p);
      }
      MarsagliaTsangWangDiscreteSampler.Binomial.of(() -> 0L, n, p);
    }

    @Override
    public DType dtype() {
      return DType.INT64;
    }

    @Override
    public NDArray sample(UniformRandomProvider rng, int count) {
      return discrete(MarsagliaTsangWangDiscreteSampler.Binomial.of(rng, n, p), count, null);
    }

    @Override
    public String describe() {
      return "binomial{n=" + n + ", p=" + p + "}";
    }
  }

  /**
   * Elements of {@code values}: with replacement, uniformly ({@code DiscreteUniformSampler}) or by
   * the weights {@code p} ({@code GuideTableDiscreteSampler}) when p is not empty; without
   * replacement, the first {@code count} indices of {@code new PermutationSampler(rng, k, count)}.
   * int64.
   *
   * @param values the values to choose from, at least one
   * @param p empty (uniform) or one non-negative weight per value, not all zero
   * @param replace whether a value may be chosen more than once
   */
  record Choice(List<Long> values, List<Double> p, boolean replace) implements Distribution {
    /** Copies the lists and checks them. */
    public Choice {
      values = List.copyOf(values);
      p = List.copyOf(p);
      if (values.isEmpty()) {
        throw new IllegalArgumentException("choice: needs at least one value");
      }
      if (!p.isEmpty() && p.size() != values.size()) {
        throw new IllegalArgumentException(
            "choice: " + p.size() + " probabilities for " + values.size() + " values");
      }
      if (!p.isEmpty() && !replace) {
        throw new IllegalArgumentException(
            "choice: weighted choice without replacement is not supported");
      }
      if (!p.isEmpty()) {
        GuideTableDiscreteSampler.of(() -> 0L, weights(p));
      }
    }

    private static double[] weights(List<Double> p) {
      return p.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Override
    public DType dtype() {
      return DType.INT64;
    }

    @Override
    public NDArray sample(UniformRandomProvider rng, int count) {
      int k = values.size();
      if (!replace) {
        if (count > k) {
          throw new IllegalArgumentException(
              "choice: cannot draw " + count + " of " + k + " values without replacement");
        }
        long[] out = new long[count];
        int[] idx = count == 0 ? new int[0] : new PermutationSampler(rng, k, count).sample();
        for (int i = 0; i < count; i++) {
          out[i] = values.get(idx[i]);
        }
        return NDArray.of(out);
      }
      DiscreteSampler s =
          p.isEmpty()
              ? DiscreteUniformSampler.of(rng, 0, k - 1)
              : GuideTableDiscreteSampler.of(rng, weights(p));
      return discrete(s, count, values);
    }

    @Override
    public String describe() {
      return "choice{values="
          + values
          + (p.isEmpty() ? "" : ", p=" + p)
          + ", replace="
          + replace
          + "}";
    }
  }

  /**
   * A random permutation of 0..n-1: {@code new PermutationSampler(rng, n, n).sample()}, an int64
   * vector of length n.
   *
   * @param n the length, at least 0
   */
  record Permutation(int n) implements Distribution {
    /** Checks that n is not negative. */
    public Permutation {
      if (n < 0) {
        throw new IllegalArgumentException("permutation: n must be >= 0, got " + n);
      }
    }

    @Override
    public DType dtype() {
      return DType.INT64;
    }

    @Override
    public NDArray sample(UniformRandomProvider rng, int count) {
      if (count != n) {
        throw new IllegalArgumentException(
            "permutation: " + count + " values asked of a permutation of " + n);
      }
      long[] out = new long[n];
      int[] perm = n == 0 ? new int[0] : new PermutationSampler(rng, n, n).sample();
      for (int i = 0; i < n; i++) {
        out[i] = perm[i];
      }
      return NDArray.of(out);
    }

    @Override
    public String describe() {
      return "permutation{n=" + n + "}";
    }
  }

  private static NDArray discrete(DiscreteSampler s, int count, List<Long> values) {
    long[] out = new long[count];
    for (int i = 0; i < count; i++) {
      int v = s.sample();
      out[i] = values == null ? v : values.get(v);
    }
    return NDArray.of(out);
  }
}
