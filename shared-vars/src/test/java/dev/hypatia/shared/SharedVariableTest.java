package dev.hypatia.shared;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharedVariableTest {
  @Test
  void shared_copiesTheValue_andTypesItByDtypeAndShape() {
    double[][] v = {{1, 2}, {3, 4}};
    SharedVariable w = SharedVariable.shared(v, "w");
    v[0][0] = 99;
    assertEquals(TensorType.of(DType.FLOAT64, 2, 2), w.type());
    assertArrayEquals(new double[] {1, 2, 3, 4}, w.get().toDoubleArray());
  }

  @Test
  void get_copiesUnlessBorrowed() {
    SharedVariable w = SharedVariable.shared(new double[] {1, 2}, "w");
    assertNotSame(w.get(true), w.get());
    assertSame(w.get(true), w.get(true));
  }

  @Test
  void set_checksDtypeAndShape_andKeepsTheOldValueOnError() {
    SharedVariable w = SharedVariable.shared(new double[] {1, 2}, "w");
    HypatiaException e = assertThrows(HypatiaException.class, () -> w.set(new double[] {1, 2, 3}));
    assertTrue(
        e.getMessage().contains("w") && e.getMessage().contains("float64[2]"), e.getMessage());
    SharedVariable n = SharedVariable.shared(new int[] {1, 2}, "n");
    HypatiaException d = assertThrows(HypatiaException.class, () -> n.set(new double[] {1.5, 2}));
    assertTrue(d.getMessage().contains("int32"), d.getMessage());
    assertArrayEquals(new double[] {1, 2}, w.get().toDoubleArray());
    w.set(new double[] {5, 6});
    assertArrayEquals(new double[] {5, 6}, w.get().toDoubleArray());
  }

  @Test
  void aSharedVariable_isUsedInExpressionsLikeAnyVariable() {
    SharedVariable w = SharedVariable.shared(new double[] {1, 2}, "w");
    Variable y = w.mul(2.0).sum();
    assertEquals(6.0, y.eval(Map.of(w, w.get())).item());
  }

  @Test
  void aGivenType_letsTheShapeChange() {
    SharedVariable data =
        SharedVariable.shared(new double[] {1, 2}, "data", TensorType.of(DType.FLOAT64, -1));
    data.set(new double[] {1, 2, 3});
    assertEquals(3, data.get().size());
    assertThrows(HypatiaException.class, () -> data.set(NDArray.of(1.0f)));
  }
}
