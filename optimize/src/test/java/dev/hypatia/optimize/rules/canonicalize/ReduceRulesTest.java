package dev.hypatia.optimize.rules.canonicalize;

import static dev.hypatia.optimize.rules.canonicalize.RuleCheck.assertFired;
import static dev.hypatia.optimize.rules.canonicalize.RuleCheck.assertSameValues;
import static dev.hypatia.optimize.rules.canonicalize.RuleCheck.assertUnchanged;
import static dev.hypatia.optimize.rules.canonicalize.RuleCheck.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hypatia.optimize.rules.canonicalize.RuleCheck.Rewritten;
import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Reduce;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReduceRulesTest {
  private final Variable x = T.dtensor3("x");
  private final int[] shape = {2, 3, 4};

  @Test
  void sumOfSum_becomesOneSumOverTheUnionOfAxes() {
    Variable out = x.sum(0).sum(0);
    Rewritten r = rewrite(List.of(x), out, "sum_of_sum");
    assertFired(r, "sum_of_sum");
    assertEquals("sum{axes=(0, 1)}(x)", r.pp());
    assertSameValues(List.of(x), out, r, 1e-14, shape);
  }

  @Test
  void sumOfSum_mapsAxesForEveryKeepdimsCombination() {
    int[][] subsets = {{}, {0}, {1}, {2}, {0, 2}, {1, 2}, {0, 1, 2}};
    for (boolean ka : new boolean[] {false, true}) {
      for (boolean kb : new boolean[] {false, true}) {
        for (int[] a : subsets) {
          Variable inner = x.sum(ka, a); // no axes: every axis, as numpy's axis=None
          for (int[] b : subsets) {
            if (b.length > 0 && b[b.length - 1] >= inner.ndim()) {
              continue;
            }
            Variable out = inner.sum(kb, b);
            Rewritten r = rewrite(List.of(x), out, "sum_of_sum");
            assertFired(r, "sum_of_sum");
            assertEquals(1, reduceCount(r.out()), r.pp());
            assertSameValues(List.of(x), out, r, 1e-14, shape);
          }
        }
      }
    }
  }

  @Test
  void sumOfSum_ofIntegersIsExactAndInt64() {
    Variable i = T.tensor(DType.INT32, "i", -1, -1);
    Variable out = i.sum(1).sum();
    Rewritten r = rewrite(List.of(i), out, "sum_of_sum");
    assertEquals("sum{axes=(0, 1)}(i)", r.pp());
    assertEquals(DType.INT64, r.out().dtype());
    assertSameValues(List.of(i), out, r, 0, new int[] {3, 5});
  }

  @Test
  void sumOfSum_leavesOtherReductionsAlone() {
    assertUnchanged(rewrite(List.of(x), x.max(0).sum(0), "sum_of_sum"));
    assertUnchanged(rewrite(List.of(x), x.sum(0).prod(0), "sum_of_sum"));
  }

  private static int reduceCount(Variable v) {
    int n = 0;
    List<Variable> todo = new ArrayList<>(List.of(v));
    while (!todo.isEmpty()) {
      Apply node = todo.remove(todo.size() - 1).owner();
      if (node != null) {
        n += node.op() instanceof Reduce ? 1 : 0;
        todo.addAll(node.inputs());
      }
    }
    return n;
  }
}
