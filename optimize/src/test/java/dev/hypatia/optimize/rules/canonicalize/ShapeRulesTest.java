package dev.hypatia.optimize.rules.canonicalize;

import static dev.hypatia.optimize.rules.canonicalize.RuleCheck.assertFired;
import static dev.hypatia.optimize.rules.canonicalize.RuleCheck.assertSameValues;
import static dev.hypatia.optimize.rules.canonicalize.RuleCheck.assertUnchanged;
import static dev.hypatia.optimize.rules.canonicalize.RuleCheck.rewrite;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.optimize.rules.canonicalize.RuleCheck.Rewritten;
import dev.hypatia.symbolic.Constant;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.Interpreter;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.DimShuffle;
import dev.hypatia.symbolic.ops.Elementwise;
import dev.hypatia.symbolic.ops.Shapes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShapeRulesTest {
  private static final int Q = TensorType.UNKNOWN;
  private final Variable m23 = T.tensor(DType.FLOAT64, "m", 2, 3);
  private final Variable mq3 = T.tensor(DType.FLOAT64, "m", Q, 3);
  private final Variable x = T.dmatrix("x");
  private final int[] s23 = {2, 3};

  /** Asserts that {@code rule} rewrites {@code out} (over {@code in}) to the input itself. */
  private static void assertBecomesInput(Variable in, Variable out, String rule, int[] shape) {
    Rewritten r = rewrite(List.of(in), out, rule);
    assertFired(r, rule);
    assertSame(r.graph().inputs().get(0), r.out(), r.pp());
    assertSameValues(List.of(in), out, r, 0, shape);
  }

  @Test
  void uselessReshape_toTheSameShape_becomesX() {
    assertBecomesInput(m23, m23.reshape(2, 3), "useless_reshape", s23);
    assertBecomesInput(x, x.reshape(x.shape()), "useless_reshape", s23);
    assertBecomesInput(mq3, mq3.reshape(-1, 3), "useless_reshape", s23);
  }

  @Test
  void uselessReshape_keepsReshapesThatMayChangeTheShape() {
    assertUnchanged(rewrite(List.of(m23), m23.reshape(3, 2), "useless_reshape"));
    assertUnchanged(rewrite(List.of(x), x.reshape(-1, 3), "useless_reshape"));
    Variable empty = T.tensor(DType.FLOAT64, "e", Q, 0);
    assertUnchanged(rewrite(List.of(empty), empty.reshape(-1, 0), "useless_reshape"));
  }

  @Test
  void uselessDimshuffle_identityOrder_becomesX() {
    assertBecomesInput(x, DimShuffle.of(2, 0, 1).apply(x), "useless_dimshuffle", s23);
  }

  @Test
  void mergeDimshuffles_composesTheOrders() {
    assertBecomesInput(x, x.transpose().transpose(), "merge_dimshuffles", s23);
    Variable out = x.dimshuffle(0, Shapes.X, 1).dimshuffle(2, 1, 0);
    Rewritten r = rewrite(List.of(x), out, "merge_dimshuffles");
    assertFired(r, "merge_dimshuffles");
    assertEquals("dimshuffle{1,x,0}(x)", r.pp());
    assertSameValues(List.of(x), out, r, 0, s23);
    Variable row = T.drow("r");
    Variable dropped = row.dimshuffle(1, 0).dimshuffle(0);
    Rewritten rd = rewrite(List.of(row), dropped, "merge_dimshuffles");
    assertEquals("dimshuffle{1}(r)", rd.pp());
    assertSameValues(List.of(row), dropped, rd, 0, new int[] {1, 3});
  }

  @Test
  void uselessAlloc_ofAValueToItsOwnShape_becomesTheValue() {
    assertBecomesInput(m23, m23.broadcastTo(2, 3), "useless_alloc", s23);
    assertBecomesInput(x, Shapes.broadcastTo(x, x.shape()), "useless_alloc", s23);
  }

  @Test
  void uselessAlloc_keepsARealBroadcast() {
    // x's rows may have length 1 and be broadcast to 3
    assertUnchanged(rewrite(List.of(mq3), mq3.broadcastTo(3, 3), "useless_alloc"));
    assertUnchanged(rewrite(List.of(m23), m23.broadcastTo(4, 2, 3), "useless_alloc"));
  }

  @Test
  void uselessCast_toTheSameDtype_becomesX() {
    assertBecomesInput(x, Elementwise.cast(x, DType.FLOAT64), "useless_cast", s23);
    assertUnchanged(rewrite(List.of(x), Elementwise.cast(x, DType.FLOAT32), "useless_cast"));
  }

  @Test
  void shapeConstant_replacesAFullyKnownShape() {
    Rewritten r = rewrite(List.of(m23), m23.shape(), "shape_constant");
    assertFired(r, "shape_constant");
    Constant c = (Constant) r.out();
    assertArrayEquals(new long[] {2, 3}, c.valueView().toLongArray());
    assertSameValues(List.of(m23), m23.shape(), r, 0, s23);
    assertUnchanged(rewrite(List.of(mq3), mq3.shape(), "shape_constant"));
  }

  @Test
  void shapeOfAlloc_isTheAllocsShapeInput_castToInt64() {
    for (DType d : List.of(DType.INT64, DType.INT32)) {
      Variable n = T.tensor(d, "n", 2);
      Variable v = T.dscalar("v");
      Variable out = Shapes.broadcastTo(v, n).shape();
      Rewritten r = rewrite(List.of(v, n), out, "shape_of_alloc");
      assertFired(r, "shape_of_alloc");
      assertEquals(d == DType.INT64 ? "n" : "cast{int64}(n)", r.pp());
      NDArray nv = NDArray.of(2L, 5L).astype(d);
      NDArray want = Interpreter.evaluate(List.of(out), Map.of(v, 1.5, n, nv)).get(0);
      Map<Variable, Object> after =
          Map.of(r.graph().inputs().get(0), 1.5, r.graph().inputs().get(1), nv);
      NDArray got = Interpreter.evaluate(r.graph().outputs(), after).get(0);
      assertTrue(got.contentEquals(want), got + " vs " + want);
    }
  }

  @Test
  void shapeEntry_aKnownDimension_becomesAConstant() {
    for (String index : List.of("1", "-1")) {
      Variable out = mq3.shape().get(index);
      Rewritten r = rewrite(List.of(mq3), out, "shape_entry");
      assertFired(r, "shape_entry");
      assertEquals(3L, ((Constant) r.out()).valueView().itemLong());
      assertEquals(DType.INT64, r.out().dtype());
      assertSameValues(List.of(mq3), out, r, 0, s23);
    }
    assertUnchanged(rewrite(List.of(mq3), mq3.shape().get("0"), "shape_entry"));
    assertUnchanged(rewrite(List.of(mq3), mq3.shape().get("0:2"), "shape_entry"));
  }
}
