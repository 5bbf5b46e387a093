/**
 * JMH benchmarks of issue 6 (W1 fused elementwise, W2 reduction, W4 matmul, W5 a training step,
 * compile time), built and run only by the {@code benchmarks} Maven profile of the tutorials
 * module:
 *
 * <pre>
 * mvn -B -Pbenchmarks -pl tutorials -am -DskipTests verify                  # the suite, ~20 min
 * mvn -B -Pbenchmarks -pl tutorials -am -DskipTests verify \
 *     -Dbench.args="W1 -f 1 -wi 1 -i 1 -p n=1000000"                        # a quick look
 * </pre>
 *
 * <p>The report is {@code tutorials/target/benchmarks.md}, the raw JMH JSON (one file per JVM run)
 * is under {@code tutorials/target/benchmarks/}.
 *
 * <p>Each benchmark class holds the generated variants ({@code compiled*}) and their hand-written
 * or interpreted baselines ({@code baseline*}). {@link dev.hypatia.benchmarks.BenchRunner} runs
 * every variant of one configuration in the same JVM (a JVM launch lands in one of two speed modes,
 * so only ratios inside one JVM mean anything), several JVMs per configuration, and {@link
 * dev.hypatia.benchmarks.BenchReport} reports the median of the per-JVM ratios. Running the jar
 * with plain JMH ({@code java --add-modules jdk.incubator.vector -jar benchmarks.jar W1}) works
 * too, but then each method gets JVMs of its own and ratios cross JVMs.
 */
package dev.hypatia.benchmarks;
