package dev.hypatia.grad;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Variable;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Checks symbolic gradients against central finite differences, as Theano's {@code verify_grad}.
 *
 * <pre>{@code
 * GradCheck.verify(xs -> xs.get(0).mul(xs.get(1)).tanh(), NDArray.of(1, 2, 3), NDArray.of(4, 5, 6));
 * }</pre>
 *
 * <p>GradCheck builds one input variable per value (of the value's dtype and, by default, its
 * shape), calls the function, and projects each float output onto a fixed random tensor {@code p}:
 * the cost is {@code sum(p * out)}, whose gradient it gets from {@link Grad#lop} (the projection
 * seeds the backward pass, so no rule for {@code mul} or {@code sum} is needed) and evaluates with
 * the reference interpreter. For each float input it compares the gradient's component along random
 * directions with the difference quotient of the cost along them (central differences at steps
 * {@code h} and {@code h/2} combined by Richardson extrapolation); when one differs, it compares
 * every element of that input's gradient with its own difference quotient and reports the worst.
 *
 * <p>Integer and bool inputs are held constant. Numbers are compared at the precision of the least
 * precise float dtype anywhere in the graph ({@link Options#precision(DType)}). A difference passes
 * when it is at most {@code atol + rtol * max(|analytic|, |numeric|)}, plus the size of the
 * Richardson correction, plus the rounding noise of the quotient, {@code 8 u S / (h/2)} for the
 * dtype's unit roundoff {@code u}, where {@code S} is the first-order bound of the cost's rounding
 * error: the sum over every float intermediate {@code v} of {@code |v| * |d cost / d v|} (a rounded
 * intermediate, such as tanh near 1 or the argument of exp, can move the cost far more than the
 * outputs' size suggests). Perturbed values are rounded to the input's dtype and the analytic side
 * uses the step actually taken, so rounding of the step costs nothing. All random numbers come from
 * {@link Options#seed()}: a check is deterministic.
 */
public final class GradCheck {
  /** The seed of {@link #options()}. */
  public static final long DEFAULT_SEED = 0x4772_6164_4368_6bL;

  private GradCheck() {}

  /**
   * The step and tolerances of a check at one float dtype.
   *
   * @param step the finite-difference step {@code h} (before rounding to the input's dtype)
   * @param rtol the relative tolerance
   * @param atol the absolute tolerance
   */
  public record Precision(double step, double rtol, double atol) {
    /** Checks the fields: a positive step, non-negative tolerances. */
    public Precision {
      if (!(step > 0) || !(rtol >= 0) || !(atol >= 0)) {
        throw new IllegalArgumentException(
            "a precision needs step > 0, rtol >= 0, atol >= 0, not "
                + step
                + ", "
                + rtol
                + ", "
                + atol);
      }
    }
  }

  /**
   * The settings of a check; immutable, each {@code with} method returns new options.
   *
   * @param seed the seed of the projections and directions
   * @param directions how many random directions each float input is checked along (at least 1)
   * @param float64 the step and tolerances of graphs whose floats are all float64
   * @param float32 those of graphs with a float32 variable anywhere
   * @param staticShapes whether the input variables have the values' shapes (else only their ranks)
   * @param names the input variables' names, by position; {@code x0, x1, ...} past the list
   */
  public record Options(
      long seed,
      int directions,
      Precision float64,
      Precision float32,
      boolean staticShapes,
      List<String> names) {
    /** Checks the fields and copies the names. */
    public Options {
      if (directions < 1) {
        throw new IllegalArgumentException("a check needs at least 1 direction, not " + directions);
      }
      Objects.requireNonNull(float64, "float64");
      Objects.requireNonNull(float32, "float32");
      names = List.copyOf(names);
    }

    /** These options with another seed. */
    public Options withSeed(long newSeed) {
      return new Options(newSeed, directions, float64, float32, staticShapes, names);
    }

    /** These options checking each input along {@code n} random directions. */
    public Options withDirections(int n) {
      return new Options(seed, n, float64, float32, staticShapes, names);
    }

    /**
     * These options with {@code p} for graphs of {@code dtype} (float64 or float32).
     *
     * @throws IllegalArgumentException for another dtype
     */
    public Options withPrecision(DType dtype, Precision p) {
      return switch (dtype) {
        case FLOAT64 -> new Options(seed, directions, p, float32, staticShapes, names);
        case FLOAT32 -> new Options(seed, directions, float64, p, staticShapes, names);
        default -> throw new IllegalArgumentException("no gradient check precision for " + dtype);
      };
    }

    /** These options with input variables of known (true) or unknown (false) static shapes. */
    public Options withStaticShapes(boolean known) {
      return new Options(seed, directions, float64, float32, known, names);
    }

    /** These options naming the input variables, by position. */
    public Options withNames(String... newNames) {
      return new Options(seed, directions, float64, float32, staticShapes, List.of(newNames));
    }

    /** The precision of a graph whose least precise float dtype is {@code dtype}. */
    public Precision precision(DType dtype) {
      return dtype == DType.FLOAT32 ? float32 : float64;
    }

    String name(int i) {
      return i < names.size() ? names.get(i) : "x" + i;
    }
  }

  /**
   * The default options: seed {@link #DEFAULT_SEED}, 2 directions, float64 step 1e-6 with rtol 1e-5
   * and atol 1e-8, float32 step 1e-3 with rtol 1e-2 and atol 1e-4, static shapes.
   */
  public static Options options() {
    return new Options(
        DEFAULT_SEED,
        2,
        new Precision(1e-6, 1e-5, 1e-8),
        new Precision(1e-3, 1e-2, 1e-4),
        true,
        List.of());
  }

  /**
   * Checks the gradient of {@code f} at {@code inputs} with the default options.
   *
   * @throws GradCheckFailure when a gradient differs from finite differences
   * @throws IllegalArgumentException when an output is not finite at the inputs
   */
  public static void verify(Function<List<Variable>, Variable> f, NDArray... inputs) {
    verify(f, List.of(inputs), options());
  }

  /**
   * Checks the gradient of {@code f} at {@code inputs}. Not modified: inputs.
   *
   * @throws GradCheckFailure when a gradient differs from finite differences
   * @throws IllegalArgumentException when an output is not finite at the inputs
   */
  public static void verify(
      Function<List<Variable>, Variable> f, List<NDArray> inputs, Options options) {
    verifyAll(single(f), inputs, options);
  }

  /** As {@link #verify(Function, List, Options)}, for a function of several outputs. */
  public static void verifyAll(
      Function<List<Variable>, List<Variable>> f, List<NDArray> inputs, Options options) {
    GradCheckReport report = checkAll(f, inputs, options);
    if (!report.passed()) {
      throw new GradCheckFailure(report);
    }
  }

  /**
   * The report of a check of {@code f} at {@code inputs}, without throwing on failure. Not
   * modified: inputs.
   *
   * @throws IllegalArgumentException when an output is not finite at the inputs, or no output is a
   *     float
   */
  public static GradCheckReport check(
      Function<List<Variable>, Variable> f, List<NDArray> inputs, Options options) {
    return checkAll(single(f), inputs, options);
  }

  /** As {@link #check}, for a function of several outputs (each gets its own projection). */
  public static GradCheckReport checkAll(
      Function<List<Variable>, List<Variable>> f, List<NDArray> inputs, Options options) {
    return new GradCheckRun(f, inputs, options).report();
  }

  private static Function<List<Variable>, List<Variable>> single(
      Function<List<Variable>, Variable> f) {
    Objects.requireNonNull(f, "f");
    return vs -> List.of(f.apply(vs));
  }
}
