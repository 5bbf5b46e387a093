/**
 * Lowering of rewritten graphs to JVM bytecode (ASM) and to readable Java (Janino).
 *
 * <p>Not built yet: see the [jvm-codegen] issue.
 */
package dev.hypatia.jvm;
