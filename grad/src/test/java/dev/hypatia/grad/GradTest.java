package dev.hypatia.grad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GradTest {
  private final Variable x = T.dvector("x");
  private final double[] xv = {1, 2, 3};

  @BeforeAll
  static void registerTheTestOpsRule() {
    GradRules.register(Scale.class, Scale.RULE);
  }

  @AfterAll
  static void unregister() {
    GradRules.unregister(Scale.class);
  }

  private static Variable scale(double k, Variable v) {
    return new Scale(k, false).apply(v);
  }

  private static Variable scaledSum(double k, Variable v) {
    return new Scale(k, true).apply(v);
  }

  @Test
  void grad_chainsRulesThroughAUserOp() {
    Variable cost = scaledSum(2, scale(3, x));
    Variable g = Grad.grad(cost, x);
    assertArrayEquals(new double[] {6, 6, 6}, g.eval(Map.of(x, xv)).toDoubleArray());
    assertEquals(x.type(), g.type());
  }

  @Test
  void grad_sumsContributionsOfSeveralPaths() {
    Variable a = scale(2, x);
    Variable b = scale(3, x);
    GradOptions known =
        GradOptions.defaults()
            .withKnownGrads(Map.of(a, T.constant(new double[] {1, 1, 1}), b, T.constant(xv)));
    Variable g = Grad.grad(null, List.of(x), known).get(0);
    assertArrayEquals(new double[] {5, 8, 11}, g.eval(Map.of(x, xv)).toDoubleArray());
  }

  @Test
  void grad_withRespectToAnIntermediateVariable() {
    Variable mid = scale(3, x);
    Variable g = Grad.grad(scaledSum(2, mid), mid);
    assertArrayEquals(new double[] {2, 2, 2}, g.eval(Map.of(x, xv)).toDoubleArray());
  }

  @Test
  void grad_rejectsNonScalarCostNamingItsShape() {
    var e = assertThrows(HypatiaException.class, () -> Grad.grad(scale(2, x), x));
    assertTrue(
        e.getMessage()
            .startsWith("grad: the cost must be a scalar, got <scale{2.0} output>: float64[?]"),
        e.getMessage());
  }

  @Test
  void grad_rejectsIntegerInputsAndCosts() {
    Variable i = T.ivector("i");
    var e = assertThrows(HypatiaException.class, () -> Grad.grad(scaledSum(1, x), i));
    assertTrue(
        e.getMessage().startsWith("grad: cannot differentiate with respect to i: int32[?]"),
        e.getMessage());
    var c = assertThrows(HypatiaException.class, () -> Grad.grad(scaledSum(1, i), i));
    assertTrue(c.getMessage().startsWith("grad: the cost must be a float scalar"), c.getMessage());
  }

  @Test
  void disconnected_raisesByDefaultNamingTheVariable() {
    Variable y = T.dvector("y");
    var e = assertThrows(HypatiaException.class, () -> Grad.grad(scaledSum(1, x), y));
    assertTrue(
        e.getMessage().startsWith("grad: the cost does not depend on y: float64[?]"),
        e.getMessage());
  }

  @Test
  void disconnected_canGiveZerosOrAMarker() {
    Variable y = T.dvector("y");
    GradOptions ignore = GradOptions.defaults().withDisconnected(GradOptions.Disconnected.IGNORE);
    Variable zero = Grad.grad(scaledSum(1, x), List.of(y), ignore).get(0);
    assertArrayEquals(new double[] {0, 0}, zero.eval(Map.of(y, new double[2])).toDoubleArray());
    Variable marker =
        Grad.grad(
                scaledSum(1, x),
                List.of(y),
                ignore.withReturnDisconnected(GradOptions.ReturnDisconnected.DISCONNECTED))
            .get(0);
    assertTrue(Grad.isDisconnected(marker));
    assertEquals(y, ((DisconnectedGradient) marker).of());
    assertEquals(y.type(), marker.type());
  }

  @Test
  void considerConstant_stopsTheGradient() {
    Variable mid = scale(3, x);
    GradOptions constant =
        GradOptions.defaults()
            .withConsiderConstant(List.of(mid))
            .withDisconnected(GradOptions.Disconnected.IGNORE);
    Variable g = Grad.grad(scaledSum(1, mid), List.of(x), constant).get(0);
    assertArrayEquals(new double[] {0, 0, 0}, g.eval(Map.of(x, xv)).toDoubleArray());
  }

  @Test
  void zeroGrad_isTheIdentityWithAZeroGradient() {
    Variable blocked = Grad.zeroGrad(scale(3, x));
    assertArrayEquals(new double[] {3, 6, 9}, blocked.eval(Map.of(x, xv)).toDoubleArray());
    Variable g = Grad.grad(scaledSum(1, blocked), x);
    assertArrayEquals(new double[] {0, 0, 0}, g.eval(Map.of(x, xv)).toDoubleArray());
    assertEquals("zero_grad", blocked.owner().op().name());
  }

  @Test
  void disconnectedGrad_countsAsDisconnected() {
    Variable cost = scaledSum(1, Grad.disconnectedGrad(x));
    assertThrows(HypatiaException.class, () -> Grad.grad(cost, x));
    assertEquals(cost.eval(Map.of(x, xv)).item(), 6.0);
  }

  @Test
  void missingRule_namesTheOp() {
    var e = assertThrows(HypatiaException.class, () -> Grad.grad(new NoRule().apply(x), x));
    assertTrue(
        e.getMessage()
            .startsWith("no_rule: has no gradient rule (register one with GradRules.register"),
        e.getMessage());
  }

  /** An op without a rule. */
  record NoRule() implements Op {
    @Override
    public String name() {
      return "no_rule";
    }

    @Override
    public dev.hypatia.symbolic.Apply makeNode(List<Variable> inputs) {
      return new dev.hypatia.symbolic.Apply(this, inputs, List.of(T.dscalar("s").type()));
    }

    @Override
    public List<NDArray> perform(dev.hypatia.symbolic.Apply node, List<NDArray> inputs) {
      return List.of(NDArray.scalar(0));
    }
  }

  @Test
  void lop_isTheVectorJacobianProduct() {
    Variable y = scale(3, x);
    Variable v = T.dvector("v");
    Variable l = Grad.lop(List.of(y), List.of(x), List.of(v)).get(0);
    assertArrayEquals(
        new double[] {3, 6, 9}, l.eval(Map.of(x, xv, v, new double[] {1, 2, 3})).toDoubleArray());
  }
}
