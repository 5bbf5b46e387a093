package dev.hypatia.symbolic.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.scalar.BinaryFn;
import dev.hypatia.symbolic.scalar.ScalarOp;
import dev.hypatia.symbolic.scalar.UnaryFn;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ElementwiseTest {
  private static ScalarOp scalarOf(Variable v) {
    return ((Elemwise) v.owner().op()).scalar();
  }

  private static String opNameOf(String method) {
    return switch (method) {
      case "trueDiv" -> "true_div";
      case "floorDiv" -> "floor_div";
      default -> method;
    };
  }

  @Test
  void everyFacadeFunction_buildsTheScalarOpOfItsName_andCoversEveryFunction() throws Exception {
    Set<UnaryFn> unary = EnumSet.noneOf(UnaryFn.class);
    Set<BinaryFn> binary = EnumSet.noneOf(BinaryFn.class);
    Variable x = T.lvector("x");
    for (Method m : Elementwise.class.getMethods()) {
      if (!Modifier.isStatic(m.getModifiers()) || m.getReturnType() != Variable.class) {
        continue;
      }
      Class<?>[] p = m.getParameterTypes();
      Variable out;
      if (p.length == 1 && p[0] == Variable.class) {
        out = (Variable) m.invoke(null, x);
        unary.add((UnaryFn) scalarOf(out));
      } else if (p.length == 2 && p[0] == Object.class && p[1] == Object.class) {
        out = (Variable) m.invoke(null, x, x);
        binary.add((BinaryFn) scalarOf(out));
      } else {
        continue;
      }
      assertEquals(opNameOf(m.getName()), scalarOf(out).opName(), m.toString());
    }
    assertEquals(EnumSet.allOf(UnaryFn.class), unary);
    assertEquals(EnumSet.allOf(BinaryFn.class), binary);
  }

  @Test
  void javaNumbers_areWeakBesideVariables() {
    Variable f = T.fvector("f");
    assertEquals(DType.FLOAT32, Elementwise.mul(f, 2).dtype());
    assertEquals(DType.FLOAT32, Elementwise.add(2.5, f).dtype());
    Variable i = T.ivector("i");
    assertEquals(DType.INT32, Elementwise.sub(i, 1L).dtype());
    assertEquals(DType.FLOAT64, Elementwise.mul(i, 0.5).dtype());
    assertEquals(DType.FLOAT64, Elementwise.trueDiv(i, 2).dtype());
    assertArrayEquals(
        new float[] {2, 4},
        TestArrays.eval(Elementwise.mul(f, 2), f, new float[] {1, 2}).toFloatArray());
  }

  @Test
  void twoJavaNumbers_becomeConstants() {
    Variable v = Elementwise.add(1, 2.5);
    assertEquals(DType.FLOAT64, v.dtype());
    assertEquals(3.5, v.eval().item());
  }

  @Test
  void where_andClip_takeWeakScalars() {
    Variable c = T.boolvector("c");
    Variable f = T.fvector("f");
    Variable w = Elementwise.where(c, 0, f);
    assertEquals(DType.FLOAT32, w.dtype());
    NDArray got = TestArrays.eval(w, c, new boolean[] {true, false}, f, new float[] {5, 6});
    assertArrayEquals(new float[] {0, 6}, got.toFloatArray());
    assertEquals(DType.FLOAT64, Elementwise.where(true, 1, 2.0).dtype());
    assertEquals(TernaryName.WHERE, TernaryName.of(w));
    Variable i = T.ivector("i");
    Variable clipped = Elementwise.clip(i, 0, 10);
    assertEquals(DType.INT32, clipped.dtype());
    assertArrayEquals(
        new int[] {0, 5, 10}, TestArrays.eval(clipped, i, new int[] {-4, 5, 99}).toIntArray());
  }

  /** The name of a ternary node, for readable assertions. */
  enum TernaryName {
    WHERE,
    CLIP;

    static TernaryName of(Variable v) {
      return valueOf(scalarOf(v).opName().toUpperCase(java.util.Locale.ROOT));
    }
  }

  @Test
  void cast_convertsAsNumpy() {
    Variable d = T.dvector("d");
    Variable c = Elementwise.cast(d, DType.INT8);
    assertEquals("cast{int8}", c.owner().op().name());
    assertArrayEquals(
        new long[] {-2, 44}, TestArrays.eval(c, d, new double[] {-2.7, 300}).toLongArray());
  }

  @Test
  void facadeErrors_nameTheOpAndInputs() {
    Variable p = T.boolvector("p");
    HypatiaException e = assertThrows(HypatiaException.class, () -> Elementwise.sub(p, p));
    assertTrue(
        e.getMessage().startsWith("sub: sub of two bool tensors is not supported"), e.getMessage());
    Variable f = T.dvector("f");
    HypatiaException g = assertThrows(HypatiaException.class, () -> Elementwise.and(f, 1));
    assertTrue(g.getMessage().contains("input 0: f: float64[?]"), g.getMessage());
    HypatiaException n = assertThrows(HypatiaException.class, () -> Elementwise.not(f));
    assertTrue(
        n.getMessage().startsWith("not: not needs bool or integer input, got float64"),
        n.getMessage());
  }
}
