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

class SumProductRulesTest {
  private static final int[] V4 = {4};
  private final Variable a = T.tensor(DType.FLOAT64, "a", 4);
  private final Variable b = T.tensor(DType.FLOAT64, "b", 4);
  private final Variable x = T.dvector("x");
  private final Variable y = T.dvector("y");

  @Test
  void addCanonizer_cancelsEqualTerms() {
    Variable out = a.add(b).sub(a);
    Rewritten r = rewrite(List.of(a, b), out, "add_canonizer");
    assertFired(r, "add_canonizer");
    assertSame(r.graph().inputs().get(1), r.out(), r.pp());
    assertSameValues(List.of(a, b), out, r, 1e-15, V4, V4);
  }

  @Test
  void addCanonizer_fillsACancelledTermThatMayBroadcastTheResult() {
    Variable m = T.dmatrix("m");
    Variable out = m.add(x).sub(m);
    Rewritten r = rewrite(List.of(m, x), out, "add_canonizer");
    assertFired(r, "add_canonizer");
    assertEquals("where(True, x, m)", r.pp());
    assertSameValues(List.of(m, x), out, r, 1e-15, new int[] {2, 3}, new int[] {3});
    // unknown lengths of equal rank may broadcast too: x may have length 1 where y has 4
    Variable v = x.add(y).sub(y);
    Rewritten rv = rewrite(List.of(x, y), v, "add_canonizer");
    assertEquals("where(True, x, y)", rv.pp());
    assertSameValues(List.of(x, y), v, rv, 1e-15, new int[] {1}, V4);
  }

  @Test
  void addCanonizer_mergesConstantsAndSortsTerms() {
    Variable out = x.add(2.0).sub(y.sub(3.0));
    Rewritten r = rewrite(List.of(x, y), out, "add_canonizer");
    assertFired(r, "add_canonizer");
    assertEquals("((x + 5.0) - y)", r.pp());
    assertSameValues(List.of(x, y), out, r, 1e-15, V4, V4);
    Rewritten sorted = rewrite(List.of(x, y), y.add(x), "add_canonizer");
    assertEquals("(x + y)", sorted.pp());
  }

  @Test
  void addCanonizer_flattensNegations() {
    Variable out = Elementwise.neg(x.sub(y));
    Rewritten r = rewrite(List.of(x, y), out, "add_canonizer");
    assertFired(r, "add_canonizer_neg");
    assertEquals("(y - x)", r.pp());
    assertSameValues(List.of(x, y), out, r, 0, V4, V4);
    Variable sums = Elementwise.neg(x).sub(y).add(Elementwise.neg(a));
    Rewritten rs = rewrite(List.of(x, y, a), sums, "add_canonizer");
    assertEquals("-((a + x) + y)", rs.pp());
    assertSameValues(List.of(x, y, a), sums, rs, 1e-15, V4, V4, V4);
  }

  @Test
  void addCanonizer_cancelsEverythingToZerosOfTheTermsShape() {
    Variable out = a.add(b).sub(b).sub(a);
    Rewritten r = rewrite(List.of(a, b), out, "add_canonizer");
    assertEquals(Alloc.class, r.out().owner().op().getClass(), r.pp());
    // the original rounds (a + b) - b - a; the zeros are exact
    assertSameValues(List.of(a, b), out, r, 1e-15, V4, V4);
  }

  @Test
  void addCanonizer_worksOnIntegersExactly() {
    Variable i = T.tensor(DType.INT32, "i", 3);
    Variable j = T.tensor(DType.INT32, "j", 3);
    Variable out = j.add(i).add(7).sub(j).sub(2);
    Rewritten r = rewrite(List.of(i, j), out, "add_canonizer");
    assertEquals("(i + 5)", r.pp());
    assertSameValues(List.of(i, j), out, r, 0, new int[] {3}, new int[] {3});
  }

  @Test
  void addCanonizer_leavesMixedDtypesAndBoolsAlone() {
    Variable f = T.fvector("f");
    // f + x mixes float32 and float64: it is a term of its own, and nothing cancels
    assertUnchanged(rewrite(List.of(f, x), f.add(x).sub(x), "add_canonizer"));
    Variable p = T.boolvector("p");
    Variable q = T.boolvector("q");
    assertUnchanged(rewrite(List.of(p, q), q.add(p), "add_canonizer"));
  }

  @Test
  void mulCanonizer_cancelsFactorsInNumeratorAndDenominator() {
    Variable out = a.mul(b).div(a);
    Rewritten r = rewrite(List.of(a, b), out, "mul_canonizer");
    assertFired(r, "mul_canonizer");
    assertSame(r.graph().inputs().get(1), r.out(), r.pp());
    assertSameValues(List.of(a, b), out, r, 1e-15, V4, V4);
  }

  @Test
  void mulCanonizer_mergesConstantsAndRebuildsOneQuotient() {
    Variable out = T.mul(2.0, y).div(x.mul(4.0)).mul(x.exp());
    Rewritten r = rewrite(List.of(x, y), out, "mul_canonizer");
    assertEquals("(((exp(x) * y) * 0.5) / x)", r.pp());
    assertSameValues(List.of(x, y), out, r, 1e-15, V4, V4);
  }

  @Test
  void mulCanonizer_turnsOneOverAProductIntoAReciprocal() {
    Variable out = T.trueDiv(1.0, y.mul(x));
    Rewritten r = rewrite(List.of(x, y), out, "mul_canonizer");
    assertEquals("reciprocal((x * y))", r.pp());
    assertSameValues(List.of(x, y), out, r, 1e-15, V4, V4);
    assertUnchanged(rewrite(List.of(x, y), x.mul(y).reciprocal(), "mul_canonizer"));
  }

  @Test
  void mulCanonizer_cancelsEverythingToOnes() {
    Variable out = a.div(a);
    Rewritten r = rewrite(List.of(a), out, "mul_canonizer");
    assertEquals(Alloc.class, r.out().owner().op().getClass(), r.pp());
    assertSameValues(List.of(a), out, r, 0, V4);
  }

  @Test
  void canonizers_seeThroughConstantsFilledToAShape() {
    Variable out = a.div(a).div(a);
    Rewritten r = rewrite(List.of(a), out, "canonicalize");
    assertEquals("reciprocal(a)", r.pp());
    assertSameValues(List.of(a), out, r, 1e-15, V4);
    Variable zeros = T.zerosLike(x).add(y);
    Rewritten rz = rewrite(List.of(x, y), zeros, "add_canonizer");
    assertEquals("where(True, y, alloc(0.0, shape(x)))", rz.pp());
    assertSameValues(List.of(x, y), zeros, rz, 0, V4, new int[] {1});
  }

  @Test
  void canonicalForms_areLeftAlone() {
    assertUnchanged(rewrite(List.of(x, y), x.add(5.0).sub(y), "add_canonizer"));
    assertUnchanged(rewrite(List.of(x, y), x.mul(y).div(x.exp()), "mul_canonizer"));
  }
}
