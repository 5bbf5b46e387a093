package dev.hypatia.symbolic.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.ArrayCompare;
import dev.hypatia.symbolic.DType;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;
import org.junit.jupiter.api.Test;

class BinaryFnTest {
  static final Map<BinaryFn, DoubleBinaryOperator> DOUBLE_REFS = new EnumMap<>(BinaryFn.class);
  static final Map<BinaryFn, LongBinaryOperator> LONG_REFS = new EnumMap<>(BinaryFn.class);

  static {
    DOUBLE_REFS.put(BinaryFn.ADD, (a, b) -> a + b);
    DOUBLE_REFS.put(BinaryFn.SUB, (a, b) -> a - b);
    DOUBLE_REFS.put(BinaryFn.MUL, (a, b) -> a * b);
    DOUBLE_REFS.put(BinaryFn.TRUE_DIV, (a, b) -> a / b);
    DOUBLE_REFS.put(BinaryFn.FLOOR_DIV, (a, b) -> Math.floor(a / b));
    DOUBLE_REFS.put(BinaryFn.MOD, (a, b) -> a - b * Math.floor(a / b));
    DOUBLE_REFS.put(BinaryFn.POW, Math::pow);
    DOUBLE_REFS.put(BinaryFn.ARCTAN2, Math::atan2);
    DOUBLE_REFS.put(BinaryFn.MAXIMUM, Math::max);
    DOUBLE_REFS.put(BinaryFn.MINIMUM, Math::min);
    DOUBLE_REFS.put(BinaryFn.LT, (a, b) -> a < b ? 1 : 0);
    DOUBLE_REFS.put(BinaryFn.LE, (a, b) -> a <= b ? 1 : 0);
    DOUBLE_REFS.put(BinaryFn.GT, (a, b) -> a > b ? 1 : 0);
    DOUBLE_REFS.put(BinaryFn.GE, (a, b) -> a >= b ? 1 : 0);
    DOUBLE_REFS.put(BinaryFn.EQ, (a, b) -> a == b ? 1 : 0);
    DOUBLE_REFS.put(BinaryFn.NEQ, (a, b) -> a != b ? 1 : 0);
    LONG_REFS.put(BinaryFn.ADD, (a, b) -> a + b);
    LONG_REFS.put(BinaryFn.SUB, (a, b) -> a - b);
    LONG_REFS.put(BinaryFn.MUL, (a, b) -> a * b);
    LONG_REFS.put(BinaryFn.FLOOR_DIV, (a, b) -> Math.floorDiv(a, b));
    LONG_REFS.put(BinaryFn.MOD, (a, b) -> Math.floorMod(a, b));
    LONG_REFS.put(BinaryFn.MAXIMUM, Math::max);
    LONG_REFS.put(BinaryFn.MINIMUM, Math::min);
    LONG_REFS.put(BinaryFn.LT, (a, b) -> a < b ? 1 : 0);
    LONG_REFS.put(BinaryFn.EQ, (a, b) -> a == b ? 1 : 0);
    LONG_REFS.put(BinaryFn.AND, (a, b) -> a & b);
    LONG_REFS.put(BinaryFn.OR, (a, b) -> a | b);
    LONG_REFS.put(BinaryFn.XOR, (a, b) -> a ^ b);
  }

  @Test
  void everyFunction_hasAReference() {
    EnumSet<BinaryFn> covered = EnumSet.copyOf(DOUBLE_REFS.keySet());
    covered.addAll(LONG_REFS.keySet());
    assertEquals(EnumSet.allOf(BinaryFn.class), covered);
  }

  @Test
  void evalDouble_matchesReferencesOnRandomArguments() {
    SplittableRandom rnd = new SplittableRandom(3);
    for (var e : DOUBLE_REFS.entrySet()) {
      for (int i = 0; i < 40; i++) {
        double a = rnd.nextDouble(-10, 10);
        double b = rnd.nextDouble(0.5, 5) * (rnd.nextBoolean() ? 1 : -1);
        if (e.getKey() == BinaryFn.POW) {
          a = Math.abs(a);
        }
        double want = e.getValue().applyAsDouble(a, b);
        double got = e.getKey().evalDouble(a, b);
        assertTrue(
            ArrayCompare.close(got, want, 1e-12, 1e-12), e.getKey() + "(" + a + ", " + b + ")");
      }
    }
  }

