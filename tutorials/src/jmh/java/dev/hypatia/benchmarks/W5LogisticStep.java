package dev.hypatia.benchmarks;

import dev.hypatia.jvm.CompiledGraph;
import dev.hypatia.jvm.JvmLinker;
import dev.hypatia.symbolic.NDArray;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W5, one SGD step of softmax regression on X 10000x784 (float64) with 10 classes: the compiled
 * training graph (loss, gradients by Grad, update; compiled once) against the same step written by
 * hand with plain loops (always one thread). Time per step.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class W5LogisticStep {
  /** Threads the compiled kernels may use. */
  @Param({"1", "2"})
  public int threads;

  private LogisticModel.Data data;
  private Object[] arrays;
  private CompiledGraph step;

  /** Sets the thread count, builds the data, compiles the step and checks it against the loops. */
  @Setup
  public void setUp() {
    BenchData.setThreads(threads);
    data = new LogisticModel.Data();
    arrays = data.arrays();
    LogisticModel.TrainGraph g = LogisticModel.build(LogisticModel.LR);
    step = JvmLinker.asm().compile(g.inputs(), g.outputs());
    LogisticModel.Step hand =
        LogisticModel.step(data.x, data.labels, data.w, data.b, LogisticModel.LR);
    List<NDArray> out = step.run(arrays);
    BenchData.check("loss", out.get(0), new double[] {hand.loss()}, 1e-10);
    BenchData.check("W", out.get(1), hand.w(), 1e-12);
    BenchData.check("b", out.get(2), hand.b(), 1e-12);
  }

  /** The compiled training step. */
  @Benchmark
  public List<NDArray> compiledStep() {
    return step.run(arrays);
  }

  /** The hand-written step. */
  @Benchmark
  public Object baselineJavaLoops() {
    return LogisticModel.step(data.x, data.labels, data.w, data.b, LogisticModel.LR);
  }
}
