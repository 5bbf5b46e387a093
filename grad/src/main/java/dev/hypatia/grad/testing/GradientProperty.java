package dev.hypatia.grad.testing;

import dev.hypatia.grad.GradCheck;
import dev.hypatia.symbolic.Interpreter;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.testing.Gen;
import dev.hypatia.symbolic.testing.Property;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The gradient property for users' own JUnit 5 tests: for generated input values, the symbolic
 * gradient of a function equals its finite-difference gradient ({@link GradCheck}).
 *
 * <pre>{@code
 * @Test
 * void softplusOfProductHasTheRightGradient() {
 *   GradientProperty.forAll(ArrayGen.arrays(DType.FLOAT64, 3, 4), ArrayGen.arrays(DType.FLOAT64, 4))
 *       .check(xs -> xs.get(0).mul(xs.get(1)).softplus().sum());
 * }
 * }</pre>
 *
 * <p>It runs on {@link Property#forAll}: a failure reports the property's seed ({@code
 * -Dhypatia.seed=...} replays it) and shrinks the inputs to small ones that still fail, and the
 * {@link dev.hypatia.grad.GradCheckFailure} of the shrunk inputs, with the input, element and
 * values, is the cause. Inputs at which an output is not finite are discarded ({@link
 * Property#assume}), so a function need not be defined everywhere the generators reach.
 */
public final class GradientProperty {
  private final Gen<List<NDArray>> inputs;
  private int tries = 50;
  private Long seed;
  private int shrinkLimit = 200;
  private GradCheck.Options options = GradCheck.options();

  private GradientProperty(Gen<List<NDArray>> inputs) {
    this.inputs = Objects.requireNonNull(inputs, "inputs");
  }

  /** The property over inputs drawn independently, one from each of {@code gens}. */
  @SafeVarargs
  @SuppressWarnings("varargs") // List.of only reads the array
  public static GradientProperty forAll(Gen<? extends NDArray>... gens) {
    List<Gen<? extends NDArray>> all = List.of(gens);
    return new GradientProperty(
        s -> {
          List<NDArray> out = new ArrayList<>(all.size());
          for (Gen<? extends NDArray> g : all) {
            out.add(g.generate(s));
          }
          return out;
        });
  }

  /** The property over input lists drawn together (for inputs whose shapes must agree). */
  public static GradientProperty forAllInputs(Gen<List<NDArray>> inputs) {
    return new GradientProperty(inputs);
  }

  /** Sets how many input lists to check (50 by default). Modified: this. */
  public GradientProperty tries(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("a property needs at least 1 try, not " + n);
    }
    this.tries = n;
    return this;
  }

  /** Sets the property's seed (else {@link Property#DEFAULT_SEED}). Modified: this. */
  public GradientProperty seed(long newSeed) {
    this.seed = newSeed;
    return this;
  }

  /** Sets how many checks shrinking may run (200 by default; 0 turns it off). Modified: this. */
  public GradientProperty shrinkLimit(int maxRuns) {
    if (maxRuns < 0) {
      throw new IllegalArgumentException("the shrink limit cannot be negative: " + maxRuns);
    }
    this.shrinkLimit = maxRuns;
    return this;
  }

  /** Sets the gradient check's options (its seed, directions, precisions). Modified: this. */
  public GradientProperty options(GradCheck.Options newOptions) {
    this.options = Objects.requireNonNull(newOptions, "options");
    return this;
  }

  /**
   * Checks that the gradient of {@code f} (a scalar or tensor of the input variables) equals its
   * finite-difference gradient at every generated input list.
   *
   * @throws dev.hypatia.symbolic.testing.PropertyFailure when it differs somewhere, after shrinking
   */
  public void check(Function<List<Variable>, Variable> f) {
    Objects.requireNonNull(f, "f");
    Property<List<NDArray>> p = Property.forAll(inputs).tries(tries).shrinkLimit(shrinkLimit);
    if (seed != null) {
      p.seed(seed);
    }
    p.check(
        values -> {
          Property.assume(finiteAt(f, values));
          GradCheck.verify(f, values, options);
        });
  }

  private boolean finiteAt(Function<List<Variable>, Variable> f, List<NDArray> values) {
    List<Variable> vars = new ArrayList<>();
    Map<Variable, NDArray> at = new IdentityHashMap<>();
    for (NDArray v : values) {
      Variable x = new Variable(TensorType.of(v), null);
      vars.add(x);
      at.put(x, v);
    }
    NDArray out = Interpreter.evaluate(List.of(f.apply(vars)), at).get(0);
    for (int e = 0; e < out.size() && out.dtype().isFloat(); e++) {
      if (!Double.isFinite(out.flatDouble(e))) {
        return false;
      }
    }
    return true;
  }
}
