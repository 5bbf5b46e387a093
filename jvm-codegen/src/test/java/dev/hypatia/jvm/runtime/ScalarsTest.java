package dev.hypatia.jvm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.scalar.BinaryFn;
import dev.hypatia.symbolic.scalar.Polygamma;
import dev.hypatia.symbolic.scalar.ScalarOp;
import dev.hypatia.symbolic.scalar.TernaryFn;
import dev.hypatia.symbolic.scalar.UnaryFn;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;
import org.junit.jupiter.api.Test;

class ScalarsTest {
  private static final double[] FEW_DOUBLES = ScalarGrid.doubles(40);
  private static final long[] LONGS = ScalarGrid.longs(40);

  private static Map<UnaryFn, DoubleUnaryOperator> unary() {
    Map<UnaryFn, DoubleUnaryOperator> m = new LinkedHashMap<>();
    m.put(UnaryFn.SIGN, Scalars::sign);
    m.put(UnaryFn.TRUNC, Scalars::trunc);
    m.put(UnaryFn.EXP2, Scalars::exp2);
    m.put(UnaryFn.LOG2, Scalars::log2);
    m.put(UnaryFn.ARCSINH, Scalars::asinh);
    m.put(UnaryFn.ARCCOSH, Scalars::acosh);
    m.put(UnaryFn.ARCTANH, Scalars::atanh);
    m.put(UnaryFn.SIGMOID, Scalars::sigmoid);
    m.put(UnaryFn.SOFTPLUS, Scalars::softplus);
    m.put(UnaryFn.ERF, Scalars::erf);
    m.put(UnaryFn.ERFC, Scalars::erfc);
    m.put(UnaryFn.ERFINV, Scalars::erfinv);
    m.put(UnaryFn.GAMMA, Scalars::gamma);
    m.put(UnaryFn.GAMMALN, Scalars::gammaln);
    m.put(UnaryFn.PSI, Scalars::psi);
    m.put(UnaryFn.TRIGAMMA, Scalars::trigamma);
    return m;
  }

  private static Map<BinaryFn, DoubleBinaryOperator> binary() {
    Map<BinaryFn, DoubleBinaryOperator> m = new LinkedHashMap<>();
    m.put(BinaryFn.FLOOR_DIV, Scalars::floorDiv);
    m.put(BinaryFn.MOD, Scalars::mod);
    m.put(BinaryFn.POW, Scalars::pow);
    m.put(BinaryFn.MAXIMUM, Scalars::maximum);
    m.put(BinaryFn.MINIMUM, Scalars::minimum);
    return m;
  }

  private static Map<BinaryFn, LongBinaryOperator> binaryLong() {
    Map<BinaryFn, LongBinaryOperator> m = new LinkedHashMap<>();
    m.put(BinaryFn.FLOOR_DIV, Scalars::floorDiv);
    m.put(BinaryFn.MOD, Scalars::mod);
    m.put(BinaryFn.POW, Scalars::pow);
    return m;
  }

  @Test
  void unaryDoubles_equalTheOpsBitForBit() {
    unary()
        .forEach(
            (fn, f) -> {
              for (double x : ScalarGrid.doublesFor(fn, 150)) {
                assertSame(fn, fn.evalDouble(x), f.applyAsDouble(x), x);
              }
            });
  }

  @Test
  void binaryDoubles_equalTheOpsBitForBit() {
    binary()
        .forEach(
            (fn, f) -> {
              for (double[] p : ScalarGrid.pairs(FEW_DOUBLES)) {
                assertSame(fn, fn.evalDouble(p), f.applyAsDouble(p[0], p[1]), p[0], p[1]);
              }
            });
  }

  @Test
  void clipDoubles_equalsTheOpBitForBit() {
    double[] v = ScalarGrid.doubles(0);
    for (double x : v) {
      for (double[] p : ScalarGrid.pairs(v)) {
        double want = TernaryFn.CLIP.evalDouble(x, p[0], p[1]);
        assertSame(TernaryFn.CLIP, want, Scalars.clip(x, p[0], p[1]), x, p[0], p[1]);
      }
    }
  }

  @Test
  void polygamma_equalsTheOpBitForBit() {
    for (int n = 0; n <= 5; n++) {
      Polygamma op = new Polygamma(n);
      for (double x : ScalarGrid.moderateDoubles(100)) {
        assertSame(op, op.evalDouble(x), Scalars.polygamma(n, x), x);
      }
    }
  }

  @Test
  void longs_equalTheOps() {
    for (long x : LONGS) {
      assertEquals(UnaryFn.SIGN.evalLong(x), Scalars.sign(x), "sign " + x);
    }
    binaryLong()
        .forEach(
            (fn, f) -> {
              for (long[] p : ScalarGrid.pairs(LONGS)) {
                if (fn == BinaryFn.POW && p[1] < 0) {
                  continue;
                }
                assertEquals(
                    fn.evalLong(p), f.applyAsLong(p[0], p[1]), fn + " " + p[0] + ", " + p[1]);
              }
            });
    long[] small = ScalarGrid.longs(0);
    for (long x : small) {
      for (long[] p : ScalarGrid.pairs(small)) {
        assertEquals(TernaryFn.CLIP.evalLong(x, p[0], p[1]), Scalars.clip(x, p[0], p[1]));
      }
    }
  }

  @Test
  void powOnLongs_rejectsNegativeExponentsWithTheOpsMessage() {
    IllegalArgumentException want =
        assertThrows(IllegalArgumentException.class, () -> BinaryFn.POW.evalLong(2, -3));
    IllegalArgumentException got =
        assertThrows(IllegalArgumentException.class, () -> Scalars.pow(2L, -3L));
    assertEquals(want.getMessage(), got.getMessage());
    assertTrue(got.getMessage().contains("got exponent -3"), got.getMessage());
  }

  private static void assertSame(ScalarOp op, double want, double got, double... args) {
    assertTrue(
        ScalarGrid.same(want, got),
        () -> op.opName() + java.util.Arrays.toString(args) + ": want " + want + ", got " + got);
  }
}
