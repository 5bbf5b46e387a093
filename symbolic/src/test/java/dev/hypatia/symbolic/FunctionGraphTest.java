package dev.hypatia.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionGraphTest {
  private final Variable x = T.dvector("x");
  private final Variable y = T.dvector("y");

  @Test
  void copyOf_clonesAndLeavesTheUserGraphAlone() {
    Variable s = ToyOp.PLUS.apply(x, y);
    Variable out = ToyOp.NEGATE.apply(s);
    FunctionGraph g = FunctionGraph.copyOf(List.of(x, y), List.of(out));
    assertEquals(2, g.nodeCount());
    assertNotSame(out, g.outputs().get(0));
    assertEquals("x", g.inputs().get(0).name());
    g.replace(g.cloneOf(s), g.cloneOf(x), "test");
    assertSame(s, out.owner().input(0));
    assertSame(x, s.owner().input(0));
    assertEquals(1, g.nodeCount());
  }

  @Test
  void replace_importsNewNodesPrunesDeadOnesAndTellsListeners() {
    Variable s = ToyOp.PLUS.apply(x, y);
    Variable out = ToyOp.NEGATE.apply(s);
    FunctionGraph g = FunctionGraph.copyOf(List.of(x, y), List.of(out));
    List<String> events = new ArrayList<>();
    g.addListener(
        new FunctionGraph.Listener() {
          @Override
          public void onImport(FunctionGraph graph, Apply node, String reason) {
            events.add("import " + node.op().name() + " " + reason);
          }

          @Override
          public void onPrune(FunctionGraph graph, Apply node, String reason) {
            events.add("prune " + node.op().name() + " " + reason);
          }

          @Override
          public void onChangeInput(
              FunctionGraph graph, Apply node, int i, Variable old, Variable rep, String r) {
            events.add("change " + (node == null ? "output" : node.op().name()) + " " + r);
          }
        });
    Variable gx = g.cloneOf(x);
    Variable gy = g.cloneOf(y);
    Variable twice = ToyOp.PLUS.apply(gy, gx);
    g.replace(g.cloneOf(s), twice, "swap");
    assertEquals(List.of("import plus swap", "change negate swap", "prune plus swap"), events);
    assertEquals(2, g.nodeCount());
    assertEquals(1, g.clients(twice).size());
    NDArray r =
        Interpreter.evaluate(g.outputs(), Map.of(gx, new double[] {1}, gy, new double[] {2}))
            .get(0);
    assertEquals(-3.0, r.item());
  }

  @Test
  void replace_ofAnOutputUpdatesTheOutputs() {
    Variable out = ToyOp.NEGATE.apply(x);
    FunctionGraph g = FunctionGraph.copyOf(List.of(x), List.of(out));
    g.replace(g.outputs().get(0), g.cloneOf(x), "identity");
    assertSame(g.inputs().get(0), g.outputs().get(0));
    assertEquals(0, g.nodeCount());
  }

  @Test
  void replace_rejectsTypeChangesNamingBoth() {
    FunctionGraph g = FunctionGraph.copyOf(List.of(x), List.of(ToyOp.NEGATE.apply(x)));
    Variable m = T.dmatrix("m");
    var e =
        assertThrows(HypatiaException.class, () -> g.replace(g.outputs().get(0), m, "bad rule"));
    assertTrue(e.getMessage().startsWith("replacement (bad rule) changes the type"));
    assertTrue(e.getMessage().contains("m: float64[?,?]"));
  }

  @Test
  void replace_rejectsVariablesFromOutsideTheGraph() {
    FunctionGraph g = FunctionGraph.copyOf(List.of(x), List.of(ToyOp.NEGATE.apply(x)));
    Variable stranger = T.dvector("stranger");
    var e =
        assertThrows(
            HypatiaException.class,
            () -> g.replace(g.outputs().get(0), ToyOp.NEGATE.apply(stranger), "r"));
    assertTrue(e.getMessage().contains("stranger"), e.getMessage());
  }

  @Test
  void copyOf_rejectsMissingInputs() {
    Variable out = ToyOp.PLUS.apply(x, y);
    var e =
        assertThrows(HypatiaException.class, () -> FunctionGraph.copyOf(List.of(x), List.of(out)));
    assertTrue(e.getMessage().startsWith("the outputs depend on y: float64[?]"), e.getMessage());
  }

  @Test
  void constants_areSharedNotCloned() {
    Constant c = T.constant(new double[] {1, 2});
    Variable out = ToyOp.PLUS.apply(x, c);
    FunctionGraph g = FunctionGraph.copyOf(List.of(x), List.of(out));
    assertSame(c, g.outputs().get(0).owner().input(1));
  }

  @Test
  void toposort_putsProducersFirstAndDetectsSharedNodesOnce() {
    Variable a = ToyOp.NEGATE.apply(x);
    Variable b = ToyOp.PLUS.apply(a, a);
    Variable c = ToyOp.PLUS.apply(b, a);
    List<Apply> order = Graphs.toposort(List.of(c));
    assertEquals(List.of(a.owner(), b.owner(), c.owner()), order);
    assertEquals(List.of(x), Graphs.inputs(List.of(c)));
  }
}
