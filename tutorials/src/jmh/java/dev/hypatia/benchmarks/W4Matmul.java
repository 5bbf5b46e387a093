package dev.hypatia.benchmarks;

import dev.hypatia.jvm.CompiledGraph;
import dev.hypatia.jvm.JvmLinker;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
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
 * W4, a square matrix product through the compiled graph of {@code a.dot(b)} against a hand-written
 * i-k-j loop (always one thread). BenchReport turns the times into GFLOP/s ({@code 2 size^3 / t}).
 * The thread count is set before the first compile (see {@link BenchData#setThreads}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class W4Matmul {
  /** Rows and columns of both matrices. */
  @Param({"1024"})
  public int size;

  /** Element type: float64 or float32. */
  @Param({"float64", "float32"})
  public String dtype;

  /** Threads the compiled kernel may use. */
  @Param({"1", "2"})
  public int threads;

  private double[] ad;
  private double[] bd;
  private float[] af;
  private float[] bf;
  private NDArray a;
  private NDArray b;
  private CompiledGraph dot;

  /** Sets the thread count, builds the inputs, compiles and checks the product. */
  @Setup
  public void setUp() {
    BenchData.setThreads(threads);
    DType type = BenchData.dtype(dtype);
    int n = size * size;
    ad = BenchData.uniform(5, n, -1, 1);
    bd = BenchData.uniform(6, n, -1, 1);
    if (type == DType.FLOAT32) {
      af = BenchData.toFloat(ad);
      bf = BenchData.toFloat(bd);
      a = NDArray.wrap(type, af, size, size);
      b = NDArray.wrap(type, bf, size, size);
    } else {
      a = NDArray.wrap(type, ad, size, size);
      b = NDArray.wrap(type, bd, size, size);
    }
    Variable va = T.tensor(type, "a", -1, -1);
    Variable vb = T.tensor(type, "b", -1, -1);
    dot = JvmLinker.asm().compile(List.of(va, vb), List.of(va.dot(vb)));
    // sums of size products in [-1, 1]: the order of the additions differs
    if (af != null) {
      BenchData.check("dot", dot.run(a, b).get(0), ScalarBaselines.matmul(af, bf, size), 1e-4);
    } else {
      BenchData.check("dot", dot.run(a, b).get(0), ScalarBaselines.matmul(ad, bd, size), 1e-11);
    }
  }

  /** The compiled graph of {@code a.dot(b)}. */
  @Benchmark
  public List<NDArray> compiledDot() {
    return dot.run(a, b);
  }

  /** A hand-written i-k-j loop on one thread. */
  @Benchmark
  public Object baselineJavaIkj() {
    return af != null ? ScalarBaselines.matmul(af, bf, size) : ScalarBaselines.matmul(ad, bd, size);
  }
}
