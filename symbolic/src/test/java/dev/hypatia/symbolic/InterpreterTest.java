package dev.hypatia.symbolic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InterpreterTest {
  @Test
  void evaluate_computesSharedSubexpressionsOnce() {
    Variable x = T.dvector("x");
    Variable y = ToyOp.PLUS.apply(x, x);
    Variable z = ToyOp.PLUS.apply(y, ToyOp.NEGATE.apply(y));
    List<NDArray> out = Interpreter.evaluate(List.of(y, z), Map.of(x, new double[] {1, 2}));
    assertArrayEquals(new double[] {2, 4}, out.get(0).toDoubleArray());
    assertArrayEquals(new double[] {0, 0}, out.get(1).toDoubleArray());
  }

  @Test
  void evaluate_neverReturnsStorageSharedWithInputsConstantsOrOtherOutputs() {
    Variable x = T.dvector("x");
    Constant c = T.constant(new double[] {1, 2});
    NDArray xv = NDArray.of(3.0, 4.0);
    List<NDArray> out = Interpreter.evaluate(List.of(x, c, x), Map.of(x, xv));
    out.get(0).set(-1, 0);
    out.get(1).set(-1, 0);
    assertEquals(3.0, xv.getDouble(0));
    assertEquals(1.0, c.valueView().getDouble(0));
    assertEquals(3.0, out.get(2).getDouble(0));
  }

  @Test
  void eval_convertsJavaValuesOnlyWithoutLoss() {
    Variable l = T.lvector("l");
    NDArray widened = ToyOp.NEGATE.apply(l).eval(Map.of(l, new int[] {3}));
    assertEquals(DType.INT64, widened.dtype());
    assertEquals(-3, widened.itemLong());
    Variable f = T.fscalar("f");
    assertEquals(DType.FLOAT32, ToyOp.NEGATE.apply(f).eval(Map.of(f, 1.5)).dtype());
  }

  @Test
  void eval_refusesLossyConversionsOfJavaValues() {
    Variable q = T.bvector("q");
    var e =
        assertThrows(
            HypatiaException.class, () -> ToyOp.NEGATE.apply(q).eval(Map.of(q, new int[] {300})));
    assertTrue(
        e.getMessage()
            .startsWith(
                "input q expects int8[?] but got int32[1] (converting would lose precision: pass"
                    + " int8 values)"),
        e.getMessage());
    Variable f = T.fvector("f");
    assertThrows(
        HypatiaException.class, () -> ToyOp.NEGATE.apply(f).eval(Map.of(f, new double[] {0.1})));
  }

  @Test
  void eval_rejectsMissingInputNamingIt() {
    Variable x = T.dvector("x");
    var e = assertThrows(HypatiaException.class, () -> ToyOp.NEGATE.apply(x).eval());
    assertTrue(
        e.getMessage().startsWith("missing a value for input x: float64[?]"), e.getMessage());
    assertTrue(e.getMessage().contains("InterpreterTest.java:"), e.getMessage());
  }

  @Test
  void eval_rejectsWrongDtypeNamingExpectedAndActual() {
    Variable x = T.dvector("x");
    var e =
        assertThrows(
            HypatiaException.class,
            () -> ToyOp.NEGATE.apply(x).eval(Map.of(x, NDArray.of(1.0f, 2.0f))));
    assertTrue(
        e.getMessage().startsWith("input x expects float64[?] but got float32[2]"), e.getMessage());
  }

  @Test
  void eval_rejectsWrongRankAndKnownDimension() {
    Variable x = T.tensor(DType.FLOAT64, "x", 3);
    var e =
        assertThrows(
            HypatiaException.class, () -> ToyOp.NEGATE.apply(x).eval(Map.of(x, new double[4])));
    assertTrue(e.getMessage().startsWith("input x expects float64[3] but got float64[4]"));
    var f =
        assertThrows(
            HypatiaException.class,
            () -> ToyOp.NEGATE.apply(x).eval(Map.of(x, new int[] {1, 2, 3, 4})));
    assertTrue(f.getMessage().contains("got int32[4]") || f.getMessage().contains("float64[4]"));
  }

  @Test
  void eval_refusesToDowncastFloatsToIntegers() {
    Variable i = T.ivector("i");
    var e =
        assertThrows(
            HypatiaException.class, () -> ToyOp.NEGATE.apply(i).eval(Map.of(i, new double[2])));
    assertTrue(e.getMessage().startsWith("input i expects int32[?] but got float64[2]"));
  }

  @Test
  void runtimeFailure_namesNodeInputsShapesAndLines() {
    Variable a = T.dvector("a");
    Variable b = T.dvector("b");
    Variable s = ToyOp.PLUS.apply(a, b);
    var e =
        assertThrows(
            HypatiaException.class, () -> s.eval(Map.of(a, new double[3], b, new double[2])));
    String m = e.getMessage();
    assertTrue(m.startsWith("plus: shapes differ"), m);
    assertTrue(
        m.contains("input 0: a: float64[?], actual float64[3] (created at InterpreterTest.java:"),
        m);
    assertTrue(m.contains("input 1: b: float64[?], actual float64[2]"), m);
    assertTrue(m.contains("node created at InterpreterTest.java:"), m);
  }

  @Test
  void buildTimeError_namesEveryInputAndItsLine() {
    Variable a = T.dvector("a");
    Variable m = T.dmatrix("m");
    var e = assertThrows(HypatiaException.class, () -> ToyOp.PLUS.apply(a, m));
    String msg = e.getMessage();
    assertTrue(msg.startsWith("plus: inputs differ in rank"), msg);
    assertTrue(msg.contains("input 0: a: float64[?] (created at InterpreterTest.java:"), msg);
    assertTrue(msg.contains("input 1: m: float64[?,?] (created at InterpreterTest.java:"), msg);
  }
}
