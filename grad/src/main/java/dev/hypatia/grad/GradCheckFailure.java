package dev.hypatia.grad;

/**
 * A failed {@link GradCheck}: an {@link AssertionError} (so any test framework reports it) whose
 * message is the {@link GradCheckReport#describe() report}, naming the input, its worst element,
 * the analytic and numeric values, their absolute and relative errors, and the seed.
 */
public final class GradCheckFailure extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final transient GradCheckReport report;

  GradCheckFailure(GradCheckReport report) {
    super(report.describe());
    this.report = report;
  }

  /** The report of the failed check. */
  public GradCheckReport report() {
    return report;
  }
}
