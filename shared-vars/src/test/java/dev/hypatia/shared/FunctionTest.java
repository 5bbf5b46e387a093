package dev.hypatia.shared;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.optimize.Mode;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.Interpreter;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FunctionTest {
  private static NDArray randomMatrix(SplittableRandom r, int rows, int cols) {
    double[][] m = new double[rows][cols];
    for (double[] row : m) {
      for (int j = 0; j < cols; j++) {
        row[j] = r.nextDouble(-2, 2);
      }
    }
    return NDArray.of(m);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void call_matchesTheInterpreter_onEachBackend(Backend backend) {
    SplittableRandom r = new SplittableRandom(7);
    SharedVariable w = SharedVariable.shared(randomMatrix(r, 1, 3), "w");
    Variable x = T.dmatrix("x");
    Variable v = T.dvector("v");
    Variable a = x.mul(w).exp().sum(1).add(v);
    Variable b = x.dot(w.transpose()).tanh().mean();
    Function f = Function.builder().inputs(x, v).outputs(a, b).backend(backend).build();
    for (int trial = 0; trial < 3; trial++) {
      NDArray xv = randomMatrix(r, 4, 3);
      NDArray vv = randomMatrix(r, 1, 4).reshape(4);
      List<NDArray> got = f.call(xv, vv);
      List<NDArray> want = Interpreter.evaluate(List.of(a, b), Map.of(x, xv, v, vv, w, w.get()));
      assertEquals(2, got.size());
      for (int i = 0; i < 2; i++) {
        assertTrue(got.get(i).allClose(want.get(i), 1e-12, 1e-12), backend + " output " + i);
      }
    }
  }

  @Test
  void call_acceptsJavaValues_andReturnsArraysTheCallerOwns() {
    SharedVariable w = SharedVariable.shared(new double[] {1, 2}, "w");
    Variable x = T.dvector("x");
    Function f = Function.builder().inputs(x).outputs(x.add(w), w).build();
    List<NDArray> out = f.call((Object) new double[] {10, 20});
    assertArrayEquals(new double[] {11, 22}, out.get(0).toDoubleArray());
    out.get(1).setFlat(0, 99);
    assertArrayEquals(new double[] {1, 2}, w.get().toDoubleArray());
  }

  @Test
  void updates_areComputedFromTheOldValues_andCommittedTogether() {
    SharedVariable a = SharedVariable.shared(new double[] {1, 2}, "a");
    SharedVariable b = SharedVariable.shared(new double[] {10, 20}, "b");
    Function swap =
        Function.builder().outputs(a.add(b)).update(a, b.mul(1.0)).update(b, a.mul(1.0)).build();
    List<NDArray> out = swap.call();
    assertArrayEquals(new double[] {11, 22}, out.get(0).toDoubleArray());
    assertArrayEquals(new double[] {10, 20}, a.get().toDoubleArray());
    assertArrayEquals(new double[] {1, 2}, b.get().toDoubleArray());
    assertEquals(List.of(a, b), swap.updated());
  }

  @Test
  void anOutputThatIsAlsoAnUpdate_isNotSharedWithTheStoredValue() {
    SharedVariable w = SharedVariable.shared(new double[] {1, 2}, "w");
    Variable next = w.add(1.0);
    Function f = Function.builder().outputs(next).update(w, next).build();
    NDArray out = f.call().get(0);
    out.setFlat(0, -5);
    assertArrayEquals(new double[] {2, 3}, w.get().toDoubleArray());
  }

  @Test
  void givens_substituteVariablesBeforeCompiling() {
    SharedVariable data = SharedVariable.shared(new double[] {1, 2, 3}, "data");
    Variable x = T.dvector("x");
    Variable k = T.dscalar("k");
    Variable y = x.mul(k).sum();
    Function f = Function.builder().inputs(k).outputs(y).givens(Map.of(x, data)).name("g").build();
    assertEquals(12.0, f.call(2.0).get(0).item());
    assertEquals(List.of(data), f.sharedInputs());
    Variable z = T.dvector("z");
    Function h = Function.builder().inputs(z, k).outputs(y).given(x, z.mul(2.0)).build();
    assertEquals(12.0, h.call(new double[] {1, 2}, 2.0).get(0).item());
  }

  @Test
  void givens_reject_aReplacementOfAnotherType() {
    Variable x = T.dvector("x");
    Variable m = T.dmatrix("m");
    HypatiaException e =
        assertThrows(
            HypatiaException.class,
            () -> Function.builder().inputs(m).outputs(x.sum()).given(x, m).build());
    assertTrue(
        e.getMessage().contains("givens: x: float64[?]")
            && e.getMessage().contains("cannot be replaced by m: float64[?,?]"),
        e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void sourceRewriteLogAndDebugprint_describeTheCompiledGraph(Backend backend) {
    Variable x = T.dvector("x");
    Function f =
        Function.builder()
            .inputs(x)
            .outputs(x.mul(2.0).exp().named("e"))
            .backend(backend)
            .mode(Mode.FAST_COMPILE)
            .name("f")
            .build();
    assertEquals(List.of(x), f.inputs());
    assertEquals(1, f.outputs().size());
    assertNotNull(f.rewriteLog());
    assertTrue(f.rewriteLog().graphAfter().contains("exp"), f.rewriteLog().graphAfter());
    assertTrue(f.debugprint().contains("exp") && f.debugprint().contains("x"), f.debugprint());
    if (backend == Backend.INTERPRETER) {
      assertTrue(f.source().contains("INTERPRETER backend: no generated source"), f.source());
    } else {
      assertTrue(f.source().contains("class"), f.source());
    }
    assertEquals("function f", f.toString());
    assertEquals(backend, f.backend());
  }
}
