package dev.hypatia.grad.rules;

import static dev.hypatia.symbolic.scalar.BinaryFn.ADD;
import static dev.hypatia.symbolic.scalar.BinaryFn.ARCTAN2;
import static dev.hypatia.symbolic.scalar.BinaryFn.FLOOR_DIV;
import static dev.hypatia.symbolic.scalar.BinaryFn.MAXIMUM;
import static dev.hypatia.symbolic.scalar.BinaryFn.MINIMUM;
import static dev.hypatia.symbolic.scalar.BinaryFn.MOD;
import static dev.hypatia.symbolic.scalar.BinaryFn.MUL;
import static dev.hypatia.symbolic.scalar.BinaryFn.POW;
import static dev.hypatia.symbolic.scalar.BinaryFn.SUB;
import static dev.hypatia.symbolic.scalar.BinaryFn.TRUE_DIV;
import static dev.hypatia.symbolic.scalar.UnaryFn.*;

import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Elementwise;
import dev.hypatia.symbolic.ops.Shapes;
import dev.hypatia.symbolic.scalar.BinaryFn;
import dev.hypatia.symbolic.scalar.Cast;
import dev.hypatia.symbolic.scalar.Composite;
import dev.hypatia.symbolic.scalar.Polygamma;
import dev.hypatia.symbolic.scalar.ScalarOp;
import dev.hypatia.symbolic.scalar.TernaryFn;
import dev.hypatia.symbolic.scalar.UnaryFn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The derivative rules of the scalar functions, in tables keyed by function (as JAX keeps its
 * {@code defjvp} rules apart from the primitives). A rule builds graph nodes from the gradient
 * {@code g} of the output, the inputs and the output; its results have the broadcast shape of the
 * node (callers sum them back to each input's shape). Every {@link UnaryFn}, {@link BinaryFn} and
 * {@link TernaryFn} has an entry, {@link #NOT_DIFFERENTIABLE} where no gradient exists.
 *
 * <p>Conventions, where a derivative is undefined or a naive formula fails:
 *
 * <ul>
 *   <li>abs: {@code g * sign(x)}, so 0 at 0. sign, floor, ceil, round, trunc, floor_div: zeros
 *       (piecewise constant). Bool-valued functions (not, isnan, isinf, isfinite, comparisons, and,
 *       or, xor): no gradient (null).
 *   <li>sqrt: {@code g / (2 sqrt x)}, +inf at 0 (as JAX). sigmoid: {@code g y (1 - y)}, with {@code
 *       1 - y} computed as {@code sigmoid(-x)} so that it does not round to 0 for large x.
 *   <li>psi: {@code g * trigamma(x)}; trigamma: {@code g * polygamma(2, x)}; polygamma of order n:
 *       {@code g * polygamma(n + 1, x)}, so every derivative of psi has a rule.
 *   <li>mod: {@code g} for x, {@code -g * floor_div(x, y)} for y.
 *   <li>pow: for x {@code g y x^(y-1)}, exact for a negative base with an integer exponent and 0
 *       where y = 0; for y {@code g x^y log x} where x &gt; 0 and 0 elsewhere, computed on a safe
 *       base (1 where x &lt;= 0), so that no inf or NaN of the unselected branch leaks into first
 *       or second derivatives.
 *   <li>maximum, minimum: ties split the gradient evenly between the two inputs (as JAX).
 *   <li>where: nothing for the condition; {@code where(c, g, 0)} for a and {@code where(c, 0, g)}
 *       for b. clip(x, lo, hi) = min(max(x, lo), hi): g goes to x where lo &lt;= x &lt;= hi, to lo
 *       where x &lt; lo (and lo &lt;= hi), to hi where max(x, lo) &gt; hi.
 *   <li>cast: the gradient cast back to the input dtype for a float-to-float cast; zeros for a
 *       float input cast to an integer or bool (piecewise constant); null for an integer or bool
 *       input.
 *   <li>Composite: the program expanded into one elementwise node per instruction and
 *       differentiated instruction by instruction with these tables.
 * </ul>
 *
 * <p>Rules stay differentiable: where a where-branch is not selected it is computed on safe values
 * (a safe denominator or base), so second derivatives are finite where the function is smooth.
 */
public final class ScalarRules {
  /** The rule of a unary function: the gradient with respect to x, or null for none. */
  @FunctionalInterface
  public interface UnaryRule {
    /**
     * @param g the gradient of the output
     * @param x the input
     * @param y the output, f(x)
     */
    Variable apply(Variable g, Variable x, Variable y);
  }

  /** One partial of a binary function: the gradient with respect to one input, or null. */
  @FunctionalInterface
  public interface Partial {
    /**
     * @param g the gradient of the output
     * @param x the first input
     * @param y the second input
     * @param z the output, f(x, y)
     */
    Variable apply(Variable g, Variable x, Variable y, Variable z);
  }

  /**
   * The rule of a binary function: one partial per input.
   *
   * @param dx the gradient with respect to the first input
   * @param dy the gradient with respect to the second input
   */
  public record BinaryRule(Partial dx, Partial dy) {}

  /** The rule of a ternary function: the gradient with respect to each input (null for none). */
  @FunctionalInterface
  public interface TernaryRule {
    /**
     * @param g the gradient of the output
     * @param in the three inputs
     */
    List<Variable> apply(Variable g, List<Variable> in);
  }

  /** The entry of a unary function with no gradient (bool-valued). */
  public static final UnaryRule NOT_DIFFERENTIABLE = (g, x, y) -> null;

  /** The entry of a binary function with no gradient (comparisons, logical and bitwise). */
  public static final BinaryRule BINARY_NOT_DIFFERENTIABLE =
      new BinaryRule((g, x, y, z) -> null, (g, x, y, z) -> null);

  private static final double LN2 = Math.log(2);
  private static final double LN10 = Math.log(10);
  private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

  private static final Map<UnaryFn, UnaryRule> UNARY = unaryRules();
  private static final Map<BinaryFn, BinaryRule> BINARY = binaryRules();
  private static final Map<TernaryFn, TernaryRule> TERNARY = ternaryRules();

  private ScalarRules() {}

  private static Map<UnaryFn, UnaryRule> unaryRules() {
    Map<UnaryFn, UnaryRule> m = new EnumMap<>(UnaryFn.class);
    m.put(NEG, (g, x, y) -> g.neg());
    m.put(ABS, (g, x, y) -> g.mul(x.sign()));
    for (UnaryFn f : List.of(SIGN, FLOOR, CEIL, ROUND, TRUNC)) {
      m.put(f, (g, x, y) -> zeros(g, x));
    }
    m.put(SQR, (g, x, y) -> g.mul(x).mul(2.0));
    m.put(RECIPROCAL, (g, x, y) -> g.mul(y).mul(y).neg());
    m.put(EXP, (g, x, y) -> g.mul(y));
    m.put(EXP2, (g, x, y) -> g.mul(y).mul(LN2));
    m.put(EXPM1, (g, x, y) -> g.mul(y.add(1.0)));
    m.put(LOG, (g, x, y) -> g.div(x));
    m.put(LOG2, (g, x, y) -> g.div(x.mul(LN2)));
    m.put(LOG10, (g, x, y) -> g.div(x.mul(LN10)));
    m.put(LOG1P, (g, x, y) -> g.div(x.add(1.0)));
    m.put(SQRT, (g, x, y) -> g.div(y.mul(2.0)));
    m.put(SIN, (g, x, y) -> g.mul(x.cos()));
    m.put(COS, (g, x, y) -> g.mul(x.sin()).neg());
    m.put(TAN, (g, x, y) -> g.mul(y.sqr().add(1.0)));
    m.put(ARCSIN, (g, x, y) -> g.div(oneMinusSqr(x).sqrt()));
    m.put(ARCCOS, (g, x, y) -> g.div(oneMinusSqr(x).sqrt()).neg());
    m.put(ARCTAN, (g, x, y) -> g.div(x.sqr().add(1.0)));
    m.put(SINH, (g, x, y) -> g.mul(x.cosh()));
    m.put(COSH, (g, x, y) -> g.mul(x.sinh()));
    m.put(TANH, (g, x, y) -> g.mul(oneMinusSqr(y)));
    m.put(ARCSINH, (g, x, y) -> g.div(x.sqr().add(1.0).sqrt()));
    m.put(ARCCOSH, (g, x, y) -> g.div(x.sub(1.0).sqrt().mul(x.add(1.0).sqrt())));
    m.put(ARCTANH, (g, x, y) -> g.div(oneMinusSqr(x)));
    m.put(SIGMOID, (g, x, y) -> g.mul(y).mul(x.neg().sigmoid()));
    m.put(SOFTPLUS, (g, x, y) -> g.mul(x.sigmoid()));
    m.put(ERF, (g, x, y) -> g.mul(x.sqr().neg().exp()).mul(TWO_OVER_SQRT_PI));
    m.put(ERFC, (g, x, y) -> g.mul(x.sqr().neg().exp()).mul(-TWO_OVER_SQRT_PI));
    m.put(ERFINV, (g, x, y) -> g.mul(y.sqr().exp()).mul(1 / TWO_OVER_SQRT_PI));
    m.put(GAMMA, (g, x, y) -> g.mul(y).mul(x.psi()));
    m.put(GAMMALN, (g, x, y) -> g.mul(x.psi()));
    m.put(PSI, (g, x, y) -> g.mul(Elementwise.trigamma(x)));
    m.put(TRIGAMMA, (g, x, y) -> g.mul(Elementwise.polygamma(2, x)));
    for (UnaryFn f : List.of(NOT, ISNAN, ISINF, ISFINITE)) {
      m.put(f, NOT_DIFFERENTIABLE);
    }
    return Collections.unmodifiableMap(m);
  }

  private static Map<BinaryFn, BinaryRule> binaryRules() {
    Map<BinaryFn, BinaryRule> m = new EnumMap<>(BinaryFn.class);
    m.put(ADD, new BinaryRule((g, x, y, z) -> g, (g, x, y, z) -> g));
    m.put(SUB, new BinaryRule((g, x, y, z) -> g, (g, x, y, z) -> g.neg()));
    m.put(MUL, new BinaryRule((g, x, y, z) -> g.mul(y), (g, x, y, z) -> g.mul(x)));
    m.put(
        TRUE_DIV, new BinaryRule((g, x, y, z) -> g.div(y), (g, x, y, z) -> g.mul(z).div(y).neg()));
    m.put(FLOOR_DIV, new BinaryRule((g, x, y, z) -> zeros(g, x), (g, x, y, z) -> zeros(g, y)));
    m.put(MOD, new BinaryRule((g, x, y, z) -> g, (g, x, y, z) -> g.mul(x.floorDiv(y)).neg()));
    m.put(POW, new BinaryRule(ScalarRules::powBase, ScalarRules::powExponent));
    m.put(
        ARCTAN2,
        new BinaryRule(
            (g, x, y, z) -> g.mul(y).div(x.sqr().add(y.sqr())),
            (g, x, y, z) -> g.mul(x).div(x.sqr().add(y.sqr())).neg()));
    m.put(
        MAXIMUM,
        new BinaryRule(
            (g, x, y, z) -> tieSplit(g, x.gt(y), x.eq(y)),
            (g, x, y, z) -> tieSplit(g, y.gt(x), x.eq(y))));
    m.put(
        MINIMUM,
        new BinaryRule(
            (g, x, y, z) -> tieSplit(g, x.lt(y), x.eq(y)),
            (g, x, y, z) -> tieSplit(g, y.lt(x), x.eq(y))));
    for (BinaryFn f : BinaryFn.values()) {
      if (BinaryFn.COMPARISON.contains(f) || BinaryFn.BITWISE.contains(f)) {
        m.put(f, BINARY_NOT_DIFFERENTIABLE);
      }
    }
    return Collections.unmodifiableMap(m);
  }

  /** g where {@code wins}, g/2 where {@code tie}, else 0. */
  private static Variable tieSplit(Variable g, Variable wins, Variable tie) {
    return Elementwise.where(wins, g, Elementwise.where(tie, g.mul(0.5), 0));
  }

  /** {@code g y x^(y-1)}, 0 where y = 0 (where x^(y-1) may be inf), the exponent kept safe. */
  private static Variable powBase(Variable g, Variable x, Variable y, Variable z) {
    Variable zero = y.eq(0);
    Variable exponent = Elementwise.where(zero, 1, y.sub(1));
    return Elementwise.where(zero, 0, g.mul(y).mul(x.pow(exponent)));
  }

  /** {@code g x^y log x} where x &gt; 0, else 0; computed on base 1 where x &lt;= 0. */
  private static Variable powExponent(Variable g, Variable x, Variable y, Variable z) {
    Variable positive = x.gt(0);
    Variable base = Elementwise.where(positive, x, 1);
    return Elementwise.where(positive, g.mul(base.pow(y)).mul(base.log()), 0);
  }

  private static Map<TernaryFn, TernaryRule> ternaryRules() {
    Map<TernaryFn, TernaryRule> m = new EnumMap<>(TernaryFn.class);
    m.put(
        TernaryFn.WHERE,
        (g, in) ->
            Arrays.asList(
                null, Elementwise.where(in.get(0), g, 0), Elementwise.where(in.get(0), 0, g)));
    m.put(TernaryFn.CLIP, ScalarRules::clip);
    return Collections.unmodifiableMap(m);
  }

  /** clip(x, lo, hi) = min(max(x, lo), hi): g goes to the input the result equals. */
  private static List<Variable> clip(Variable g, List<Variable> in) {
    Variable x = in.get(0);
    Variable lo = in.get(1);
    Variable hi = in.get(2);
    Variable inside = x.ge(lo).and(x.le(hi));
    Variable below = x.lt(lo).and(lo.le(hi));
    Variable above = x.maximum(lo).gt(hi);
    return List.of(
        Elementwise.where(inside, g, 0),
        Elementwise.where(below, g, 0),
        Elementwise.where(above, g, 0));
  }

  /** Zeros of x's shape and g's dtype: the gradient of a piecewise-constant function. */
  private static Variable zeros(Variable g, Variable x) {
    return Shapes.zerosLike(x, g.dtype());
  }

  /** (1 - v)(1 + v), which keeps its precision near |v| = 1, unlike 1 - v^2. */
  private static Variable oneMinusSqr(Variable v) {
    return Elementwise.sub(1.0, v).mul(v.add(1.0));
  }

  /** The rule of {@code fn} (read-only view, for tests and tools). */
  static UnaryRule unary(UnaryFn fn) {
    return UNARY.get(fn);
  }

  /** The rule of {@code fn} (read-only view, for tests and tools). */
  static BinaryRule binary(BinaryFn fn) {
    return BINARY.get(fn);
  }

  /** The rule of {@code fn} (read-only view, for tests and tools). */
  static TernaryRule ternary(TernaryFn fn) {
    return TERNARY.get(fn);
  }

  /**
   * The gradients with respect to each input of an elementwise application of {@code op}, in the
   * broadcast shape of the node (or the input's shape), before they are summed back to each input;
   * null for an input with no gradient. Not modified: the variables.
   *
   * @param op the scalar op
   * @param inputs the node's inputs
   * @param outputs the node's outputs
   * @param grads the gradient of each output, null where none flows (at least one is non-null)
   */
  public static List<Variable> pullback(
      ScalarOp op, List<Variable> inputs, List<Variable> outputs, List<Variable> grads) {
    Variable g = grads.get(0);
    if (op instanceof UnaryFn f) {
      return Collections.singletonList(UNARY.get(f).apply(g, inputs.get(0), outputs.get(0)));
    }
    if (op instanceof BinaryFn f) {
      BinaryRule r = BINARY.get(f);
      Variable x = inputs.get(0);
      Variable y = inputs.get(1);
      Variable z = outputs.get(0);
      return Arrays.asList(r.dx().apply(g, x, y, z), r.dy().apply(g, x, y, z));
    }
    if (op instanceof TernaryFn f) {
      return TERNARY.get(f).apply(g, inputs);
    }
    if (op instanceof Cast c) {
      return Collections.singletonList(cast(g, inputs.get(0), c));
    }
    if (op instanceof Polygamma p) {
      return Collections.singletonList(g.mul(Elementwise.polygamma(p.order() + 1, inputs.get(0))));
    }
    return composite((Composite) op, inputs, grads);
  }

  private static Variable cast(Variable g, Variable x, Cast c) {
    if (!x.dtype().isFloat()) {
      return null;
    }
    if (!c.target().isFloat()) {
      return zeros(g, x);
    }
    return g.dtype() == x.dtype() ? g : Elementwise.cast(g, x.dtype());
  }

  /**
   * Reverse mode over the composite's program: one elementwise node per instruction over the node's
   * inputs, then each instruction's rule from the last to the first.
   */
  private static List<Variable> composite(
      Composite c, List<Variable> inputs, List<Variable> grads) {
    List<Variable> slots = new ArrayList<>(inputs);
    for (Composite.Instruction ins : c.instructions()) {
      Variable[] args = ins.args().stream().map(slots::get).toArray(Variable[]::new);
      slots.add(Elementwise.elemwise(ins.op(), args));
    }
    Variable[] slotGrads = new Variable[slots.size()];
    for (int k = 0; k < c.outputs().size(); k++) {
      accumulate(slotGrads, c.outputs().get(k), grads.get(k));
    }
    for (int i = c.instructions().size() - 1; i >= 0; i--) {
      int slot = c.inputCount() + i;
      if (slotGrads[slot] == null) {
        continue;
      }
      List<Integer> args = c.instructions().get(i).args();
      List<Variable> argVars = args.stream().map(slots::get).toList();
      List<Variable> argGrads =
          ElemwiseRules.inputGrads(
              c.instructions().get(i).op(),
              argVars,
              List.of(slots.get(slot)),
              Collections.singletonList(slotGrads[slot]));
      for (int a = 0; a < args.size(); a++) {
        accumulate(slotGrads, args.get(a), argGrads.get(a));
      }
    }
    return Arrays.asList(Arrays.copyOf(slotGrads, c.inputCount()));
  }

  private static void accumulate(Variable[] slotGrads, int slot, Variable g) {
    if (g != null) {
      slotGrads[slot] = slotGrads[slot] == null ? g : slotGrads[slot].add(g);
    }
  }
}
