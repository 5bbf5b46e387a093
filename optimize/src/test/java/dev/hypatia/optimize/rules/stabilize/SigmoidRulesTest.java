package dev.hypatia.optimize.rules.stabilize;

import static dev.hypatia.optimize.rules.stabilize.RuleTesting.alone;
import static dev.hypatia.optimize.rules.stabilize.RuleTesting.vector;

import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Elementwise;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SigmoidRulesTest {
  private final Variable x = T.dvector("x");
  private final SplittableRandom random = new SplittableRandom(11);

  @Test
  void softplus_rewritesLogOfOnePlusExp() {
    for (Variable sum : List.of(T.add(1, x.exp()), x.exp().add(1))) {
      var r = alone("softplus", List.of(x), Elementwise.log(sum));
      r.assertFired("softplus", "softplus(x)").assertSameValues(vector(random, 6, -5, 5));
    }
  }

  @Test
  void log1pExp_rewritesLog1pOfExp() {
    var r = alone("log1p_exp", List.of(x), Elementwise.log1p(x.exp()));
    r.assertFired("log1p_exp", "softplus(x)").assertSameValues(vector(random, 6, -5, 5));
  }

  @Test
  void logSigmoid_becomesMinusSoftplusOfMinusX() {
    var r = alone("log_sigmoid", List.of(x), Elementwise.log(x.sigmoid()));
    r.assertFired("log_sigmoid", "-softplus(-x)").assertSameValues(vector(random, 6, -5, 5));
  }

  @Test
  void logSigmoid_unwrapsADoubleNegation() {
    var r = alone("log_sigmoid", List.of(x), Elementwise.log(x.neg().sigmoid()));
    r.assertFired("log_sigmoid", "-softplus(x)").assertSameValues(vector(random, 6, -5, 5));
  }

  @Test
  void logOneMinusSigmoid_becomesMinusSoftplus() {
    var r = alone("log_one_minus_sigmoid", List.of(x), Elementwise.log(T.sub(1, x.sigmoid())));
    r.assertFired("log_one_minus_sigmoid", "-softplus(x)");
    r.assertSameValues(vector(random, 6, -5, 5));
  }

  @Test
  void oneMinusSigmoid_becomesSigmoidOfMinusX() {
    var r = alone("one_minus_sigmoid", List.of(x), T.sub(1, x.sigmoid()));
    r.assertFired("one_minus_sigmoid", "sigmoid(-x)").assertSameValues(vector(random, 6, -5, 5));
  }

  @Test
  void log1pNegSigmoid_becomesMinusSoftplus() {
    var r = alone("log1p_neg_sigmoid", List.of(x), Elementwise.log1p(x.sigmoid().neg()));
    r.assertFired("log1p_neg_sigmoid", "-softplus(x)").assertSameValues(vector(random, 6, -5, 5));
  }

  @Test
  void oneMinusSigmoidAdd_rewritesOnePlusMinusSigmoid() {
    var r = alone("one_minus_sigmoid_add", List.of(x), T.add(1, x.sigmoid().neg()));
    r.assertFired("one_minus_sigmoid_add", "sigmoid(-x)");
    r.assertSameValues(vector(random, 6, -5, 5));
  }

  @Test
  void oneMinusSigmoid_declinesWhenTheOnesAreLarger() {
    Variable s = T.dscalar("s");
    Variable ones = T.constant(new double[] {1, 1});
    alone("one_minus_sigmoid", List.of(s), ones.sub(s.sigmoid())).assertNothingFired();
  }

  @Test
  void oneMinusSigmoid_ofIntegersNegatesInFloat() {
    // -(-128) wraps to -128 in int8: the rewrite must negate after the conversion to float
    Variable b = T.bvector("b");
    Variable out = T.sub(1, b.sigmoid());
    var g = dev.hypatia.symbolic.FunctionGraph.copyOf(List.of(b), List.of(out));
    dev.hypatia.optimize.Optimizer.optimize(g, dev.hypatia.optimize.Mode.FAST_RUN);
    var v = dev.hypatia.symbolic.NDArray.of((byte) -128, (byte) 5, (byte) 127);
    var want =
        dev.hypatia.symbolic.Interpreter.evaluate(List.of(out), java.util.Map.of(b, v)).get(0);
    var got =
        dev.hypatia.symbolic.Interpreter.evaluate(
                g.outputs(), java.util.Map.of(g.inputs().get(0), v))
            .get(0);
    org.junit.jupiter.api.Assertions.assertTrue(
        got.allClose(want, 1e-6, 1e-7), got + " vs " + want);
    org.junit.jupiter.api.Assertions.assertEquals(1.0, got.flatDouble(0), 1e-7);
  }
}
