package dev.hypatia.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hypatia.symbolic.ops.NN;
import dev.hypatia.symbolic.print.Printer;
import dev.hypatia.symbolic.testing.ArrayGen;
import dev.hypatia.symbolic.testing.Property;
import dev.hypatia.symbolic.testing.Shapes;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** README's examples, run as written. */
class ReadmeExamplesTest {
  @Test
  void quickStart() {
    Variable x = T.dmatrix("x");
    Variable w = T.dvector("w");
    Variable y = x.mul(w).add(1).tanh().sum(1);
    NDArray out = y.eval(Map.of(x, new double[][] {{0.5, -1}, {2, 0.25}}, w, new double[] {2, 3}));
    assertEquals("array([0.        , 1.94128474])", out.toString());
    assertEquals("sum{axes=(1)}(tanh(((x * w) + 1.0)))", Printer.pp(y));
  }

  @Test
  void propertyTest() {
    Property.forAll(ArrayGen.arrays(DType.FLOAT64, Shapes.shapes(1, 3, 1, 5)).range(-5, 5))
        .tries(100)
        .check(
            a -> {
              Variable x = T.tensor(DType.FLOAT64, "x", a.shape());
              NDArray rowSums = NN.softmax(x).sum(-1).eval(Map.of(x, a));
              for (int i = 0; i < rowSums.size(); i++) {
                assertEquals(1.0, rowSums.flatDouble(i), 1e-12);
              }
            });
  }
}
