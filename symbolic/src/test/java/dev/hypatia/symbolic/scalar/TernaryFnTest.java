package dev.hypatia.symbolic.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TernaryFnTest {
  @Test
  void outputDType_matchesNumpyForEveryTriple() {
    for (String[] row : ElemwiseFixtures.rows("elemwise_dtypes.txt", "ternary")) {
      ScalarOp op = ElemwiseFixtures.byName(row[0]);
      String got = ElemwiseFixtures.outputDTypeName(op, List.of(row[1], row[2], row[3]));
      assertEquals(row[4], got, String.join(",", row));
    }
  }

  @Test
  void where_picksByCondition_andNaNCountsAsTrue() {
    assertEquals(1.0, TernaryFn.WHERE.evalDouble(Double.NaN, 1.0, 2.0));
    assertEquals(2.0, TernaryFn.WHERE.evalDouble(0.0, 1.0, 2.0));
    assertEquals(5, TernaryFn.WHERE.evalLong(3, 5, 6));
    assertEquals(6, TernaryFn.WHERE.evalLong(0, 5, 6));
  }

  @Test
  void clip_matchesMinOfMax_andPropagatesNaN() {
    SplittableRandom rnd = new SplittableRandom(8);
    for (int i = 0; i < 30; i++) {
      double x = rnd.nextDouble(-5, 5);
      assertEquals(Math.min(Math.max(x, -1.0), 2.0), TernaryFn.CLIP.evalDouble(x, -1.0, 2.0));
      long l = rnd.nextLong(-5, 5);
      assertEquals(Math.min(Math.max(l, -1), 2), TernaryFn.CLIP.evalLong(l, -1, 2));
    }
    assertTrue(Double.isNaN(TernaryFn.CLIP.evalDouble(Double.NaN, 0.0, 1.0)));
    assertEquals("clip", TernaryFn.CLIP.opName());
    assertEquals(3, TernaryFn.WHERE.arity());
  }
}
