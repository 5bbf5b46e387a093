package dev.hypatia.grad.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.grad.testing.RandomGraph.Chain;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.Interpreter;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.testing.OpSpec;
import dev.hypatia.symbolic.testing.OpSpecs;
import dev.hypatia.symbolic.testing.Property;
import dev.hypatia.symbolic.testing.PropertyFailure;
import dev.hypatia.symbolic.testing.Source;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GraphGenTest {
  /** Every differentiable row, whatever rules exist. */
  private static final GraphGen ALL = GraphGen.over(OpSpecs.differentiable());

  private static List<NDArray> evaluateAll(RandomGraph g) {
    List<Variable> vars = g.variables();
    Map<Variable, NDArray> at = new IdentityHashMap<>();
    for (int i = 0; i < vars.size(); i++) {
      at.put(vars.get(i), g.inputs().get(i));
    }
    return Interpreter.evaluate(g.buildAll(vars), at);
  }

  private static boolean chained(RandomGraph g) {
    return g.steps().stream().anyMatch(s -> s.wires().stream().anyMatch(w -> w instanceof Chain));
  }

  @Test
  void generatedGraphs_areWellTyped() {
    Property.forAll(ALL)
        .tries(150)
        .check(
            g -> {
              List<Variable> vars = g.variables();
              List<Variable> results = g.buildAll(vars);
              List<NDArray> values = evaluateAll(g);
              assertEquals(g.size(), results.size());
              for (int k = 0; k < results.size(); k++) {
                TensorType t = results.get(k).type();
                NDArray v = values.get(k);
                assertEquals(t.dtype(), v.dtype(), g.toString());
                assertTrue(t.fitsShape(v.shape()), t + " vs " + v.shapeString() + " in " + g);
                assertTrue(t.dtype().isFloat(), g.toString());
              }
              assertFalse(g.build(vars).isEmpty());
            });
  }

  @Test
  void generatedGraphs_evaluateToFiniteValues() {
    Property.forAll(ALL)
        .tries(150)
        .check(
            g -> {
              for (NDArray v : evaluateAll(g)) {
                for (int e = 0; e < v.size(); e++) {
                  assertTrue(Double.isFinite(v.flatDouble(e)), g.toString());
                }
              }
            });
  }

  @Test
  void generatedGraphs_chainStepsAndSpanManyRows() {
    Set<String> functions = new HashSet<>();
    int chainedGraphs = 0;
    int steps = 0;
    for (long seed = 0; seed < 200; seed++) {
      RandomGraph g = ALL.generate(Source.random(seed));
      functions.addAll(g.functions());
      chainedGraphs += chained(g) ? 1 : 0;
      steps += g.size();
    }
    assertTrue(chainedGraphs > 50, "chained graphs: " + chainedGraphs);
    assertTrue(functions.size() > 60, "functions: " + functions.size());
    assertTrue(steps > 400, "steps: " + steps);
  }

  @Test
  void generate_isDeterministicPerSeed() {
    for (long seed = 0; seed < 20; seed++) {
      RandomGraph a = ALL.generate(Source.random(seed));
      RandomGraph b = ALL.generate(Source.random(seed));
      assertEquals(a.toString(), b.toString());
      assertEquals(a.inputs().size(), b.inputs().size());
      for (int i = 0; i < a.inputs().size(); i++) {
        assertTrue(a.inputs().get(i).contentEquals(b.inputs().get(i)));
      }
    }
    assertFalse(
        ALL.generate(Source.random(1))
            .toString()
            .equals(ALL.generate(Source.random(2)).toString()));
  }

  @Test
  void shrinking_findsTheSmallestGraphWithAChain() {
    PropertyFailure f =
        assertThrows(
            PropertyFailure.class,
            () -> Property.forAll(ALL).tries(100).check(g -> assertFalse(chained(g))));
    RandomGraph shrunk = (RandomGraph) f.shrunkInput();
    assertEquals(2, shrunk.size(), shrunk.toString());
    assertTrue(chained(shrunk));
    RandomGraph original = (RandomGraph) f.originalInput();
    assertTrue(original.toString().length() >= shrunk.toString().length());
  }

  @Test
  void shrinking_reducesAFailingGraphToOneStepOfTheFailingRow() {
    PropertyFailure f =
        assertThrows(
            PropertyFailure.class,
            () ->
                Property.forAll(ALL)
                    .tries(300)
                    .check(g -> assertFalse(g.functions().contains("tanh"))));
    RandomGraph shrunk = (RandomGraph) f.shrunkInput();
    RandomGraph original = (RandomGraph) f.originalInput();
    // greedy shrinking reaches a small local minimum (usually the single tanh step)
    assertTrue(shrunk.size() <= 3, shrunk.toString());
    assertTrue(shrunk.size() <= original.size());
    assertTrue(shrunk.functions().contains("tanh"), shrunk.toString());
  }

  @Test
  void kinkedRows_takeOnlyLeaves() {
    for (long seed = 0; seed < 200; seed++) {
      RandomGraph g = ALL.generate(Source.random(seed));
      for (RandomGraph.Step s : g.steps()) {
        if (s.row().order() < OpSpec.SMOOTH) {
          assertTrue(s.wires().stream().noneMatch(w -> w instanceof Chain), g.toString());
        }
      }
    }
  }

  @Test
  void profiles_findGapsInDomains() {
    assertTrue(RowProfile.of(OpSpecs.named("log/float64")).interval(0));
    assertTrue(RowProfile.of(OpSpecs.named("sin/float64")).interval(0));
    assertFalse(RowProfile.of(OpSpecs.named("reciprocal/float64")).interval(0));
    assertFalse(RowProfile.of(OpSpecs.named("gamma/float64")).interval(0));
    assertTrue(RowProfile.of(OpSpecs.named("true_div/float64")).interval(0));
    assertFalse(RowProfile.of(OpSpecs.named("true_div/float64")).interval(1));
    RowProfile log = RowProfile.of(OpSpecs.named("log/float64"));
    assertTrue(log.lo(0) > 0 && log.hi(0) <= 10, log.toString());
  }

  @Test
  void squash_keepsAnyResultInsideTheRange() {
    Variable r = new Variable(TensorType.of(DType.FLOAT64, 4), "r");
    NDArray a = NDArray.of(0.01, 0.5, 5, 10);
    Chain c = new Chain(0, GraphGen.logits(a, 0.01, 10), 0.01, 10, false);
    Variable x = RandomGraph.squash(r, c);
    NDArray atZero = x.eval(Map.of(r, NDArray.of(0.0, 0.0, 0.0, 0.0)));
    assertEquals(0.5, atZero.flatDouble(1), 1e-12);
    assertEquals(5, atZero.flatDouble(2), 1e-12);
    NDArray extreme = x.eval(Map.of(r, NDArray.of(-1e300, 1e300, -1e300, 1e300)));
    for (int e = 0; e < 4; e++) {
      assertTrue(extreme.flatDouble(e) > 0.01 && extreme.flatDouble(e) < 10, extreme.toString());
    }
  }

  @Test
  void fits_acceptsKnownShapesThatBroadcast() {
    assertTrue(GraphGen.fits(TensorType.of(DType.FLOAT64), new int[] {2, 3}));
    assertTrue(GraphGen.fits(TensorType.of(DType.FLOAT64, 1, 3), new int[] {2, 3}));
    assertTrue(GraphGen.fits(TensorType.of(DType.FLOAT64, 3), new int[] {2, 3}));
    assertFalse(GraphGen.fits(TensorType.of(DType.FLOAT64, 2), new int[] {2, 3}));
    assertFalse(GraphGen.fits(TensorType.of(DType.FLOAT64, 1, 2, 3), new int[] {2, 3}));
    assertFalse(GraphGen.fits(TensorType.ofRank(DType.FLOAT64, 1), new int[] {3}));
  }

  @Test
  void over_leavesOutRowsWithoutAFloatInputOrOutput() {
    GraphGen g = GraphGen.over(List.of(OpSpecs.named("lt/float64"), OpSpecs.named("exp/float64")));
    assertEquals(List.of(OpSpecs.named("exp/float64")), g.rows());
    assertEquals(Map.of("lt/float64", "no float output"), g.skipped());
  }

  @Test
  void differentiable_accountsForEveryDifferentiableRow() {
    GraphGen g = GraphGen.differentiable();
    List<String> names = new ArrayList<>();
    g.rows().forEach(r -> names.add(r.name()));
    names.addAll(g.skipped().keySet());
    assertEquals(OpSpecs.differentiable().size(), names.size());
    assertEquals(OpSpecs.differentiable().size(), new HashSet<>(names).size());
    g.skipped().values().forEach(why -> assertFalse(why.isBlank()));
  }

  @Test
  void differentiable_picksUpRowsAsRulesAreRegistered() {
    StandInRules.install();
    try {
      GraphGen g = GraphGen.differentiable();
      List<String> names = g.rows().stream().map(OpSpec::name).toList();
      assertTrue(
          names.containsAll(List.of("exp/float64", "add/float64", "sum/float64")), names + "");
      assertFalse(names.contains("cos/float64"), names + "");
      assertTrue(g.chains());
      assertTrue(
          g.skipped().get("cos/float64").contains("the stand-in rules have no derivative of COS"),
          g.skipped().get("cos/float64"));
    } finally {
      StandInRules.uninstall();
    }
  }

  @Test
  void generate_withoutRowsSaysSo() {
    GraphGen none = GraphGen.over(List.of());
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> none.generate(Source.random(1)));
    assertEquals("no op spec row to build graphs from (0 rows skipped)", e.getMessage());
    IllegalArgumentException m =
        assertThrows(IllegalArgumentException.class, () -> ALL.maxSteps(0));
    assertEquals("a graph needs at least 1 step, not 0", m.getMessage());
  }

  @Test
  void maxSteps_boundsTheGraphs() {
    GraphGen one = ALL.maxSteps(1);
    for (long seed = 0; seed < 30; seed++) {
      assertEquals(1, one.generate(Source.random(seed)).size());
    }
  }
}
