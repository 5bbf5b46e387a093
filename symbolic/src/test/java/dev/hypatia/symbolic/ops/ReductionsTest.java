package dev.hypatia.symbolic.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.Axes;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.scalar.BinaryFn;
import dev.hypatia.symbolic.scalar.ElemwiseFixtures;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReductionsTest {
  /** mean, var (with ddof) and logsumexp over axes by plain loops, in output layout. */
  static NDArray[] loopStats(NDArray x, Axes axes, boolean keepdims, int ddof) {
    int[] outShape = Reduce.reducedShape(x.shape(), axes, keepdims);
    NDArray sum = NDArray.zeros(DType.FLOAT64, outShape);
    NDArray max = NDArray.full(DType.FLOAT64, Double.NEGATIVE_INFINITY, outShape);
    int n = 1;
    for (int a : axes.toArray()) {
      n *= x.shape(a);
    }
    for (int k = 0; k < x.size(); k++) {
      int[] o = ReduceTest.outIndex(TestArrays.unravel(k, x.shape()), axes, keepdims);
      sum.set(sum.getDouble(o) + x.flatDouble(k), o);
      max.set(Math.max(max.getDouble(o), x.flatDouble(k)), o);
    }
    NDArray sq = NDArray.zeros(DType.FLOAT64, outShape);
    NDArray se = NDArray.zeros(DType.FLOAT64, outShape);
    for (int k = 0; k < x.size(); k++) {
      int[] o = ReduceTest.outIndex(TestArrays.unravel(k, x.shape()), axes, keepdims);
      double d = x.flatDouble(k) - sum.getDouble(o) / n;
      sq.set(sq.getDouble(o) + d * d, o);
      se.set(se.getDouble(o) + Math.exp(x.flatDouble(k) - max.getDouble(o)), o);
    }
    NDArray mean = NDArray.zeros(DType.FLOAT64, outShape);
    NDArray var = NDArray.zeros(DType.FLOAT64, outShape);
    NDArray lse = NDArray.zeros(DType.FLOAT64, outShape);
    for (int i = 0; i < mean.size(); i++) {
      mean.setFlat(i, sum.flatDouble(i) / n);
      var.setFlat(i, sq.flatDouble(i) / (n - ddof));
      lse.setFlat(i, max.flatDouble(i) + Math.log(se.flatDouble(i)));
    }
    return new NDArray[] {mean, var, lse};
  }

  @Test
  void meanVarStdAndLogsumexp_matchPlainLoops_overRandomShapesAndAxes() {
    SplittableRandom rnd = new SplittableRandom(14);
    for (int trial = 0; trial < 25; trial++) {
      int nd = 1 + rnd.nextInt(3);
      int[] shape = TestArrays.shape(rnd, nd, 4);
      int[] axesArg = ReduceTest.randomAxes(rnd, nd);
      Axes axes = axesArg.length == 0 ? Axes.all(nd) : Axes.of(nd, axesArg);
      boolean keepdims = rnd.nextBoolean();
      int ddof = rnd.nextInt(2);
      NDArray xv = TestArrays.uniform(rnd, DType.FLOAT64, -5, 5, shape);
      Variable x = T.tensor(DType.FLOAT64, "x", shape);
      NDArray[] want = loopStats(xv, axes, keepdims, ddof);
      String what = "shape " + xv.shapeString() + " axes " + axes + " keepdims " + keepdims;
      assertTrue(
          TestArrays.eval(Reductions.mean(x, keepdims, axesArg), x, xv)
              .allClose(want[0], 1e-12, 1e-12),
          what);
      NDArray var = TestArrays.eval(Reductions.var(x, ddof, keepdims, axesArg), x, xv);
      assertTrue(
          var.allClose(want[1], 1e-12, 1e-12),
          what + " ddof " + ddof + ": " + var + " vs " + want[1]);
      NDArray std = TestArrays.eval(Reductions.std(x, ddof, keepdims, axesArg), x, xv);
      for (int i = 0; i < std.size(); i++) {
        assertEquals(Math.sqrt(want[1].flatDouble(i)), std.flatDouble(i), 1e-12, what);
      }
      assertTrue(
          TestArrays.eval(Reductions.logsumexp(x, keepdims, axesArg), x, xv)
              .allClose(want[2], 1e-12, 1e-12),
          what);
    }
  }

  @Test
  void logsumexp_isStableForLargeEntries_andForAllMinusInfinity() {
    Variable x = T.dmatrix("x");
    Variable l = Reductions.logsumexp(x, 1);
    double[][] big = {{1000, 1000}, {-1000, -1000}};
    assertArrayEquals(
        new double[] {1000 + Math.log(2), -1000 + Math.log(2)},
        TestArrays.eval(l, x, big).toDoubleArray(),
        1e-12);
    double ninf = Double.NEGATIVE_INFINITY;
    double[][] empty = {{ninf, ninf}, {ninf, 0}};
    assertArrayEquals(new double[] {ninf, 0}, TestArrays.eval(l, x, empty).toDoubleArray());
    double[][] inf = {{Double.POSITIVE_INFINITY, 1}};
    assertEquals(Double.POSITIVE_INFINITY, TestArrays.eval(l, x, inf).flatDouble(0));
    assertArrayEquals(
        new int[] {1, TensorType.UNKNOWN}, Reductions.logsumexp(x, true, 0).type().shape());
  }

  @Test
  void dtypes_matchNumpy_forEveryReduction() {
    for (String[] row : ElemwiseFixtures.rows("elemwise_dtypes.txt", "reduce")) {
      Variable x = T.tensor(DType.fromName(row[1]), "x", 3);
      Variable r =
          switch (row[0]) {
            case "sum" -> Reductions.sum(x);
            case "prod" -> Reductions.prod(x);
            case "max" -> Reductions.max(x);
            case "min" -> Reductions.min(x);
            case "mean" -> Reductions.mean(x);
            case "var" -> Reductions.var(x);
            case "all" -> Reductions.all(x);
            default -> Reductions.any(x);
          };
      assertEquals(row[2], r.dtype().toString(), row[0] + " of " + row[1]);
      assertEquals(TensorType.scalar(r.dtype()), r.type());
    }
  }

  @Test
  void meanOfIntegers_isFloat64() {
    Variable i = T.ivector("i");
    assertEquals(2.5, TestArrays.eval(Reductions.mean(i), i, new int[] {1, 2, 3, 4}).item());
    Variable f = T.fvector("f");
    assertEquals(DType.FLOAT32, Reductions.std(f).dtype());
    assertEquals(
        1.0, TestArrays.eval(Reductions.std(f, 1, false), f, new float[] {1, 2, 3}).item(), 1e-7);
  }

  @Test
  void var_withDdofAtLeastTheCount_isInfOrNaN_asNumpy() {
    Variable v = T.dvector("v");
    assertTrue(
        Double.isNaN(TestArrays.eval(Reductions.var(v, 1, false), v, new double[] {1}).item()));
    assertEquals(
        Double.POSITIVE_INFINITY,
        TestArrays.eval(Reductions.var(v, 2, false), v, new double[] {1, 2}).item());
  }

  @Test
  void folds_buildOneReduceNode_withNormalizedAxes() {
    Variable x = T.dtensor3("x");
    assertEquals(
        new Reduce(BinaryFn.ADD, Axes.of(3, 2), true), Reductions.sum(x, true, -1).owner().op());
    assertEquals(new Reduce(BinaryFn.MUL, Axes.all(3), false), Reductions.prod(x).owner().op());
    assertEquals(
        new Reduce(BinaryFn.MAXIMUM, Axes.of(3, 0, 1), false),
        Reductions.max(x, 1, 0).owner().op());
    assertEquals(
        new Reduce(BinaryFn.MINIMUM, Axes.none(), false),
        Reductions.min(x, Axes.none(), false).owner().op());
    assertEquals(
        new Reduce(BinaryFn.MINIMUM, Axes.of(3, 1), true), Reductions.min(x, true, 1).owner().op());
    assertEquals(
        new Reduce(BinaryFn.ADD, Axes.of(3, 0), false),
        Reductions.reduce(BinaryFn.ADD, x, Axes.of(3, 0), false).owner().op());
  }

  @Test
  void allAndAny_treatNonZeroAsTrue() {
    Variable d = T.dvector("d");
    assertEquals(1.0, TestArrays.eval(Reductions.any(d), d, new double[] {0, Double.NaN}).item());
    assertEquals(0.0, TestArrays.eval(Reductions.all(d), d, new double[] {1, 0}).item());
    Variable b = T.boolmatrix("b");
    boolean[][] bv = {{true, false}, {true, true}};
    assertArrayEquals(
        new long[] {1, 0}, TestArrays.eval(Reductions.all(b, 0), b, bv).toLongArray());
    assertArrayEquals(
        new long[] {1, 1}, TestArrays.eval(Reductions.any(b, true, 1), b, bv).toLongArray());
    assertEquals(DType.BOOL, Reductions.all(b, true, 0).dtype());
    assertEquals(DType.BOOL, Reductions.any(b, 0).dtype());
  }

  @Test
  void argmaxAndArgmin_andCount() {
    Variable m = T.dmatrix("m");
    double[][] v = {{1, 9, 3}, {7, 2, 8}};
    assertArrayEquals(
        new long[] {1, 2}, TestArrays.eval(Reductions.argmax(m, -1), m, v).toLongArray());
    assertArrayEquals(
        new long[] {0, 1, 0}, TestArrays.eval(Reductions.argmin(m, 0), m, v).toLongArray());
    assertEquals(1, TestArrays.eval(Reductions.argmax(m), m, v).itemLong());
    assertEquals(0, TestArrays.eval(Reductions.argmin(m), m, v).itemLong());
    assertArrayEquals(
        new int[] {2, 1}, TestArrays.eval(Reductions.argmin(m, 1, true), m, v).shape());
    assertEquals(6, TestArrays.eval(Reductions.count(m), m, v).itemLong());
    assertEquals(3, TestArrays.eval(Reductions.count(m, -1), m, v).itemLong());
    assertTrue(Reductions.sum(m).dtype() == DType.FLOAT64 && Reductions.prod(m, 0).ndim() == 1);
    assertEquals(1, Reductions.max(m, true).ndim() - 1);
    assertEquals(0, Reductions.min(m).ndim());
    assertEquals(0, Reductions.std(m).ndim());
    assertEquals(2, Reductions.var(m, 0, true).ndim());
    assertEquals(0, Reductions.logsumexp(m).ndim());
    assertEquals(1, Reductions.mean(m, 0).ndim());
  }

  @Test
  void badAxes_nameTheReductionAndTheInput() {
    Variable v = T.dvector("v");
    HypatiaException e = assertThrows(HypatiaException.class, () -> Reductions.sum(v, 2));
    assertTrue(
        e.getMessage()
            .startsWith(
                "sum: axis 2 is out of bounds for a tensor of rank 1\n  input 0: v: float64[?]"),
        e.getMessage());
    HypatiaException r = assertThrows(HypatiaException.class, () -> Reductions.mean(v, 0, 0));
    assertTrue(r.getMessage().startsWith("mean: axis 0 is repeated in [0, 0]"), r.getMessage());
    HypatiaException a = assertThrows(HypatiaException.class, () -> Reductions.argmax(v, -2));
    assertTrue(
        a.getMessage().startsWith("argmax: axis -2 is out of bounds for a tensor of rank 1"),
        a.getMessage());
  }

  @Test
  void maxOfEmpty_throughTheFacade_isARuntimeError() {
    Variable v = T.dvector("v");
    HypatiaException e =
        assertThrows(
            HypatiaException.class,
            () -> TestArrays.eval(Reductions.max(v), v, NDArray.zeros(DType.FLOAT64, 0)));
    assertTrue(e.getMessage().contains("max of an empty array has no identity"), e.getMessage());
    assertEquals(
        0.0, TestArrays.eval(Reductions.sum(v), v, NDArray.zeros(DType.FLOAT64, 0)).item());
  }
}
