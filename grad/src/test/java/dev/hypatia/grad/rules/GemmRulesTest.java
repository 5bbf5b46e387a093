package dev.hypatia.grad.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.grad.Grad;
import dev.hypatia.grad.GradRules;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Gemm;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GemmRulesTest {
  private static Variable var(String name, DType dtype, int[] shape, boolean known) {
    TensorType t = known ? TensorType.of(dtype, shape) : TensorType.ofRank(dtype, shape.length);
    return new Variable(t, name);
  }

  /**
   * Checks the gradients of gemm with respect to a, b, c, alpha and beta against central finite
   * differences (and, in float64, the second derivatives).
   */
  private static void check(int[] sa, int[] sb, int[] sc, DType dtype, boolean known, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Variable> vars =
        List.of(
            var("a", dtype, sa, known),
            var("b", dtype, sb, known),
            var("c", dtype, sc, known),
            var("alpha", dtype, new int[0], known),
            var("beta", dtype, new int[0], known));
    Variable out = new Gemm().apply(vars.toArray(new Variable[0]));
    List<NDArray> values =
        List.of(
            LopCheck.random(rnd, sa).astype(dtype),
            LopCheck.random(rnd, sb).astype(dtype),
            LopCheck.random(rnd, sc).astype(dtype),
            LopCheck.random(rnd).astype(dtype),
            LopCheck.random(rnd).astype(dtype));
    Map<Variable, NDArray> bind = LopCheck.bind(vars, values);
    String what =
        "gemm " + Arrays.toString(sa) + " x " + Arrays.toString(sb) + " + " + Arrays.toString(sc);
    LopCheck.check(what, List.of(out), vars, bind, seed);
    if (dtype == DType.FLOAT64) {
      LopCheck.checkSecondOrder(what, List.of(out), vars, bind, seed);
    }
  }

  @Test
  void gemm_matchesFiniteDifferences() {
    for (boolean known : new boolean[] {true, false}) {
      check(new int[] {3, 4}, new int[] {4, 2}, new int[] {3, 2}, DType.FLOAT64, known, 1);
      check(new int[] {3, 4}, new int[] {4, 2}, new int[] {2}, DType.FLOAT64, known, 2);
      check(new int[] {3, 4}, new int[] {4, 2}, new int[] {3, 1}, DType.FLOAT64, known, 3);
      check(new int[] {3, 4}, new int[] {4, 2}, new int[] {}, DType.FLOAT64, known, 4);
    }
  }

  @Test
  void gemv_matchesFiniteDifferences() {
    for (boolean known : new boolean[] {true, false}) {
      check(new int[] {3, 4}, new int[] {4}, new int[] {3}, DType.FLOAT64, known, 5);
      check(new int[] {3, 4}, new int[] {4}, new int[] {1}, DType.FLOAT64, known, 6);
    }
  }

  @Test
  void productBroadcastByC_matchesFiniteDifferences() {
    // a product axis of length 1 stretched by c: a's and b's gradients sum over it
    for (boolean known : new boolean[] {true, false}) {
      check(new int[] {3, 4}, new int[] {4, 1}, new int[] {3, 5}, DType.FLOAT64, known, 7);
      check(new int[] {1, 4}, new int[] {4}, new int[] {3}, DType.FLOAT64, known, 8);
    }
  }

  @Test
  void float32_gradientsStayFloat32() {
    check(new int[] {3, 4}, new int[] {4, 2}, new int[] {3, 2}, DType.FLOAT32, true, 9);
    check(new int[] {3, 4}, new int[] {4}, new int[] {3}, DType.FLOAT32, false, 10);
  }

  @Test
  void integerScalars_getNoGradient() {
    Variable a = T.dmatrix("a");
    Variable b = T.dmatrix("b");
    Variable c = T.dmatrix("c");
    Variable alpha = T.iscalar("alpha");
    Variable out = new Gemm().apply(a, b, c, alpha, T.dscalar("beta"));
    List<Variable> g =
        GemmRules.rules().get(Gemm.class).apply(out.owner(), List.of(T.dmatrix("g")));
    assertEquals(5, g.size());
    assertNull(g.get(3));
    assertTrue(g.get(4) != null);
    assertEquals(DType.FLOAT64, Grad.grad(out.sum(), List.of(a)).get(0).dtype());
  }

  @Test
  void everyRuleIsInTheTable() {
    assertTrue(GradRules.builtInOps().containsAll(GemmRules.rules().keySet()));
  }
}
