package dev.hypatia.symbolic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TypesTest {
  @Test
  void tensorType_isAValueAndPrintsUnknownDimsAsQuestionMarks() {
    TensorType a = TensorType.of(DType.FLOAT64, -1, 3);
    assertEquals(a, TensorType.of(DType.FLOAT64, -1, 3));
    assertEquals(a.hashCode(), TensorType.of(DType.FLOAT64, -1, 3).hashCode());
    assertNotEquals(a, TensorType.of(DType.FLOAT32, -1, 3));
    assertEquals("float64[?,3]", a.toString());
    assertTrue(a.fitsShape(new int[] {7, 3}));
    assertFalse(a.fitsShape(new int[] {7, 4}));
    assertTrue(TensorType.of(DType.FLOAT64, 1, -1).isBroadcastable(0));
  }

  @Test
  void axes_normalizeSortAndCompareByValue() {
    assertEquals(Axes.of(3, 2, 0), Axes.of(3, -3, -1));
    assertArrayEquals(new int[] {0, 2}, Axes.of(3, -1, 0).toArray());
    assertEquals("(0, 2)", Axes.of(3, 2, 0).toString());
    var e = assertThrows(IllegalArgumentException.class, () -> Axes.of(2, 2));
    assertEquals("axis 2 is out of bounds for a tensor of rank 2", e.getMessage());
    var r = assertThrows(IllegalArgumentException.class, () -> Axes.of(2, 1, -1));
    assertTrue(r.getMessage().contains("repeated"));
  }

  @Test
  void broadcast_shapesFollowNumpy() {
    assertArrayEquals(new int[] {4, 3}, Broadcast.shape(new int[] {3}, new int[] {4, 1}));
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> Broadcast.shape(new int[] {3}, new int[] {4}));
    assertEquals("shapes cannot be broadcast together: [3] [4]", e.getMessage());
  }

  @Test
  void asOperand_keepsTheTensorDtypeForWeakScalars() {
    assertEquals(DType.FLOAT32, T.asOperand(2.0, T.fvector("x")).dtype());
    assertEquals(DType.INT32, T.asOperand(2, T.ivector("i")).dtype());
    assertEquals(DType.FLOAT64, T.asOperand(2.5, T.ivector("i")).dtype());
    assertEquals(DType.FLOAT32, T.asOperand(2, T.fvector("x")).dtype());
    assertEquals(DType.INT64, T.asOperand(2, T.boolvector("b")).dtype());
  }

  @Test
  void variable_recordsTheUserLineThatCreatedIt() {
    Variable x = T.dvector("x");
    assertEquals("TypesTest.java", x.location().fileName());
    assertTrue(x.describe().startsWith("x: float64[?] (created at TypesTest.java:"));
  }
}
