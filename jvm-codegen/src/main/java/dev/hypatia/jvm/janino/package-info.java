/**
 * The source generator: prints a lowered {@link dev.hypatia.jvm.code.ClassDef} as readable Java and
 * compiles it in process with Janino.
 */
package dev.hypatia.jvm.janino;
