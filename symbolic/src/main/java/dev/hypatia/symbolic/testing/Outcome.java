package dev.hypatia.symbolic.testing;

/**
 * What one run of a property on one generated value gave: its choices, the value, and how the check
 * ended.
 */
record Outcome<T>(Kind kind, long[] choices, T value, Throwable failure) {
  enum Kind {
    PASSED,
    DISCARDED,
    FAILED,
    /** The generator itself threw (only while shrinking: an edited sequence it cannot use). */
    INVALID
  }

  /**
   * Generates a value from {@code source} and checks it. Errors of the JVM itself are rethrown.
   *
   * @param shrinking whether a generator error makes the outcome {@link Kind#INVALID} (else it
   *     propagates)
   */
  static <T> Outcome<T> run(
      Gen<T> gen, Property.Check<? super T> body, Source source, boolean shrinking) {
    T value;
    try {
      value = gen.generate(source);
    } catch (RuntimeException e) {
      if (shrinking) {
        return new Outcome<>(Kind.INVALID, source.choices(), null, e);
      }
      throw e;
    }
    try {
      body.accept(value);
      return new Outcome<>(Kind.PASSED, source.choices(), value, null);
    } catch (Property.Discard d) {
      return new Outcome<>(Kind.DISCARDED, source.choices(), value, null);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable t) {
      return new Outcome<>(Kind.FAILED, source.choices(), value, t);
    }
  }
}
