package dev.hypatia.grad.testing;

import dev.hypatia.grad.Grad;
import dev.hypatia.grad.GradRules;
import dev.hypatia.grad.testing.RandomGraph.Chain;
import dev.hypatia.grad.testing.RandomGraph.Leaf;
import dev.hypatia.grad.testing.RandomGraph.Step;
import dev.hypatia.grad.testing.RandomGraph.Wire;
import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Constant;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.Graphs;
import dev.hypatia.symbolic.Interpreter;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.testing.Gen;
import dev.hypatia.symbolic.testing.OpSpec;
import dev.hypatia.symbolic.testing.OpSpecs;
import dev.hypatia.symbolic.testing.Source;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seeded generators of random, well-typed expression graphs ({@link RandomGraph}) over the op spec
 * table, with inputs on each op's domain.
 *
 * <pre>{@code
 * Property.forAll(GraphGen.differentiable()).tries(500).check(g -> g.verify(GradCheck.options()));
 * }</pre>
 *
 * <p>A graph is 1 to {@link #maxSteps} steps; each step draws a row and one of its cases (input
 * values from the row's domain, and its parameters). Each float input of a smooth row is a fresh
 * leaf or, when an earlier result has its dtype, that result squashed into the row's domain: its
 * sampled range when the samples show that range is an interval ({@code log} gets values in [0.01,
 * 10], a divisor or {@code gamma}'s argument, whose domains have gaps, stays a leaf). A result
 * whose shape broadcasts to the input's is squashed elementwise, another one is summed first. Rows
 * of derivative order 1 (abs, maximum, max) take only leaves, whose values keep off their kinks.
 * Generated graphs evaluate to finite values: a step whose result is not finite is dropped, with
 * the steps after it.
 *
 * <p>Every choice comes from the {@link Source}, so a failing graph shrinks for free: toward fewer
 * steps, earlier rows, leaves instead of earlier results, and smaller cases.
 */
public final class GraphGen implements Gen<RandomGraph> {
  /** A row the generator draws from; its profile is sampled on first use. */
  private record Row(OpSpec spec) {
    RowProfile profile() {
      return RowProfile.of(spec);
    }
  }

  private final List<Row> rows;
  private final Map<String, String> skipped;
  private final boolean chain;
  private final boolean reduce;
  private final int maxSteps;

  private GraphGen(
      List<Row> rows, Map<String, String> skipped, boolean chain, boolean reduce, int maxSteps) {
    this.rows = rows;
    this.skipped = skipped;
    this.chain = chain;
    this.reduce = reduce;
    this.maxSteps = maxSteps;
  }

  /**
   * Graphs over the differentiable rows ({@link OpSpecs#differentiable()}) whose gradients can be
   * built now: every op of a sampled case has a rule ({@link GradRules#forOp}) and {@link Grad#lop}
   * builds its gradient. Steps are chained only when the squashing ops (tanh, sigmoid, add, mul,
   * and sum for results of other shapes) have rules too. So the generator covers more as rules are
   * added; {@link #skipped()} says why each other row is left out.
   */
  public static GraphGen differentiable() {
    return build(OpSpecs.differentiable(), true);
  }

  /**
   * Graphs over {@code rows}, whatever rules exist: for tests of graph generation itself, or of
   * values rather than gradients. Rows without a float input or output are left out.
   */
  public static GraphGen over(List<OpSpec> rows) {
    return build(rows, false);
  }

  private static GraphGen build(List<OpSpec> specs, boolean needRules) {
    List<Row> rows = new ArrayList<>();
    Map<String, String> skipped = new LinkedHashMap<>();
    for (OpSpec spec : specs) {
      String why = unusable(spec, needRules);
      if (why == null) {
        rows.add(new Row(spec));
      } else {
        skipped.put(spec.name(), why);
      }
    }
    boolean chain = !needRules || squashes(false);
    boolean reduce = !needRules || squashes(true);
    return new GraphGen(List.copyOf(rows), Collections.unmodifiableMap(skipped), chain, reduce, 5);
  }

  /**
   * This generator with graphs of at most {@code n} steps (5 by default).
   *
   * @throws IllegalArgumentException when {@code n < 1}
   */
  public GraphGen maxSteps(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("a graph needs at least 1 step, not " + n);
    }
    return new GraphGen(rows, skipped, chain, reduce, n);
  }

  /** The rows graphs are built from, in table order. */
  public List<OpSpec> rows() {
    return rows.stream().map(Row::spec).toList();
  }

  /** The rows left out, each with the reason, in table order. */
  public Map<String, String> skipped() {
    return skipped;
  }

  /** Whether steps take earlier results as inputs (else every input is a leaf). */
  public boolean chains() {
    return chain;
  }

  /**
   * A graph from the choices of {@code source}.
   *
   * @throws IllegalStateException when the generator has no row
   */
  @Override
  public RandomGraph generate(Source source) {
    if (rows.isEmpty()) {
      throw new IllegalStateException(
          "no op spec row to build graphs from (" + skipped.size() + " rows skipped)");
    }
    Builder b = new Builder();
    do {
      Row row = rows.get(source.drawInt(rows.size()));
      b.add(source, row, row.spec().cases().generate(source));
    } while (b.steps.isEmpty() || b.steps.size() < maxSteps && source.draw(4) != 0);
    return b.finite();
  }

  /** The graph being generated. */
  private final class Builder {
    final List<NDArray> leaves = new ArrayList<>();
    final List<Step> steps = new ArrayList<>();
    final List<TensorType> types = new ArrayList<>();
    final List<Integer> firstLeaf = new ArrayList<>();

    void add(Source s, Row row, OpSpec.Case c) {
      List<Integer> floatOuts = new ArrayList<>();
      List<Variable> outs = c.build(c.variables(true));
      for (int k = 0; k < outs.size(); k++) {
        if (outs.get(k).dtype().isFloat()) {
          floatOuts.add(k);
        }
      }
      if (floatOuts.isEmpty()) {
        return;
      }
      int output = floatOuts.get(s.drawInt(floatOuts.size()));
      List<Wire> wires = new ArrayList<>();
      List<NDArray> fresh = new ArrayList<>();
      for (int p = 0; p < c.inputs().size(); p++) {
        Wire w = chained(s, row, p, c.inputs().get(p));
        if (w == null) {
          w = new Leaf(leaves.size() + fresh.size());
          fresh.add(c.inputs().get(p));
        }
        wires.add(w);
      }
      Variable result = trial(row, c, output, wires, fresh);
      if (result == null) {
        wires.clear();
        fresh = c.inputs();
        for (int p = 0; p < fresh.size(); p++) {
          wires.add(new Leaf(leaves.size() + p));
        }
        result = trial(row, c, output, wires, fresh);
      }
      firstLeaf.add(leaves.size());
      leaves.addAll(fresh);
      steps.add(new Step(row.spec(), c, output, wires));
      types.add(result.type());
    }

    /** The new step's result in a fresh build of the graph, or null when it does not build. */
    private Variable trial(Row row, OpSpec.Case c, int output, List<Wire> w, List<NDArray> fresh) {
      List<NDArray> in = new ArrayList<>(leaves);
      in.addAll(fresh);
      List<Step> all = new ArrayList<>(steps);
      all.add(new Step(row.spec(), c, output, List.copyOf(w)));
      RandomGraph g = new RandomGraph(in, all);
      try {
        List<Variable> results = g.buildAll(g.variables());
        return results.get(results.size() - 1);
      } catch (RuntimeException e) {
        if (fresh == c.inputs() && w.stream().allMatch(x -> x instanceof Leaf)) {
          throw e;
        }
        return null;
      }
    }

    /** A chain from an earlier result into input {@code p}, or null for a leaf. */
    private Wire chained(Source s, Row row, int p, NDArray a) {
      if (!chain
          || !a.dtype().isFloat()
          || row.spec().order() < OpSpec.SMOOTH
          || !row.profile().interval(p)) {
        return null;
      }
      List<Integer> from = new ArrayList<>();
      for (int k = steps.size() - 1; k >= 0; k--) {
        TensorType t = types.get(k);
        if (t.dtype() == a.dtype() && (reduce || fits(t, a.shape()))) {
          from.add(k);
        }
      }
      if (from.isEmpty()) {
        return null;
      }
      int pick = s.drawInt(from.size() + 1);
      if (pick == 0) {
        return null;
      }
      int k = from.get(pick - 1);
      double lo = row.profile().lo(p);
      double hi = row.profile().hi(p);
      return new Chain(k, logits(a, lo, hi), lo, hi, !fits(types.get(k), a.shape()));
    }

    /** The graph, without the first step whose result is not finite and the steps after it. */
    RandomGraph finite() {
      RandomGraph g = new RandomGraph(leaves, steps);
      List<Variable> vars = g.variables();
      List<NDArray> values = Interpreter.evaluate(g.buildAll(vars), bind(vars, leaves));
      for (int k = 1; k < values.size(); k++) {
        if (!allFinite(values.get(k))) {
          return new RandomGraph(leaves.subList(0, firstLeaf.get(k)), steps.subList(0, k));
        }
      }
      return g;
    }
  }

  /** Whether a result of type {@code t} has a known shape that broadcasts to {@code shape}. */
  static boolean fits(TensorType t, int[] shape) {
    if (!t.isFullyKnown() || t.ndim() > shape.length) {
      return false;
    }
    for (int i = 1; i <= t.ndim(); i++) {
      int d = t.dim(t.ndim() - i);
      if (d != 1 && d != shape[shape.length - i]) {
        return false;
      }
    }
    return true;
  }

  /** The logits that place the elements of {@code a} in {@code (lo, hi)}, of a's dtype. */
  static NDArray logits(NDArray a, double lo, double hi) {
    NDArray out = NDArray.zeros(a.dtype(), a.shape());
    for (int e = 0; e < a.size(); e++) {
      double u = Math.min(0.99, Math.max(0.01, (a.flatDouble(e) - lo) / (hi - lo)));
      out.setFlat(e, Math.log(u / (1 - u)));
    }
    return out;
  }

  private static boolean allFinite(NDArray a) {
    if (!a.dtype().isFloat()) {
      return true;
    }
    for (int e = 0; e < a.size(); e++) {
      if (!Double.isFinite(a.flatDouble(e))) {
        return false;
      }
    }
    return true;
  }

  private static Map<Variable, NDArray> bind(List<Variable> vars, List<NDArray> values) {
    Map<Variable, NDArray> m = new java.util.IdentityHashMap<>();
    for (int i = 0; i < vars.size(); i++) {
      m.put(vars.get(i), values.get(i));
    }
    return m;
  }

  /** Why {@code spec} cannot be used, or null when it can. */
  private static String unusable(OpSpec spec, boolean needRules) {
    try {
      for (long seed = 0; seed < 3; seed++) {
        OpSpec.Case c = spec.sample(seed);
        List<Variable> vars = c.variables(true);
        List<Variable> outs = c.build(vars);
        List<Variable> floatOuts = outs.stream().filter(o -> o.dtype().isFloat()).toList();
        List<Variable> wrt = vars.stream().filter(v -> v.dtype().isFloat()).toList();
        if (floatOuts.isEmpty() || wrt.isEmpty()) {
          return "no float " + (floatOuts.isEmpty() ? "output" : "input");
        }
        if (needRules) {
          String why = gradientProblem(floatOuts, wrt, c.bindings(vars));
          if (why != null) {
            return why;
          }
        }
      }
      return null;
    } catch (RuntimeException e) {
      return "its cases do not build: " + e.getMessage();
    }
  }

  /** Why the gradient of {@code outs} cannot be built, or null when it can. */
  private static String gradientProblem(
      List<Variable> outs, List<Variable> wrt, Map<Variable, NDArray> at) {
    for (Apply node : Graphs.toposort(outs)) {
      if (GradRules.forOp(node.op()).isEmpty()) {
        return "no gradient rule for " + node.op().name();
      }
    }
    try {
      List<NDArray> values = Interpreter.evaluate(outs, at);
      List<Variable> seeds = new ArrayList<>();
      for (NDArray v : values) {
        seeds.add(new Constant(NDArray.full(v.dtype(), 1, v.shape()), "seed"));
      }
      Grad.lop(outs, wrt, seeds);
      return null;
    } catch (RuntimeException e) {
      return "its gradient does not build: " + e.getMessage();
    }
  }

  /** Whether the gradient through a squash (summing first when {@code sum}) can be built. */
  private static boolean squashes(boolean sum) {
    Variable r = new Variable(TensorType.of(DType.FLOAT64, 2), "r");
    NDArray zeros = NDArray.zeros(DType.FLOAT64, 2);
    Variable out = RandomGraph.squash(r, new Chain(0, zeros, -1, 1, sum));
    return gradientProblem(List.of(out), List.of(r), Map.of(r, NDArray.of(0.5, -0.5))) == null;
  }
}
