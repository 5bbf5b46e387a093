package dev.hypatia.grad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.grad.GradCheckReport.ElementResult;
import dev.hypatia.grad.GradCheckReport.InputResult;
import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Elementwise;
import dev.hypatia.symbolic.ops.Shapes;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GradCheckTest {
  /**
   * A test-only op, {@code a * a * b} elementwise over inputs of one shape (b may be an integer),
   * whose registered rule is right, or wrong for b ({@code g * a} instead of {@code g * a * a}).
   */
  record SquareTimes(boolean wrongRule) implements Op {
    @Override
    public String name() {
      return "square_times";
    }

    @Override
    public Apply makeNode(List<Variable> in) {
      return new Apply(this, in, List.of(in.get(0).type()));
    }

    @Override
    public List<NDArray> perform(Apply node, List<NDArray> in) {
      NDArray a = in.get(0);
      NDArray b = in.get(1);
      NDArray out = NDArray.zeros(a.dtype(), a.shape());
      for (int i = 0; i < a.size(); i++) {
        out.setFlat(i, a.flatDouble(i) * a.flatDouble(i) * b.flatDouble(i));
      }
      return List.of(out);
    }

    static List<Variable> rule(Apply node, List<Variable> grads) {
      Variable g = grads.get(0);
      Variable a = node.input(0);
      Variable b = node.input(1);
      List<Variable> out = new ArrayList<>();
      out.add(Elementwise.mul(g, Elementwise.mul(Elementwise.mul(a, b), 2.0)));
      boolean wrong = ((SquareTimes) node.op()).wrongRule();
      out.add(
          !b.dtype().isFloat()
              ? null
              : wrong ? Elementwise.mul(g, a) : Elementwise.mul(g, Elementwise.mul(a, a)));
      return out;
    }
  }

  /**
   * A test-only op: its first input, unchanged; its rule returns a gradient of its second's shape.
   */
  record BadShape() implements Op {
    @Override
    public String name() {
      return "bad_shape";
    }

    @Override
    public Apply makeNode(List<Variable> in) {
      return new Apply(this, in, List.of(in.get(0).type()));
    }

    @Override
    public List<NDArray> perform(Apply node, List<NDArray> in) {
      return List.of(in.get(0).copy());
    }
  }

  @BeforeAll
  static void registerRules() {
    GradRules.register(SquareTimes.class, SquareTimes::rule);
    GradRules.register(
        BadShape.class,
        (node, grads) -> java.util.Arrays.asList(Shapes.zerosLike(node.input(1)), null));
  }

  @AfterAll
  static void unregisterRules() {
    GradRules.unregister(SquareTimes.class);
    GradRules.unregister(BadShape.class);
  }

  private static NDArray random(DType dtype, long seed, int... shape) {
    SplittableRandom r = new SplittableRandom(seed);
    NDArray a = NDArray.zeros(dtype, shape);
    for (int i = 0; i < a.size(); i++) {
      a.setFlat(i, r.nextDouble(-2, 2));
    }
    return a;
  }

  private static Variable squareTimes(List<Variable> xs, boolean wrong) {
    return new SquareTimes(wrong).apply(xs.get(0), xs.get(1));
  }

  @Test
  void verify_passesForACorrectRule() {
    GradCheck.verify(
        xs -> squareTimes(xs, false),
        random(DType.FLOAT64, 1, 3, 4),
        random(DType.FLOAT64, 2, 3, 4));
  }

  @Test
  void check_reportsEveryFloatInputAsPassed() {
    GradCheckReport r =
        GradCheck.check(
            xs -> squareTimes(xs, false),
            List.of(random(DType.FLOAT64, 1, 5), random(DType.FLOAT64, 2, 5)),
            GradCheck.options());
    assertTrue(r.passed());
    assertEquals(2, r.inputs().size());
    for (InputResult in : r.inputs()) {
      assertTrue(in.passed());
      assertNull(in.worst());
      assertTrue(in.absError() <= in.allowed(), in.describe());
    }
    assertTrue(r.describe().startsWith("gradient check passed"), r.describe());
  }

  @Test
  void check_wrongRuleFails_reportNamesInputAndWorstElement() {
    NDArray a = random(DType.FLOAT64, 3, 2, 3);
    NDArray b = random(DType.FLOAT64, 4, 2, 3);
    GradCheckReport r =
        GradCheck.check(
            xs -> squareTimes(xs, true), List.of(a, b), GradCheck.options().withNames("a", "b"));
    assertFalse(r.passed());
    assertTrue(r.inputs().get(0).passed(), "input a has a right rule");
    InputResult bad = r.firstFailure().orElseThrow();
    assertEquals(1, bad.index());
    assertEquals("b", bad.name());
    assertEquals("float64[2,3]", bad.type());
    ElementResult e = bad.worst();
    // the wrong rule gives p * a where the derivative is p * a * a: numeric = analytic * a
    double ae = a.getDouble(e.index().get(0), e.index().get(1));
    assertEquals(e.analytic() * ae, e.numeric(), 1e-6 * Math.abs(e.numeric()) + 1e-9);
    // the worst element is the one where a differs most from 1, weighted by p * a
    assertTrue(e.absError() > e.allowed());
    assertEquals(Math.abs(e.analytic() - e.numeric()), e.absError());
    assertEquals(
        e.absError() / Math.max(Math.abs(e.analytic()), Math.abs(e.numeric())), e.relError());
  }

  @Test
  void verify_wrongRuleThrowsWithAMessageNamingEverything() {
    NDArray a = random(DType.FLOAT64, 3, 2, 3);
    NDArray b = random(DType.FLOAT64, 4, 2, 3);
    GradCheckFailure f =
        assertThrows(
            GradCheckFailure.class,
            () ->
                GradCheck.verify(
                    xs -> squareTimes(xs, true),
                    List.of(a, b),
                    GradCheck.options().withNames("a", "b").withSeed(77)));
    String m = f.getMessage();
    ElementResult e = f.report().firstFailure().orElseThrow().worst();
    assertTrue(m.startsWith("gradient check failed (seed 77"), m);
    assertTrue(m.contains("GradCheck.options().withSeed(77L)"), m);
    assertTrue(m.contains("input 1 'b' float64[2,3]: FAILED"), m);
    assertTrue(m.contains("worst element " + e.index() + ": analytic "), m);
    assertTrue(m.contains(String.format(java.util.Locale.ROOT, "%.10g", e.analytic())), m);
    assertTrue(m.contains(String.format(java.util.Locale.ROOT, "numeric %.10g", e.numeric())), m);
    assertTrue(m.contains("abs error ") && m.contains("rel error "), m);
    assertTrue(m.contains("input 0 'a' float64[2,3]: passed"), m);
    assertTrue(m.contains("precision float64: step 1.0e-06, rtol 1.0e-05, atol 1.0e-08"), m);
    assertEquals(f.report(), f.report());
  }

  @Test
  void check_float32InputsUseTheFloat32Precision() {
    GradCheckReport r =
        GradCheck.check(
            xs -> squareTimes(xs, false),
            List.of(random(DType.FLOAT32, 5, 4, 3), random(DType.FLOAT32, 6, 4, 3)),
            GradCheck.options());
    assertTrue(r.passed(), r.describe());
    assertEquals(DType.FLOAT32, r.dtype());
    assertEquals(GradCheck.options().float32(), r.precision());
    assertTrue(r.describe().contains("precision float32: step 1.0e-03, rtol 1.0e-02"));
  }

  @Test
  void check_float32WrongRuleStillFails() {
    GradCheckReport r =
        GradCheck.check(
            xs -> squareTimes(xs, true),
            List.of(random(DType.FLOAT32, 5, 4, 3), random(DType.FLOAT32, 6, 4, 3)),
            GradCheck.options());
    assertFalse(r.passed());
    assertEquals(1, r.firstFailure().orElseThrow().index());
  }

  @Test
  void check_aFloat32VariableAnywhereSelectsTheFloat32Precision() {
    GradCheckReport r =
        GradCheck.check(
            xs -> squareTimes(xs, false),
            List.of(random(DType.FLOAT32, 5, 3), random(DType.FLOAT64, 6, 3)),
            GradCheck.options());
    assertTrue(r.passed(), r.describe());
    assertEquals(DType.FLOAT32, r.dtype());
  }

  @Test
  void check_isDeterministicPerSeed() {
    List<NDArray> in = List.of(random(DType.FLOAT64, 7, 3), random(DType.FLOAT64, 8, 3));
    GradCheck.Options o = GradCheck.options().withSeed(5);
    GradCheckReport r1 = GradCheck.check(xs -> squareTimes(xs, true), in, o);
    GradCheckReport r2 = GradCheck.check(xs -> squareTimes(xs, true), in, o);
    GradCheckReport r3 = GradCheck.check(xs -> squareTimes(xs, true), in, o.withSeed(6));
    assertEquals(r1, r2);
    assertEquals(r1.describe(), r2.describe());
    assertNotEquals(r1.inputs().get(0).analytic(), r3.inputs().get(0).analytic());
    assertEquals(5, r1.seed());
  }

  @Test
  void check_holdsIntegerInputsConstant() {
    NDArray b = NDArray.of(new long[] {1, -2, 3});
    GradCheckReport r =
        GradCheck.check(
            xs -> squareTimes(xs, false),
            List.of(random(DType.FLOAT64, 9, 3), b),
            GradCheck.options());
    assertTrue(r.passed(), r.describe());
    assertEquals(1, r.inputs().size());
    assertEquals(0, r.inputs().get(0).index());
  }

  @Test
  void check_inputTheFunctionIgnoresHasAZeroGradient() {
    GradCheckReport r =
        GradCheck.check(
            xs -> squareTimes(List.of(xs.get(0), xs.get(0)), false),
            List.of(random(DType.FLOAT64, 10, 3), random(DType.FLOAT64, 11, 2)),
            GradCheck.options());
    assertTrue(r.passed(), r.describe());
    assertEquals(0.0, r.inputs().get(1).analytic());
  }

  @Test
  void check_reportsAGradientOfTheWrongShape() {
    GradCheckReport r =
        GradCheck.check(
            xs -> new BadShape().apply(xs.get(0), xs.get(1)),
            List.of(random(DType.FLOAT64, 12, 3), random(DType.FLOAT64, 13, 2)),
            GradCheck.options().withNames("x", "y"));
    assertFalse(r.passed());
    assertEquals(
        "input 0 'x' float64[3]: the symbolic gradient has shape [2], the input [3]",
        r.inputs().get(0).describe());
  }

  @Test
  void checkAll_projectsEveryOutput() {
    GradCheckReport r =
        GradCheck.checkAll(
            xs -> List.of(squareTimes(xs, false), squareTimes(List.of(xs.get(1), xs.get(0)), true)),
            List.of(random(DType.FLOAT64, 14, 4), random(DType.FLOAT64, 15, 4)),
            GradCheck.options());
    assertFalse(r.passed(), "the second output's wrong rule shows");
  }

  @Test
  void check_unknownStaticShapesWork() {
    GradCheckReport r =
        GradCheck.check(
            xs -> {
              assertEquals(TensorType.ofRank(DType.FLOAT64, 2), xs.get(0).type());
              return squareTimes(xs, false);
            },
            List.of(random(DType.FLOAT64, 16, 2, 2), random(DType.FLOAT64, 17, 2, 2)),
            GradCheck.options().withStaticShapes(false));
    assertTrue(r.passed(), r.describe());
  }

  @Test
  void check_rejectsANonFiniteOutput() {
    NDArray a = NDArray.of(1.0, Double.POSITIVE_INFINITY);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                GradCheck.check(xs -> squareTimes(xs, false), List.of(a, a), GradCheck.options()));
    assertEquals(
        "gradient check: output 0 is not finite at the inputs (element 1 is Infinity); check at a"
            + " point of the function's domain",
        e.getMessage());
  }

  @Test
  void check_rejectsAFunctionWithoutFloatOutputs() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                GradCheck.check(
                    xs -> Elementwise.lt(xs.get(0), 0.0),
                    List.of(NDArray.of(1.0)),
                    GradCheck.options()));
    assertEquals("gradient check: the function has no float output", e.getMessage());
  }

  @Test
  void options_rejectInvalidSettings() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new GradCheck.Precision(0, 1, 1));
    assertEquals(
        "a precision needs step > 0, rtol >= 0, atol >= 0, not 0.0, 1.0, 1.0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> GradCheck.options().withDirections(0));
    assertEquals("a check needs at least 1 direction, not 0", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> GradCheck.options().withPrecision(DType.INT32, GradCheck.options().float64()));
    assertEquals("no gradient check precision for int32", e.getMessage());
  }

  @Test
  void options_withPrecisionReplacesOneDtype() {
    GradCheck.Precision p = new GradCheck.Precision(1e-4, 1e-3, 1e-3);
    GradCheck.Options o = GradCheck.options().withPrecision(DType.FLOAT32, p);
    assertEquals(p, o.precision(DType.FLOAT32));
    assertEquals(GradCheck.options().float64(), o.precision(DType.FLOAT64));
  }
}
