package dev.hypatia.benchmarks;

import dev.hypatia.jvm.CompiledGraph;
import dev.hypatia.jvm.JvmLinker;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.Interpreter;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import java.util.List;
import java.util.Map;
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
 * W2, a fused reduction {@code sum(exp(x)*y)} over two float64 vectors: the compiled graph (SIMD
 * and scalar) against a hand-written scalar loop, a hand-written Vector API loop (vector
 * accumulator) and the interpreter.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class W2SumReduction {
  /** Vector length. */
  @Param({"10000000"})
  public int n;

  private double[] xd;
  private double[] yd;
  private NDArray x;
  private NDArray y;
  private CompiledGraph simd;
  private CompiledGraph scalar;
  private Variable out;
  private Map<Variable, NDArray> bindings;

  /** Builds the inputs and compiles the graph twice, then checks every variant's result. */
  @Setup
  public void setUp() {
    xd = BenchData.uniform(3, n, -1, 1);
    yd = BenchData.uniform(4, n, -1, 1);
    x = NDArray.wrap(DType.FLOAT64, xd, n);
    y = NDArray.wrap(DType.FLOAT64, yd, n);
    Variable vx = T.dvector("x");
    Variable vy = T.dvector("y");
    out = vx.exp().mul(vy).sum();
    bindings = Map.of(vx, x, vy, y);
    simd = JvmLinker.asm().compile(List.of(vx, vy), List.of(out));
    scalar = JvmLinker.asm().withVectorize(false).compile(List.of(vx, vy), List.of(out));
    double[] expected = {ScalarBaselines.w2(xd, yd)};
    // the summation order differs between variants: a relative tolerance well above rounding
    BenchData.check("simd", simd.run(x, y).get(0), expected, 1e-9);
    BenchData.check("scalar", scalar.run(x, y).get(0), expected, 1e-9);
    BenchData.check("vector baseline", NDArray.of(VectorBaselines.w2(xd, yd)), expected, 1e-9);
  }

  /** The graph compiled with ASM, Vector API loops. */
  @Benchmark
  public List<NDArray> compiledSimd() {
    return simd.run(x, y);
  }

  /** The graph compiled with ASM, scalar loops. */
  @Benchmark
  public List<NDArray> compiledScalar() {
    return scalar.run(x, y);
  }

  /** A hand-written scalar Java loop. */
  @Benchmark
  public double baselineJavaScalar() {
    return ScalarBaselines.w2(xd, yd);
  }

  /** A hand-written Vector API loop with a vector accumulator. */
  @Benchmark
  public double baselineJavaVector() {
    return VectorBaselines.w2(xd, yd);
  }

  /** The reference interpreter on the unrewritten graph (fewer iterations: it is slow). */
  @Benchmark
  @Warmup(iterations = 1, time = 1)
  @Measurement(iterations = 3, time = 1)
  public List<NDArray> baselineInterpreter() {
    return Interpreter.evaluate(List.of(out), bindings);
  }
}
