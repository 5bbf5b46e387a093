package dev.hypatia.symbolic.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrossentropyCategorical1HotTest {
  private final Variable p = T.dmatrix("p");
  private final Variable y = T.ivector("y");
  private final Variable loss = new CrossentropyCategorical1Hot().apply(p, y);

  @Test
  void picksMinusLogOfTheLabelledProbability() {
    double[][] probs = {{0.2, 0.8}, {0.6, 0.4}, {0.5, 0.5}};
    int[] labels = {1, 0, 1};
    NDArray out = loss.eval(Map.of(p, probs, y, labels));
    double[] want = new double[3];
    for (int i = 0; i < 3; i++) {
      want[i] = -Math.log(probs[i][labels[i]]);
    }
    assertArrayEquals(want, out.toDoubleArray(), 0);
  }

  @Test
  void rejectsLabelsOutOfRangeNamingRowAndLabel() {
    var e =
        assertThrows(
            HypatiaException.class,
            () -> loss.eval(Map.of(p, new double[][] {{0.5, 0.5}}, y, new int[] {2})));
    assertTrue(
        e.getMessage()
            .startsWith("crossentropy_categorical_1hot: label 2 of row 0 is outside [0, 2)"),
        e.getMessage());
  }

  @Test
  void rejectsFloatLabelsAtBuildTime() {
    var e =
        assertThrows(
            HypatiaException.class,
            () -> new CrossentropyCategorical1Hot().apply(p, T.dvector("t")));
    assertTrue(e.getMessage().contains("labels must be an integer vector, got float64[?]"));
    assertEquals(1, loss.ndim());
  }
}
