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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SumToShapeTest {
  private final Variable g = T.dtensor3("g");
  private final Variable like = T.dmatrix("like");
  private final Variable out = new SumToShape().apply(g, like);

  @Test
  void sumsLeadingAxesAndLengthOneAxesLikeAPlainLoop() {
    NDArray gv = NDArray.zeros(DType.FLOAT64, 2, 3, 4);
    for (int i = 0; i < gv.size(); i++) {
      gv.setFlat(i, i * 0.5 - 3);
    }
    NDArray r = out.eval(Map.of(g, gv, like, NDArray.zeros(DType.FLOAT64, 1, 4)));
    double[] want = new double[4];
    for (int a = 0; a < 2; a++) {
      for (int b = 0; b < 3; b++) {
        for (int c = 0; c < 4; c++) {
          want[c] += gv.getDouble(a, b, c);
        }
      }
    }
    assertArrayEquals(new int[] {1, 4}, r.shape());
    assertArrayEquals(want, r.toDoubleArray(), 1e-12);
  }

  @Test
  void returnsTheGradientItselfWhenShapesAgree() {
    NDArray gv = NDArray.of(new double[][] {{1, 2}});
    Apply node = new SumToShape().makeNode(T.dmatrix("a"), T.dmatrix("b"));
    assertSame(gv, node.op().perform(node, List.of(gv, NDArray.zeros(DType.FLOAT64, 1, 2))).get(0));
  }

  @Test
  void typeIsTheLikeShapeWithTheGradientDtype() {
    Variable f = T.ftensor3("f");
    Variable l = T.tensor(DType.FLOAT64, "l", 1, 5);
    assertEquals(TensorType.of(DType.FLOAT32, 1, 5), new SumToShape().apply(f, l).type());
  }

  @Test
  void rejectsShapesThatDidNotBroadcast() {
    var e =
        assertThrows(
            HypatiaException.class,
            () ->
                out.eval(
                    Map.of(
                        g, NDArray.zeros(DType.FLOAT64, 2, 3, 4),
                        like, NDArray.zeros(DType.FLOAT64, 2, 4))));
    assertTrue(e.getMessage().startsWith("sum_to_shape: cannot sum shape [2,3,4] to shape [2,4]"));
    var r = assertThrows(HypatiaException.class, () -> new SumToShape().apply(like, g));
    assertTrue(r.getMessage().startsWith("sum_to_shape: cannot sum rank 2 to rank 3"));
  }
}
