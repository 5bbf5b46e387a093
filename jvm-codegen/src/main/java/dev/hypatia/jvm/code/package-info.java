/**
 * The lowered program as data: typed expressions, statements, methods and classes, which both
 * generators print (ASM as bytecode, Janino as Java source), so the two can never disagree on what
 * a graph compiles to.
 */
package dev.hypatia.jvm.code;
