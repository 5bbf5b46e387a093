package dev.hypatia.symbolic.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.Graphs;
import dev.hypatia.symbolic.Interpreter;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Elemwise;
import dev.hypatia.symbolic.scalar.BinaryFn;
import dev.hypatia.symbolic.scalar.ScalarOp;
import dev.hypatia.symbolic.scalar.TernaryFn;
import dev.hypatia.symbolic.scalar.UnaryFn;
import dev.hypatia.symbolic.testing.OpSpec.Case;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Conformance of every row of the op spec table with the interpreter's contract: sound static
 * types, inputs left unchanged, results independent of static shape knowledge, and determinism.
 */
class OpSpecsTest {
  private static final int TRIES = 20;

  @TestFactory
  Stream<DynamicTest> everyRow_conformsToTheInterpreterContract() {
    return perRow(OpSpecs.all(), OpSpec::cases, OpSpecsTest::conforms);
  }

  /** The same contract when float inputs hold NaN, infinities, -0.0 and extreme values. */
  @TestFactory
  Stream<DynamicTest> everyRow_conformsWithSpecialValues() {
    List<OpSpec> rows = OpSpecs.where(spec -> !spec.function().equals("arange"));
    return perRow(rows, spec -> withSpecials(spec.cases()), OpSpecsTest::conforms);
  }

  /** One test per row, checking {@code check} over its cases; a failure names the row. */
  private static Stream<DynamicTest> perRow(
      List<OpSpec> rows, Function<OpSpec, Gen<Case>> cases, Property.Check<Case> check) {
    return rows.stream()
        .map(
            spec ->
                DynamicTest.dynamicTest(
                    spec.name(),
                    () -> {
                      try {
                        Property.forAll(cases.apply(spec)).tries(TRIES).check(check);
                      } catch (PropertyFailure f) {
                        throw new AssertionError(
                            "op spec row " + spec.name() + ": " + f.getMessage(), f);
                      }
                    }));
  }

  /** Cases of {@code gen} with about one float input element in eight a special value. */
  private static Gen<Case> withSpecials(Gen<Case> gen) {
    double[] specials = ArrayGen.floatSpecials(DType.FLOAT64);
    return s -> {
      Case c = gen.generate(s);
      for (NDArray a : c.inputs()) {
        if (a.dtype().isFloat()) {
          for (int i = 0; i < a.size(); i++) {
            if (s.draw(8) == 7) {
              a.setFlat(i, specials[s.drawInt(specials.length)]);
            }
          }
        }
      }
      return c;
    };
  }

  /**
   * (a) outputs have their node's dtype and fit its static shape, (b) inputs are bit-identical
   * after evaluation, (c) known and unknown static shapes give identical results, (d) evaluating
   * twice gives identical results.
   */
  private static void conforms(Case c) {
    List<NDArray> before = copies(c.inputs());
    List<Variable> known = c.variables(true);
    List<Variable> outs = c.build(known);
    List<NDArray> first = Interpreter.evaluate(outs, c.bindings(known));
    assertTypesSound(outs, first);
    for (int i = 0; i < before.size(); i++) {
      assertTrue(sameBits(before.get(i), c.inputs().get(i)), "input x" + i + " was modified");
    }
    List<Variable> unknown = c.variables(false);
    List<Variable> outsUnknown = c.build(unknown);
    List<NDArray> second = Interpreter.evaluate(outsUnknown, c.bindings(unknown));
    assertTypesSound(outsUnknown, second);
    assertSameResults(first, second, "with unknown static shapes");
    assertSameResults(first, c.evaluate(true), "on a second evaluation");
  }

  private static void assertTypesSound(List<Variable> outs, List<NDArray> values) {
    for (int i = 0; i < outs.size(); i++) {
      TensorType t = outs.get(i).type();
      NDArray v = values.get(i);
      assertEquals(t.dtype(), v.dtype(), "dtype of output " + i);
      assertTrue(
          t.fitsShape(v.shape()),
          "output " + i + " has shape " + v.shapeString() + " but its static type is " + t);
    }
  }

  private static void assertSameResults(List<NDArray> a, List<NDArray> b, String when) {
    assertEquals(a.size(), b.size(), "output count " + when);
    for (int i = 0; i < a.size(); i++) {
      assertTrue(
          sameBits(a.get(i), b.get(i)),
          "output " + i + " differs " + when + ": " + a.get(i) + " vs " + b.get(i));
    }
  }

  private static List<NDArray> copies(List<NDArray> arrays) {
    List<NDArray> out = new ArrayList<>();
    for (NDArray a : arrays) {
      out.add(a.copy());
    }
    return out;
  }

  /** Same dtype, shape and element bits (NaN payloads and the sign of zero included). */
  static boolean sameBits(NDArray a, NDArray b) {
    if (a.dtype() != b.dtype() || !java.util.Arrays.equals(a.shape(), b.shape())) {
      return false;
    }
    if (a.dtype().isDiscrete()) {
      return java.util.Arrays.equals(a.toLongArray(), b.toLongArray());
    }
    double[] x = a.toDoubleArray();
    double[] y = b.toDoubleArray();
    for (int i = 0; i < x.length; i++) {
      if (Double.doubleToRawLongBits(x[i]) != Double.doubleToRawLongBits(y[i])) {
        return false;
      }
    }
    return true;
  }

  @Test
  void table_coversEveryScalarFunction() {
    Set<ScalarOp> used = new HashSet<>();
    for (OpSpec spec : OpSpecs.all()) {
      Case c = spec.cases().generate(Source.random(1));
      for (Apply node : Graphs.toposort(c.build(c.variables(true)))) {
        if (node.op() instanceof Elemwise e) {
          used.add(e.scalar());
        }
      }
    }
    Set<String> missing = new TreeSet<>();
    List<ScalarOp> all = new ArrayList<>();
    all.addAll(List.of(UnaryFn.values()));
    all.addAll(List.of(BinaryFn.values()));
    all.addAll(List.of(TernaryFn.values()));
    for (ScalarOp f : all) {
      if (!used.contains(f)) {
        missing.add(f.opName());
      }
    }
    assertEquals(Set.of(), missing, "scalar functions without an op spec row");
  }

  /** Domains keep differentiable rows away from poles and overflow: their results are finite. */
  @TestFactory
  Stream<DynamicTest> differentiableRows_giveFiniteResultsOnTheirDomain() {
    return perRow(OpSpecs.differentiable(), OpSpec::cases, c -> assertFinite(c.evaluate(true)));
  }

  private static void assertFinite(List<NDArray> outs) {
    for (NDArray o : outs) {
      for (double v : o.toDoubleArray()) {
        assertTrue(Double.isFinite(v), "non-finite result " + v + " in " + o);
      }
    }
  }

  @Test
  void table_namesAreUniqueAndFindable() {
    Set<String> names = new HashSet<>();
    for (OpSpec spec : OpSpecs.all()) {
      assertTrue(names.add(spec.name()), spec.name());
      assertEquals(spec, OpSpecs.named(spec.name()));
    }
    OpSpec row = OpSpecs.all().get(0);
    IllegalStateException dup =
        assertThrows(IllegalStateException.class, () -> OpSpecs.unique(List.of(row, row)));
    assertEquals("two op spec rows are named " + row.name(), dup.getMessage());
    NoSuchElementException e =
        assertThrows(NoSuchElementException.class, () -> OpSpecs.named("nope/float64"));
    assertEquals("no op spec row is named nope/float64", e.getMessage());
  }
}
