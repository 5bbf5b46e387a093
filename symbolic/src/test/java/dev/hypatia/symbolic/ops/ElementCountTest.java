package dev.hypatia.symbolic.ops;

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
import org.junit.jupiter.api.Test;

class ElementCountTest {
  @Test
  void count_isTheProductOfTheAxisLengths() {
    Variable x = T.dtensor3("x");
    Variable c = new ElementCount(Axes.of(3, 0, 2)).apply(x);
    assertEquals(TensorType.scalar(DType.INT64), c.type());
    assertEquals(8, TestArrays.eval(c, x, new double[2][3][4]).itemLong());
    assertEquals(
        1,
        TestArrays.eval(new ElementCount(Axes.none()).apply(x), x, new double[2][3][4]).itemLong());
    assertEquals(
        0,
        TestArrays.eval(
                new ElementCount(Axes.all(3)).apply(x), x, NDArray.zeros(DType.FLOAT64, 0, 3, 4))
            .itemLong());
  }

  @Test
  void name_andErrors() {
    assertEquals("count{axes=(0, 2)}", new ElementCount(Axes.of(3, 0, 2)).name());
    HypatiaException e =
        assertThrows(
            HypatiaException.class, () -> new ElementCount(Axes.of(3, 2)).apply(T.dvector("v")));
    assertTrue(
        e.getMessage()
            .startsWith("count{axes=(2)}: axes (2) are out of bounds for a tensor of rank 1"),
        e.getMessage());
    HypatiaException n =
        assertThrows(HypatiaException.class, () -> new ElementCount(Axes.none()).makeNode());
    assertTrue(n.getMessage().startsWith("count{axes=()}: takes 1 input, got 0"), n.getMessage());
  }
}
