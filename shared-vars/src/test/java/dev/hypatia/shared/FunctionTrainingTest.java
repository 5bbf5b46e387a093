package dev.hypatia.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.grad.Grad;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A logistic regression trained by a Function with updates. */
class FunctionTrainingTest {
  private static final int N = 60;
  private static final int D = 3;
  private static final double[] TRUE_W = {1.5, -2.0, 0.5};

  /** Points on either side of the plane TRUE_W . x = 0.2, none closer than 0.3 to it. */
  private static double[][] features(SplittableRandom r) {
    double[][] x = new double[N][D];
    for (int i = 0; i < N; ) {
      for (int j = 0; j < D; j++) {
        x[i][j] = r.nextDouble(-2, 2);
      }
      if (Math.abs(margin(x[i])) >= 0.3) {
        i++;
      }
    }
    return x;
  }

  private static double margin(double[] x) {
    double s = -0.2;
    for (int j = 0; j < D; j++) {
      s += TRUE_W[j] * x[j];
    }
    return s;
  }

  /** Trains for 300 steps; returns the final w, b and the losses. */
  private static Trained train(Backend backend, double[][] xs, double[] ys) {
    SharedVariable w = SharedVariable.shared(new double[D], "w");
    SharedVariable b = SharedVariable.shared(0.0, "b");
    Variable x = T.dmatrix("x");
    Variable y = T.dvector("y");
    Variable p = x.dot(w).add(b).sigmoid();
    Variable loss = y.mul(p.log()).add(y.neg().add(1.0).mul(p.neg().add(1.0).log())).mean().neg();
    List<Variable> g = Grad.grad(loss, List.of(w, b));
    double lr = 0.5;
    Function step =
        Function.builder()
            .inputs(x, y)
            .outputs(loss)
            .update(w, w.sub(g.get(0).mul(lr)))
            .update(b, b.sub(g.get(1).mul(lr)))
            .backend(backend)
            .build();
    double[] losses = new double[300];
    for (int i = 0; i < losses.length; i++) {
      losses[i] = step.call(xs, ys).get(0).item();
    }
    return new Trained(w.get(), b.get().item(), losses);
  }

  private record Trained(NDArray w, double b, double[] losses) {}

  @Test
  void logisticRegression_converges_identicallyUnderInterpreterAndAsm() {
    double[][] xs = features(new SplittableRandom(42));
    double[] ys = new double[N];
    for (int i = 0; i < N; i++) {
      ys[i] = margin(xs[i]) > 0 ? 1 : 0;
    }
    Trained asm = train(Backend.ASM, xs, ys);
    Trained ref = train(Backend.INTERPRETER, xs, ys);
    double[] l = asm.losses();
    assertEquals(Math.log(2), l[0], 1e-12);
    assertTrue(l[l.length - 1] < 0.1 && l[l.length - 1] < l[100], "final loss " + l[l.length - 1]);
    for (int i = 0; i < N; i++) {
      double s = asm.b();
      for (int j = 0; j < D; j++) {
        s += asm.w().flatDouble(j) * xs[i][j];
      }
      assertEquals(ys[i], s > 0 ? 1.0 : 0.0, "point " + i);
    }
    assertTrue(asm.w().allClose(ref.w(), 0, 1e-12), asm.w() + " vs " + ref.w());
    assertEquals(ref.b(), asm.b(), 1e-12);
    for (int i = 0; i < l.length; i++) {
      assertEquals(ref.losses()[i], l[i], 1e-12, "loss at step " + i);
    }
  }
}
