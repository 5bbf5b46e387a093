/**
 * Shared variables and the compiled {@link dev.hypatia.shared.Function}: inputs, outputs, updates
 * and givens, compiled with a rewrite mode and a {@link dev.hypatia.shared.Backend}; DEBUG mode, a
 * NaN guard and profiling; {@link dev.hypatia.shared.RandomStreams} whose state is shared and
 * advanced by calls; {@link dev.hypatia.shared.Optimizers} as update rules; {@link
 * dev.hypatia.shared.GraphFiles} and {@link dev.hypatia.shared.FunctionFiles} to save and load
 * graphs and functions with their shared values.
 *
 * <p>An OpenCL backend comes with gpu-codegen.
 */
package dev.hypatia.shared;
