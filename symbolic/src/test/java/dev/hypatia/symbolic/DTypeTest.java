package dev.hypatia.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DTypeTest {
  @Test
  void promote_matchesNumpyForEveryPair() {
    var rows = CoreFixtures.rows("promote");
    assertEquals(36, rows.size());
    for (String[] f : rows) {
      DType a = DType.fromName(f[1]);
      DType b = DType.fromName(f[2]);
      assertEquals(DType.fromName(f[3]), DType.promote(a, b), f[1] + " + " + f[2]);
    }
  }

  @Test
  void promote_isCommutativeAndAssociative() {
    for (DType a : DType.values()) {
      for (DType b : DType.values()) {
        assertEquals(DType.promote(a, b), DType.promote(b, a));
        for (DType c : DType.values()) {
          assertEquals(
              DType.promote(DType.promote(a, b), c), DType.promote(a, DType.promote(b, c)));
        }
      }
    }
  }

  @Test
  void toFloat_followsTheano() {
    assertEquals(DType.FLOAT32, DType.INT8.toFloat());
    assertEquals(DType.FLOAT32, DType.BOOL.toFloat());
    assertEquals(DType.FLOAT64, DType.INT32.toFloat());
    assertEquals(DType.FLOAT32, DType.FLOAT32.toFloat());
  }

  @Test
  void storage_convertsLikeCCasts() {
    Object b = DType.INT8.allocate(1);
    DType.INT8.setLong(b, 0, 300);
    assertEquals(44, DType.INT8.getLong(b, 0));
    Object i = DType.INT64.allocate(1);
    DType.INT64.setDouble(i, 0, -2.7);
    assertEquals(-2, DType.INT64.getLong(i, 0));
    Object z = DType.BOOL.allocate(1);
    DType.BOOL.setDouble(z, 0, 0.5);
    assertTrue(DType.BOOL.getDouble(z, 0) == 1.0);
  }

  @Test
  void fromName_rejectsUnknown() {
    var e = assertThrows(IllegalArgumentException.class, () -> DType.fromName("float16"));
    assertTrue(e.getMessage().contains("float16"));
  }
}
