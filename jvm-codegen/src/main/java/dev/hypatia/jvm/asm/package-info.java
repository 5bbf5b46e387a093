/**
 * The bytecode generator: writes a lowered {@link dev.hypatia.jvm.code.ClassDef} with ASM and
 * defines it as a hidden class in this package (so generated code can name only public types).
 */
package dev.hypatia.jvm.asm;
