package dev.hypatia.shared;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.apache.commons.rng.simple.RandomSource;

/**
 * A draw from a random distribution: {@code (state) -> (new state, sample)}. The state is an int64
 * vector holding the saved state of a {@link #SOURCE} generator (see {@link #pack}); the sample has
 * the distribution's dtype and the static {@code shape}. Pure: the same state gives the same new
 * state and the same sample, so the randomness lives in the shared state variable, which {@link
 * RandomStreams} advances with a default update.
 *
 * @param distribution what to draw
 * @param shape the sample's shape (dimensions &ge; 0)
 */
public record RandomDraw(Distribution distribution, List<Integer> shape) implements Op {
  /** The generator of every stream: xoroshiro128++, seeded from a long by Commons RNG. */
  public static final RandomSource SOURCE = RandomSource.XO_RO_SHI_RO_128_PP;

  /** Copies the shape and checks its dimensions. */
  public RandomDraw {
    shape = List.copyOf(shape);
    long size = 1;
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("random draw: negative dimension in shape " + shape);
      }
      size *= d;
      if (size > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("random draw: shape " + shape + " is too large");
      }
    }
  }

  /** The state of a new generator seeded with {@code seed}, as an int64 vector. */
  public static NDArray seededState(long seed) {
    return pack((RandomProviderDefaultState) SOURCE.create(seed).saveState());
  }

  /**
   * The generator's saved state as an int64 vector: the byte count, then the bytes, 8 per long, big
   * endian, zero padded.
   */
  static NDArray pack(RandomProviderDefaultState state) {
    byte[] bytes = state.getState();
    ByteBuffer buf = ByteBuffer.allocate(8 + (bytes.length + 7) / 8 * 8);
    buf.putLong(bytes.length).put(bytes).rewind();
    long[] out = new long[buf.capacity() / 8];
    buf.asLongBuffer().get(out);
    return NDArray.of(out);
  }

  /** A generator restored from a state made by {@link #pack}. */
  static RestorableUniformRandomProvider unpack(NDArray state) {
    int n = state.size();
    long count = n == 0 ? -1 : state.flatLong(0);
    if (count < 0 || (count + 7) / 8 != n - 1) {
      throw new IllegalArgumentException(
          "random draw: the state does not hold a saved generator (a vector of "
              + n
              + " longs, declaring "
              + count
              + " bytes)");
    }
    ByteBuffer buf = ByteBuffer.allocate(8 * (n - 1));
    for (int i = 1; i < n; i++) {
      buf.putLong(state.flatLong(i));
    }
    byte[] bytes = new byte[(int) count];
    buf.rewind().get(bytes);
    RestorableUniformRandomProvider rng = SOURCE.create(0L);
    try {
      rng.restoreState(new RandomProviderDefaultState(bytes));
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException("random draw: bad generator state: " + e.getMessage(), e);
    }
    return rng;
  }

  /**
   * Draws from a state variable: one input, an int64 vector; outputs the new state (the input's
   * type) and the sample (the distribution's dtype, this op's shape).
   *
   * @throws HypatiaException when there is not exactly one input or it is not an int64 vector
   */
  @Override
  public Apply makeNode(List<Variable> inputs) {
    if (inputs.size() != 1) {
      throw HypatiaException.forInputs(
          name(), "takes one input, the generator state, got " + inputs.size(), inputs);
    }
    TensorType t = inputs.get(0).type();
    if (t.dtype() != DType.INT64 || t.ndim() != 1) {
      throw HypatiaException.forInputs(
          name(), "the generator state must be an int64 vector", inputs);
    }
    int[] dims = shape.stream().mapToInt(Integer::intValue).toArray();
    return new Apply(this, inputs, List.of(t, TensorType.of(distribution.dtype(), dims)));
  }

  /**
   * Restores the generator from the state, draws the sample in C order and saves the new state.
   *
   * @throws IllegalArgumentException when the state is not a saved generator state
   */
  @Override
  public List<NDArray> perform(Apply node, List<NDArray> inputs) {
    RestorableUniformRandomProvider rng = unpack(inputs.get(0));
    int[] dims = shape.stream().mapToInt(Integer::intValue).toArray();
    NDArray sample = distribution.sample(rng, NDArray.sizeOf(dims)).reshape(dims);
    NDArray next = pack((RandomProviderDefaultState) rng.saveState());
    return List.of(next, sample);
  }

  @Override
  public String name() {
    String d = distribution.describe();
    String dims = shape.stream().map(String::valueOf).collect(Collectors.joining(",", "(", ")"));
    return "random_" + d.substring(0, d.length() - 1) + ", shape=" + dims + "}";
  }
}
