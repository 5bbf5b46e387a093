package dev.hypatia.optimize.rules.stabilize;

import static dev.hypatia.optimize.rules.stabilize.RuleTesting.alone;
import static dev.hypatia.optimize.rules.stabilize.RuleTesting.matrix;

import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Elementwise;
import dev.hypatia.symbolic.ops.NN;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SoftmaxRulesTest {
  private final Variable m = T.dmatrix("m");
  private final SplittableRandom random = new SplittableRandom(13);

  @Test
  void logSoftmax_rewritesLogOfSoftmaxKeepingTheAxis() {
    for (int axis : new int[] {0, 1}) {
      var r = alone("log_softmax", List.of(m), Elementwise.log(NN.softmax(m, axis)));
      r.assertFired("log_softmax", "log_softmax{axis=" + axis + "}(m)");
      r.assertSameValues((Object) matrix(random, 3, 4, -5, 5));
    }
  }

  @Test
  void logSoftmax_leavesLogOfLogSoftmaxAlone() {
    alone("log_softmax", List.of(m), Elementwise.log(NN.logSoftmax(m).neg())).assertNothingFired();
  }
}
