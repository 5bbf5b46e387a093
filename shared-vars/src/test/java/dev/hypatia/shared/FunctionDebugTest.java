package dev.hypatia.shared;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.FunctionGraph;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** DEBUG mode, the NaN guard and profiling: what they catch, what they report, atomicity. */
class FunctionDebugTest {
  private final SharedVariable w = SharedVariable.shared(new double[] {0.1, -0.0, 3.5}, "w");
  private final Variable x = T.dvector("x");
  private int logLine;

  /** log(x - 5): NaN for x below 5, in the middle of the graph; w takes w + 2 * sum. */
  private FunctionBuilder logGraph(Backend backend) {
    logLine = new Throwable().getStackTrace()[0].getLineNumber() + 1;
    Variable y = T.log(x.sub(5.0));
    Variable z = y.mul(2.0).sum();
    return Function.builder().inputs(x).outputs(z).update(w, w.add(z)).backend(backend);
  }

  private long[] wBits() {
    NDArray v = w.get(true);
    long[] bits = new long[v.size()];
    for (int i = 0; i < bits.length; i++) {
      bits[i] = Double.doubleToRawLongBits(v.flatDouble(i));
    }
    return bits;
  }

  private HypatiaException failsAtomically(Function f, Object... values) {
    NDArray before = w.get(true);
    long[] bits = wBits();
    HypatiaException e = assertThrows(HypatiaException.class, () -> f.call(values));
    assertSame(before, w.get(true));
    assertArrayEquals(bits, wBits());
    return e;
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void debug_namesTheFirstNodeProducingNaN_withItsLine(Backend backend) {
    Function f = logGraph(backend).name("f").debug(true).build();
    String m = failsAtomically(f, new double[] {1, 2, 7}).getMessage();
    assertTrue(m.startsWith("function f: DEBUG check failed: log: output 0 has NaN"), m);
    assertTrue(m.contains("at flat index 0 although no input has NaN or Inf"), m);
    assertTrue(m.contains("actual float64[3]"), m);
    assertTrue(m.contains("node created at FunctionDebugTest.java:" + logLine), m);
    assertTrue(m.contains("(in the compiled graph: "), m);
  }

  @Test
  void debug_blamesARewrite_whenOnlyTheCompiledGraphProducesNaN() {
    FunctionGraph g = FunctionGraph.copyOf(List.of(x), List.of(T.log(x.sub(5.0))));
    FunctionBuilder written = Function.builder().debug(true).inputs(x).outputs(x.mul(2.0));
    DebugChecks c = DebugChecks.of(written, "function r", g, List.of(), List.of());
    List<Object> args = List.of(NDArray.of(new double[] {1}));
    String m =
        assertThrows(HypatiaException.class, () -> c.check(args, List.of(NDArray.of(2.0))))
            .getMessage();
    assertTrue(m.startsWith("function r: DEBUG check failed: log: output 0 has NaN"), m);
    assertTrue(
        m.endsWith("the graph as written has no such node: a rewrite introduced the NaN or Inf"),
        m);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void nanGuard_tripsOnANaNOutput_andLeavesSharedBitIdentical(Backend backend) {
    Function f = logGraph(backend).name("g").nanGuard(true).build();
    String m = failsAtomically(f, new double[] {6, 2, 7}).getMessage();
    assertTrue(m.startsWith("function g: NaN guard: output 0 ("), m);
    assertTrue(m.contains(") contains NaN at flat index 0"), m);
    assertTrue(m.contains("first node producing it: log: output 0 has NaN at flat index 1"), m);
    assertTrue(m.contains("FunctionDebugTest.java:" + logLine), m);
    double[] ok = {6, 7, 8};
    f.call(ok);
    assertEquals(0.1 + 2 * (Math.log(1) + Math.log(2) + Math.log(3)), w.get().flatDouble(0), 1e-12);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void nanGuard_namesAnUpdateWithInf(Backend backend) {
    Variable d = T.dvector("d");
    Function f =
        Function.builder()
            .inputs(d)
            .outputs(d.sum())
            .update(w, w.div(d))
            .nanGuard(true)
            .backend(backend)
            .build();
    String m = failsAtomically(f, new double[] {1, 1, 0}).getMessage();
    assertTrue(m.startsWith("function: NaN guard: the update of shared variable w contains"), m);
    assertTrue(m.contains("contains Infinity at flat index 2"), m);
    assertTrue(m.contains("first node producing it: "), m);
  }

  @Test
  void nanGuard_saysWhenTheNaNCameFromAnInput() {
    Function f = Function.builder().inputs(x).outputs(x.mul(2.0)).nanGuard(true).build();
    String m =
        assertThrows(HypatiaException.class, () -> f.call(new double[] {Double.NaN})).getMessage();
    assertTrue(m.contains("output 0 (") && m.contains(") contains NaN at flat index 0"), m);
    assertTrue(
        m.contains("no node produced NaN or Inf from finite inputs in the interpreter's replay"),
        m);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void debug_passesACleanGraph_withTheSameResults(Backend backend) {
    Variable n = T.lvector("n");
    Variable out = T.tanh(x.mul(w)).sum();
    Variable count = n.mul(3).add(1);
    double[] xv = {0.5, -1.5, 2.0};
    long[] nv = {4, -2, 9};
    SharedVariable w2 = SharedVariable.shared(new double[] {0.1, -0.0, 3.5}, "w2");
    Function plain =
        Function.builder().inputs(x, n).outputs(out, count).update(w2, w2.mul(0.5)).build();
    Function debug =
        Function.builder()
            .inputs(x, n)
            .outputs(T.tanh(x.mul(w)).sum(), count)
            .update(w, w.mul(0.5))
            .backend(backend)
            .debug(true)
            .nanGuard(true)
            .build();
    for (int i = 0; i < 3; i++) {
      List<NDArray> a = plain.call(xv, nv);
      List<NDArray> b = debug.call(xv, nv);
      assertEquals(a.get(0).flatDouble(0), b.get(0).flatDouble(0), 1e-12);
      assertArrayEquals(a.get(1).toLongArray(), b.get(1).toLongArray());
      assertArrayEquals(w2.get().toDoubleArray(), w.get().toDoubleArray(), 1e-15);
    }
  }

  @Test
  void debug_comparesEveryIntermediateNode_andNamesTheFirstThatDiffers() {
    FunctionGraph g = FunctionGraph.copyOf(List.of(x), List.of(T.exp(x).sin()));
    DebugChecks c =
        DebugChecks.of(
            Function.builder().debug(true).inputs(x).outputs(g.outputs()),
            "function k",
            g,
            List.of(),
            List.of());
    List<Object> args = List.of(NDArray.of(new double[] {0, 1}));
    java.util.Map<Variable, NDArray> reference = c.reference(args);
    List<NDArray> computed = new java.util.ArrayList<>();
    for (Variable v : c.nodeValues()) {
      computed.add(reference.get(v).copy());
    }
    assertEquals(2, computed.size(), "exp and sin are both compared");
    c.checkNodes(reference, computed);
    computed.get(0).setFlat(1, 2.5); // the backend's exp went wrong; its final output may not show
    String m =
        assertThrows(HypatiaException.class, () -> c.checkNodes(reference, computed)).getMessage();
    assertTrue(m.startsWith("function k: DEBUG check failed: node exp output 0 differs"), m);
    assertTrue(m.contains("node created at FunctionDebugTest.java:"), m);
    // a real call compiles every intermediate and passes on a correct backend
    c.check(args, List.of(T.exp(x).sin().eval(java.util.Map.of(x, args.get(0)))));
  }

  @Test
  void debug_reportsAResultThatDiffersFromTheInterpreter() {
    FunctionGraph g = FunctionGraph.copyOf(List.of(x), List.of(T.exp(x)));
    DebugChecks c =
        DebugChecks.of(
            Function.builder().debug(true).inputs(x).outputs(g.outputs()),
            "function h",
            g,
            List.of(),
            List.of());
    List<Object> args = List.of(NDArray.of(new double[] {0, 1}));
    c.check(args, List.of(NDArray.of(new double[] {1, Math.E})));
    String m =
        assertThrows(
                HypatiaException.class,
                () -> c.check(args, List.of(NDArray.of(new double[] {1, Math.E * (1 + 1e-8)}))))
            .getMessage();
    assertTrue(m.startsWith("function h: DEBUG check failed: output 0 ("), m);
    assertTrue(m.contains(") differs from the interpreter's at flat index 1: "), m);
    assertTrue(m.contains("computed by node exp created at FunctionDebugTest.java:"), m);
    String s =
        assertThrows(
                HypatiaException.class,
                () -> c.check(args, List.of(NDArray.of(new double[] {1, 2, 3}))))
            .getMessage();
    assertTrue(s.contains(") is float64[3] but the interpreter's is float64[2]"), s);
  }

  @Test
  void nanGuard_saysWhenTheInterpretersReplayFails() {
    FunctionGraph g = FunctionGraph.copyOf(List.of(x), List.of(x.reshape(2)));
    FunctionBuilder b = Function.builder().nanGuard(true).inputs(x).outputs(g.outputs());
    DebugChecks c = DebugChecks.of(b, "function s", g, List.of(), List.of());
    List<Object> args = List.of(NDArray.of(new double[] {1, 2, 3}));
    String m =
        assertThrows(
                HypatiaException.class,
                () -> c.check(args, List.of(NDArray.of(new double[] {1, Double.NaN}))))
            .getMessage();
    assertTrue(m.startsWith("function s: NaN guard: output 0 ("), m);
    assertTrue(m.contains("\n  the interpreter's replay failed: reshape"), m);
  }

  @Test
  void debug_comparesIntegersExactly() {
    Variable n = T.lvector("n");
    FunctionGraph g = FunctionGraph.copyOf(List.of(n), List.of(n.add(1)));
    DebugChecks c =
        DebugChecks.of(
            Function.builder().debug(true).inputs(n).outputs(g.outputs()),
            "function i",
            g,
            List.of(),
            List.of());
    List<Object> args = List.of(NDArray.of(new long[] {1 << 30, 5}));
    String m =
        assertThrows(
                HypatiaException.class,
                () -> c.check(args, List.of(NDArray.of(new long[] {(1 << 30) + 1, 7}))))
            .getMessage();
    assertTrue(m.contains("differs from the interpreter's at flat index 1: 7 vs 6"), m);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void profileReport_listsEveryNodeAndTheTotals(Backend backend) {
    Function f = logGraph(backend).name("p").profile(true).build();
    for (int i = 0; i < 3; i++) {
      f.call(new double[] {6, 7, 8});
    }
    String r = f.profileReport();
    String[] lines = r.split("\n");
    assertTrue(
        lines[0].startsWith("Profile of function p (" + backend + " backend): 3 calls, "), r);
    assertTrue(lines[0].endsWith(" bytes allocated per call"), r);
    assertTrue(lines[1].matches("\\s*node\\s+op\\s+calls\\s+total ms\\s+%\\s+bytes\\s+created at"));
    List<Apply> nodes = f.graph().toposort();
    assertEquals(nodes.size() + 3, lines.length, r);
    List<String> ops = new ArrayList<>();
    for (int k = 0; k < nodes.size(); k++) {
      String[] cols = lines[2 + k].trim().split("\\s+");
      assertEquals(String.valueOf(k), cols[0], r);
      assertEquals("3", cols[cols.length - 5], r);
      assertTrue(cols[cols.length - 1].startsWith("FunctionDebugTest.java:"), r);
      ops.add(lines[2 + k]);
    }
    for (Apply node : nodes) {
      assertTrue(
          ops.stream().anyMatch(l -> l.contains("  " + node.op().name() + " ")),
          node.op().name() + " in\n" + r);
    }
    String[] total = lines[lines.length - 1].trim().split("\\s+");
    assertEquals("total", total[0], r);
    assertEquals("3", total[1], r);
    assertEquals("100.0", total[3], r);
    assertTrue(Long.parseLong(total[4]) >= 3 * 8, r);
  }

  @Test
  void profileReport_withoutProfiling_says_so() {
    Function f = logGraph(Backend.ASM).name("q").build();
    String m = assertThrows(HypatiaException.class, f::profileReport).getMessage();
    assertEquals("function q was built without profile(true): there is no profile to report", m);
  }
}
