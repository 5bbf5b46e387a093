package dev.hypatia.optimize.rules.stabilize;

import static dev.hypatia.optimize.rules.stabilize.RuleTesting.alone;
import static dev.hypatia.optimize.rules.stabilize.RuleTesting.matrix;
import static dev.hypatia.optimize.rules.stabilize.RuleTesting.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Elementwise;
import dev.hypatia.symbolic.ops.Reductions;
import dev.hypatia.symbolic.ops.Shapes;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QuotientRulesTest {
  private final Variable x = T.dvector("x");
  private final Variable g = T.dvector("g");
  private final Variable m = T.dmatrix("m");
  private final SplittableRandom random = new SplittableRandom(19);

  @Test
  void cancelQuotient_cancelsAFactorAgainstItsDivisor() {
    Variable s = x.sigmoid();
    var r = alone("cancel_quotient", List.of(x, g), g.div(s).mul(s));
    r.assertFired("cancel_quotient", "g");
    r.assertSameValues(vector(random, 5, -3, 3), vector(random, 5, -3, 3));
  }

  @Test
  void cancelQuotient_seesThroughNegationAndSumToShape() {
    Variable s = x.sigmoid();
    Variable back = Elementwise.neg(new dev.hypatia.symbolic.ops.SumToShape().apply(g.div(s), s));
    var r = alone("cancel_quotient", List.of(x, g), back.mul(x.exp()).mul(s));
    r.assertFired("cancel_quotient", "(exp(x) * -sum_to_shape(g, sigmoid(x)))");
    r.assertSameValues(vector(random, 5, -3, 3), vector(random, 5, -3, 3));
  }

  @Test
  void cancelQuotient_turnsExpOverOnePlusExpIntoSigmoid() {
    Variable e = x.exp();
    var r = alone("cancel_quotient", List.of(x, g), g.div(T.add(1, e)).mul(e));
    r.assertFired("cancel_quotient", "(g * sigmoid(x))");
    r.assertSameValues(vector(random, 5, -3, 3), vector(random, 5, -3, 3));
  }

  @Test
  void cancelQuotient_turnsExpOverABroadcastSumOfExpIntoSoftmax() {
    Variable e = m.exp();
    Variable gRow = T.dvector("gRow");
    Variable q = Shapes.dimshuffle(gRow.div(Reductions.sum(e, 1)), 0, Shapes.X);
    var r = alone("cancel_quotient", List.of(m, gRow), q.mul(e));
    r.assertFired("cancel_quotient", "(dimshuffle{0,x}(gRow) * softmax{axis=1}(m))");
    r.assertSameValues(matrix(random, 3, 4, -3, 3), vector(random, 3, -3, 3));
  }

  @Test
  void cancelQuotient_seesThroughTheCanonizersFill() {
    Variable s = x.sigmoid();
    Variable ones = Shapes.full(Shapes.shape(g), 1.0, dev.hypatia.symbolic.DType.FLOAT64);
    Variable fill = Elementwise.where(true, Elementwise.reciprocal(s), ones);
    var r = alone("cancel_quotient", List.of(x, g), s.mul(fill).mul(g));
    r.assertFired("cancel_quotient", "(where(True, 1.0, alloc(1.0, shape(g))) * g)");
    r.assertSameValues(vector(random, 5, -3, 3), vector(random, 5, -3, 3));
  }

  @Test
  void cancelQuotient_cancelsOneFactorOfADenominatorProduct() {
    Variable e = m.exp();
    Variable s = Reductions.sum(e, true, 1);
    Variable h = T.dmatrix("h");
    Variable k = T.dmatrix("k");
    var r = alone("cancel_quotient", List.of(m, h, k), e.mul(h.div(s.mul(k))));
    r.assertFired("cancel_quotient", "((h / k) * softmax{axis=1}(m))");
    r.assertSameValues(
        matrix(random, 3, 4, -3, 3), matrix(random, 3, 4, -3, 3), matrix(random, 3, 4, 1, 3));
  }

  @Test
  void cancelQuotient_declinesWhenTheAxisInsertionDoesNotMatchTheSum() {
    Variable e = m.exp();
    Variable gRow = T.dvector("gRow");
    Variable q = Shapes.dimshuffle(gRow.div(Reductions.sum(e, 0)), 0, Shapes.X);
    alone("cancel_quotient", List.of(m, gRow), q.mul(e)).assertNothingFired();
  }

  @Test
  void cancelQuotient_declinesForAnUnrelatedFactor() {
    alone("cancel_quotient", List.of(x, g), g.div(x.sigmoid()).mul(x.exp())).assertNothingFired();
  }

  @Test
  void distributeOverQuotient_splitsASumWithACancellingTerm() {
    Variable s = x.sigmoid();
    Variable prod = s.mul(g.div(s).sub(x));
    var r = alone("distribute_over_quotient", List.of(x, g), prod);
    r.assertFired(
        "distribute_over_quotient", "(((g / sigmoid(x)) * sigmoid(x)) - (x * sigmoid(x)))");
    r.assertSameValues(vector(random, 5, -3, 3), vector(random, 5, -3, 3));
  }

  @Test
  void distributeOverQuotient_leavesOtherSumsAlone() {
    alone("distribute_over_quotient", List.of(x, g), x.exp().mul(g.sub(x))).assertNothingFired();
  }

  @Test
  void expRatio_turnsASoftmaxWrittenByHandIntoTheOp() {
    Variable e = m.exp();
    var r = alone("exp_ratio", List.of(m), e.div(Reductions.sum(e, true, 1)));
    r.assertFired("exp_ratio", "softmax{axis=1}(m)");
    r.assertSameValues((Object) matrix(random, 3, 4, -3, 3));
  }

  @Test
  void expRatio_acceptsASumWithoutKeepdimsPutBack() {
    Variable e = m.exp();
    Variable s = Shapes.dimshuffle(Reductions.sum(e, 0), Shapes.X, 0);
    var r = alone("exp_ratio", List.of(m), e.div(s));
    r.assertFired("exp_ratio", "softmax{axis=0}(m)");
    r.assertSameValues((Object) matrix(random, 3, 4, -3, 3));
  }

  @Test
  void expRatio_overSeveralAxesSubtractsTheLogsumexp() {
    Variable e = m.exp();
    var r = alone("exp_ratio", List.of(m), e.mul(2).div(Reductions.sum(e, true, 0, 1)));
    assertEquals(1, r.log().count("exp_ratio"));
    r.assertSameValues((Object) matrix(random, 3, 4, -3, 3));
  }

  @Test
  void expRatio_turnsExpOverOnePlusExpIntoSigmoid() {
    Variable e = x.exp();
    var r = alone("exp_ratio", List.of(x), e.div(e.add(1)));
    r.assertFired("exp_ratio", "sigmoid(x)").assertSameValues(vector(random, 5, -3, 3));
  }

  @Test
  void cancelQuotient_readsAReciprocalAsAQuotient() {
    Variable s = x.sigmoid();
    var r = alone("cancel_quotient", List.of(x, g), g.mul(s.reciprocal()).mul(s));
    r.assertFired("cancel_quotient", "g");
    r.assertSameValues(vector(random, 5, -3, 3), vector(random, 5, -3, 3));
  }
}
