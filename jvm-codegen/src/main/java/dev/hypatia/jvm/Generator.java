package dev.hypatia.jvm;

/** Which generator prints the lowered program. */
public enum Generator {
  /** Bytecode written with ASM and defined as a hidden class (fast to compile; the default). */
  ASM,
  /** Java source compiled in process by Janino (readable; slower to compile). */
  JANINO
}
