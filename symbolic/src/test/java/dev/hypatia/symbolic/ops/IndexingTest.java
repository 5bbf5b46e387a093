package dev.hypatia.symbolic.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IndexingTest {
  private static final int U = TensorType.UNKNOWN;

  static Stream<Arguments> cases() {
    return IndexingFixtures.withStaticShapesOrNot(
        "get", "set", "inc", "take", "setTake", "incTake", "fancy", "setFancy", "incFancy");
  }

  @ParameterizedTest(name = "{0} known={1}")
  @MethodSource("cases")
  void facade_matchesNumpy(IndexingFixtures.Case c, boolean known) {
    IndexingFixtures.check(c, known, v -> build(c, v));
  }

  private static Variable build(IndexingFixtures.Case c, Map<String, Variable> v) {
    Variable x = v.get("x");
    return switch (c.op()) {
      case "get" -> Indexing.get(x, c.text("index"));
      case "set" -> Indexing.set(x, c.text("index"), v.get("value"));
      case "inc" -> Indexing.inc(x, c.text("index"), v.get("value"));
      case "take" -> Indexing.take(x, v.get("indices"), Integer.parseInt(c.text("axis")));
      case "setTake" ->
          Indexing.setTake(x, v.get("indices"), Integer.parseInt(c.text("axis")), v.get("value"));
      case "incTake" ->
          Indexing.incTake(x, v.get("indices"), Integer.parseInt(c.text("axis")), v.get("value"));
      case "fancy" -> Indexing.fancy(x, indexArrays(c, v).toArray());
      case "setFancy" -> Indexing.setFancy(x, indexArrays(c, v), v.get("value"));
      case "incFancy" -> Indexing.incFancy(x, indexArrays(c, v), v.get("value"));
      default -> throw new IllegalArgumentException(c.op());
    };
  }

  private static List<Variable> indexArrays(IndexingFixtures.Case c, Map<String, Variable> v) {
    List<Variable> out = new ArrayList<>();
    for (int j = 0; j < Integer.parseInt(c.text("arrays")); j++) {
      out.add(v.get("i" + j));
    }
    return out;
  }

  private static NDArray arange(int... shape) {
    NDArray a = NDArray.zeros(DType.FLOAT64, shape);
    for (int i = 0; i < a.size(); i++) {
      a.setFlat(i, i);
    }
    return a;
  }

  @Test
  void get_idxItemsEqualTheTextForm() {
    Variable x = T.dtensor3("x");
    Variable a = Indexing.get(x, Idx.at(2), Idx.slice(1, null, -1), Idx.newAxis());
    Variable b = Indexing.get(x, "2, 1::-1, None");
    assertEquals(a.owner().op(), b.owner().op());
    assertEquals("subtensor{2, 1::-1, None, :}", a.owner().op().name());
  }

  @Test
  void get_symbolicBoundsAreReadAtRunTime() {
    Variable x = T.dmatrix("x");
    Variable i = T.iscalar("i");
    Variable j = T.lscalar("j");
    Variable y = Indexing.get(x, Idx.at(i), Idx.slice(j, null, -1));
    Variable z = Indexing.get(x, "$0, $1::-1", i, j);
    assertEquals(y.owner().op(), z.owner().op());
    NDArray xv = arange(3, 4);
    NDArray got = y.eval(Map.of(x, xv, i, -1, j, 2L));
    assertArrayEquals(new double[] {10, 9, 8}, got.toDoubleArray());
    assertArrayEquals(new int[] {U}, y.type().shape());
  }

  @Test
  void get_constantScalarBoundsFoldIntoTheSpec() {
    Variable x = T.tensor(DType.FLOAT64, "x", 5);
    Variable y = Indexing.get(x, Idx.slice(T.constant(1), T.constant(4L)));
    assertEquals(1, y.owner().inputs().size());
    assertArrayEquals(new int[] {3}, y.type().shape());
  }

  @Test
  void get_performReturnsAViewOfTheInput() {
    NDArray xv = arange(3, 4);
    Variable x = T.dmatrix("x");
    Apply node = Indexing.get(x, "::-1, 1").owner();
    NDArray out = node.op().perform(node, List.of(xv)).get(0);
    assertSame(xv.data(), out.data());
  }

  @Test
  void get_staticShapesFollowKnownDims() {
    Variable x = T.tensor(DType.INT32, "x", 6, U, 1);
    Variable y = Indexing.get(x, "::-2, 1:, None");
    assertEquals(TensorType.of(DType.INT32, 3, U, 1, 1), y.type());
    assertEquals(TensorType.of(DType.INT32, 6), Indexing.get(x, "..., 0, 0").type());
  }

  @Test
  void get_rejectsOutOfRangeConstantAtBuildTime() {
    Variable x = T.tensor(DType.FLOAT64, "x", 3, 4);
    HypatiaException e = assertThrows(HypatiaException.class, () -> Indexing.get(x, ":, 4"));
    assertTrue(e.getMessage().contains("index 4 is out of bounds for axis 1 with size 4"));
    assertTrue(e.getMessage().contains("x: float64[3,4]"), e.getMessage());
  }

  @Test
  void get_rejectsOutOfRangeIndexAtRunTime() {
    Variable x = T.dmatrix("x");
    Variable y = Indexing.get(x, "0, -5");
    HypatiaException e =
        assertThrows(HypatiaException.class, () -> y.eval(Map.of(x, arange(3, 4))));
    assertTrue(e.getMessage().contains("index -5 is out of bounds for axis 1 with size 4"));
  }

  @Test
  void get_rejectsTooManyIndices() {
    HypatiaException e =
        assertThrows(HypatiaException.class, () -> Indexing.get(T.dvector("v"), "0, 1"));
    assertTrue(e.getMessage().contains("too many indices: 2 given for a tensor of rank 1"));
  }

  @Test
  void get_rejectsTwoEllipses() {
    HypatiaException e =
        assertThrows(HypatiaException.class, () -> Indexing.get(T.dmatrix("m"), "..., 0, ..."));
    assertTrue(e.getMessage().contains("an index can only have a single ellipsis (...)"));
  }

  @Test
  void get_rejectsZeroStep() {
    HypatiaException e =
        assertThrows(HypatiaException.class, () -> Indexing.get(T.dvector("v"), "::0"));
    assertTrue(e.getMessage().contains("slice step cannot be zero"));
    Variable s = T.iscalar("s");
    Variable v = T.dvector("v");
    Variable y = Indexing.get(v, Idx.slice(null, null, s));
    HypatiaException r =
        assertThrows(HypatiaException.class, () -> y.eval(Map.of(v, NDArray.of(1.0, 2.0), s, 0)));
    assertTrue(r.getMessage().contains("slice step cannot be zero"));
  }

  @Test
  void get_rejectsUnparsableText() {
    HypatiaException e =
        assertThrows(HypatiaException.class, () -> Indexing.get(T.dvector("v"), "1:a"));
    assertTrue(
        e.getMessage()
            .contains(
                "cannot parse \"a\" in index \"1:a\": expected an integer, a slice"
                    + " start:stop:step, None, ... or $k"));
    HypatiaException s =
        assertThrows(HypatiaException.class, () -> Indexing.get(T.dvector("v"), "$1"));
    assertTrue(s.getMessage().contains("index $1 in \"$1\" names none of the 0 symbols"));
  }

  @Test
  void get_rejectsBadBounds() {
    Variable v = T.dvector("v");
    HypatiaException e =
        assertThrows(HypatiaException.class, () -> Indexing.get(v, new Idx.At(1.5)));
    assertTrue(
        e.getMessage()
            .contains("an index bound must be an int, an integer scalar Variable or null, got"));
    HypatiaException f =
        assertThrows(HypatiaException.class, () -> Indexing.get(v, Idx.at(T.dscalar("f"))));
    assertTrue(f.getMessage().contains("input 1 must be an integer scalar index, got float64[]"));
    HypatiaException b =
        assertThrows(HypatiaException.class, () -> Indexing.get(v, Idx.at(T.ivector("i"))));
    assertTrue(b.getMessage().contains("input 1 must be an integer scalar index, got int32[?]"));
  }

  @Test
  void set_rejectsValueThatCannotBroadcast() {
    Variable x = T.tensor(DType.FLOAT64, "x", 3, 4);
    HypatiaException e =
        assertThrows(
            HypatiaException.class, () -> Indexing.set(x, "0", T.tensor(DType.FLOAT64, "y", 3)));
    assertTrue(
        e.getMessage()
            .contains(
                "the value of shape [3] cannot be broadcast to the indexed region of shape [4]"));
    HypatiaException r =
        assertThrows(HypatiaException.class, () -> Indexing.set(x, "0", T.dmatrix("y")));
    assertTrue(r.getMessage().contains("the value of shape [?,?] cannot be broadcast"));
    Variable u = T.dmatrix("u");
    Variable y = T.dvector("y");
    Variable z = Indexing.inc(u, "0", y);
    HypatiaException t =
        assertThrows(
            HypatiaException.class, () -> z.eval(Map.of(u, arange(2, 3), y, NDArray.of(1.0, 2.0))));
    assertTrue(
        t.getMessage()
            .contains(
                "the value of shape [2] cannot be broadcast to the indexed region of shape [3]"));
  }

  @Test
  void set_rejectsValueOfAHigherKind() {
    HypatiaException e =
        assertThrows(HypatiaException.class, () -> Indexing.inc(T.ivector("x"), "0", 1.5));
    assertTrue(
        e.getMessage()
            .contains(
                "cannot write float64 values into a int32 tensor without losing their kind; cast"
                    + " the value first"));
  }

  @Test
  void set_javaNumbersTakeTheDtypeOfX() {
    Variable x = T.fvector("x");
    Variable y = Indexing.set(x, List.of(Idx.slice(1, null)), 2);
    assertEquals(DType.FLOAT32, y.dtype());
    NDArray got = y.eval(Map.of(x, NDArray.of(1f, 1f, 1f)));
    assertArrayEquals(new float[] {1f, 2f, 2f}, got.toFloatArray());
  }

  @Test
  void inc_withSymbolicBoundsAndIdxList() {
    Variable x = T.dmatrix("x");
    Variable i = T.iscalar("i");
    Variable y = Indexing.inc(x, List.of(Idx.all(), Idx.at(i)), 10.0);
    Variable z = Indexing.inc(x, ":, $0", 10.0, i);
    assertEquals(y.owner().op(), z.owner().op());
    NDArray got = y.eval(Map.of(x, arange(2, 3), i, -1));
    assertArrayEquals(new double[] {0, 1, 12, 3, 4, 15}, got.toDoubleArray());
  }

  @Test
  void take_rejectsBadAxisAndIndices() {
    Variable x = T.dmatrix("x");
    HypatiaException e =
        assertThrows(HypatiaException.class, () -> Indexing.take(x, new int[] {0}, 2));
    assertTrue(e.getMessage().contains("axis 2 is out of bounds for a tensor of rank 2"));
    HypatiaException b =
        assertThrows(
            HypatiaException.class, () -> Indexing.take(x, new boolean[] {true, false}, 0));
    assertTrue(
        b.getMessage()
            .contains(
                "input 1 is a bool index: boolean masks are not supported, index with integer"
                    + " arrays"));
    HypatiaException f =
        assertThrows(HypatiaException.class, () -> Indexing.take(x, new double[] {0}, 0));
    assertTrue(f.getMessage().contains("input 1 must be an integer array index, got float64[1]"));
    Variable y = Indexing.take(x, new int[] {0, 3}, 1);
    HypatiaException r =
        assertThrows(HypatiaException.class, () -> y.eval(Map.of(x, arange(2, 3))));
    assertTrue(r.getMessage().contains("index 3 is out of bounds for axis 1 with size 3"));
  }

  @Test
  void fancy_rejectsTooManyOrUnbroadcastableArrays() {
    Variable x = T.dvector("x");
    HypatiaException e =
        assertThrows(HypatiaException.class, () -> Indexing.fancy(x, new int[] {0}, new int[] {0}));
    assertTrue(e.getMessage().contains("2 index arrays from axis 0 do not fit a tensor of rank 1"));
    HypatiaException n = assertThrows(HypatiaException.class, () -> Indexing.fancy(x));
    assertTrue(n.getMessage().contains("needs at least one index array"));
    Variable m = T.dmatrix("m");
    HypatiaException b =
        assertThrows(
            HypatiaException.class, () -> Indexing.fancy(m, new int[] {0, 1}, new int[] {0, 1, 2}));
    assertTrue(b.getMessage().contains("shapes cannot be broadcast together"));
    Variable i = T.ivector("i");
    Variable j = T.ivector("j");
    Variable y = Indexing.fancy(m, i, j);
    HypatiaException r =
        assertThrows(
            HypatiaException.class,
            () -> y.eval(Map.of(m, arange(2, 3), i, new int[] {0, 1}, j, new int[] {0, 1, 2})));
    assertTrue(r.getMessage().contains("index arrays: shapes cannot be broadcast together"));
  }

  @Test
  void fancy_staticShape() {
    Variable x = T.tensor(DType.INT8, "x", 4, 5, U);
    Variable i = T.tensor(DType.INT64, "i", U, 1);
    Variable j = T.tensor(DType.INT32, "j", 3);
    assertEquals(TensorType.of(DType.INT8, U, 3, U), Indexing.fancy(x, i, j).type());
    assertEquals(TensorType.of(DType.INT8, 4, U, 1, U), Indexing.take(x, i, 1).type());
  }
}
