package dev.hypatia.symbolic.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator of values of type {@code T} from the choices of a {@link Source}. Generators compose
 * ({@link #map}, {@link #flatMap}, {@link #filter}, {@link #zip}, {@link #listOf}) and shrink
 * without a shrinker of their own: a smaller choice gives a simpler value.
 *
 * <p>A custom generator is a lambda over the source, such as {@code s -> s.drawInt(3)}; it must
 * depend only on the choices it draws, so that a replayed sequence gives the same value.
 *
 * @param <T> the type of the generated values
 */
@FunctionalInterface
public interface Gen<T> {
  /** How many values {@link #filter} tries before it gives up. */
  int FILTER_ATTEMPTS = 100;

  /**
   * A value built from the choices of {@code source}. Modified: source (its choices advance).
   *
   * @throws IllegalStateException when a {@link #filter} rejects too many values in a row
   */
  T generate(Source source);

  /** The values of this generator passed through {@code f}; shrinks as this one does. */
  default <R> Gen<R> map(Function<? super T, ? extends R> f) {
    Objects.requireNonNull(f, "f");
    return s -> f.apply(generate(s));
  }

  /** A value of the generator that {@code f} picks for a value of this one (a dependent value). */
  default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<? extends R>> f) {
    Objects.requireNonNull(f, "f");
    return s -> f.apply(generate(s)).generate(s);
  }

  /**
   * The values of this generator that {@code keep} accepts: rejected values are drawn again, up to
   * {@link #FILTER_ATTEMPTS} times in a row; keep filters for rare rejections.
   */
  default Gen<T> filter(Predicate<? super T> keep) {
    Objects.requireNonNull(keep, "keep");
    return s -> {
      for (int i = 0; i < FILTER_ATTEMPTS; i++) {
        T v = generate(s);
        if (keep.test(v)) {
          return v;
        }
      }
      throw new IllegalStateException(
          "filter rejected "
              + FILTER_ATTEMPTS
              + " values in a row: generate them directly instead");
    };
  }

  /** Lists of {@code minSize} to {@code maxSize} values of this generator. */
  default Gen<List<T>> list(int minSize, int maxSize) {
    return listOf(this, minSize, maxSize);
  }

  /** Always {@code value}; takes no choice. */
  static <T> Gen<T> constant(T value) {
    return s -> value;
  }

  /** One of {@code options}, uniformly; shrinks toward the first. */
  @SafeVarargs
  @SuppressWarnings("varargs") // List.of only reads the array
  static <T> Gen<T> choose(T... options) {
    return choose(List.of(options));
  }

  /**
   * One of {@code options}, uniformly; shrinks toward the first.
   *
   * @throws IllegalArgumentException when there is no option
   */
  static <T> Gen<T> choose(List<? extends T> options) {
    if (options.isEmpty()) {
      throw new IllegalArgumentException("choose needs at least one option");
    }
    List<? extends T> copy = List.copyOf(options);
    return s -> copy.get(s.drawInt(copy.size()));
  }

  /** A value of one of {@code gens}, picked uniformly; shrinks toward the first generator. */
  @SafeVarargs
  @SuppressWarnings("varargs") // List.of only reads the array
  static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
    Gen<Gen<? extends T>> which = choose(List.of(gens));
    return s -> which.generate(s).generate(s);
  }

  /** A value of {@code a} and one of {@code b}, combined by {@code f}. */
  static <A, B, R> Gen<R> zip(Gen<A> a, Gen<B> b, BiFunction<? super A, ? super B, R> f) {
    return s -> f.apply(a.generate(s), b.generate(s));
  }

  /**
   * Lists of {@code minSize} to {@code maxSize} values of {@code element}. Past the minimum, a
   * choice before each element says whether the list goes on, so that shrinking can drop any
   * element; the extra length averages about half the allowed extra (at most 8).
   *
   * @throws IllegalArgumentException unless {@code 0 <= minSize <= maxSize}
   */
  static <T> Gen<List<T>> listOf(Gen<T> element, int minSize, int maxSize) {
    if (minSize < 0 || maxSize < minSize) {
      throw new IllegalArgumentException(
          "list sizes need 0 <= minSize <= maxSize, not " + minSize + ", " + maxSize);
    }
    double extra = Math.min(8.0, (maxSize - minSize) / 2.0);
    long stopBelow = Math.max(1, Math.round(1024 / (extra + 1)));
    return s -> {
      List<T> out = new ArrayList<>();
      while (out.size() < minSize) {
        out.add(element.generate(s));
      }
      while (out.size() < maxSize && s.draw(1024) >= stopBelow) {
        out.add(element.generate(s));
      }
      return out;
    };
  }

  /** Booleans; shrinks to false. */
  static Gen<Boolean> booleans() {
    return s -> s.draw(2) == 1;
  }

  /**
   * Ints in {@code [lo, hi]}, uniformly; shrinks toward the value of the range nearest to 0.
   *
   * @throws IllegalArgumentException when {@code lo > hi}
   */
  static Gen<Integer> ints(int lo, int hi) {
    Gen<Long> longs = longs(lo, hi);
    return s -> longs.generate(s).intValue();
  }

  /**
   * Longs in {@code [lo, hi]}, uniformly; shrinks toward the value of the range nearest to 0.
   *
   * @throws IllegalArgumentException when {@code lo > hi} or the range holds 2^63 values or more
   */
  static Gen<Long> longs(long lo, long hi) {
    return Values.longs(lo, hi);
  }

  /**
   * Doubles in {@code [lo, hi]}: uniform, except that one in eight is a whole number of steps from
   * the simplest value; shrinks toward the value of the range nearest to 0, whole steps first.
   *
   * @throws IllegalArgumentException unless {@code lo <= hi} and both are finite
   */
  static Gen<Double> doubles(double lo, double hi) {
    return Values.doubles(lo, hi);
  }
}
