package dev.hypatia.optimize.rules.stabilize;

import static dev.hypatia.optimize.rules.stabilize.RuleTesting.alone;
import static dev.hypatia.optimize.rules.stabilize.RuleTesting.matrix;
import static dev.hypatia.optimize.rules.stabilize.RuleTesting.vector;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Elementwise;
import dev.hypatia.symbolic.ops.Reductions;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LogRulesTest {
  private final Variable x = T.dvector("x");
  private final SplittableRandom random = new SplittableRandom(7);

  @Test
  void log1p_matchesOnePlusXInEitherOrderWithWeakConstants() {
    for (Variable sum : List.of(T.add(1, x), x.add(1), x.add(1.0))) {
      var r = alone("log1p", List.of(x), Elementwise.log(sum)).assertFired("log1p", "log1p(x)");
      r.assertSameValues(vector(random, 5, -0.9, 3));
    }
  }

  @Test
  void log1p_keepsFloat32() {
    Variable f = T.fvector("f");
    var r = alone("log1p", List.of(f), Elementwise.log(T.add(1, f)));
    r.assertFired("log1p", "log1p(f)");
    org.junit.jupiter.api.Assertions.assertEquals(
        DType.FLOAT32, r.graph().outputs().get(0).dtype());
  }

  @Test
  void log1p_declinesWhenTheConstantBroadcastsXLarger() {
    Variable s = T.dscalar("s");
    Variable ones = T.constant(new double[] {1, 1, 1});
    alone("log1p", List.of(s), Elementwise.log(ones.add(s))).assertNothingFired();
  }

  @Test
  void log1pNeg_rewritesOneMinusX() {
    var r = alone("log1p_neg", List.of(x), Elementwise.log(T.sub(1, x)));
    r.assertFired("log1p_neg", "log1p(-x)");
    r.assertSameValues(vector(random, 5, -3, 0.9));
  }

  @Test
  void expm1_rewritesExpMinusOne() {
    var r = alone("expm1", List.of(x), T.sub(x.exp(), 1)).assertFired("expm1", "expm1(x)");
    r.assertSameValues(vector(random, 5, -3, 3));
  }

  @Test
  void expm1Add_rewritesExpPlusMinusOne() {
    var r = alone("expm1_add", List.of(x), x.exp().add(-1)).assertFired("expm1_add", "expm1(x)");
    r.assertSameValues(vector(random, 5, -3, 3));
  }

  @Test
  void logsumexp_shiftsByTheMax() {
    Variable m = T.dmatrix("m");
    Variable lse = Elementwise.log(Reductions.sum(m.exp(), 1));
    var r = alone("logsumexp", List.of(m), lse);
    org.junit.jupiter.api.Assertions.assertEquals(
        1, r.log().count("logsumexp"), r.log().toString());
    org.junit.jupiter.api.Assertions.assertTrue(r.after().contains("max"), r.after());
    r.assertSameValues((Object) matrix(random, 3, 4, -5, 5));
  }

  @Test
  void logsumexp_keepsDimsAndSeveralAxes() {
    Variable m = T.dmatrix("m");
    for (boolean keep : new boolean[] {true, false}) {
      Variable lse = Elementwise.log(Reductions.sum(m.exp(), keep, 0, 1));
      var r = alone("logsumexp", List.of(m), lse);
      org.junit.jupiter.api.Assertions.assertEquals(1, r.log().count("logsumexp"));
      org.junit.jupiter.api.Assertions.assertEquals(
          keep ? 2 : 0, r.graph().outputs().get(0).ndim());
      r.assertSameValues((Object) matrix(random, 3, 4, -5, 5));
    }
  }

  @Test
  void logsumexp_leavesItsOwnShiftedSumAlone() {
    Variable m = T.dmatrix("m");
    alone("logsumexp", List.of(m), Reductions.logsumexp(m, 1)).assertNothingFired();
  }
}
