package dev.hypatia.shared;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.grad.Grad;
import dev.hypatia.optimize.Mode;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving and loading whole functions: the loaded one gives bit-identical results. */
class FunctionFilesTest {
  @TempDir Path dir;

  /** A logistic-regression training step on shared w and b, with explicit updates. */
  static Function logisticStep(Backend backend, Mode mode) {
    SharedVariable w = SharedVariable.shared(new double[3], "w");
    SharedVariable b = SharedVariable.shared(0.0, "b");
    Variable x = T.dmatrix("x");
    Variable y = T.dvector("y");
    Variable p = x.dot(w).add(b).sigmoid();
    Variable loss = y.mul(p.log()).add(y.neg().add(1.0).mul(p.neg().add(1.0).log())).mean().neg();
    List<Variable> g = Grad.grad(loss, List.of(w, b));
    return Function.builder()
        .inputs(x, y)
        .outputs(loss, p)
        .update(w, w.sub(g.get(0).mul(0.5)))
        .update(b, b.sub(g.get(1).mul(0.5)))
        .backend(backend)
        .mode(mode)
        .name("step")
        .build();
  }

  static double[][] features(SplittableRandom r) {
    double[][] x = new double[20][3];
    for (double[] row : x) {
      for (int j = 0; j < 3; j++) {
        row[j] = r.nextDouble(-2, 2);
      }
    }
    return x;
  }

