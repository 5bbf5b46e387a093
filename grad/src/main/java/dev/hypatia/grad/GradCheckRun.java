package dev.hypatia.grad;

import dev.hypatia.grad.GradCheckReport.ElementResult;
import dev.hypatia.grad.GradCheckReport.InputResult;
import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Constant;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.Graphs;
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
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * One {@link GradCheck}: the graph built over the input values, the random projections of its
 * outputs, the cost at perturbed inputs, and the comparisons.
 */
final class GradCheckRun {
  /** The rounding noise allowed, in units of the cost's first-order rounding bound. */
  private static final double NOISE = 8;

  private final GradCheck.Options options;
  private final List<Variable> vars = new ArrayList<>();
  private final List<NDArray> values;
  private final List<Variable> outs = new ArrayList<>();
  private final List<NDArray> projections = new ArrayList<>();
  private final UniformRandomProvider rng;
  private final DType precisionDtype;
  private final GradCheck.Precision precision;
  private final double unitRoundoff;
  private double scale;

  GradCheckRun(
      Function<List<Variable>, List<Variable>> f, List<NDArray> inputs, GradCheck.Options options) {
    this.options = Objects.requireNonNull(options, "options");
    this.values = List.copyOf(inputs);
    this.rng = RandomSource.XO_RO_SHI_RO_128_PP.create(options.seed());
    for (int i = 0; i < values.size(); i++) {
      NDArray v = values.get(i);
      TensorType t =
          options.staticShapes()
              ? TensorType.of(v.dtype(), v.shape())
              : TensorType.ofRank(v.dtype(), v.ndim());
      vars.add(new Variable(t, options.name(i)));
    }
    for (Variable o : f.apply(List.copyOf(vars))) {
      if (o.dtype().isFloat()) {
        outs.add(o);
      }
    }
    if (outs.isEmpty()) {
      throw new IllegalArgumentException("gradient check: the function has no float output");
    }
    this.precisionDtype = leastPrecise();
    this.precision = options.precision(precisionDtype);
    this.unitRoundoff = precisionDtype == DType.FLOAT32 ? 0x1p-24 : 0x1p-53;
    project();
  }

  private DType leastPrecise() {
    List<Variable> all = new ArrayList<>(vars);
    for (Apply node : Graphs.toposort(outs)) {
      all.addAll(node.inputs());
      all.addAll(node.outputs());
    }
    for (Variable v : all) {
      if (v.dtype() == DType.FLOAT32) {
        return DType.FLOAT32;
      }
    }
    return DType.FLOAT64;
  }

  /** Draws the projections and the scale of the cost's rounding noise. */
  private void project() {
    List<NDArray> at = Interpreter.evaluate(outs, bindings(values));
    scale = 0;
    for (int k = 0; k < outs.size(); k++) {
      NDArray o = at.get(k);
      NDArray p = NDArray.zeros(o.dtype(), o.shape());
      for (int e = 0; e < o.size(); e++) {
        double x = o.flatDouble(e);
        if (!Double.isFinite(x)) {
          throw new IllegalArgumentException(
              "gradient check: output "
                  + k
                  + " is not finite at the inputs (element "
                  + e
                  + " is "
                  + x
                  + "); check at a point of the function's domain");
        }
        p.setFlat(e, 2 * rng.nextDouble() - 1);
        scale += Math.abs(p.flatDouble(e) * x);
      }
      projections.add(p);
    }
  }

  private Map<Variable, NDArray> bindings(List<NDArray> at) {
    Map<Variable, NDArray> m = new IdentityHashMap<>();
    for (int i = 0; i < vars.size(); i++) {
      m.put(vars.get(i), at.get(i));
    }
    return m;
  }

  /** {@code sum_k sum(p_k * out_k)} at {@code at}. */
  private double cost(List<NDArray> at) {
    List<NDArray> o = Interpreter.evaluate(outs, bindings(at));
    double c = 0;
    for (int k = 0; k < o.size(); k++) {
      for (int e = 0; e < o.get(k).size(); e++) {
        c += projections.get(k).flatDouble(e) * o.get(k).flatDouble(e);
      }
    }
    return c;
  }

  GradCheckReport report() {
    List<Integer> wrt = new ArrayList<>();
    for (int i = 0; i < vars.size(); i++) {
      if (vars.get(i).dtype().isFloat()) {
        wrt.add(i);
      }
    }
    List<Variable> seeds = new ArrayList<>();
    for (NDArray p : projections) {
      seeds.add(new Constant(p, "projection"));
    }
    List<Variable> wrtVars = wrt.stream().map(vars::get).toList();
    List<Variable> grads = Grad.lop(outs, wrtVars, seeds);
    List<NDArray> g = Interpreter.evaluate(grads, bindings(values));
    scale = Math.max(scale, roundingScale(seeds));
    List<InputResult> results = new ArrayList<>();
    for (int k = 0; k < wrt.size(); k++) {
      results.add(checkInput(wrt.get(k), g.get(k)));
    }
    return new GradCheckReport(options.seed(), precisionDtype, precision, results);
  }

