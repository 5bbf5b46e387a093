package dev.hypatia.shared;

import java.io.IOException;

/**
 * A graph file that cannot be read: a wrong magic header, an unsupported format version, a
 * truncated or corrupt file, or a graph that does not type-check. The message names what is wrong
 * and the byte offset where it was found.
 */
public final class GraphFileException extends IOException {
  private static final long serialVersionUID = 1L;

  /** An error with {@code message}. */
  public GraphFileException(String message) {
    super(message);
  }

  /** An error with {@code message} caused by {@code cause}. */
  public GraphFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
