package dev.hypatia.symbolic;

/**
 * Turns a (usually rewritten) graph into an {@link Executable}: the interpreter, JVM bytecode, Java
 * source, OpenCL. The graph is not modified and not retained mutable: later changes to it do not
 * change the executable.
 */
public interface Linker {
  /** A short name for messages and benchmarks ({@code asm}, {@code janino}). */
  String name();

  /**
   * Compiles {@code graph}. Not modified: graph.
   *
   * @throws HypatiaException when the graph cannot be compiled
   */
  Executable link(FunctionGraph graph);
}
