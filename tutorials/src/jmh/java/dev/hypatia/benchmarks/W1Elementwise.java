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
 * W1, a fused elementwise expression {@code exp(-x*x)*sin(y)+0.5*x} over two vectors: the compiled
 * graph (SIMD and scalar) against a hand-written scalar loop, a hand-written Vector API loop and
 * the interpreter. Every variant returns a new output array, as the compiled function does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class W1Elementwise {
  /** Vector length. */
  @Param({"1000000", "10000000"})
  public int n;

  /** Element type: float64 or float32. */
  @Param({"float64", "float32"})
  public String dtype;

  private double[] xd;
  private double[] yd;
  private float[] xf;
  private float[] yf;
  private NDArray x;
  private NDArray y;
  private CompiledGraph simd;
  private CompiledGraph scalar;
  private Variable out;
  private Map<Variable, NDArray> bindings;

  /** Builds the inputs and compiles the graph twice, then checks every variant's result. */
  @Setup
  public void setUp() {
    DType type = BenchData.dtype(dtype);
    xd = BenchData.uniform(1, n, -2, 2);
    yd = BenchData.uniform(2, n, -2, 2);
    Variable vx = T.tensor(type, "x", -1);
    Variable vy = T.tensor(type, "y", -1);
    out = vx.mul(vx).neg().exp().mul(vy.sin()).add(vx.mul(0.5));
    if (type == DType.FLOAT32) {
      xf = BenchData.toFloat(xd);
      yf = BenchData.toFloat(yd);
      x = NDArray.wrap(type, xf, n);
      y = NDArray.wrap(type, yf, n);
    } else {
      x = NDArray.wrap(type, xd, n);
      y = NDArray.wrap(type, yd, n);
    }
    bindings = Map.of(vx, x, vy, y);
    simd = JvmLinker.asm().compile(List.of(vx, vy), List.of(out));
    scalar = JvmLinker.asm().withVectorize(false).compile(List.of(vx, vy), List.of(out));
    check();
  }

  private void check() {
    double tol = xf != null ? 1e-5 : 1e-12;
    if (xf != null) {
      float[] expected = ScalarBaselines.w1(xf, yf);
      BenchData.check("simd", simd.run(x, y).get(0), expected, tol);
      BenchData.check("scalar", scalar.run(x, y).get(0), expected, tol);
      BenchData.check("vector baseline", NDArray.of(VectorBaselines.w1(xf, yf)), expected, tol);
    } else {
      double[] expected = ScalarBaselines.w1(xd, yd);
      BenchData.check("simd", simd.run(x, y).get(0), expected, tol);
      BenchData.check("scalar", scalar.run(x, y).get(0), expected, tol);
      BenchData.check("vector baseline", NDArray.of(VectorBaselines.w1(xd, yd)), expected, tol);
    }
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
  public Object baselineJavaScalar() {
    return xf != null ? ScalarBaselines.w1(xf, yf) : ScalarBaselines.w1(xd, yd);
  }

  /** A hand-written Vector API loop. */
  @Benchmark
  public Object baselineJavaVector() {
    return xf != null ? VectorBaselines.w1(xf, yf) : VectorBaselines.w1(xd, yd);
  }

  /**
   * The reference interpreter on the unrewritten graph, with fewer iterations (it is slow);
   * BenchRunner runs it for n up to 1e6 only.
   */
  @Benchmark
  @Warmup(iterations = 1, time = 1)
  @Measurement(iterations = 3, time = 1)
  public List<NDArray> baselineInterpreter() {
    return Interpreter.evaluate(List.of(out), bindings);
  }
}
