package dev.hypatia.grad.testing;

import dev.hypatia.grad.GradCheck;
import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Constant;
import dev.hypatia.symbolic.Graphs;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Elementwise;
import dev.hypatia.symbolic.ops.Reductions;
import dev.hypatia.symbolic.testing.OpSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A generated expression graph ({@link GraphGen}): a few steps, each one case of an op spec row
 * whose inputs are leaves (input values, from the row's domain) or earlier steps' results mapped
 * into the row's domain, and the input values to evaluate it at. The graph's outputs are the
 * results no later step uses. Immutable; {@link #build} makes a fresh graph each time.
 */
public final class RandomGraph {
  /** Where a step's input comes from. */
  sealed interface Wire permits Leaf, Chain {}

  /** The leaf at {@code index} of {@link #inputs()}. */
  record Leaf(int index) implements Wire {}

  /**
   * The result of step {@code step} (summed to a scalar when {@code reduce}) mapped into the open
   * interval {@code (lo, hi)} of the row's domain: {@code lo + (hi - lo) * sigmoid(logits +
   * tanh(r))}, where {@code logits} place the row's own drawn values there when {@code r} is 0.
   */
  record Chain(int step, NDArray logits, double lo, double hi, boolean reduce) implements Wire {}

  /** One step: case {@code c} of {@code row}, its output {@code output}, and its inputs' wires. */
  record Step(OpSpec row, OpSpec.Case c, int output, List<Wire> wires) {}

  private final List<NDArray> inputs;
  private final List<Step> steps;

  RandomGraph(List<NDArray> inputs, List<Step> steps) {
    this.inputs = List.copyOf(inputs);
    this.steps = List.copyOf(steps);
  }

  /** The input values (leaves), in order; not copied: do not modify them. */
  public List<NDArray> inputs() {
    return inputs;
  }

  /** How many steps (op spec cases) the graph has. */
  public int size() {
    return steps.size();
  }

  /** The op spec rows of the steps, in order (a row may appear twice). */
  public List<OpSpec> rows() {
    return steps.stream().map(Step::row).toList();
  }

  List<Step> steps() {
    return steps;
  }

  /** New input variables of the inputs' types (their dtypes and shapes), named x0, x1, ... */
  public List<Variable> variables() {
    List<Variable> out = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      out.add(new Variable(TensorType.of(inputs.get(i)), "x" + i));
    }
    return out;
  }

  /** The graph's outputs (the results no later step uses) over {@code leaves}, built anew. */
  public List<Variable> build(List<Variable> leaves) {
    List<Variable> results = buildAll(leaves);
    boolean[] used = new boolean[steps.size()];
    for (Step s : steps) {
      for (Wire w : s.wires()) {
        if (w instanceof Chain c) {
          used[c.step()] = true;
        }
      }
    }
    List<Variable> out = new ArrayList<>();
    for (int k = 0; k < results.size(); k++) {
      if (!used[k]) {
        out.add(results.get(k));
      }
    }
    return out;
  }

  /** Every step's result over {@code leaves}, in step order, built anew. */
  public List<Variable> buildAll(List<Variable> leaves) {
    List<Variable> results = new ArrayList<>();
    for (Step s : steps) {
      List<Variable> in = new ArrayList<>();
      for (Wire w : s.wires()) {
        in.add(
            w instanceof Chain c
                ? squash(results.get(c.step()), c)
                : leaves.get(((Leaf) w).index()));
      }
      results.add(s.c().build(in).get(s.output()));
    }
    return results;
  }

  /** {@link #build} as a function, for {@link GradCheck#verifyAll}. */
  public Function<List<Variable>, List<Variable>> function() {
    return this::build;
  }

  /**
   * Checks the graph's gradient against finite differences at its inputs.
   *
   * @throws dev.hypatia.grad.GradCheckFailure when they differ
   */
  public void verify(GradCheck.Options options) {
    GradCheck.verifyAll(function(), inputs, options);
  }

  /** The names of the functions of the steps' rows ({@link OpSpec#function()}), sorted. */
  public Set<String> functions() {
    Set<String> out = new TreeSet<>();
    for (Step s : steps) {
      out.add(s.row().function());
    }
    return out;
  }

  /** The names of the ops in the built graph, sorted. */
  public Set<String> opNames() {
    Set<String> out = new TreeSet<>();
    for (Apply node : Graphs.toposort(build(variables()))) {
      out.add(node.op().name());
    }
    return out;
  }

  static Variable squash(Variable r, Chain c) {
    Variable t = c.reduce() ? Reductions.sum(r) : r;
    Variable z = Elementwise.add(new Constant(c.logits(), "logits"), Elementwise.tanh(t));
    return Elementwise.add(Elementwise.mul(Elementwise.sigmoid(z), c.hi() - c.lo()), c.lo());
  }

  private static String chainText(Chain c) {
    return c.reduce() ? "squash(sum(%" + c.step() + "))" : "squash(%" + c.step() + ")";
  }

  /** The steps, one a line ({@code %1 = log/float64(squash(%0))}), then the inputs. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("graph of " + steps.size() + " steps:");
    for (int k = 0; k < steps.size(); k++) {
      Step s = steps.get(k);
      List<String> args = new ArrayList<>();
      for (Wire w : s.wires()) {
        args.add(w instanceof Chain c ? chainText(c) : "x" + ((Leaf) w).index());
      }
      b.append("\n  %").append(k).append(" = ").append(s.row().name()).append('(');
      b.append(String.join(", ", args)).append(')');
      if (!s.c().params().isEmpty()) {
        b.append(" [").append(s.c().params()).append(']');
      }
      if (s.output() > 0) {
        b.append(" output ").append(s.output());
      }
    }
    for (int i = 0; i < inputs.size(); i++) {
      NDArray a = inputs.get(i);
      b.append("\n  x").append(i).append(" = ").append(a.dtype()).append(a.shapeString());
      b.append(' ').append(a.format());
    }
    return b.toString();
  }
}
