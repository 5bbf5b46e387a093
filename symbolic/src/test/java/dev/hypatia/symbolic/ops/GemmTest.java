package dev.hypatia.symbolic.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.Interpreter;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GemmTest {
  private static final int U = TensorType.UNKNOWN;

  private static NDArray random(SplittableRandom rnd, DType dtype, int... shape) {
    NDArray v = NDArray.zeros(DType.FLOAT64, shape);
    for (int i = 0; i < v.size(); i++) {
      v.setFlat(i, rnd.nextDouble(-2, 2));
    }
    return v.astype(dtype);
  }

  /**
   * Checks gemm against the unfused {@code beta*c + alpha*dot(a, b)} (Dot and Elemwise) on random
   * values: they must agree exactly, rounding included.
   */
  private static void checkAgainstUnfused(DType dtype, int[] sa, int[] sb, int[] sc, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Variable a = T.tensor(dtype, "a", sa);
    Variable b = T.tensor(dtype, "b", sb);
    Variable c = T.tensor(dtype, "c", sc);
    Variable alpha = T.tensor(dtype, "alpha");
    Variable beta = T.tensor(dtype, "beta");
    Variable gemm = new Gemm().apply(a, b, c, alpha, beta);
    Variable unfused =
        Elementwise.add(Elementwise.mul(beta, c), Elementwise.mul(alpha, LinearAlgebra.dot(a, b)));
    assertEquals(unfused.type(), gemm.type());
    for (int t = 0; t < 5; t++) {
      Map<Variable, NDArray> bind =
          Map.of(
              a, random(rnd, dtype, sa),
              b, random(rnd, dtype, sb),
              c, random(rnd, dtype, sc),
              alpha, random(rnd, dtype),
              beta, random(rnd, dtype));
      List<NDArray> got = Interpreter.evaluate(List.of(gemm, unfused), bind);
      assertTrue(
          got.get(0).contentEquals(got.get(1)),
          "gemm " + got.get(0).format() + " vs unfused " + got.get(1).format());
    }
  }

  @Test
  void perform_matrixMatrix_equalsDotPlusElemwiseExactly() {
    checkAgainstUnfused(DType.FLOAT64, new int[] {3, 4}, new int[] {4, 5}, new int[] {3, 5}, 1);
    checkAgainstUnfused(DType.FLOAT32, new int[] {3, 4}, new int[] {4, 5}, new int[] {3, 5}, 2);
  }

  @Test
  void perform_matrixVector_equalsDotPlusElemwiseExactly() {
    checkAgainstUnfused(DType.FLOAT64, new int[] {3, 4}, new int[] {4}, new int[] {3}, 3);
    checkAgainstUnfused(DType.FLOAT32, new int[] {3, 4}, new int[] {4}, new int[] {3}, 4);
  }

  @Test
  void perform_broadcastsCLikeTheUnfusedSum() {
    checkAgainstUnfused(DType.FLOAT64, new int[] {3, 4}, new int[] {4, 5}, new int[] {5}, 5);
    checkAgainstUnfused(DType.FLOAT64, new int[] {3, 4}, new int[] {4, 5}, new int[] {3, 1}, 6);
    checkAgainstUnfused(DType.FLOAT64, new int[] {3, 4}, new int[] {4, 5}, new int[] {}, 7);
    checkAgainstUnfused(DType.FLOAT64, new int[] {3, 4}, new int[] {4, 1}, new int[] {3, 6}, 8);
    checkAgainstUnfused(DType.FLOAT32, new int[] {2, 0}, new int[] {0, 3}, new int[] {2, 3}, 9);
  }

  @Test
  void perform_betaZeroStillPropagatesNaNOfC() {
    Variable a = T.dmatrix("a");
    Variable b = T.dvector("b");
    Variable c = T.dvector("c");
    Variable out = new Gemm().apply(a, b, c, T.constant(2.0), T.constant(0.0));
    NDArray v =
        Interpreter.evaluate(
                List.of(out),
                Map.of(
                    a, new double[][] {{1, 2}, {3, 4}},
                    b, new double[] {1, 1},
                    c, new double[] {Double.NaN, 5}))
            .get(0);
    assertTrue(Double.isNaN(v.getDouble(0)));
    assertEquals(14.0, v.getDouble(1));
  }

  @Test
  void makeNode_infersStaticShapes() {
    Variable a = T.tensor(DType.FLOAT64, "a", 2, U);
    Variable s = T.dscalar("s");
    assertEquals(
        TensorType.of(DType.FLOAT64, 2, 5),
        new Gemm()
            .apply(a, T.tensor(DType.FLOAT64, "b", U, U), T.tensor(DType.FLOAT64, "c", 5), s, s)
            .type());
    assertEquals(
        TensorType.of(DType.FLOAT64, 2, U),
        new Gemm().apply(a, T.tensor(DType.FLOAT64, "b", 3, 1), T.dmatrix("c"), s, s).type());
    assertEquals(
        TensorType.of(DType.FLOAT64, 2),
        new Gemm().apply(a, T.dvector("b"), T.tensor(DType.FLOAT64, "c", 1), s, s).type());
  }

  private static String error(Variable... inputs) {
    return assertThrows(HypatiaException.class, () -> new Gemm().makeNode(inputs)).getMessage();
  }

  @Test
  void makeNode_rejectsWrongInputCount() {
    Variable m = T.dmatrix("m");
    assertTrue(error(m, m, m).contains("gemm: expects 5 inputs (a, b, c, alpha, beta), got 3"));
  }

  @Test
  void makeNode_rejectsRanksThatAreNotGemmOrGemv() {
    Variable s = T.dscalar("s");
    String want =
        "gemm takes a matrix a, a matrix or vector b and a c of rank at most b's, got ranks";
    assertTrue(
        error(T.dvector("a"), T.dmatrix("b"), T.dvector("c"), s, s).contains(want + " 1, 2"));
    assertTrue(error(T.dmatrix("a"), s, s, s, s).contains(want + " 2, 0 and 0"));
    assertTrue(
        error(T.dmatrix("a"), T.dvector("b"), T.dmatrix("c"), s, s).contains(want + " 2, 1 and 2"));
  }

  @Test
  void makeNode_rejectsAlphaOrBetaOfRankAboveZero() {
    Variable m = T.dmatrix("m");
    Variable s = T.dscalar("s");
    assertTrue(
        error(m, m, m, T.dvector("v"), s).contains("alpha must be a scalar (rank 0), got rank 1"));
    assertTrue(error(m, m, m, s, m).contains("beta must be a scalar (rank 0), got rank 2"));
  }

  @Test
  void makeNode_rejectsMixedOrIntegerDtypes() {
    Variable s = T.dscalar("s");
    Variable i = T.tensor(DType.INT32, "i", U, U);
    assertTrue(
        error(T.dmatrix("a"), T.fmatrix("b"), T.dmatrix("c"), s, s)
            .contains("a, b and c must share one float dtype, got float64, float32 and float64"));
    assertTrue(
        error(i, i, i, s, s)
            .contains("a, b and c must share one float dtype, got int32, int32 and int32"));
  }

  @Test
  void makeNode_rejectsMisalignedOrUnbroadcastableStaticDims() {
    Variable s = T.dscalar("s");
    Variable a = T.tensor(DType.FLOAT64, "a", 2, 3);
    String e = error(a, T.tensor(DType.FLOAT64, "b", 4, 5), T.dmatrix("c"), s, s);
    assertTrue(e.contains("gemm: shapes [2,3] and [4,5] are not aligned"), e);
    e = error(a, T.tensor(DType.FLOAT64, "b", 3, 5), T.tensor(DType.FLOAT64, "c", 4), s, s);
    assertTrue(e.contains("c of shape [4] does not broadcast with the product's shape [2,5]"), e);
    assertTrue(e.contains("c: float64[4]"), e);
  }

  @Test
  void perform_rejectsRunTimeShapesThatDoNotBroadcast() {
    Variable a = T.dmatrix("a");
    Variable b = T.dmatrix("b");
    Variable c = T.dmatrix("c");
    Variable out = new Gemm().apply(a, b, c, T.constant(1.0), T.constant(1.0));
    HypatiaException e =
        assertThrows(
            HypatiaException.class,
            () ->
                Interpreter.evaluate(
                    List.of(out),
                    Map.of(
                        a, new double[2][3],
                        b, new double[3][4],
                        c, new double[2][3])));
    assertTrue(
        e.getMessage().contains("shapes cannot be broadcast together: [2,4] [2,3]"),
        e.getMessage());
  }
}
