package dev.hypatia.symbolic;

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
  public static HypatiaException forInputs(
      String opName, String problem, java.util.List<Variable> inputs) {
    StringBuilder sb = new StringBuilder(opName).append(": ").append(problem);
    for (int i = 0; i < inputs.size(); i++) {
      sb.append("\n  input ").append(i).append(": ").append(inputs.get(i).describe());
    }
    return new HypatiaException(sb.toString());
  }
}
