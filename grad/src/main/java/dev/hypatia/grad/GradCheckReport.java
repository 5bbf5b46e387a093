package dev.hypatia.grad;

import dev.hypatia.symbolic.DType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a {@link GradCheck} found: for each float input, the gradient's component along the worst of
 * the random directions next to its central difference, and, for an input that failed, the worst
 * element of its gradient next to that element's central difference.
 *
 * @param seed the seed the check drew its projections and directions from
 * @param dtype the float dtype whose precision the check used (the least precise in the graph)
 * @param precision the step and tolerances used
 * @param inputs one result per float input, in input order
 */
public record GradCheckReport(
    long seed, DType dtype, GradCheck.Precision precision, List<InputResult> inputs) {
  /** Copies the list. */
  public GradCheckReport {
    inputs = List.copyOf(inputs);
  }

  /** Whether every input passed. */
  public boolean passed() {
    return inputs.stream().allMatch(InputResult::passed);
  }

  /** The first input that failed, if any. */
  public Optional<InputResult> firstFailure() {
    return inputs.stream().filter(r -> !r.passed()).findFirst();
  }

  /**
   * The report as text: a headline, one line or two per input (failing inputs first name their
   * worst element), the precision and the seed.
   */
  public String describe() {
    StringBuilder b = new StringBuilder();
    b.append(passed() ? "gradient check passed" : "gradient check failed")
        .append(" (seed ")
        .append(seed)
        .append(", replay with GradCheck.options().withSeed(")
        .append(seed)
        .append("L))");
    for (InputResult r : inputs) {
      b.append("\n  ").append(r.describe());
    }
    b.append(
        String.format(
            Locale.ROOT,
            "%n  precision %s: step %.1e, rtol %.1e, atol %.1e",
            dtype,
            precision.step(),
            precision.rtol(),
            precision.atol()));
    return b.toString();
  }

  @Override
  public String toString() {
    return describe();
  }

  /** {@code |a - n| / max(|a|, |n|)}, 0 when both are 0. */
  static double relative(double a, double n) {
    double big = Math.max(Math.abs(a), Math.abs(n));
    return big == 0 ? 0 : Math.abs(a - n) / big;
  }

  private static String numbers(double analytic, double numeric, double allowed) {
    return String.format(
        Locale.ROOT,
        "analytic %.10g, numeric %.10g, abs error %.3e, rel error %.3e (allowed abs error %.3e)",
        analytic,
        numeric,
        Math.abs(analytic - numeric),
        relative(analytic, numeric),
        allowed);
  }

  /**
   * The result of one float input.
   *
   * @param index the input's position among all inputs
   * @param name the input variable's name
   * @param type the input's dtype and shape, such as {@code float64[3,4]}
   * @param analytic the gradient's component along the worst direction
   * @param numeric the central difference of the cost along it
   * @param allowed the largest absolute error that passes there
   * @param passed whether the input passed
   * @param worst for an input that failed its direction check, its worst element; else null
   * @param problem what made the check impossible (a gradient of another shape), or null
   */
  public record InputResult(
      int index,
      String name,
      String type,
      double analytic,
      double numeric,
      double allowed,
      boolean passed,
      ElementResult worst,
      String problem) {
    static InputResult problem(int index, String name, String type, String problem) {
      return new InputResult(index, name, type, Double.NaN, Double.NaN, 0, false, null, problem);
    }

    /** {@code |analytic - numeric|} along the worst direction. */
    public double absError() {
      return Math.abs(analytic - numeric);
    }

    /** {@code |analytic - numeric| / max(|analytic|, |numeric|)} along the worst direction. */
    public double relError() {
      return relative(analytic, numeric);
    }

    /** This result as text, naming the input by position and name. */
    public String describe() {
      String head = "input " + index + " '" + name + "' " + type + ": ";
      if (problem != null) {
        return head + problem;
      }
      String dir = "along a random direction: " + numbers(analytic, numeric, allowed);
      if (passed) {
        return head + "passed; " + dir;
      }
      String w = worst == null ? "" : worst.describe() + "\n    ";
      return head + "FAILED\n    " + w + dir;
    }
  }

  /**
   * One element of an input's gradient next to its central difference.
   *
   * @param index the element's index in the input
   * @param analytic the symbolic gradient's element
   * @param numeric the central difference of the cost along that element
   * @param allowed the largest absolute error that passes there
   */
  public record ElementResult(
      List<Integer> index, double analytic, double numeric, double allowed) {
    /** Copies the index. */
    public ElementResult {
      index = List.copyOf(index);
    }

    /** {@code |analytic - numeric|}. */
    public double absError() {
      return Math.abs(analytic - numeric);
    }

    /** {@code |analytic - numeric| / max(|analytic|, |numeric|)}. */
    public double relError() {
      return relative(analytic, numeric);
    }

    /** This element as text. */
    public String describe() {
      return "worst element " + index + ": " + numbers(analytic, numeric, allowed);
    }
  }
}
