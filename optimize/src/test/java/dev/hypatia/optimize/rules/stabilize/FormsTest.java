package dev.hypatia.optimize.rules.stabilize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Reductions;
import dev.hypatia.symbolic.ops.Shapes;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormsTest {
  private final Variable x = T.dvector("x");
  private final Variable m = T.dmatrix("m");

  @Test
  void same_comparesStructureNotIdentity() {
    assertTrue(Forms.same(x.exp().add(1), x.exp().add(1)));
    assertFalse(Forms.same(x.exp().add(1), x.exp().add(2)));
    assertFalse(Forms.same(x.exp(), T.dvector("x").exp()));
  }

  @Test
  void same_givesUpOnHugeTwinGraphsInsteadOfExploding() {
    Variable a = x;
    Variable b = x;
    for (int i = 0; i < 40; i++) {
      a = a.add(a.exp());
      b = b.add(b.exp());
    }
    assertFalse(Forms.same(a, b));
  }

  @Test
  void sameShape_followsElementwiseScalarsSoftmaxAndAllocs() {
    assertTrue(Forms.sameShape(x.exp().add(1), x.sigmoid()));
    assertTrue(Forms.sameShape(Shapes.onesLike(x.exp()), x));
    assertFalse(Forms.sameShape(x.add(T.dvector("y")), x));
    assertTrue(Forms.sameShape(T.dscalar("a"), T.dscalar("b")));
  }

  @Test
  void covers_acceptsKeepdimsSumsOfTheSameShape() {
    assertTrue(Forms.covers(m.exp(), Reductions.sum(m.exp(), true, 1)));
    assertFalse(Forms.covers(m.exp(), Reductions.sum(m.exp(), 1)));
    assertFalse(Forms.covers(m.exp(), T.dmatrix("other")));
  }

  @Test
  void fit_castsTheDtypeAndDeclinesAnotherRank() {
    Variable f = T.fvector("f");
    assertEquals(DType.FLOAT64, Forms.fit(x, f).dtype());
    Variable e = x.exp();
    assertSame(e, Forms.fit(x, e));
    assertNull(Forms.fit(x, m));
    assertNull(Forms.fit(T.constant(new double[] {1, 2}), T.constant(new double[] {1, 2, 3})));
  }

  @Test
  void oneMinusArg_readsDifferencesAndSums() {
    assertSame(x, Forms.oneMinusArg(T.sub(1, x)));
    assertSame(x, Forms.oneMinusArg(T.add(1, x.neg())));
    assertSame(x, Forms.oneMinusArg(T.add(x.neg(), 1)));
    assertNull(Forms.oneMinusArg(T.sub(2, x)));
    assertNull(Forms.oneMinusArg(T.constant(new double[] {1, 1}).sub(x)));
  }

  @Test
  void factorsAndProduct_splitAndRebuildAProduct() {
    Variable y = T.dvector("y");
    List<Variable> fs = Forms.factors(x.mul(y).mul(x.exp()));
    assertEquals(3, fs.size());
    assertSame(x, fs.get(0));
    assertEquals("((x * y) * exp(x))", dev.hypatia.symbolic.print.Printer.pp(Forms.product(fs)));
  }
}
