package dev.hypatia.optimize.rules.stabilize;

import static dev.hypatia.optimize.rules.stabilize.RuleTesting.alone;
import static dev.hypatia.optimize.rules.stabilize.RuleTesting.matrix;
import static dev.hypatia.optimize.rules.stabilize.RuleTesting.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hypatia.optimize.Mode;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.NN;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CrossentropyRulesTest {
  private final Variable z = T.dvector("z");
  private final Variable t = T.dvector("t");
  private final SplittableRandom random = new SplittableRandom(17);

  @Test
  void binarySigmoid_fusesTheRawForm() {
    Variable bce = NN.binaryCrossentropy(z.sigmoid(), t);
    var r = alone("binary_crossentropy_sigmoid", List.of(z, t), bce);
    r.assertFired("binary_crossentropy_sigmoid", "(softplus(z) - (t * z))");
    r.assertSameValues(vector(random, 5, -5, 5), vector(random, 5, 0, 1));
  }

  @Test
  void binarySigmoid_fusesTheFormTheLogRulesLeave() {
    Variable bce = NN.binaryCrossentropy(z.sigmoid(), t);
    Mode mode =
        Mode.NONE
            .including("binary_crossentropy_sigmoid")
            .including("log_sigmoid")
            .including("one_minus_sigmoid");
    var r = RuleTesting.with(mode, List.of(z, t), bce);
    r.assertFired("binary_crossentropy_sigmoid", "(softplus(z) - (t * z))");
    assertEquals(1, r.log().count("one_minus_sigmoid"), r.log().toString());
    r.assertSameValues(vector(random, 5, -5, 5), vector(random, 5, 0, 1));
  }

  @Test
  void binarySigmoid_fusesDifferencesWrittenAsSums() {
    Variable oneMinusT = T.add(1, t.neg());
    Variable bce =
        T.add(
                t.mul(dev.hypatia.symbolic.ops.Elementwise.log(z.sigmoid())),
                oneMinusT.mul(dev.hypatia.symbolic.ops.Elementwise.log1p(z.sigmoid().neg())))
            .neg();
    var r = alone("binary_crossentropy_sigmoid", List.of(z, t), bce);
    r.assertFired("binary_crossentropy_sigmoid", "(softplus(z) - (t * z))");
    r.assertSameValues(vector(random, 5, -5, 5), vector(random, 5, 0, 1));
  }

  @Test
  void binarySigmoid_declinesForDifferentLogits() {
    Variable w = T.dvector("w");
    Variable bce =
        T.add(
                t.mul(dev.hypatia.symbolic.ops.Elementwise.log(z.sigmoid())),
                T.sub(1, t).mul(dev.hypatia.symbolic.ops.Elementwise.log(T.sub(1, w.sigmoid()))))
            .neg();
    alone("binary_crossentropy_sigmoid", List.of(z, t, w), bce).assertNothingFired();
  }

  @Test
  void categoricalSoftmax_picksFromLogSoftmax() {
    Variable m = T.dmatrix("m");
    Variable y = T.lvector("y");
    Variable cce = NN.categoricalCrossentropy(NN.softmax(m), y);
    var r = alone("categorical_crossentropy_softmax", List.of(m, y), cce);
    assertEquals(1, r.log().count("categorical_crossentropy_softmax"));
    assertEquals(true, r.after().contains("log_softmax{axis=1}(m)"), r.after() + "\n" + r.log());
    r.assertSameValues(matrix(random, 3, 4, -5, 5), new long[] {0, 3, 1});
  }

  @Test
  void categoricalSoftmax_oneHotTargetsGoThroughLogSoftmax() {
    Variable m = T.dmatrix("m");
    Variable oneHot = T.dmatrix("t");
    Variable cce = NN.categoricalCrossentropy(NN.softmax(m), oneHot);
    var r = alone("log_softmax", List.of(m, oneHot), cce);
    assertEquals(1, r.log().count("log_softmax"));
    double[][] targets = {{0, 1, 0, 0}, {0, 0, 0, 1}, {1, 0, 0, 0}};
    r.assertSameValues(matrix(random, 3, 4, -5, 5), targets);
  }
}
