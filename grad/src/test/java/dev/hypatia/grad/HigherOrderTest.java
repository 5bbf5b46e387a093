package dev.hypatia.grad;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.NN;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Second derivatives of classic functions against their analytic Hessians, and the forward and
 * reverse operators against products with the Jacobian.
 */
class HigherOrderTest {
  private static final int N = 4;
  private final Variable x = T.tensor(DType.FLOAT64, "x", N);
  private final SplittableRandom rnd = new SplittableRandom(17);

  private double[] point(double lo, double hi) {
    double[] p = new double[N];
    for (int i = 0; i < N; i++) {
      p[i] = lo + (hi - lo) * rnd.nextDouble();
    }
    return p;
  }

  /** Checks Grad.hessian(f(x), x) at a few random points against {@code analytic}. */
  private void checkHessian(
      Function<Variable, Variable> f,
      BiFunction<double[], double[][], double[][]> analytic,
      double lo,
      double hi) {
    Variable h = Grad.hessian(f.apply(x), x);
    for (int trial = 0; trial < 3; trial++) {
      double[] p = point(lo, hi);
      NDArray got = h.eval(Map.of(x, p));
      double[][] want = analytic.apply(p, new double[N][N]);
      for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++) {
          assertEquals(
              want[i][j], got.getDouble(i, j), 1e-9 * (1 + Math.abs(want[i][j])), i + "," + j);
        }
      }
    }
  }

  private static double[] softmax(double[] p) {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : p) {
      m = Math.max(m, v);
    }
    double s = 0;
    double[] e = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      e[i] = Math.exp(p[i] - m);
      s += e[i];
    }
    for (int i = 0; i < p.length; i++) {
      e[i] /= s;
    }
    return e;
  }

  private static double[][] softmaxHessian(double[] p, double[][] h) {
    double[] s = softmax(p);
    for (int i = 0; i < s.length; i++) {
      for (int j = 0; j < s.length; j++) {
        h[i][j] = (i == j ? s[i] : 0) - s[i] * s[j];
      }
    }
    return h;
  }

  @Test
  void rosenbrock() {
    checkHessian(
        v -> {
          Variable head = v.get(":-1");
          Variable tail = v.get("1:");
          Variable a = tail.sub(head.sqr());
          return a.sqr().mul(100).add(head.sub(1).sqr()).sum();
        },
        (p, h) -> {
          for (int i = 0; i < N; i++) {
            if (i < N - 1) {
              h[i][i] += 1200 * p[i] * p[i] - 400 * p[i + 1] + 2;
              h[i][i + 1] = -400 * p[i];
              h[i + 1][i] = -400 * p[i];
            }
            if (i > 0) {
              h[i][i] += 200;
            }
          }
          return h;
        },
        -1.5,
        1.5);
  }

  @Test
  void logSumExp() {
    checkHessian(v -> v.logsumexp(), HigherOrderTest::softmaxHessian, -3, 3);
  }

  @Test
  void softmaxCrossEntropy() {
    checkHessian(v -> NN.logSoftmax(v).get("2").neg(), HigherOrderTest::softmaxHessian, -3, 3);
  }

  @Test
  void quadraticForm() {
    double[][] a = new double[N][N];
    for (double[] row : a) {
      for (int j = 0; j < N; j++) {
        row[j] = rnd.nextDouble() - 0.5;
      }
    }
    checkHessian(
        v -> v.dot(T.constant(a).dot(v)),
        (p, h) -> {
          for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
              h[i][j] = a[i][j] + a[j][i];
            }
          }
          return h;
        },
        -2,
        2);
  }

  @Test
  void sumOfExp() {
    checkHessian(
        v -> v.exp().sum(),
        (p, h) -> {
          for (int i = 0; i < N; i++) {
            h[i][i] = Math.exp(p[i]);
          }
          return h;
        },
        -2,
        2);
  }

  @Test
  void product() {
    checkHessian(
        v -> v.prod(),
        (p, h) -> {
          for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
              double r = 1;
              for (int k = 0; k < N; k++) {
                r *= (k == i || k == j) ? 1 : p[k];
              }
              h[i][j] = i == j ? 0 : r;
            }
          }
          return h;
        },
        -2,
        2);
  }

  @Test
  void sumOfCubes() {
    checkHessian(
        v -> v.pow(3).sum(),
        (p, h) -> {
          for (int i = 0; i < N; i++) {
            h[i][i] = 6 * p[i];
          }
          return h;
        },
        -2,
        2);
  }

  @Test
  void logisticLoss() {
    double[] a = {0.5, -1, 2, 0.25};
    checkHessian(
        v -> v.dot(T.constant(a)).softplus(),
        (p, h) -> {
          double z = 0;
          for (int i = 0; i < N; i++) {
            z += a[i] * p[i];
          }
          double s = 1 / (1 + Math.exp(-z));
          for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
              h[i][j] = s * (1 - s) * a[i] * a[j];
            }
          }
          return h;
        },
        -1,
        1);
  }

  @Test
  void sumOfTanh() {
    checkHessian(
        v -> v.tanh().sum(),
        (p, h) -> {
          for (int i = 0; i < N; i++) {
            double t = Math.tanh(p[i]);
            h[i][i] = -2 * t * (1 - t * t);
          }
          return h;
        },
        -2,
        2);
  }

  @Test
  void euclideanNorm() {
    checkHessian(
        v -> v.sqr().sum().sqrt(),
        (p, h) -> {
          double n2 = 0;
          for (double q : p) {
            n2 += q * q;
          }
          double n = Math.sqrt(n2);
          for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
              h[i][j] = ((i == j ? 1 : 0) - p[i] * p[j] / n2) / n;
            }
          }
          return h;
        },
        0.5,
        2);
  }

  @Test
  void hessian_needsOnlyTheStaticShapeOfTheVariable() {
    Variable data = T.dvector("data");
    Variable w = T.tensor(DType.FLOAT64, "w", 2);
    Variable h = Grad.hessian(data.dot(w).sigmoid().log().neg(), w);
    NDArray got = h.eval(Map.of(data, new double[] {1, 2}, w, new double[] {0.5, -0.25}));
    // s(1-s) x x^T with s = sigmoid(0) = 0.5
    assertEquals(0.25, got.getDouble(0, 0), 1e-15);
    assertEquals(0.5, got.getDouble(0, 1), 1e-15);
    assertEquals(1.0, got.getDouble(1, 1), 1e-15);
  }

  @Test
  void rop_equalsTheJacobianTimesAVector() {
    double[][] a = {{1, -2, 0.5, 0}, {0.25, 1, -1, 2}, {3, 0, 1, -0.5}};
    Variable f = T.constant(a).dot(x).tanh().mul(x.get(":3"));
    Variable v = T.tensor(DType.FLOAT64, "v", N);
    Variable jv = Grad.rop(List.of(f), List.of(x), List.of(v)).get(0);
    Variable jac = Grad.jacobian(f, x);
    double[] p = point(-1, 1);
    double[] vv = point(-1, 1);
    NDArray got = jv.eval(Map.of(x, p, v, vv));
    NDArray j = jac.eval(Map.of(x, p));
    for (int i = 0; i < 3; i++) {
      double want = 0;
      for (int k = 0; k < N; k++) {
        want += j.getDouble(i, k) * vv[k];
      }
      assertEquals(want, got.getDouble(i), 1e-12);
    }
  }

  @Test
  void lop_equalsAVectorTimesTheJacobian() {
    Variable f = x.exp().mul(x.sum()).get("1:");
    Variable u = T.tensor(DType.FLOAT64, "u", N - 1);
    Variable uj = Grad.lop(List.of(f), List.of(x), List.of(u)).get(0);
    Variable jac = Grad.jacobian(f, x);
    double[] p = point(-1, 1);
    double[] uu = {0.5, -1, 2};
    NDArray got = uj.eval(Map.of(x, p, u, uu));
    NDArray j = jac.eval(Map.of(x, p));
    for (int k = 0; k < N; k++) {
      double want = 0;
      for (int i = 0; i < N - 1; i++) {
        want += uu[i] * j.getDouble(i, k);
      }
      assertEquals(want, got.getDouble(k), 1e-12);
    }
  }
}
