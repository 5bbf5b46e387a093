package dev.hypatia.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.Interpreter;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OptimizersTest {
  private static final double[] C = {1.5, -2.0, 0.25};
  private static final double[] W0 = {0.3, 0.7, -1.1};

  /** An optimizer under test: builds the updates of a cost over its parameters. */
  private interface Rule
      extends BiFunction<Variable, List<SharedVariable>, Map<SharedVariable, Variable>> {}

  /** One step of the reference optimizer in plain Java: updates w in place from its gradient g. */
  private interface Reference {
    void step(double[] w, double[] g);
  }

  static Stream<Arguments> optimizers() {
    return Stream.of(
        Arguments.of("sgd", (Rule) (c, p) -> Optimizers.sgd(c, p, 0.1), sgd(0.1)),
        Arguments.of(
            "momentum", (Rule) (c, p) -> Optimizers.momentum(c, p, 0.05, 0.8), momentum(0.05, 0.8)),
        Arguments.of(
            "momentumDefault",
            (Rule) (c, p) -> Optimizers.momentum(c, p, 0.05),
            momentum(0.05, 0.9)),
        Arguments.of(
            "nesterov", (Rule) (c, p) -> Optimizers.nesterov(c, p, 0.05, 0.7), nesterov(0.05, 0.7)),
        Arguments.of(
            "nesterovDefault",
            (Rule) (c, p) -> Optimizers.nesterov(c, p, 0.05),
            nesterov(0.05, 0.9)),
        Arguments.of(
            "adagrad", (Rule) (c, p) -> Optimizers.adagrad(c, p, 0.3, 1e-4), adagrad(0.3, 1e-4)),
        Arguments.of("adagradDefault", (Rule) Optimizers::adagrad, adagrad(1.0, 1e-6)),
        Arguments.of(
            "rmsprop",
            (Rule) (c, p) -> Optimizers.rmsprop(c, p, 0.1, 0.8, 1e-4),
            rmsprop(0.1, 0.8, 1e-4)),
        Arguments.of("rmspropDefault", (Rule) Optimizers::rmsprop, rmsprop(1.0, 0.9, 1e-6)),
        Arguments.of(
            "adam",
            (Rule) (c, p) -> Optimizers.adam(c, p, 0.2, 0.8, 0.99, 1e-5),
            adam(0.2, 0.8, 0.99, 1e-5)),
        Arguments.of("adamDefault", (Rule) Optimizers::adam, adam(0.001, 0.9, 0.999, 1e-8)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void updates_matchPlainJava_onAQuadratic_atEveryStep(String name, Rule rule, Reference ref) {
    SharedVariable w = SharedVariable.shared(W0, "w");
    Variable cost = w.sub(T.constant(C)).sqr().sum();
    Map<SharedVariable, Variable> updates = rule.apply(cost, List.of(w));
    double[] expected = W0.clone();
    for (int step = 0; step < 6; step++) {
      double[] g = new double[3];
      for (int i = 0; i < 3; i++) {
        g[i] = 2 * (expected[i] - C[i]);
      }
      ref.step(expected, g);
      apply(updates);
      double[] actual = w.get().toDoubleArray();
      for (int i = 0; i < 3; i++) {
        assertEquals(expected[i], actual[i], 1e-12, name + " step " + step + " element " + i);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void updates_decreaseALogisticRegressionLoss_over50Steps(String name, Rule unused, Reference r) {
    SplittableRandom rnd = new SplittableRandom(7);
    int n = 40;
    double[][] x = new double[n][2];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = rnd.nextDouble(-2, 2);
      x[i][1] = rnd.nextDouble(-2, 2);
      y[i] = x[i][0] - 0.5 * x[i][1] + 0.3 > 0 ? 1 : 0;
    }
    SharedVariable w = SharedVariable.shared(new double[2], "w");
    SharedVariable b = SharedVariable.shared(NDArray.scalar(0.0), "b");
    Variable z = T.constant(x).dot(w).add(b);
    Variable loss = z.softplus().sub(T.constant(y).mul(z)).mean();
    Map<SharedVariable, Variable> updates = logisticRule(name).apply(loss, List.of(w, b));
    double initial = evalLoss(loss, w, b);
    for (int step = 0; step < 50; step++) {
      apply(updates);
    }
    double last = evalLoss(loss, w, b);
    assertTrue(last < 0.7 * initial, name + ": loss " + initial + " -> " + last);
  }

  /** Learning rates that suit the logistic problem in 50 steps (the defaults are too slow). */
  private static Rule logisticRule(String name) {
    return switch (name.replace("Default", "")) {
      case "sgd" -> (c, p) -> Optimizers.sgd(c, p, 1.0);
      case "momentum" -> (c, p) -> Optimizers.momentum(c, p, 0.3);
      case "nesterov" -> (c, p) -> Optimizers.nesterov(c, p, 0.3);
      case "adagrad" -> (c, p) -> Optimizers.adagrad(c, p, 0.5);
      case "rmsprop" -> (c, p) -> Optimizers.rmsprop(c, p, 0.05);
      case "adam" -> (c, p) -> Optimizers.adam(c, p, 0.1);
      default -> throw new AssertionError(name);
    };
  }

  @Test
  void updates_areOrderedParamsThenStateThenStepCounter_andNamedAfterTheirParameter() {
    SharedVariable w = SharedVariable.shared(W0, "w");
    SharedVariable b = SharedVariable.shared(NDArray.scalar(0.5), "b");
    Variable cost = w.sum().mul(b);
    List<String> names = new ArrayList<>();
    for (SharedVariable s : Optimizers.adam(cost, List.of(w, b)).keySet()) {
      names.add(s.name());
    }
    assertEquals(List.of("w", "b", "m(w)", "v(w)", "m(b)", "v(b)", "t"), names);
    names.clear();
    for (SharedVariable s : Optimizers.momentum(cost, List.of(w, b), 0.1).keySet()) {
      names.add(s.name());
    }
    assertEquals(List.of("w", "b", "velocity(w)", "velocity(b)"), names);
    assertEquals(List.of(w, b), new ArrayList<>(Optimizers.sgd(cost, List.of(w, b), 1).keySet()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void updates_keepTheirTargetsType_forFloat32Parameters(String name, Rule rule, Reference r) {
    SharedVariable w = SharedVariable.shared(NDArray.of(new float[] {1f, 2f}), "w");
    Variable cost = w.sqr().sum();
    for (var e : rule.apply(cost, List.of(w)).entrySet()) {
      assertEquals(e.getKey().type(), e.getValue().type(), name + " " + e.getKey().name());
    }
    assertEquals(TensorType.of(DType.FLOAT32, 2), w.type());
  }

  @Test
  void stateVariables_startAtZero_withTheParametersType() {
    SharedVariable w =
        SharedVariable.shared(new double[] {1, 2}, "w", TensorType.of(DType.FLOAT64, -1));
    Map<SharedVariable, Variable> updates = Optimizers.rmsprop(w.sqr().sum(), List.of(w));
    SharedVariable accu = new ArrayList<>(updates.keySet()).get(1);
    assertEquals("accu(w)", accu.name());
    assertEquals(w.type(), accu.type());
    assertEquals(List.of(0.0, 0.0), List.of(accu.get().flatDouble(0), accu.get().flatDouble(1)));
  }

  /** Evaluates every update with the interpreter, then commits them all. */
  private static void apply(Map<SharedVariable, Variable> updates) {
    Map<Variable, Object> bindings = new HashMap<>();
    for (SharedVariable s : updates.keySet()) {
      bindings.put(s, s.get());
    }
    List<NDArray> values = Interpreter.evaluate(new ArrayList<>(updates.values()), bindings);
    int i = 0;
    for (SharedVariable s : updates.keySet()) {
      s.set(values.get(i++));
    }
  }

  private static double evalLoss(Variable loss, SharedVariable w, SharedVariable b) {
    return loss.eval(Map.of(w, w.get(), b, b.get())).item();
  }

  private static Reference sgd(double lr) {
    return (w, g) -> {
      for (int i = 0; i < w.length; i++) {
        w[i] -= lr * g[i];
      }
    };
  }

  private static Reference momentum(double lr, double mu) {
    double[] v = new double[W0.length];
    return (w, g) -> {
      for (int i = 0; i < w.length; i++) {
        v[i] = mu * v[i] - lr * g[i];
        w[i] += v[i];
      }
    };
  }

  private static Reference nesterov(double lr, double mu) {
    double[] v = new double[W0.length];
    return (w, g) -> {
      for (int i = 0; i < w.length; i++) {
        v[i] = mu * v[i] - lr * g[i];
        w[i] = w[i] - lr * g[i] + mu * v[i];
      }
    };
  }

  private static Reference adagrad(double lr, double eps) {
    double[] a = new double[W0.length];
    return (w, g) -> {
      for (int i = 0; i < w.length; i++) {
        a[i] += g[i] * g[i];
        w[i] -= lr * g[i] / Math.sqrt(a[i] + eps);
      }
    };
  }

  private static Reference rmsprop(double lr, double rho, double eps) {
    double[] a = new double[W0.length];
    return (w, g) -> {
      for (int i = 0; i < w.length; i++) {
        a[i] = rho * a[i] + (1 - rho) * g[i] * g[i];
        w[i] -= lr * g[i] / Math.sqrt(a[i] + eps);
      }
    };
  }

  private static Reference adam(double lr, double beta1, double beta2, double eps) {
    double[] m = new double[W0.length];
    double[] v = new double[W0.length];
    int[] t = {0};
    return (w, g) -> {
      t[0]++;
      double rate = lr * Math.sqrt(1 - Math.pow(beta2, t[0])) / (1 - Math.pow(beta1, t[0]));
      for (int i = 0; i < w.length; i++) {
        m[i] = beta1 * m[i] + (1 - beta1) * g[i];
        v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
        w[i] -= rate * m[i] / (Math.sqrt(v[i]) + eps);
      }
    };
  }
}
