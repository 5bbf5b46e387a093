package dev.hypatia.jvm.runtime;

/**
 * Whether this JVM has the Vector API ({@code jdk.incubator.vector}, present when started with
 * {@code --add-modules jdk.incubator.vector}). Code that names Vector API classes lives in classes
 * loaded only when {@link #available()} is true, so a JVM without the module never links them.
 */
public final class VectorSupport {
  private static final boolean AVAILABLE =
      ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
          && !Boolean.getBoolean("hypatia.novector");

  private VectorSupport() {}

  /**
   * True when the Vector API module is in the boot layer and the system property {@code
   * hypatia.novector} is not set to true (which turns SIMD kernels off for comparison).
   */
  public static boolean available() {
    return AVAILABLE;
  }
}
