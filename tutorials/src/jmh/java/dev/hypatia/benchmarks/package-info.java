/**
 * JMH benchmarks of issue 6 (W1 fused elementwise, W2 reduction, W4 matmul, W5 a training step,
 * compile time), built and run only by the {@code benchmarks} Maven profile of the tutorials
 * module.
 *
 * <p>Each benchmark class holds the generated variants ({@code compiled*}) and their hand-written
 * or interpreted baselines ({@code baseline*}). {@link dev.hypatia.benchmarks.BenchRunner} runs
 * every variant of one configuration in the same JVM (a JVM launch lands in one of two speed modes,
 * so only ratios inside one JVM mean anything), several JVMs per configuration, and {@link
 * dev.hypatia.benchmarks.BenchReport} reports the median of the per-JVM ratios.
 */
package dev.hypatia.benchmarks;
