package dev.hypatia.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.Constant;
import dev.hypatia.symbolic.FunctionGraph;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.Interpreter;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Elementwise;
import dev.hypatia.symbolic.scalar.UnaryFn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptimizerTest {
  private final Variable x = T.dvector("x");

  private static NDArray run(FunctionGraph g, double... xv) {
    return Interpreter.evaluate(g.outputs(), Map.of(g.inputs().get(0), xv)).get(0);
  }

  @Test
  void merge_makesEqualNodesAndConstantsOne() {
    Variable a = x.exp().add(T.constant(2.0));
    Variable b = x.exp().add(T.constant(2.0));
    FunctionGraph g = FunctionGraph.copyOf(List.of(x), List.of(a.mul(b)));
    assertEquals(5, g.nodeCount());
    RewriteLog log = Optimizer.optimize(g, Mode.FAST_COMPILE);
    assertEquals(3, g.nodeCount());
    assertTrue(log.count("merge") >= 2, log.toString());
    assertEquals(Math.pow(Math.exp(1) + 2, 2), run(g, 1).getDouble(0), 1e-12);
  }

  @Test
  void constantFolding_evaluatesConstantSubgraphs() {
    Variable c = T.constant(new double[] {1, 2}).exp().sum();
    FunctionGraph g = FunctionGraph.copyOf(List.of(x), List.of(x.mul(c)));
    Optimizer.optimize(g, Mode.FAST_COMPILE);
    assertEquals(1, g.nodeCount());
    Variable folded = g.outputs().get(0).owner().input(1);
    assertTrue(folded instanceof Constant, folded.toString());
    assertEquals(Math.exp(1) + Math.exp(2), ((Constant) folded).valueView().item(), 1e-12);
  }

  @Test
  void userRules_fireAndAreLogged() {
    Rewrite sinToCos =
        Rewrite.rule(
            "shift_sin",
            Phase.CANONICALIZE,
            Pattern.unary(UnaryFn.SIN, Pattern.capture("x")),
            m -> Elementwise.cos(m.get("x").sub(Math.PI / 2)));
    FunctionGraph g = FunctionGraph.copyOf(List.of(x), List.of(x.sin()));
    RewriteLog log = Optimizer.optimize(g, Mode.NONE.including("shift_sin").withRule(sinToCos));
    assertEquals(1, log.count("shift_sin"));
    assertEquals(
        "[canonicalize] shift_sin: sin(x)  ->  cos((x - 1.5707963267948966))",
        log.entries().get(0).toString());
    assertEquals(Math.sin(0.3), run(g, 0.3).getDouble(0), 1e-15);
    assertTrue(log.graphBefore().startsWith("sin"), log.graphBefore());
    assertTrue(log.graphAfter().startsWith("cos"), log.graphAfter());
  }

  @Test
  void excluding_skipsTaggedRulesAndPasses() {
    Variable a = x.exp();
    Variable b = x.exp();
    FunctionGraph g = FunctionGraph.copyOf(List.of(x), List.of(a.add(b)));
    RewriteLog log = Optimizer.optimize(g, Mode.FAST_RUN.excluding("merge"));
    assertEquals(0, log.count("merge"));
  }

  @Test
  void rulesThatUndoEachOther_areStoppedWithAClearError() {
    Rewrite there =
        Rewrite.rule(
            "there",
            Phase.CANONICALIZE,
            Pattern.unary(UnaryFn.SIN, Pattern.capture("x")),
            m -> Elementwise.cos(m.get("x")));
    Rewrite back =
        Rewrite.rule(
            "back",
            Phase.CANONICALIZE,
            Pattern.unary(UnaryFn.COS, Pattern.capture("x")),
            m -> Elementwise.sin(m.get("x")));
    FunctionGraph g = FunctionGraph.copyOf(List.of(x), List.of(x.sin()));
    var e =
        assertThrows(
            HypatiaException.class,
            () ->
                Optimizer.optimize(
                    g,
                    Mode.NONE.including("there").including("back").withRule(there).withRule(back)));
    assertTrue(
        e.getMessage().startsWith("rewriting did not reach a fixed point in phase CANONICALIZE"));
  }

  @Test
  void optimized_neverTouchesTheUsersGraph() {
    Variable e1 = x.exp();
    Variable out = e1.add(x.exp());
    Optimizer.optimized(List.of(x), List.of(out), Mode.FAST_RUN);
    assertSame(e1, out.owner().input(0));
    assertEquals(2, dev.hypatia.symbolic.Graphs.toposort(List.of(out)).size() - 1);
  }

  @Test
  void patterns_captureConsistentlyAndMatchCommutativeOperandsInEitherOrder() {
    Pattern twice =
        Pattern.binary(
            dev.hypatia.symbolic.scalar.BinaryFn.ADD, Pattern.capture("a"), Pattern.capture("a"));
    assertTrue(twice.match(x.add(x)) != null);
    assertTrue(twice.match(x.add(x.exp())) == null);
    Pattern plusOne =
        Pattern.binary(
            dev.hypatia.symbolic.scalar.BinaryFn.ADD, Pattern.constant(1), Pattern.capture("y"));
    assertSame(x, plusOne.match(x.add(1)).get("y"));
    assertSame(x, plusOne.match(T.add(1.0, x)).get("y"));
  }
}
