package dev.hypatia.symbolic.ops;

import static dev.hypatia.symbolic.ops.ShapeFixtures.assertArrayEquals;
import static dev.hypatia.symbolic.ops.ShapeFixtures.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hypatia.symbolic.Constant;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArangeTest {
  @Test
  void arange_matchesNumpyFixtures() {
    for (ShapeFixtures.Case c : ShapeFixtures.cases("arange")) {
      Variable[] bounds = new Variable[3];
      for (int i = 0; i < 3; i++) {
        String f = c.params().get(i);
        bounds[i] =
            c.isFloat(i) ? T.constant(Double.parseDouble(f)) : T.constant(Long.parseLong(f));
      }
      String dtype = c.params().get(3);
      Variable y =
          dtype.equals("None")
              ? Shapes.arange(bounds[0], bounds[1], bounds[2])
              : Shapes.arange(bounds[0], bounds[1], bounds[2], DType.fromName(dtype));
      assertEquals(TensorType.of(c.expected()), y.type(), () -> "case " + c.params());
      assertArrayEquals(c.expected(), y.eval());
    }
  }

  @Test
  void arange_javaOverloadsFollowNumpyDtypes() {
    assertEquals(TensorType.of(DType.INT64, 5), Shapes.arange(5).type());
    assertEquals(TensorType.of(DType.INT64, 3), Shapes.arange(2, 5).type());
    assertEquals(TensorType.of(DType.INT64, 2), Shapes.arange(0, 5, 3).type());
    assertEquals(TensorType.of(DType.FLOAT64, 3), Shapes.arange(0.0, 1.5, 0.5).type());
    assertEquals(
        TensorType.of(DType.FLOAT32, 3), Shapes.arange(0.0, 1.5, 0.5, DType.FLOAT32).type());
    assertEquals("arange{int64}", Shapes.arange(5).owner().op().name());
  }

  @Test
  void arange_overSymbolicBoundsHasUnknownLength() {
    Variable n = T.iscalar("n");
    Variable y = Shapes.arange(T.constant(0), n, T.constant(2));
    assertEquals(TensorType.of(DType.INT32, TensorType.UNKNOWN), y.type());
    NDArray out = y.eval(Map.of(n, 7));
    assertArrayEquals(NDArray.of(0, 2, 4, 6), out);
  }

  @Test
  void arange_rejectsAZeroStep() {
    assertFails(() -> Shapes.arange(0, 5, 0), "arange{int64}: step must not be zero");
    Variable step = T.dscalar("step");
    Variable y = Shapes.arange(T.constant(0.0), T.constant(1.0), step);
    assertFails(() -> y.eval(Map.of(step, 0.0)), "arange{float64}: step must not be zero");
  }

  @Test
  void arange_rejectsNaNAndHugeLengths() {
    assertFails(
        () -> Shapes.arange(0.0, Double.NaN, 1.0),
        "arange{float64}: the length of the range is NaN");
    assertFails(() -> Shapes.arange(0, 1L << 40, 1), "the range has more than 2^31-1 elements");
  }

  @Test
  void arange_rejectsNonScalarOrBoolInputs() {
    Constant one = T.constant(1L);
    assertFails(
        () -> Shapes.arange(one, T.lvector("v"), one),
        "start, stop and step must be numeric scalars, got int64[?]");
    assertFails(
        () -> Shapes.arange(T.constant(true), one, one, DType.INT64),
        "start, stop and step must be numeric scalars, got bool[]");
    assertFails(
        IllegalArgumentException.class,
        () -> new Arange(DType.BOOL),
        "arange: dtype bool is not supported");
  }
}
