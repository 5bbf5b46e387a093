package dev.hypatia.symbolic;

import java.net.URL;
import java.security.CodeSource;

/**
 * Where in user code a variable was created ({@code Demo.java:12}), for error messages.
 *
 * <p>Frames of Hypatia's own library classes and of the JDK are skipped; the first frame left is
 * the user's. Test classes and tutorials count as user code.
 */
public record SourceLocation(String className, String methodName, String fileName, int line) {
  private static final StackWalker WALKER =
      StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

  private static final ClassValue<Boolean> IS_LIBRARY =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          String n = type.getName();
          if (n.startsWith("java.") || n.startsWith("jdk.") || n.startsWith("sun.")) {
            return true;
          }
          if (Op.class.isAssignableFrom(type)) {
            return true; // a user's own op builds nodes for the line that called it
          }
          if (!n.startsWith("dev.hypatia.") || n.startsWith("dev.hypatia.tutorials.")) {
            return false;
          }
          CodeSource cs = type.getProtectionDomain().getCodeSource();
          URL url = cs == null ? null : cs.getLocation();
          return url == null || !url.getPath().contains("test-classes");
        }
      };

  /** An unknown location. */
  public static final SourceLocation UNKNOWN = new SourceLocation("?", "?", "?", -1);

  /** The location of the nearest caller outside Hypatia's library code. */
  public static SourceLocation ofCaller() {
    return WALKER.walk(
        frames ->
            frames
                .filter(f -> !IS_LIBRARY.get(f.getDeclaringClass()))
                .findFirst()
                .map(
                    f ->
                        new SourceLocation(
                            f.getClassName(),
                            f.getMethodName(),
                            f.getFileName() == null ? "?" : f.getFileName(),
                            f.getLineNumber()))
                .orElse(UNKNOWN));
  }

  /** {@code Demo.java:12}. */
  @Override
  public String toString() {
    return line < 0 ? fileName : fileName + ":" + line;
  }
}
