package dev.hypatia.grad.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.grad.GradRules;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.NN;
import dev.hypatia.symbolic.testing.OpSpec;
import dev.hypatia.symbolic.testing.OpSpecs;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NNRulesTest {
  static Stream<OpSpec> rows() {
    return OpSpecs.differentiable().stream()
        .filter(
            r ->
                List.of("softmax", "log_softmax", "crossentropy_categorical_1hot")
                    .contains(r.function()));
  }

  @ParameterizedTest
  @MethodSource("rows")
  void specRow_matchesFiniteDifferences(OpSpec spec) {
    for (int t = 0; t < 6; t++) {
      LopCheck.checkCase(spec, spec.sample(500 + t), t % 2 == 0, t);
    }
  }

  @ParameterizedTest
  @MethodSource("rows")
  void specRow_secondDerivatives(OpSpec spec) {
    for (int t = 0; t < 3; t++) {
      OpSpec.Case c = spec.sample(600 + t);
      List<Variable> vars = c.variables(t % 2 == 0);
      List<Variable> wrt = c.floatInputs().stream().map(vars::get).toList();
      LopCheck.checkSecondOrder(spec.name(), c.build(vars), wrt, c.bindings(vars), t);
    }
  }

  @Test
  void everyRuleIsInTheTable() {
    assertTrue(GradRules.builtInOps().containsAll(NNRules.rules().keySet()));
  }

  private static Map<Variable, NDArray> bind(Variable x, NDArray value) {
    return LopCheck.bind(List.of(x), List.of(value));
  }

  @Test
  void softmaxAndLogSoftmax_everyAxis() {
    SplittableRandom rnd = new SplittableRandom(1);
    Variable x = new Variable(TensorType.of(DType.FLOAT64, 2, 3, 4), "x");
    for (int axis = -3; axis < 3; axis++) {
      NDArray value = LopCheck.random(rnd, 2, 3, 4);
      LopCheck.check(
          "softmax " + axis, List.of(NN.softmax(x, axis)), List.of(x), bind(x, value), 2);
      LopCheck.check(
          "log_softmax " + axis, List.of(NN.logSoftmax(x, axis)), List.of(x), bind(x, value), 3);
    }
  }

  @Test
  void logSoftmax_largeInputsStayFinite() {
    SplittableRandom rnd = new SplittableRandom(2);
    Variable x = new Variable(TensorType.of(DType.FLOAT64, 3, 4), "x");
    NDArray value = LopCheck.random(rnd, 3, 4);
    for (int k = 0; k < value.size(); k++) {
      value.setFlat(k, 1000 + value.flatDouble(k));
    }
    LopCheck.check(
        "log_softmax near 1000", List.of(NN.logSoftmax(x)), List.of(x), bind(x, value), 4);
    LopCheck.check("softmax near 1000", List.of(NN.softmax(x)), List.of(x), bind(x, value), 5);
  }

  @Test
  void softmax_float32GradientStaysFloat32() {
    SplittableRandom rnd = new SplittableRandom(3);
    Variable x = new Variable(TensorType.of(DType.FLOAT32, 3, 4), "x");
    NDArray value = LopCheck.random(rnd, 3, 4).astype(DType.FLOAT32);
    LopCheck.check("softmax f32", List.of(NN.softmax(x)), List.of(x), bind(x, value), 6);
    LopCheck.check("log_softmax f32", List.of(NN.logSoftmax(x)), List.of(x), bind(x, value), 7);
  }

  @Test
  void crossentropy_repeatedLabelsAndUnknownShapes() {
    SplittableRandom rnd = new SplittableRandom(4);
    Variable p = new Variable(TensorType.ofRank(DType.FLOAT64, 2), "p");
    Variable y = new Variable(TensorType.ofRank(DType.INT64, 1), "y");
    NDArray pv = LopCheck.random(rnd, 4, 3);
    for (int k = 0; k < pv.size(); k++) {
      pv.setFlat(k, 0.2 + 0.5 * (1 + pv.flatDouble(k)));
    }
    NDArray labels = NDArray.of(new long[] {2, 2, 0, 1});
    Variable out = NN.categoricalCrossentropy(p, y);
    var b = LopCheck.bind(List.of(p, y), List.of(pv, labels));
    LopCheck.check("crossentropy", List.of(out), List.of(p), b, 8);
  }
}
