package dev.hypatia.symbolic.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LinearAlgebraTest {
  static Stream<Arguments> cases() {
    return IndexingFixtures.withStaticShapesOrNot("dot", "matmul", "tensordot", "outer");
  }

  @ParameterizedTest(name = "{0} known={1}")
  @MethodSource("cases")
  void facade_matchesNumpy(IndexingFixtures.Case c, boolean known) {
    IndexingFixtures.check(c, known, v -> build(c, v));
  }

  private static Variable build(IndexingFixtures.Case c, Map<String, Variable> v) {
    Variable a = v.get("a");
    Variable b = v.get("b");
    return switch (c.op()) {
      case "dot" -> LinearAlgebra.dot(a, b);
      case "matmul" -> LinearAlgebra.matmul(a, b);
      case "outer" -> LinearAlgebra.outer(a, b);
      case "tensordot" -> tensordot(a, b, c.text("axes"));
      default -> throw new IllegalArgumentException(c.op());
    };
  }

  private static Variable tensordot(Variable a, Variable b, String axes) {
    if (!axes.contains(";")) {
      return LinearAlgebra.tensordot(a, b, Integer.parseInt(axes));
    }
    String[] p = axes.split(";");
    return LinearAlgebra.tensordot(a, b, ints(p[0]), ints(p[1]));
  }

  private static int[] ints(String s) {
    return Arrays.stream(s.split(",")).mapToInt(Integer::parseInt).toArray();
  }

  @Test
  void outer_flattensHigherRanksAsNumpy() {
    Variable a = T.dmatrix("a");
    Variable b = T.dtensor3("b");
    double[][] av = {{1, 2}, {3, 4}};
    double[][][] bv = {{{5}, {6}}, {{7}, {8}}};
    NDArray out = LinearAlgebra.outer(a, b).eval(java.util.Map.of(a, av, b, bv));
    double[] fa = {1, 2, 3, 4};
    double[] fb = {5, 6, 7, 8};
    assertEquals(2, out.ndim());
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        assertEquals(fa[i] * fb[j], out.getDouble(i, j));
      }
    }
  }

  @Test
  void outer_staticShapeAndDtype() {
    Variable a = T.tensor(DType.INT32, "a", 3);
    Variable s = T.tensor(DType.FLOAT32, "s");
    assertEquals(TensorType.of(DType.FLOAT64, 3, 1), LinearAlgebra.outer(a, s).type());
  }

  @Test
  void tensordot_rejectsTooManyAxes() {
    HypatiaException e =
        assertThrows(
            HypatiaException.class,
            () -> LinearAlgebra.tensordot(T.dmatrix("a"), T.dvector("b"), 2));
    assertTrue(e.getMessage().contains("cannot sum over 2 axes of tensors of ranks 2 and 1"));
  }

  @Test
  void tensordot_rejectsOutOfRangeAxis() {
    HypatiaException e =
        assertThrows(
            HypatiaException.class,
            () ->
                LinearAlgebra.tensordot(
                    T.dmatrix("a"), T.dmatrix("b"), new int[] {0}, new int[] {-3}));
    assertTrue(
        e.getMessage().contains("axis -3 is out of bounds for a tensor of rank 2 (input 1)"));
    assertTrue(e.getMessage().contains("a: float64[?,?]"));
    assertTrue(e.getMessage().contains("b: float64[?,?]"));
  }

  @Test
  void tensordot_negativeAxesNormalize() {
    Variable a = T.tensor(DType.FLOAT64, "a", 2, 3);
    Variable b = T.tensor(DType.FLOAT64, "b", 3, 4);
    Variable y = LinearAlgebra.tensordot(a, b, new int[] {-1}, new int[] {-2});
    assertEquals(new Tensordot(List.of(1), List.of(0)), y.owner().op());
  }
}
