package dev.hypatia.shared;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every error {@link Function} and {@link FunctionBuilder} raise, with its message. */
class FunctionErrorsTest {
  private static void assertMessage(Executable e, String... parts) {
    String msg = assertThrows(HypatiaException.class, e).getMessage();
    for (String p : parts) {
      assertTrue(msg.contains(p), "missing <" + p + "> in: " + msg);
    }
  }

  private static Function addFunction() {
    Variable x = T.dvector("x");
    Variable y = T.dvector("y");
    return Function.builder().inputs(x, y).outputs(x.add(y)).name("f").build();
  }

  @Test
  void call_rejectsAWrongCount_listingTheInputs() {
    Function f = addFunction();
    assertMessage(
        () -> f.call(new double[] {1}), "function f takes 2 input values (x, y) but got 1");
  }

  @Test
  void call_rejectsAWrongDtype_namingTheInputAndTypes() {
    Function f = addFunction();
    assertMessage(
        () -> f.call(NDArray.of(1, 2), new double[] {1, 2}),
        "input x expects float64[?] but got int32[2]");
  }

  @Test
  void call_rejectsAWrongShape_namingTheInputAndTypes() {
    Function f = addFunction();
    assertMessage(
        () -> f.call(new double[] {1, 2}, new double[][] {{1, 2}}),
        "input y expects float64[?] but got float64[1,2]");
  }

  @Test
  void build_rejectsAnUnusedInput_namingIt_unlessAllowed() {
    Variable x = T.dvector("x");
    Variable unused = T.dscalar("lr");
    assertMessage(
        () -> Function.builder().inputs(x, unused).outputs(x.sum()).name("g").build(),
        "function g: input lr: float64[]",
        "is not used by any output or update");
    for (UnusedInput policy : new UnusedInput[] {UnusedInput.WARN, UnusedInput.IGNORE}) {
      Function f =
          Function.builder().inputs(x, unused).outputs(x.sum()).onUnusedInput(policy).build();
      assertTrue(f.call(new double[] {1, 2}, 3.0).get(0).item() == 3.0);
    }
  }

  @Test
  void build_rejectsAnUpdateOfAnotherDtype_namingTheSharedVariableAndTypes() {
    SharedVariable w = SharedVariable.shared(new double[] {1, 2}, "w");
    Variable step = T.fvector("step");
    assertMessage(
        () -> Function.builder().inputs(step).update(w, step).build(),
        "the update of shared variable w must have type float64[2]",
        "has type float32[?]",
        "cast it with astype(float64)");
  }

  @Test
  void build_rejectsAnUpdateOfAnotherShape_namingTheSharedVariableAndTypes() {
    SharedVariable w = SharedVariable.shared(new double[] {1, 2}, "w");
    Variable m = T.dmatrix("m");
    assertMessage(
        () -> Function.builder().inputs(m).update(w, m).build(),
        "shared variable w must have type float64[2] but m: float64[?,?]");
    SharedVariable c = SharedVariable.shared(new double[] {1, 2, 3}, "c");
    assertMessage(
        () -> Function.builder().update(w, c.mul(2.0)).build(),
        "shared variable w must have type float64[2]",
        "has type float64[3]");
  }

  @Test
  void call_rejectsAnUpdateWhoseShapeOnlyShowsAtRunTime() {
    SharedVariable w = SharedVariable.shared(new double[] {1, 2}, "w");
    Variable v = T.dvector("v");
    Function f = Function.builder().inputs(v).update(w, v).build();
    assertMessage(
        () -> f.call(new double[] {1, 2, 3}),
        "the update of shared variable w does not fit",
        "float64[3]");
    assertTrue(w.get().contentEquals(NDArray.of(1.0, 2.0)));
  }

  @Test
  void build_rejectsADependencyThatIsNeitherInputNorShared() {
    Variable x = T.dvector("x");
    Variable hidden = T.dvector("hidden");
    assertMessage(
        () -> Function.builder().inputs(x).outputs(x.add(hidden)).build(),
        "depend on hidden: float64[?]",
        "neither an input nor a shared variable");
  }

  @Test
  void build_rejectsBadInputs() {
    SharedVariable w = SharedVariable.shared(new double[] {1}, "w");
    Variable x = T.dvector("x");
    assertMessage(
        () -> Function.builder().inputs(w).outputs(w.sum()).build(),
        "shared variable w cannot be an explicit input");
    assertMessage(
        () -> Function.builder().inputs(x, x).outputs(x.sum()).build(), "input x is listed twice");
    Variable s = x.sum();
    assertMessage(
        () -> Function.builder().inputs(s).outputs(s).build(), "input must be a free variable");
    assertMessage(
        () -> Function.builder().update(w, w.add(1.0)).update(w, w.add(2.0)),
        "shared variable w is updated twice");
  }

  @Test
  void sharedIntegerCounter_keepsItsDtype() {
    SharedVariable n = SharedVariable.shared(NDArray.scalarLong(DType.INT64, 0), "n");
    assertMessage(
        () -> Function.builder().update(n, n.add(1.5)).build(),
        "shared variable n must have type int64[]",
        "has type float64[]");
  }
}
