/**
 * Compiles rewritten graphs to JVM code: {@link dev.hypatia.jvm.JvmLinker} lowers a graph to a
 * program (schedule, memory plan, kernels), then prints it as bytecode with ASM (the default) or as
 * readable Java compiled by Janino.
 */
package dev.hypatia.jvm;
