package dev.hypatia.symbolic;

import java.util.List;

/**
 * A type, shape or value error in a graph or a call: the message names the op, each variable
 * involved with its type (and actual shape, at run time) and the line of user code that created it.
 */
public class HypatiaException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public HypatiaException(String message) {
    super(message);
  }

  public HypatiaException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * An error for {@code op} applied to {@code inputs}: "{@code opName}: {@code problem}", then one
   * line per input with its name, type and creation site.
   */
  public static HypatiaException forInputs(String opName, String problem, List<Variable> inputs) {
    StringBuilder sb = new StringBuilder(opName).append(": ").append(problem);
    for (int i = 0; i < inputs.size(); i++) {
      sb.append("\n  input ").append(i).append(": ").append(inputs.get(i).describe());
    }
    return new HypatiaException(sb.toString());
  }

  /**
   * Runs {@code build}, turning an {@link IllegalArgumentException} it throws (a bad axis, a bad
   * repetition count, ...) into a {@code HypatiaException} naming {@code opName} and every input
   * with its type and creation site. HypatiaExceptions pass through unchanged.
   */
  public static <R> R naming(
      String opName, List<Variable> inputs, java.util.function.Supplier<R> build) {
    try {
      return build.get();
    } catch (HypatiaException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      String m = String.valueOf(e.getMessage());
      String problem = m.startsWith(opName + ": ") ? m.substring(opName.length() + 2) : m;
      HypatiaException named = forInputs(opName, problem, inputs);
      named.initCause(e);
      throw named;
    }
  }
}
