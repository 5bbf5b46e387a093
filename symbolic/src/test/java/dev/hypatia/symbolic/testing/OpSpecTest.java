package dev.hypatia.symbolic.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Elementwise;
import dev.hypatia.symbolic.ops.Shapes;
import dev.hypatia.symbolic.testing.OpSpec.Case;
import dev.hypatia.symbolic.testing.OpSpec.Tolerance;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpSpecTest {
  private static final Tolerance LOOSE = new Tolerance(1e-3, 1e-6);
  private static final Tolerance TIGHT = new Tolerance(1e-12, 0);

  private static Case addCase() {
    return new Case(
        List.of(NDArray.of(1.0, 2.0), NDArray.of(new double[][] {{10}, {20}})),
        v -> List.of(Elementwise.add(v.get(0), v.get(1))),
        "p=1");
  }

  @Test
  void tolerance_picksTheDtypesAndIsExactForDiscreteResults() {
    OpSpec spec = new OpSpec("f/float64", s -> addCase(), 2, TIGHT, LOOSE);
    assertSame(TIGHT, spec.tolerance(DType.FLOAT64));
    assertSame(LOOSE, spec.tolerance(DType.FLOAT32));
    assertSame(Tolerance.EXACT, spec.tolerance(DType.INT8));
    assertSame(Tolerance.EXACT, spec.tolerance(DType.BOOL));
    assertTrue(spec.differentiable());
    assertFalse(spec.withOrder(OpSpec.NOT_DIFFERENTIABLE).differentiable());
    assertSame(LOOSE, spec.withTolerances(LOOSE, TIGHT).float64());
    assertEquals("f/float64", spec.toString());
  }

  @Test
  void functionAndSample_comeFromTheNameAndTheSeed() {
    OpSpec spec = OpSpecs.named("log/float32");
    assertEquals("log", spec.function());
    assertEquals("f", new OpSpec("f", s -> addCase(), 0, TIGHT, TIGHT).function());
    assertEquals(spec.sample(5).toString(), spec.sample(5).toString());
  }

  @Test
  void floatInputs_listThePositionsOfFloatInputs() {
    Case c =
        new Case(
            List.of(NDArray.of(1.0), NDArray.of(1L), NDArray.of(1.0f), NDArray.of(true)),
            v -> List.of(v.get(0)),
            "");
    assertEquals(List.of(0, 2), c.floatInputs());
  }

  @Test
  void close_comparesShapesAndElementsWithinTolerance() {
    NDArray a = NDArray.of(1.0, 2.0);
    assertTrue(LOOSE.close(NDArray.of(1.0005, 2.0), a));
    assertFalse(TIGHT.close(NDArray.of(1.0005, 2.0), a));
    assertFalse(LOOSE.close(NDArray.of(1.0), NDArray.of(1.0, 1.0)));
    assertTrue(Tolerance.EXACT.close(NDArray.of(3L), NDArray.of(3)));
    assertFalse(Tolerance.EXACT.close(NDArray.of(3L), NDArray.of(4L)));
    assertTrue(LOOSE.close(NDArray.of(Double.NaN), NDArray.of(Double.NaN)));
  }

  @Test
  void constructors_rejectBadFields() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new OpSpec("f", s -> addCase(), -1, TIGHT, TIGHT));
    assertEquals("the derivative order cannot be negative: -1", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Tolerance(-1, 0));
    assertEquals("tolerances must be >= 0, not rtol -1.0, atol 0.0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Tolerance(0, Double.NaN));
    assertEquals("tolerances must be >= 0, not rtol 0.0, atol NaN", e.getMessage());
  }

  @Test
  void variables_haveTheInputsTypesWithKnownOrUnknownShapes() {
    Case c = addCase();
    List<Variable> known = c.variables(true);
    assertEquals(TensorType.of(DType.FLOAT64, 2), known.get(0).type());
    assertEquals(TensorType.of(DType.FLOAT64, 2, 1), known.get(1).type());
    assertEquals("x1", known.get(1).name());
    List<Variable> unknown = c.variables(false);
    assertEquals(TensorType.ofRank(DType.FLOAT64, 2), unknown.get(1).type());
  }

  @Test
  void variables_keepStaticInputsShapesWhenOthersAreUnknown() {
    Case c =
        new Case(
            List.of(NDArray.zeros(DType.FLOAT64, 1, 3)),
            v -> List.of(Shapes.squeeze(v.get(0), 0)),
            "",
            Set.of(0));
    assertEquals(TensorType.of(DType.FLOAT64, 1, 3), c.variables(false).get(0).type());
    assertTrue(c.evaluate(false).get(0).contentEquals(NDArray.zeros(DType.FLOAT64, 3)));
  }

  @Test
  void evaluate_runsTheInterpreterWithEitherStaticShapes() {
    Case c = addCase();
    NDArray want = NDArray.of(new double[][] {{11, 12}, {21, 22}});
    assertTrue(c.evaluate(true).get(0).contentEquals(want));
    assertTrue(c.evaluate(false).get(0).contentEquals(want));
  }

  @Test
  void bindings_rejectAWrongNumberOfVariables() {
    Case c = addCase();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> c.bindings(c.variables(true).subList(0, 1)));
    assertEquals("1 variables for 2 inputs", e.getMessage());
  }

  @Test
  void toString_showsParametersAndInputs() {
    Case c = addCase();
    String want =
        "(p=1; x0="
            + Describe.of(c.inputs().get(0))
            + ", x1="
            + Describe.of(c.inputs().get(1))
            + ")";
    assertEquals(want, c.toString());
    assertTrue(want.startsWith("(p=1; x0=float64[2] "), want);
  }
}
