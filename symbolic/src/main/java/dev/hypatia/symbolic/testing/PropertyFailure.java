package dev.hypatia.symbolic.testing;

/**
 * The failure of a property: an {@link AssertionError} (so any test framework reports it) whose
 * message gives the seed, the try, the original failing input and the shrunk one. Its cause is the
 * failure of the shrunk input; the failure of the original input, when it is another throwable, is
 * attached as suppressed.
 */
public final class PropertyFailure extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final long seed;
  private final int tryNumber;
  private final transient Object originalInput;
  private final transient Object shrunkInput;
  private final int shrinkSteps;

  PropertyFailure(
      String message,
      long seed,
      int tryNumber,
      Object originalInput,
      Object shrunkInput,
      int shrinkSteps,
      Throwable cause) {
    super(message, cause);
    this.seed = seed;
    this.tryNumber = tryNumber;
    this.originalInput = originalInput;
    this.shrunkInput = shrunkInput;
    this.shrinkSteps = shrinkSteps;
  }

  /** The seed of the run: {@code -Dhypatia.seed=<seed>} replays it. */
  public long seed() {
    return seed;
  }

  /** Which try failed, counting from 1. */
  public int tryNumber() {
    return tryNumber;
  }

  /** The input that failed first (regenerated from its choices, so unmodified by the check). */
  public Object originalInput() {
    return originalInput;
  }

  /** The smallest failing input that shrinking found (regenerated, unmodified by the check). */
  public Object shrunkInput() {
    return shrunkInput;
  }

  /** How many shrinking edits were kept between the original and the shrunk input. */
  public int shrinkSteps() {
    return shrinkSteps;
  }
}
