package dev.hypatia.jvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.FunctionGraph;
import dev.hypatia.symbolic.Interpreter;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The memory plan: buffer reuse and in-place writes, never at the expense of a live value. */
class MemoryPlanTest {
  private static final int N = 200_000;

  private static NDArray ramp(int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = (i % 1000) * 1e-3;
    }
    return NDArray.of(v);
  }

  /** Compiles without rewriting, so every node of the chain is its own loop. */
  private static CompiledGraph unfused(List<Variable> ins, List<Variable> outs) {
    return JvmLinker.asm().link(FunctionGraph.copyOf(ins, outs));
  }

  @Test
  void longElementwiseChain_allocatesOnlyItsOutput() {
    Variable x = T.dvector("x");
    Variable y = x;
    for (int i = 0; i < 12; i++) {
      y = (i % 3 == 0) ? y.exp() : (i % 3 == 1) ? y.sin() : y.mul(x);
    }
    CompiledGraph f = unfused(List.of(x), List.of(y));
    assertEquals(12, f.graph().nodeCount());
    NDArray in = ramp(N);
    NDArray before = in.copy();
    CompiledGraph.Call call = f.call(List.of(in));
    // one buffer for the first node; the other eleven write in place into it
    assertEquals(1, f.memoryPlan().buffers());
    assertEquals(11, f.memoryPlan().inPlaceCount());
    assertEquals(1, call.frame().allocations());
    assertTrue(in.contentEquals(before), "the caller's input is untouched");
    NDArray want = Interpreter.evaluate(List.of(y), Map.of(x, in)).get(0);
    assertArrayEquals(want.toDoubleArray(), call.outputs().get(0).toDoubleArray(), 0.0);
    assertNotSame(in.data(), call.outputs().get(0).data());
  }

  @Test
  void deadBuffers_areReusedAcrossBranches() {
    Variable x = T.dvector("x");
    Variable a = x.exp();
    Variable b = x.sin();
    Variable c = a.mul(b); // a dies here: in place
    Variable d = x.cos(); // b died at c: d reuses b's buffer
    Variable out = c.add(d);
    CompiledGraph f = unfused(List.of(x), List.of(out));
    CompiledGraph.Call call = f.call(List.of(ramp(N)));
    assertEquals(2, f.memoryPlan().buffers());
    assertEquals(2, call.frame().allocations());
    NDArray want = Interpreter.evaluate(List.of(out), Map.of(x, ramp(N))).get(0);
    assertArrayEquals(want.toDoubleArray(), call.outputs().get(0).toDoubleArray(), 0.0);
  }

  @Test
  void valuesStillNeeded_areNeverOverwritten() {
    Variable x = T.dmatrix("x");
    Variable y = x.exp();
    Variable z = y.add(y.transpose()); // y is also read through a view: not in place
    Variable w = z.mul(2.0);
    CompiledGraph f = unfused(List.of(x), List.of(w, y)); // y is an output: never reused
    double[][] v = {{0.1, 0.2, 0.3}, {0.4, 0.5, 0.6}, {0.7, 0.8, 0.9}};
    List<NDArray> got = f.run(NDArray.of(v));
    List<NDArray> want = Interpreter.evaluate(List.of(w, y), Map.of(x, NDArray.of(v)));
    assertArrayEquals(want.get(0).toDoubleArray(), got.get(0).toDoubleArray(), 0.0);
    assertArrayEquals(want.get(1).toDoubleArray(), got.get(1).toDoubleArray(), 0.0);
    assertNotSame(got.get(0).data(), got.get(1).data());
  }

  @Test
  void anInputIsNeverWrittenInPlace() {
    Variable x = T.dvector("x");
    Variable y = x.exp();
    CompiledGraph f = unfused(List.of(x), List.of(y));
    NDArray in = ramp(10);
    NDArray before = in.copy();
    f.run(in);
    assertTrue(in.contentEquals(before));
    assertEquals(0, f.memoryPlan().inPlaceCount());
  }
}