  @Test
  void evalLong_matchesReferencesOnRandomArguments() {
    SplittableRandom rnd = new SplittableRandom(4);
    for (var e : LONG_REFS.entrySet()) {
      for (int i = 0; i < 40; i++) {
        long a = rnd.nextLong(-100, 100);
        long b = rnd.nextLong(1, 20) * (rnd.nextBoolean() ? 1 : -1);
        assertEquals(
            e.getValue().applyAsLong(a, b),
            e.getKey().eval(a, b),
            e.getKey() + "(" + a + ", " + b + ")");
      }
    }
  }

  @Test
  void pow_ofLongs_wrapsAndMatchesRepeatedMultiplication() {
    SplittableRandom rnd = new SplittableRandom(5);
    for (int i = 0; i < 40; i++) {
      long a = rnd.nextLong(-50, 50);
      int b = rnd.nextInt(0, 40);
      long want = 1;
      for (int k = 0; k < b; k++) {
        want *= a;
      }
      assertEquals(want, BinaryFn.POW.eval(a, b));
    }
  }

  @Test
  void pow_ofLongs_rejectsNegativeExponents() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BinaryFn.POW.eval(2L, -1L));
    assertEquals(
        "integers to negative integer powers are not allowed (got exponent -1)", e.getMessage());
  }

  @Test
  void integerDivisionByZero_givesZero() {
    assertEquals(0, BinaryFn.FLOOR_DIV.eval(7L, 0L));
    assertEquals(0, BinaryFn.MOD.eval(-7L, 0L));
  }

  @Test
  void maximumAndMinimum_propagateNaN() {
    assertTrue(Double.isNaN(BinaryFn.MAXIMUM.eval(Double.NaN, 1.0)));
    assertTrue(Double.isNaN(BinaryFn.MINIMUM.eval(1.0, Double.NaN)));
  }

  @Test
  void commutativeFunctions_commute() {
    SplittableRandom rnd = new SplittableRandom(6);
    for (BinaryFn fn : BinaryFn.COMMUTATIVE) {
      for (int i = 0; i < 20; i++) {
        long a = rnd.nextLong(-100, 100);
        long b = rnd.nextLong(-100, 100);
        assertEquals(fn.eval(a, b), fn.eval(b, a), fn.toString());
        assertEquals(fn.eval((double) a, b), fn.eval((double) b, a), fn.toString());
      }
    }
  }

  @Test
  void comparisons_returnBool() {
    for (BinaryFn fn : BinaryFn.COMPARISON) {
      assertEquals(DType.BOOL, fn.outputDType(DType.FLOAT32, DType.INT8));
      assertEquals(BinaryFn.Rule.COMPARISON, fn.rule());
    }
  }

  @Test
  void outputDType_matchesNumpyForEveryPair() {
    for (String[] row : ElemwiseFixtures.rows("elemwise_dtypes.txt", "binary")) {
      ScalarOp op = ElemwiseFixtures.byName(row[0]);
      String got = ElemwiseFixtures.outputDTypeName(op, List.of(row[1], row[2]));
      assertEquals(row[3], got, row[0] + "(" + row[1] + ", " + row[2] + ")");
    }
  }

  @Test
  void sub_rejectsTwoBools() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> BinaryFn.SUB.outputDType(DType.BOOL, DType.BOOL));
    assertEquals(
        "sub of two bool tensors is not supported (numpy forbids it): use xor for logical"
            + " difference, or cast to an integer first",
        e.getMessage());
  }

  @Test
  void bitwiseFunctions_rejectFloats() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> BinaryFn.AND.outputDType(DType.INT32, DType.FLOAT32));
    assertEquals(
        "and is logical on bool and bitwise on integers; it rejects floats, got int32 and float32",
        e.getMessage());
  }

  @Test
  void identity_isTheNeutralElementOfEachReducibleFunction() {
    SplittableRandom rnd = new SplittableRandom(7);
    for (BinaryFn fn : BinaryFn.REDUCIBLE) {
      if (fn.identity().isEmpty()) {
        continue;
      }
      long id = (long) fn.identity().getAsDouble();
      for (int i = 0; i < 10; i++) {
        long x = rnd.nextLong(-100, 100);
        assertEquals(x, fn.eval(id, x), fn.toString());
      }
    }
    assertTrue(BinaryFn.MAXIMUM.identity().isEmpty());
    assertTrue(BinaryFn.MINIMUM.identity().isEmpty());
    assertTrue(BinaryFn.SUB.identity().isEmpty());
  }
}
