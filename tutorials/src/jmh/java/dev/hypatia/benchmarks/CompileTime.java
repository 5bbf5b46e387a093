package dev.hypatia.benchmarks;

import dev.hypatia.jvm.CompiledGraph;
import dev.hypatia.jvm.JvmLinker;
import dev.hypatia.optimize.Optimizer;
import dev.hypatia.symbolic.FunctionGraph;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Compile time of the W5 training graph (softmax cross-entropy, gradients by Grad, SGD update) on a
 * warm JVM. A "first" compile sees a graph this JVM has not compiled before: each invocation builds
 * it with a learning rate of its own, a constant no earlier graph had. A "cached" compile compiles
 * a graph of a structure compiled before.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class CompileTime {
  private static long fresh;

  private LogisticModel.TrainGraph compiled;

  /** A learning rate no graph in this JVM has used. */
  static double freshRate() {
    fresh++;
    return LogisticModel.LR * (1 + fresh * 1e-9);
  }

  /** Compiles the training graph once, so that the cached variants find it. */
  @Setup
  public void setUp() {
    compiled = LogisticModel.build(LogisticModel.LR);
    JvmLinker.asm().compile(compiled.inputs(), compiled.outputs());
  }

  /** A new training graph, rewritten with FAST_RUN, ready to link. */
  @State(Scope.Thread)
  public static class Rewritten {
    FunctionGraph graph;

    /** Builds and rewrites a new graph before each invocation (outside the timing). */
    @Setup(Level.Invocation)
    public void setUp() {
      LogisticModel.TrainGraph g = LogisticModel.build(freshRate());
      graph = Optimizer.optimized(g.inputs(), g.outputs(), dev.hypatia.optimize.Mode.FAST_RUN);
    }
  }

  /** Building the graph and its gradients only (no rewriting, no code): the share of Grad. */
  @Benchmark
  public Object buildOnly() {
    return LogisticModel.build(freshRate());
  }

  /** First compile with ASM: build, gradients, FAST_RUN rewrite and link of a new graph. */
  @Benchmark
  public CompiledGraph firstCompileAsm() {
    LogisticModel.TrainGraph g = LogisticModel.build(freshRate());
    return JvmLinker.asm().withCache(false).compile(g.inputs(), g.outputs());
  }

  /** As {@link #firstCompileAsm} with the Janino generator. */
  @Benchmark
  public CompiledGraph firstCompileJanino() {
    LogisticModel.TrainGraph g = LogisticModel.build(freshRate());
    return JvmLinker.janino().withCache(false).compile(g.inputs(), g.outputs());
  }

  /** The link alone (lowering, code generation, class definition) of a new rewritten graph. */
  @Benchmark
  public CompiledGraph firstLinkAsm(Rewritten r) {
    return JvmLinker.asm().withCache(false).link(r.graph);
  }

  /** Compiling again the very graph compiled in setup. */
  @Benchmark
  public CompiledGraph cachedCompileSameGraph() {
    return JvmLinker.asm().compile(compiled.inputs(), compiled.outputs());
  }

  /** Building again a graph of the structure compiled in setup, and compiling it. */
  @Benchmark
  public CompiledGraph cachedCompileRebuilt() {
    LogisticModel.TrainGraph g = LogisticModel.build(LogisticModel.LR);
    return JvmLinker.asm().compile(g.inputs(), g.outputs());
  }
}
