/**
 * What generated code calls at run time: scalar helpers, strided loops, allocation, the matrix
 * kernels. Public because hidden classes and Janino-compiled classes call it; not a user API.
 */
package dev.hypatia.jvm.runtime;
