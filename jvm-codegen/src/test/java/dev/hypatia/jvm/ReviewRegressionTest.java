package dev.hypatia.jvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hypatia.jvm.runtime.MatrixKernels;
import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.FunctionGraph;
import dev.hypatia.symbolic.Interpreter;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Elemwise;
import dev.hypatia.symbolic.scalar.Composite;
import dev.hypatia.symbolic.scalar.UnaryFn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Bugs a review of the code generator found, each kept as a test. */
class ReviewRegressionTest {
  private static final List<JvmLinker> LINKERS =
      List.of(JvmLinker.asm(), JvmLinker.asm().withVectorize(false), JvmLinker.janino());

  private static NDArray mat(int r, int c, double base) {
    double[][] v = new double[r][c];
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < c; j++) {
        v[i][j] = base + 0.5 * i + 0.125 * j;
      }
    }
    return NDArray.of(v);
  }

  /** Unfused graphs (every node its own loop) agree bit for bit with the interpreter. */
  private static void same(List<Variable> ins, List<Variable> outs, NDArray... values) {
    Map<Variable, Object> bindings = new HashMap<>();
    for (int i = 0; i < ins.size(); i++) {
      bindings.put(ins.get(i), values[i]);
    }
    List<NDArray> want = Interpreter.evaluate(outs, bindings);
    for (JvmLinker linker : LINKERS) {
      List<NDArray> got = linker.link(FunctionGraph.copyOf(ins, outs)).run(List.of(values));
      for (int k = 0; k < want.size(); k++) {
        assertArrayEquals(
            want.get(k).toDoubleArray(), got.get(k).toDoubleArray(), linker.name() + " out " + k);
      }
    }
  }

  @Test
  void inPlace_neverOverwritesAnInputThatOnlyBroadcasts() {
    Variable x = T.dmatrix("x");
    Variable y = T.dmatrix("y");
    Variable c = x.exp().add(y.exp()); // exp(y)'s buffer dies here
    Variable s = c.sum(true, 1); // (3,1), reusing that buffer
    Variable d = s.mul(y); // s broadcasts to (3,4): writing in place would clobber it
    same(List.of(x, y), List.of(d), mat(3, 4, 0.1), mat(3, 4, 0.2));
  }

  @Test
  void compositeReturningAnInputSlot_readsItBeforeWritingInPlace() {
    Variable x = T.dvector("x");
    Variable a = x.sin();
    Composite comp =
        new Composite(1, List.of(Composite.Instruction.of(UnaryFn.EXP, 0)), List.of(1, 0));
    Apply n = new Elemwise(comp).makeNode(List.of(a));
    same(List.of(x), n.outputs(), NDArray.of(0.1, 0.2, 0.3));
  }

  @Test
  void simdSumsAndMaxima_keepTheSignOfZero() {
    double[] zeros = new double[20];
    java.util.Arrays.fill(zeros, -0.0);
    Variable x = T.dvector("x");
    same(List.of(x), List.of(x.sum()), NDArray.of(zeros));
    same(List.of(x), List.of(x.maximum(0.0)), NDArray.of(zeros));
    same(List.of(x), List.of(x.min()), NDArray.of(zeros));
  }

  @Test
  void oneCompiledGraph_isSafeFromManyThreads_whileTheMatrixKernelGrowsItsPool() throws Exception {
    int before = MatrixKernels.threads();
    MatrixKernels.setThreads(8);
    ExecutorService ex = Executors.newFixedThreadPool(8);
    try {
      Variable a = T.dmatrix("a");
      Variable b = T.dmatrix("b");
      Variable out = a.dot(b).exp().sum(1);
      CompiledGraph f = JvmLinker.asm().compile(List.of(a, b), List.of(out));
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < 32; t++) {
        int n = 40 + 37 * (t % 8);
        runs.add(
            ex.submit(
                () -> {
                  NDArray m = mat(n, n, 0.001).astype(dev.hypatia.symbolic.DType.FLOAT64);
                  NDArray small = NDArray.full(dev.hypatia.symbolic.DType.FLOAT64, 1e-3, n, n);
                  NDArray got = f.run(m, small).get(0);
                  NDArray want = Interpreter.evaluate(List.of(out), Map.of(a, m, b, small)).get(0);
                  assertEquals(true, got.allClose(want, 1e-12, 0), "n = " + n);
                  return null;
                }));
      }
      for (Future<?> r : runs) {
        r.get();
      }
    } finally {
      ex.shutdown();
      MatrixKernels.setThreads(before);
    }
  }
}
