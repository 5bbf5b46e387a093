package dev.hypatia.shared;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Named inputs, default values and input downcasting of {@link Function#call}. */
class FunctionInputsTest {
  private static void assertMessage(Executable e, String... parts) {
    String msg = assertThrows(HypatiaException.class, e).getMessage();
    for (String p : parts) {
      assertTrue(msg.contains(p), "missing <" + p + "> in: " + msg);
    }
  }

  /** f(x, y, z=10) = x * y + z on float64 scalars. */
  private static Function withDefault() {
    Variable x = T.dscalar("x");
    Variable y = T.dscalar("y");
    Variable z = T.dscalar("z");
    return Function.builder()
        .input(x)
        .input(y)
        .input(z, 10.0)
        .outputs(x.mul(y).add(z))
        .name("f")
        .build();
  }

  private static double value(List<NDArray> out) {
    return out.get(0).flatDouble(0);
  }

  @Test
  void call_takesEveryInputByName() {
    Function f = withDefault();
    assertEquals(2 * 3 + 4, value(f.call(Map.of("x", 2.0, "y", 3.0, "z", 4.0))));
  }

  @Test
  void call_usesTheDefaultForALeftOutInput() {
    Function f = withDefault();
    assertEquals(2 * 3 + 10, value(f.call(2.0, 3.0)));
    assertEquals(2 * 3 + 10, value(f.call(Map.of("y", 3.0, "x", 2.0))));
    assertEquals(2 * 3 + 5, value(f.call(2.0, 3.0, 5.0)));
  }

  @Test
  void call_mixesPositionalAndNamedValues() {
    Function f = withDefault();
    assertEquals(2 * 3 + 7, value(f.call(List.of(2.0), Map.of("z", 7.0, "y", 3.0))));
    assertEquals(2 * 3 + 10, value(f.call(List.of(2.0, 3.0), Map.of())));
  }

  @Test
  void call_passesARequiredInputAfterADefaultByName() {
    Variable a = T.dvector("a");
    Variable b = T.dvector("b");
    Function g =
        Function.builder().input(a, new double[] {1, 2}).input(b).outputs(a.sub(b)).build();
    assertArrayEquals(
        new double[] {-9, -18}, g.call(Map.of("b", new double[] {10, 20})).get(0).toDoubleArray());
    assertMessage(
        () -> g.call(new double[] {1, 2}),
        "function takes 2 input values (a, b) but got 1: no value for required input b (pass it by"
            + " position or by name)");
  }

  @Test
  void call_doesNotShareTheDefaultWithTheCaller() {
    Variable a = T.dvector("a");
    double[] d = {1, 2};
    Function g = Function.builder().input(a, d).outputs(a).build();
    d[0] = 100;
    NDArray first = g.call().get(0);
    first.setFlat(0, -5);
    assertArrayEquals(new double[] {1, 2}, g.call().get(0).toDoubleArray());
  }

  @Test
  void call_rejectsAnUnknownName_listingTheKnownNames() {
    Function f = withDefault();
    assertMessage(
        () -> f.call(Map.of("x", 1.0, "y", 2.0, "w", 3.0)),
        "function f has no input named 'w' (named inputs: x, y, z)");
  }

  @Test
  void call_rejectsANameForAnUnnamedVariable_sayingItGoesByPosition() {
    Variable x = T.dscalar("x");
    Variable anon = T.dscalar(null);
    Function f = Function.builder().inputs(x, anon).outputs(x.add(anon)).name("f").build();
    assertMessage(
        () -> f.call(Map.of("x", 1.0, "<input>", 2.0)),
        "function f has no input named '<input>' (named inputs: x)",
        "unnamed inputs #2 can only be passed by position");
    assertMessage(
        () -> f.call(Map.of("x", 1.0)),
        "function f takes 2 input values (x, <input>) but got 1: no value for required input #2",
        "unnamed: pass it by position");
    assertEquals(3.0, value(f.call(1.0, 2.0)));
  }

  @Test
  void call_rejectsAValueGivenByPositionAndByName() {
    Function f = withDefault();
    assertMessage(
        () -> f.call(List.of(1.0, 2.0), Map.of("x", 3.0)),
        "function f: input x is given both by position (#1) and by name");
  }

  @Test
  void call_rejectsAMissingRequiredInput_namingIt() {
    Function f = withDefault();
    assertMessage(
        () -> f.call(Map.of("x", 1.0, "z", 2.0)),
        "function f takes 3 input values (x, y, z) but got 2: no value for required input y");
  }

  @Test
  void call_rejectsTooManyPositionalValues() {
    Function f = withDefault();
    assertMessage(
        () -> f.call(1.0, 2.0, 3.0, 4.0), "function f takes 3 input values (x, y, z) but got 4");
  }

  @Test
  void call_rejectsANameSharedByTwoInputs() {
    Variable a = T.dscalar("a");
    Variable b = T.dscalar("a");
    Function f = Function.builder().inputs(a, b).outputs(a.sub(b)).name("f").build();
    assertMessage(
        () -> f.call(Map.of("a", 1.0)), "function f: 2 inputs are named 'a' (#1, #2): pass them");
    assertEquals(-1.0, value(f.call(1.0, 2.0)));
  }

  @Test
  void call_checksANamedValueLikeAPositionalOne() {
    Function f = withDefault();
    assertMessage(
        () -> f.call(Map.of("x", 1.0, "y", new double[] {2})),
        "input y expects float64[] but got float64[1]");
  }

  @Test
  void build_rejectsADefaultThatDoesNotFit_namingTheInput() {
    Variable v = T.fvector("v");
    assertMessage(
        () -> Function.builder().input(v, new double[] {1.5}).outputs(v).name("g").build(),
        "function g: the default value of input v does not fit its type: input v expects"
            + " float32[?] but got float64[1]");
    assertMessage(
        () -> Function.builder().input(v, new float[][] {{1}}).outputs(v).name("g").build(),
        "the default value of input v does not fit its type",
        "expects float32[?] but got float32[1,1]");
  }

  @Test
  void build_acceptsAWideDefault_whenDowncastIsAllowed() {
    Variable v = T.fvector("v");
    Function g =
        Function.builder().input(v, new double[] {1.1}).outputs(v).allowInputDowncast(true).build();
    assertArrayEquals(new float[] {1.1f}, g.call().get(0).toFloatArray());
  }

  @Test
  void call_rejectsAWideValue_whenDowncastIsOff() {
    Variable v = T.fvector("v");
    Function g = Function.builder().inputs(v).outputs(v.mul(2.0f)).build();
    assertMessage(
        () -> g.call((Object) new double[] {1.5}),
        "input v expects float32[?] but got float64[1] (converting would lose precision");
    assertMessage(
        () -> g.call(NDArray.of(1.5, 2.5)), "input v expects float32[?] but got float64[2]");
  }

  @Test
  void call_castsWideValuesToTheInputDtype_whenDowncastIsOn() {
    Variable v = T.fvector("v");
    Variable i = T.ivector("i");
    Function g =
        Function.builder().inputs(v, i).outputs(v, i).allowInputDowncast(true).name("g").build();
    SplittableRandom rnd = new SplittableRandom(7);
    double[] d = rnd.doubles(5, -1e3, 1e3).toArray();
    long[] l = rnd.longs(5, -1L << 40, 1L << 40).toArray();
    NDArray wideD = NDArray.of(d);
    NDArray wideL = NDArray.of(l);
    List<NDArray> out = g.call(wideD, wideL);
    assertEquals(DType.FLOAT32, out.get(0).dtype());
    assertEquals(DType.INT32, out.get(1).dtype());
    assertArrayEquals(wideD.astype(DType.FLOAT32).toFloatArray(), out.get(0).toFloatArray());
    assertArrayEquals(wideL.astype(DType.INT32).toIntArray(), out.get(1).toIntArray());
    List<NDArray> java = g.call(List.of(), Map.of("v", d, "i", l));
    assertArrayEquals(out.get(0).toFloatArray(), java.get(0).toFloatArray());
    assertArrayEquals(out.get(1).toIntArray(), java.get(1).toIntArray());
    assertMessage(
        () -> g.call(new double[][] {{1}}, l), "input v expects float32[?] but got float32[1,1]");
  }

  @Test
  void namedCall_thatFails_leavesSharedVariablesUntouched() {
    SharedVariable acc = SharedVariable.shared(new double[] {1, 2}, "acc");
    Variable x = T.dvector("x");
    Variable step = T.dscalar("step");
    Function f =
        Function.builder()
            .input(x)
            .input(step, 1.0)
            .outputs(acc.add(x))
            .update(acc, acc.add(x.mul(step)))
            .name("f")
            .build();
    Map<String, Object> bad = new LinkedHashMap<>();
    bad.put("x", new double[] {1, 1});
    bad.put("stpe", 2.0);
    assertMessage(() -> f.call(bad), "no input named 'stpe'");
    assertMessage(
        () -> f.call(List.of(), Map.of("x", new double[] {1, 2, 3})),
        "shapes cannot be broadcast together");
    assertMessage(
        () ->
            f.call(
                List.of(new double[] {1, 1}), Map.of("step", NDArray.scalarLong(DType.INT32, 2))),
        "input step expects float64[] but got int32[]");
    assertMessage(() -> f.call(Map.of("step", 2.0)), "no value for required input x");
    assertArrayEquals(new double[] {1, 2}, acc.get().toDoubleArray());
    f.call(Map.of("x", new double[] {1, 1}, "step", 2.0));
    assertArrayEquals(new double[] {3, 4}, acc.get().toDoubleArray());
  }
}
