package dev.hypatia.shared;

/** Which linker runs a compiled {@link Function}. */
public enum Backend {
  /** The reference {@link dev.hypatia.symbolic.Interpreter}, node by node: slow, the spec. */
  INTERPRETER,
  /** JVM bytecode emitted with ASM ({@link dev.hypatia.jvm.JvmLinker#asm()}): the default. */
  ASM,
  /** Java source compiled with Janino ({@link dev.hypatia.jvm.JvmLinker#janino()}). */
  JANINO
}
