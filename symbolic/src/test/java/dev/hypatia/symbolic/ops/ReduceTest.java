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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReduceTest {
  private static final int U = TensorType.UNKNOWN;

  /** A random subset of the axes of rank nd, some written negative. */
  static int[] randomAxes(SplittableRandom rnd, int nd) {
    List<Integer> axes = new ArrayList<>();
    for (int i = 0; i < nd; i++) {
      if (rnd.nextBoolean()) {
        axes.add(rnd.nextBoolean() ? i : i - nd);
      }
    }
    return axes.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The output multi-index of input index idx. */
  static int[] outIndex(int[] idx, Axes axes, boolean keepdims) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < idx.length; i++) {
      if (!axes.contains(i)) {
        out.add(idx[i]);
      } else if (keepdims) {
        out.add(0);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The fold by a plain loop, in doubles (exact for the small integers used). */
  static NDArray loopFold(BinaryFn fn, NDArray x, Axes axes, boolean keepdims, DType outType) {
    NDArray out = NDArray.zeros(outType, Reduce.reducedShape(x.shape(), axes, keepdims));
    boolean[] seen = new boolean[out.size()];
    NDArray seenIdx = NDArray.zeros(DType.INT32, out.shape());
    for (int k = 0; k < x.size(); k++) {
      int[] o = outIndex(TestArrays.unravel(k, x.shape()), axes, keepdims);
      int flat = seenIdx.storageIndex(o);
      double v = x.flatDouble(k);
      double prev = out.getDouble(o);
      double r =
          switch (fn) {
            case ADD -> prev + v;
            case MUL -> seen[flat] ? prev * v : v;
            case MAXIMUM -> seen[flat] ? Math.max(prev, v) : v;
            case MINIMUM -> seen[flat] ? Math.min(prev, v) : v;
            case AND -> seen[flat] ? (prev != 0 && v != 0 ? 1 : 0) : v;
            default -> seen[flat] ? (prev != 0 || v != 0 ? 1 : 0) : v;
          };
      seen[flat] = true;
      out.set(r, o);
    }
    for (int i = 0; i < seen.length; i++) {
      if (!seen[i]) {
        out.setFlat(i, fn.identity().getAsDouble());
      }
    }
    return out;
  }

  @Test
  void folds_matchPlainLoops_overRandomShapesAxesAndKeepdims() {
    SplittableRandom rnd = new SplittableRandom(12);
    Map<BinaryFn, DType> cases =
        Map.of(
            BinaryFn.ADD,
            DType.FLOAT64,
            BinaryFn.MUL,
            DType.INT32,
            BinaryFn.MAXIMUM,
            DType.FLOAT32,
            BinaryFn.MINIMUM,
            DType.INT8,
            BinaryFn.AND,
            DType.BOOL,
            BinaryFn.OR,
            DType.BOOL);
    for (int trial = 0; trial < 30; trial++) {
      int nd = rnd.nextInt(5);
      int[] shape = TestArrays.shape(rnd, nd, 4);
      int[] axesArg = randomAxes(rnd, nd);
      Axes axes = Axes.of(nd, axesArg);
      boolean keepdims = rnd.nextBoolean();
      for (var c : cases.entrySet()) {
        NDArray x = TestArrays.uniform(rnd, c.getValue(), -3, 4, shape);
        Reduce op = new Reduce(c.getKey(), axes, keepdims);
        Variable in = T.tensor(c.getValue(), "x", shape);
        Variable out = op.apply(in);
        NDArray got = TestArrays.eval(out, in, x);
        NDArray want = loopFold(c.getKey(), x, axes, keepdims, out.dtype());
        assertTrue(
            got.allClose(want, 1e-6, 0), op.name() + " of " + x + ": " + got + " vs " + want);
        assertTrue(out.type().fitsShape(got.shape()));
      }
    }
  }

  @Test
  void outputDType_matchesNumpy() {
    for (String[] row : ElemwiseFixtures.rows("elemwise_dtypes.txt", "reduce")) {
      BinaryFn fn =
          switch (row[0]) {
            case "sum" -> BinaryFn.ADD;
            case "prod" -> BinaryFn.MUL;
            case "max" -> BinaryFn.MAXIMUM;
            case "min" -> BinaryFn.MINIMUM;
            default -> null;
          };
      if (fn != null) {
        DType in = DType.fromName(row[1]);
        assertEquals(
            row[2],
            new Reduce(fn, Axes.all(1), false).outputDType(in).toString(),
            row[0] + " " + row[1]);
      }
    }
  }

  @Test
  void name_listsAxesAndKeepdims() {
    assertEquals("sum{axes=(0, 1)}", new Reduce(BinaryFn.ADD, Axes.of(3, 0, 1), false).name());
    assertEquals(
        "max{axes=(2), keepdims}", new Reduce(BinaryFn.MAXIMUM, Axes.of(3, -1), true).name());
    assertEquals("prod{axes=()}", new Reduce(BinaryFn.MUL, Axes.none(), false).name());
    assertEquals("any{axes=(0)}", new Reduce(BinaryFn.OR, Axes.of(1, 0), false).name());
    assertEquals("all", new Reduce(BinaryFn.AND, Axes.none(), false).reductionName());
    assertEquals("min", new Reduce(BinaryFn.MINIMUM, Axes.none(), false).reductionName());
  }

  @Test
  void staticShape_dropsOrKeepsTheReducedAxes() {
    Variable x = T.tensor(DType.INT32, "x", 2, U, 4);
    Variable s = new Reduce(BinaryFn.ADD, Axes.of(3, 1), false).apply(x);
    assertEquals(TensorType.of(DType.INT64, 2, 4), s.type());
    Variable k = new Reduce(BinaryFn.MAXIMUM, Axes.of(3, 0, 2), true).apply(x);
    assertEquals(TensorType.of(DType.INT32, 1, U, 1), k.type());
  }

  @Test
  void emptyFolds_giveTheIdentity() {
    NDArray empty = NDArray.zeros(DType.FLOAT64, 0, 3);
    Variable x = T.constant(empty);
    assertArrayEquals(
        new double[] {0, 0, 0},
        new Reduce(BinaryFn.ADD, Axes.of(2, 0), false).apply(x).eval().toDoubleArray());
    assertArrayEquals(
        new double[] {1, 1, 1},
        new Reduce(BinaryFn.MUL, Axes.of(2, 0), false).apply(x).eval().toDoubleArray());
    Variable b = T.constant(NDArray.zeros(DType.BOOL, 0));
    assertEquals(1.0, new Reduce(BinaryFn.AND, Axes.of(1, 0), false).apply(b).eval().item());
    assertEquals(0.0, new Reduce(BinaryFn.OR, Axes.of(1, 0), false).apply(b).eval().item());
    // max over the non-empty axis of an empty array is itself empty, not an error
    assertEquals(0, new Reduce(BinaryFn.MAXIMUM, Axes.of(2, 1), false).apply(x).eval().size());
  }

  @Test
  void maxOfEmpty_isARuntimeError() {
    Variable x = T.dmatrix("x");
    Variable m = new Reduce(BinaryFn.MAXIMUM, Axes.of(2, 0), false).apply(x);
    HypatiaException e =
        assertThrows(
            HypatiaException.class,
            () -> TestArrays.eval(m, x, NDArray.zeros(DType.FLOAT64, 0, 3)));
    assertTrue(
        e.getMessage()
            .startsWith(
                "max{axes=(0)}: max of an empty array has no identity: axes (0) of shape [0,3] hold no element"),
        e.getMessage());
  }

  @Test
  void maximum_propagatesNaN_andFloat32StaysFloat32() {
    Variable x = T.constant(NDArray.of(1f, Float.NaN, 3f));
    NDArray got = new Reduce(BinaryFn.MAXIMUM, Axes.of(1, 0), false).apply(x).eval();
    assertEquals(DType.FLOAT32, got.dtype());
    assertTrue(Double.isNaN(got.item()));
  }

  @Test
  void sumOfBools_counts_andInt64SumsAreExact() {
    Variable b = T.constant(NDArray.of(true, true, false, true));
    assertEquals(3, new Reduce(BinaryFn.ADD, Axes.of(1, 0), false).apply(b).eval().itemLong());
    long big = (1L << 60) + 1;
    Variable l = T.constant(NDArray.of(big, 1L));
    assertEquals(
        big + 1, new Reduce(BinaryFn.ADD, Axes.of(1, 0), false).apply(l).eval().itemLong());
  }

  @Test
  void constructor_rejectsFunctionsThatDoNotFold() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new Reduce(BinaryFn.SUB, Axes.none(), false));
    assertEquals(
        "sub cannot be reduced: use one of [ADD, MUL, MAXIMUM, MINIMUM, AND, OR]", e.getMessage());
  }

  @Test
  void makeNode_rejectsNonBoolForAllAndAny_andAxesBeyondTheRank() {
    Variable x = T.dvector("x");
    HypatiaException e =
        assertThrows(
            HypatiaException.class, () -> new Reduce(BinaryFn.AND, Axes.of(1, 0), false).apply(x));
    assertTrue(
        e.getMessage()
            .startsWith(
                "all{axes=(0)}: all folds bool tensors, got float64 (compare or cast first)"),
        e.getMessage());
    HypatiaException r =
        assertThrows(
            HypatiaException.class, () -> new Reduce(BinaryFn.ADD, Axes.of(2, 1), false).apply(x));
    assertTrue(
        r.getMessage()
            .startsWith("sum{axes=(1)}: axes (1) are out of bounds for a tensor of rank 1"),
        r.getMessage());
    HypatiaException n =
        assertThrows(
            HypatiaException.class,
            () -> new Reduce(BinaryFn.ADD, Axes.none(), false).makeNode(x, x));
    assertTrue(n.getMessage().startsWith("sum{axes=()}: takes 1 input, got 2"), n.getMessage());
  }
}
