package dev.hypatia.symbolic.testing;

import dev.hypatia.symbolic.ArrayCompare;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.Interpreter;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * One row of the op spec table ({@link OpSpecs#all()}): an op or function of the op set at one
 * dtype, with a generator of its {@link Case}s (input values drawn from the op's domain, such as
 * positive values for log, and the parameters drawn with them, such as axes and keepdims), the
 * derivative order a gradient check should reach, and the tolerances to compare results of each
 * float dtype with. Value checks, gradient checks, backend checks and rewrite checks all read the
 * same row.
 *
 * <pre>{@code
 * for (OpSpec spec : OpSpecs.all()) {
 *   Property.forAll(spec.cases()).tries(20).check(c -> {
 *     List<NDArray> expected = c.evaluate(true);
 *     ...
 *   });
 * }
 * }</pre>
 *
 * @param name a unique name, the function and the dtype of its main input: {@code "log/float32"},
 *     {@code "sum/int64"}, {@code "dot/1x2"}
 * @param cases the generator of the row's cases
 * @param order the highest derivative order that finite differences can check on the row's domain:
 *     {@link #SMOOTH} for smooth functions, 1 for piecewise linear ones (abs, maximum, max), {@link
 *     #NOT_DIFFERENTIABLE} for comparisons, argmax, floor, integer results and the like.
 *     Derivatives are taken with respect to the float inputs of a case.
 * @param float64 the tolerance for float64 results
 * @param float32 the tolerance for float32 results
 */
public record OpSpec(
    String name, Gen<Case> cases, int order, Tolerance float64, Tolerance float32) {
  /** The order of a row whose result is constant almost everywhere, or not a float. */
  public static final int NOT_DIFFERENTIABLE = 0;

  /** The order of a smooth function: its second derivatives are checked. */
  public static final int SMOOTH = 2;

  /** Checks the fields. */
  public OpSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(cases, "cases");
    Objects.requireNonNull(float64, "float64");
    Objects.requireNonNull(float32, "float32");
    if (order < 0) {
      throw new IllegalArgumentException("the derivative order cannot be negative: " + order);
    }
  }

  /** The function part of the name, before the first {@code /}: {@code "log"} for "log/float32". */
  public String function() {
    int slash = name.indexOf('/');
    return slash < 0 ? name : name.substring(0, slash);
  }

  /** The case that {@code seed} draws: the same seed gives the same case. */
  public Case sample(long seed) {
    return cases.generate(Source.random(seed));
  }

  /** Whether a gradient check applies ({@code order > 0}). */
  public boolean differentiable() {
    return order > NOT_DIFFERENTIABLE;
  }

  /**
   * The tolerance for comparing results of {@code dtype}: {@link #float64()}, {@link #float32()},
   * or {@link Tolerance#EXACT} for integer and bool results.
   */
  public Tolerance tolerance(DType dtype) {
    return switch (dtype) {
      case FLOAT64 -> float64;
      case FLOAT32 -> float32;
      default -> Tolerance.EXACT;
    };
  }

  /** This row with derivative order {@code newOrder}. */
  public OpSpec withOrder(int newOrder) {
    return new OpSpec(name, cases, newOrder, float64, float32);
  }

  /** This row with other tolerances. */
  public OpSpec withTolerances(Tolerance newFloat64, Tolerance newFloat32) {
    return new OpSpec(name, cases, order, newFloat64, newFloat32);
  }

  @Override
  public String toString() {
    return name;
  }

  /**
   * How close two results must be: within {@code atol + rtol * |expected|} elementwise (numpy's
   * allclose), NaN matching NaN and infinities matching exactly.
   *
   * @param rtol the relative tolerance
   * @param atol the absolute tolerance
   */
  public record Tolerance(double rtol, double atol) {
    /** Equal values only (integer and bool results). */
    public static final Tolerance EXACT = new Tolerance(0, 0);

    /** Checks the fields. */
    public Tolerance {
      if (!(rtol >= 0) || !(atol >= 0)) {
        throw new IllegalArgumentException(
            "tolerances must be >= 0, not rtol " + rtol + ", atol " + atol);
      }
    }

    /**
     * Whether {@code actual} has the shape of {@code expected} and every element is close to it.
     * Not modified: either.
     */
    public boolean close(NDArray actual, NDArray expected) {
      if (!Arrays.equals(actual.shape(), expected.shape())) {
        return false;
      }
      if (actual.dtype().isDiscrete() && expected.dtype().isDiscrete()) {
        return Arrays.equals(actual.toLongArray(), expected.toLongArray());
      }
      double[] a = actual.toDoubleArray();
      double[] e = expected.toDoubleArray();
      for (int i = 0; i < a.length; i++) {
        if (!ArrayCompare.close(a[i], e[i], rtol, atol)) {
          return false;
        }
      }
      return true;
    }
  }

  /** Builds a row's expression from its input variables. */
  @FunctionalInterface
  public interface Builder {
    /**
     * The outputs of the expression over {@code inputs} (one variable per input value of the case,
     * in order). Not modified: inputs.
     */
    List<Variable> build(List<Variable> inputs);
  }

  /**
   * One drawn instance of a row: the input values, the parameters drawn with them (text, for
   * messages) and how to build the expression from input variables.
   *
   * @param inputs the input values, one per input variable; not copied, and never modified by
   *     {@link #evaluate}
   * @param builder builds the outputs from input variables
   * @param params the drawn parameters as text, such as {@code "axes=[1], keepdims=true"}
   * @param staticInputs the inputs whose static shape the expression needs even when the others'
   *     are unknown (squeeze needs to know that an axis has length 1)
   */
  public record Case(
      List<NDArray> inputs, Builder builder, String params, Set<Integer> staticInputs) {
    /** Checks and copies the lists. */
    public Case {
      inputs = List.copyOf(inputs);
      Objects.requireNonNull(builder, "builder");
      Objects.requireNonNull(params, "params");
      staticInputs = Set.copyOf(staticInputs);
    }

    /** A case whose inputs may all have unknown static shapes. */
    public Case(List<NDArray> inputs, Builder builder, String params) {
      this(inputs, builder, params, Set.of());
    }

    /**
     * New input variables for the inputs, named {@code x0, x1, ...}, of their dtypes and ranks;
     * their static shapes are the values' shapes when {@code staticShapes} is true, else unknown
     * (except for {@link #staticInputs()}).
     */
    public List<Variable> variables(boolean staticShapes) {
      List<Variable> out = new ArrayList<>(inputs.size());
      for (int i = 0; i < inputs.size(); i++) {
        NDArray a = inputs.get(i);
        TensorType t =
            staticShapes || staticInputs.contains(i)
                ? TensorType.of(a.dtype(), a.shape())
                : TensorType.ofRank(a.dtype(), a.ndim());
        out.add(new Variable(t, "x" + i));
      }
      return out;
    }

    /** The positions of the float inputs, the ones derivatives are taken with respect to. */
    public List<Integer> floatInputs() {
      List<Integer> out = new ArrayList<>();
      for (int i = 0; i < inputs.size(); i++) {
        if (inputs.get(i).dtype().isFloat()) {
          out.add(i);
        }
      }
      return out;
    }

    /** The expression's outputs over {@code variables} (from {@link #variables}). */
    public List<Variable> build(List<Variable> variables) {
      return builder.build(variables);
    }

    /** Each of {@code variables} bound to the input value at its position. */
    public Map<Variable, NDArray> bindings(List<Variable> variables) {
      if (variables.size() != inputs.size()) {
        throw new IllegalArgumentException(
            variables.size() + " variables for " + inputs.size() + " inputs");
      }
      Map<Variable, NDArray> m = new IdentityHashMap<>();
      for (int i = 0; i < inputs.size(); i++) {
        m.put(variables.get(i), inputs.get(i));
      }
      return m;
    }

    /**
     * The outputs computed by the reference interpreter, with fully known static shapes or with
     * unknown ones. Not modified: the inputs.
     */
    public List<NDArray> evaluate(boolean staticShapes) {
      List<Variable> vars = variables(staticShapes);
      return Interpreter.evaluate(build(vars), bindings(vars));
    }

    /** The parameters and every input with its dtype, shape and elements. */
    @Override
    public String toString() {
      StringJoiner j = new StringJoiner(", ", params.isEmpty() ? "(" : "(" + params + "; ", ")");
      for (int i = 0; i < inputs.size(); i++) {
        j.add("x" + i + "=" + Describe.of(inputs.get(i)));
      }
      return j.toString();
    }
  }
}
