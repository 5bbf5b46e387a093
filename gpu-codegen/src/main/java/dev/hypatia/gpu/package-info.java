/**
 * OpenCL C kernels for rewritten graphs and their runtime through JOCL.
 *
 * <p>Not built yet.
 */
package dev.hypatia.gpu;
