package dev.hypatia.optimize.rules.canonicalize;

import static dev.hypatia.optimize.rules.canonicalize.RuleCheck.assertFired;
import static dev.hypatia.optimize.rules.canonicalize.RuleCheck.assertSameValues;
import static dev.hypatia.optimize.rules.canonicalize.RuleCheck.assertUnchanged;
import static dev.hypatia.optimize.rules.canonicalize.RuleCheck.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.hypatia.optimize.rules.canonicalize.RuleCheck.Rewritten;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Alloc;
import dev.hypatia.symbolic.ops.Elementwise;
import java.util.List;
import org.junit.jupiter.api.Test;

class NeutralRulesTest {
  private final Variable x = T.dmatrix("x");
  private final List<Variable> in = List.of(x);
  private final int[] shape = {2, 3};

  private void assertBecomesX(Variable out, String rule) {
    Rewritten r = rewrite(in, out, rule);
    assertFired(r, rule);
    assertSame(r.graph().inputs().get(0), r.out(), r.pp());
    assertSameValues(in, out, r, 0, shape);
  }

  @Test
  void addZero_dropsTheZeroOnEitherSide() {
    assertBecomesX(x.add(0.0), "add_zero");
    assertBecomesX(T.add(0.0, x), "add_zero");
    Variable m = T.tensor(DType.FLOAT64, "m", 2, 3);
    Variable out = m.add(T.constant(new double[] {0, 0, 0}));
    Rewritten r = rewrite(List.of(m), out, "add_zero");
    assertFired(r, "add_zero");
    assertSame(r.graph().inputs().get(0), r.out(), r.pp());
    assertSameValues(List.of(m), out, r, 0, shape);
  }

  @Test
  void addZero_keepsAZeroThatBroadcastsXToABiggerShape() {
    Variable v = T.dvector("v");
    Variable out = v.add(T.constant(new double[][] {{0, 0}, {0, 0}}));
    Rewritten r = rewrite(List.of(v), out, "add_zero");
    assertUnchanged(r);
    Variable unknownRows = x.add(T.constant(new double[][] {{0}, {0}}));
    assertUnchanged(rewrite(in, unknownRows, "add_zero"));
  }

  @Test
  void addZero_keepsAZeroThatChangesTheDtype() {
    Variable i = T.ivector("i");
    Rewritten r = rewrite(List.of(i), i.add(T.constant(0.0)), "add_zero");
    assertUnchanged(r);
  }

  @Test
  void subZero_mulOne_divOne_powOne_dropTheNeutralOperand() {
    assertBecomesX(x.sub(0.0), "sub_zero");
    assertBecomesX(x.mul(1.0), "mul_one");
    assertBecomesX(T.mul(1.0, x), "mul_one");
    assertBecomesX(x.div(1.0), "div_one");
    assertBecomesX(x.pow(1.0), "pow_one");
  }

  @Test
  void subZero_isNotApplied_toZeroMinusX() {
    assertUnchanged(rewrite(in, T.sub(0.0, x), "sub_zero"));
  }

  @Test
  void powOne_worksOnIntegers() {
    Variable i = T.lvector("i");
    Rewritten r = rewrite(List.of(i), i.pow(1), "pow_one");
    assertFired(r, "pow_one");
    assertSameValues(List.of(i), i.pow(1), r, 0, new int[] {4});
  }

  @Test
  void subSelf_becomesZerosOfXsShapeAndDtype() {
    Variable f = T.fmatrix("f");
    Variable out = f.sub(f);
    Rewritten r = rewrite(List.of(f), out, "sub_self");
    assertFired(r, "sub_self");
    assertEquals(Alloc.class, r.out().owner().op().getClass(), r.pp());
    assertEquals(DType.FLOAT32, r.out().dtype());
    assertSameValues(List.of(f), out, r, 0, shape);
  }

  @Test
  void doubleNegation_becomesX() {
    assertBecomesX(Elementwise.neg(Elementwise.neg(x)), "double_negation");
  }

  @Test
  void mulByZero_isLeftAlone() {
    Rewritten r = rewrite(in, x.mul(0.0), "canonicalize");
    assertEquals("(x * 0.0)", r.pp());
  }

  @Test
  void log_namesTheRuleAndBothExpressions() {
    Rewritten r = rewrite(in, x.exp().add(0.0), "add_zero");
    assertEquals(
        "[canonicalize] add_zero: (exp(x) + 0.0)  ->  exp(x)", r.log().entries().get(0).toString());
  }
}
