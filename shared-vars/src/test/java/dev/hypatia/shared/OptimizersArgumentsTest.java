package dev.hypatia.shared;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The error messages of {@link Optimizers} for bad costs, parameters and hyper-parameters. */
class OptimizersArgumentsTest {
  private final SharedVariable w = SharedVariable.shared(new double[] {1, 2, 3}, "w");
  private final Variable cost = w.sqr().sum();

  private static void assertMessage(Executable call, String... parts) {
    HypatiaException e = assertThrows(HypatiaException.class, call);
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "missing '" + part + "' in: " + e.getMessage());
    }
  }

  private static Map<String, BiFunction<Variable, List<Variable>, ?>> all() {
    return Map.of(
        "sgd",
        (c, p) -> Optimizers.sgd(c, p, 0.1),
        "momentum",
        (c, p) -> Optimizers.momentum(c, p, 0.1),
        "nesterov",
        (c, p) -> Optimizers.nesterov(c, p, 0.1),
        "adagrad",
        Optimizers::adagrad,
        "rmsprop",
        Optimizers::rmsprop,
        "adam",
        Optimizers::adam);
  }

  @Test
  void everyOptimizer_rejectsANonScalarCost_namingItsType() {
    all()
        .forEach(
            (name, opt) ->
                assertMessage(
                    () -> opt.apply(w.sqr(), List.of(w)),
                    name + ": the cost must be a scalar, got ",
                    "float64[3]",
                    "reduce it first"));
  }

  @Test
  void everyOptimizer_rejectsANonFloatOrNullCost() {
    SharedVariable n = SharedVariable.shared(new int[] {1, 2}, "n");
    all()
        .forEach(
            (name, opt) -> {
              assertMessage(
                  () -> opt.apply(n.sum(), List.of(w)),
                  name + ": the cost must be a float scalar",
                  "int");
              assertMessage(() -> opt.apply(null, List.of(w)), name + ": the cost is null");
            });
  }

  @Test
  void everyOptimizer_rejectsAParameterThatIsNotASharedVariable() {
    Variable x = T.dvector("x");
    all()
        .forEach(
            (name, opt) ->
                assertMessage(
                    () -> opt.apply(cost.add(x.sum()), List.of(w, x)),
                    name + ": parameter 1 (x: float64[?]",
                    "is not a SharedVariable",
                    "SharedVariable.shared(value, name)"));
  }

  @Test
  void everyOptimizer_rejectsANonFloatParameter() {
    SharedVariable n = SharedVariable.shared(new int[] {1, 2}, "n");
    all()
        .forEach(
            (name, opt) ->
                assertMessage(
                    () -> opt.apply(cost, List.of(n)),
                    name + ": parameter 0 (n: int32[2]",
                    "is not a float tensor; only float parameters can be optimized"));
  }

  @Test
  void everyOptimizer_rejectsNoParameters_aNullOne_andOneListedTwice() {
    all()
        .forEach(
            (name, opt) -> {
              assertMessage(() -> opt.apply(cost, List.of()), name + ": no parameters to update");
              assertMessage(
                  () -> opt.apply(cost, Arrays.asList(w, null)), name + ": parameter 1 is null");
              assertMessage(
                  () -> opt.apply(cost, List.of(w, w)), name + ": parameter 1 (w) is listed twice");
            });
  }

  @Test
  void aParameterTheCostDoesNotDependOn_isReportedByGrad() {
    SharedVariable unused = SharedVariable.shared(new double[] {1}, "unused");
    assertMessage(() -> Optimizers.sgd(cost, List.of(w, unused), 0.1), "unused");
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, -0.5, Double.NaN, Double.POSITIVE_INFINITY})
  void everyOptimizer_rejectsALearningRateThatIsNotPositiveAndFinite(double lr) {
    List<Executable> calls =
        List.of(
            () -> Optimizers.sgd(cost, List.of(w), lr),
            () -> Optimizers.momentum(cost, List.of(w), lr),
            () -> Optimizers.nesterov(cost, List.of(w), lr),
            () -> Optimizers.adagrad(cost, List.of(w), lr),
            () -> Optimizers.rmsprop(cost, List.of(w), lr),
            () -> Optimizers.adam(cost, List.of(w), lr));
    List<String> names = List.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam");
    for (int i = 0; i < calls.size(); i++) {
      assertMessage(
          calls.get(i),
          names.get(i) + ": the learning rate must be positive and finite, got " + lr);
    }
  }

  @Test
  void decayRates_mustBeInZeroToOne() {
    List<Variable> p = List.of(w);
    assertMessage(
        () -> Optimizers.momentum(cost, p, 0.1, 1.0),
        "momentum: the momentum must be in [0, 1), got 1.0");
    assertMessage(
        () -> Optimizers.nesterov(cost, p, 0.1, -0.1),
        "nesterov: the momentum must be in [0, 1), got -0.1");
    assertMessage(
        () -> Optimizers.rmsprop(cost, p, 0.1, 1.5, 1e-6),
        "rmsprop: the decay rate rho must be in [0, 1), got 1.5");
    assertMessage(
        () -> Optimizers.adam(cost, p, 0.1, 1.0, 0.999, 1e-8),
        "adam: the beta1 must be in [0, 1), got 1.0");
    assertMessage(
        () -> Optimizers.adam(cost, p, 0.1, 0.9, Double.NaN, 1e-8),
        "adam: the beta2 must be in [0, 1), got NaN");
  }

  @Test
  void epsilon_mustBeZeroOrPositiveAndFinite() {
    List<Variable> p = List.of(w);
    assertMessage(
        () -> Optimizers.adagrad(cost, p, 0.1, -1e-6),
        "adagrad: the epsilon must be zero or positive and finite, got -1.0E-6");
    assertMessage(
        () -> Optimizers.rmsprop(cost, p, 0.1, 0.9, Double.POSITIVE_INFINITY),
        "rmsprop: the epsilon must be zero or positive and finite, got Infinity");
    assertMessage(
        () -> Optimizers.adam(cost, p, 0.1, 0.9, 0.999, -1),
        "adam: the epsilon must be zero or positive and finite, got -1.0");
  }
}