  static double[] labels(double[][] x) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = 1.5 * x[i][0] - 2 * x[i][1] + 0.5 * x[i][2] > 0.2 ? 1 : 0;
    }
    return y;
  }

  /** Same dtype, shape and bits of every element. */
  static void assertBitIdentical(NDArray expected, NDArray actual, String what) {
    assertEquals(expected.dtype(), actual.dtype(), what);
    assertArrayEquals(expected.shape(), actual.shape(), what);
    for (int i = 0; i < expected.size(); i++) {
      if (expected.dtype().isFloat()) {
        assertEquals(
            Double.doubleToRawLongBits(expected.flatDouble(i)),
            Double.doubleToRawLongBits(actual.flatDouble(i)),
            what + " element " + i);
      } else {
        assertEquals(expected.flatLong(i), actual.flatLong(i), what + " element " + i);
      }
    }
  }

  /** Calls both functions n times with the same arguments, comparing outputs and shared values. */
  static void assertSameRuns(Function original, Function loaded, int n, Object... args) {
    for (int k = 0; k < n; k++) {
      List<NDArray> a = original.call(args);
      List<NDArray> b = loaded.call(args);
      assertEquals(a.size(), b.size());
      for (int i = 0; i < a.size(); i++) {
        assertBitIdentical(a.get(i), b.get(i), "call " + k + " output " + i);
      }
      assertSharedEqual(original, loaded, "after call " + k);
    }
  }

  static void assertSharedEqual(Function original, Function loaded, String when) {
    List<SharedVariable> s1 = original.sharedInputs();
    List<SharedVariable> s2 = loaded.sharedInputs();
    assertEquals(s1.size(), s2.size());
    for (int i = 0; i < s1.size(); i++) {
      assertNotSame(s1.get(i), s2.get(i));
      assertEquals(s1.get(i).name(), s2.get(i).name());
      assertBitIdentical(s1.get(i).get(), s2.get(i).get(), when + ", " + s1.get(i).label());
    }
  }

  @Test
  void logisticRegression_savedAfterCalls_loadedContinuesBitIdentically() throws Exception {
    double[][] xs = features(new SplittableRandom(7));
    double[] ys = labels(xs);
    for (Backend backend : Backend.values()) {
      Function f = logisticStep(backend, Mode.FAST_RUN);
      for (int i = 0; i < 3; i++) {
        f.call(xs, ys);
      }
      Path file = dir.resolve("step-" + backend + ".hypf");
      FunctionFiles.save(f, file);
      Function g = FunctionFiles.load(file);
      assertEquals("step", g.name());
      assertEquals(backend, g.backend());
      assertEquals(Mode.FAST_RUN, g.mode());
      assertEquals(2, g.updated().size());
      assertSharedEqual(f, g, "just loaded");
      assertSameRuns(f, g, 10, xs, ys);
    }
  }

  @Test
  void modes_roundTrip() throws Exception {
    double[][] xs = features(new SplittableRandom(8));
    double[] ys = labels(xs);
    for (Mode mode : List.of(Mode.FAST_COMPILE, Mode.NONE)) {
      Function f = logisticStep(Backend.INTERPRETER, mode);
      f.call(xs, ys);
      Function g = FunctionFiles.decode(FunctionFiles.encode(f), "mem");
      assertEquals(mode, g.mode());
      assertSameRuns(f, g, 3, xs, ys);
    }
  }

  @Test
  void randomStreams_loadedAdvancesStateExactlyLikeOriginal() throws Exception {
    RandomStreams rs = new RandomStreams(1234);
    Variable x = T.dvector("x");
    Variable noisy = x.add(rs.normal(0, 1, 4)).mul(rs.uniform(1, 2, 4));
    Variable picks = rs.choice(new long[] {3, 5, 7}, new double[] {1, 2, 3}, 2, 2);
    Variable flips = rs.binomial(5, 0.25, 3);
    Variable perm = rs.permutation(6);
    Variable sample = rs.choiceWithoutReplacement(new long[] {10, 20, 30, 40}, 3);
    Function f = Function.builder().inputs(x).outputs(noisy, picks, flips, perm, sample).build();
    double[] in = {1, 2, 3, 4};
    f.call(in);
    f.call(in);
    Function g = FunctionFiles.decode(FunctionFiles.encode(f), "mem");
    assertEquals(6, g.updated().size());
    for (SharedVariable s : g.sharedInputs()) {
      assertTrue(s.defaultUpdate() != null, s.label() + " keeps its default update");
    }
    assertSharedEqual(f, g, "just loaded");
    assertSameRuns(f, g, 5, in);
  }

  @Test
  void givens_areSubstitutedBeforeSaving() throws Exception {
    SharedVariable acc = SharedVariable.shared(1.0, "acc");
    Variable x = T.dscalar("x");
    Variable z = T.dscalar("z");
    Function f =
        Function.builder()
            .inputs(x)
            .outputs(z.mul(acc))
            .update(acc, acc.add(z))
            .given(z, x.mul(2.0))
            .backend(Backend.INTERPRETER)
            .build();
    f.call(1.5);
    Function g = FunctionFiles.decode(FunctionFiles.encode(f), "mem");
    assertSameRuns(f, g, 4, 0.25);
  }

  @Test
  void unnamedFunction_withIgnoredUnusedInput_roundTrips() throws Exception {
    Variable x = T.dscalar("x");
    Variable unused = T.dscalar("unused");
    Function f =
        Function.builder()
            .inputs(x, unused)
            .outputs(x.exp())
            .onUnusedInput(UnusedInput.IGNORE)
            .build();
    Function g = FunctionFiles.decode(FunctionFiles.encode(f), "mem");
    assertNull(g.name());
    assertEquals(2, g.inputs().size());
    assertSameRuns(f, g, 1, 0.5, 9.0);
  }

  @Test
  void save_rejectsACustomMode() {
    Variable a = T.dscalar("a");
    Function f =
        Function.builder()
            .inputs(a)
            .outputs(a.exp())
            .name("odd")
            .mode(Mode.FAST_RUN.excluding("fusion"))
            .backend(Backend.INTERPRETER)
            .build();
    HypatiaException e = assertThrows(HypatiaException.class, () -> FunctionFiles.encode(f));
    assertTrue(
        e.getMessage().contains("cannot save function odd: its mode")
            && e.getMessage().contains("is not one of FAST_RUN, FAST_COMPILE and NONE"),
        e.getMessage());
  }

  @Test
  void inputDefaultsAndDowncast_surviveSaveAndLoad() throws Exception {
    Variable x = T.dscalar("x");
    Variable y = T.dscalar("y");
    Variable z = T.fvector("z");
    Function f =
        Function.builder()
            .input(x)
            .input(y, 2.0)
            .input(z, new float[] {1f, 2f})
            .outputs(x.mul(y), z.sum())
            .allowInputDowncast(true)
            .build();
    Function g = FunctionFiles.decode(FunctionFiles.encode(f), "mem");
    assertEquals(6.0, g.call(3.0).get(0).flatDouble(0));
    assertEquals(3.0, g.call(3.0).get(1).flatDouble(0));
    assertEquals(
        f.call(List.of(1.0), java.util.Map.of("z", new double[] {0.1, 0.2})).get(1).flatDouble(0),
        g.call(List.of(1.0), java.util.Map.of("z", new double[] {0.1, 0.2})).get(1).flatDouble(0));
  }
}