  /**
   * The first-order bound of the cost's rounding error, in units of roundoff: the sum over every
   * float intermediate v of {@code |v| * |d cost / d v|}: a rounded intermediate (tanh near 1, the
   * argument of exp) can move the cost far more than its outputs' size suggests.
   */
  private double roundingScale(List<Variable> seeds) {
    List<Variable> mids = new ArrayList<>();
    for (Apply node : Graphs.toposort(outs)) {
      for (Variable o : node.outputs()) {
        if (o.dtype().isFloat()) {
          mids.add(o);
        }
      }
    }
    List<NDArray> v = Interpreter.evaluate(mids, bindings(values));
    List<NDArray> g = Interpreter.evaluate(Grad.lop(outs, mids, seeds), bindings(values));
    double sum = 0;
    for (int k = 0; k < mids.size(); k++) {
      for (int e = 0; e < v.get(k).size() && e < g.get(k).size(); e++) {
        sum += Math.abs(v.get(k).flatDouble(e) * g.get(k).flatDouble(e));
      }
    }
    return Double.isFinite(sum) ? sum : 0;
  }

  private InputResult checkInput(int i, NDArray g) {
    NDArray x = values.get(i);
    String type = x.dtype() + TensorType.shapeString(x.shape());
    if (!Arrays.equals(g.shape(), x.shape())) {
      String problem =
          "the symbolic gradient has shape "
              + TensorType.shapeString(g.shape())
              + ", the input "
              + TensorType.shapeString(x.shape());
      return InputResult.problem(i, options.name(i), type, problem);
    }
    double[] worst = null;
    for (int j = 0; j < options.directions(); j++) {
      double[] r = direction(i, g);
      if (worst == null || ratio(r) > ratio(worst)) {
        worst = r;
      }
    }
    boolean passed = x.size() == 0 || ratio(worst) <= 1;
    ElementResult element = passed ? null : worstElement(i, g);
    return new InputResult(
        i, options.name(i), type, worst[0], worst[1], worst[2], passed, element, null);
  }

  /** {analytic, numeric, allowed} along one random direction. */
  private double[] direction(int i, NDArray g) {
    double[] d = new double[values.get(i).size()];
    double big = 0;
    for (int e = 0; e < d.length; e++) {
      d[e] = 2 * rng.nextDouble() - 1;
      big = Math.max(big, Math.abs(d[e]));
    }
    for (int e = 0; e < d.length; e++) {
      // the largest component is a whole step: the signal is as large as the noise allows
      d[e] /= big;
    }
    return extrapolated(i, g, d, -1);
  }

  private ElementResult worstElement(int i, NDArray g) {
    NDArray x = values.get(i);
    ElementResult worst = null;
    double worstRatio = -1;
    for (int e = 0; e < x.size(); e++) {
      double[] r = extrapolated(i, g, null, e);
      if (ratio(r) > worstRatio) {
        worstRatio = ratio(r);
        worst = new ElementResult(index(e, x.shape()), r[0], r[1], r[2]);
      }
    }
    return worst;
  }

  /**
   * {analytic, numeric, allowed} along {@code d} (or the unit vector of {@code element} when it is
   * not negative): central differences at steps h and h/2, combined by Richardson extrapolation,
   * whose correction is allowed on top of the tolerances.
   */
  private double[] extrapolated(int i, NDArray g, double[] d, int element) {
    double h = precision.step();
    double[] full = central(i, g, d, element, h);
    double[] half = central(i, g, d, element, h / 2);
    double correction = ((half[1] - half[0]) - (full[1] - full[0])) / 3;
    double numeric = half[1] + correction;
    return new double[] {half[0], numeric, allowed(half[0], numeric, h / 2) + Math.abs(correction)};
  }

  /**
   * {analytic, numeric} of one central difference of step {@code h}: the analytic side is the
   * gradient along the step actually taken (after rounding to the input's dtype), over 2h; for one
   * element, both are divided by that element's step instead, so the analytic side is the
   * gradient's element itself.
   */
  private double[] central(int i, NDArray g, double[] d, int element, double h) {
    NDArray x = values.get(i);
    NDArray plus = x.copy();
    NDArray minus = x.copy();
    double analytic = 0;
    for (int e = element < 0 ? 0 : element; e < (element < 0 ? x.size() : element + 1); e++) {
      double de = element < 0 ? d[e] : 1;
      plus.setFlat(e, x.flatDouble(e) + h * de);
      minus.setFlat(e, x.flatDouble(e) - h * de);
      analytic += g.flatDouble(e) * (plus.flatDouble(e) - minus.flatDouble(e));
    }
    double width = element < 0 ? 2 * h : plus.flatDouble(element) - minus.flatDouble(element);
    double numeric = (cost(with(i, plus)) - cost(with(i, minus))) / width;
    return new double[] {analytic / width, numeric};
  }

  private double allowed(double analytic, double numeric, double h) {
    double big = Math.max(Math.abs(analytic), Math.abs(numeric));
    return precision.atol() + precision.rtol() * big + NOISE * unitRoundoff * scale / h;
  }

  /** |analytic - numeric| / allowed; infinite for NaN. */
  private static double ratio(double[] r) {
    double q = Math.abs(r[0] - r[1]) / r[2];
    return Double.isNaN(q) ? Double.POSITIVE_INFINITY : q;
  }

  private List<NDArray> with(int i, NDArray v) {
    List<NDArray> at = new ArrayList<>(values);
    at.set(i, v);
    return at;
  }

  private static List<Integer> index(int flat, int[] shape) {
    Integer[] idx = new Integer[shape.length];
    for (int a = shape.length - 1; a >= 0; a--) {
      idx[a] = flat % shape[a];
      flat /= shape[a];
    }
    return List.of(idx);
  }
}
