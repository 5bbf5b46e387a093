package dev.hypatia.symbolic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reference interpreter: evaluates a graph node by node with each op's {@link Op#perform}. It
 * defines what every graph means; every code generator, rewrite and gradient is tested against it.
 */
public final class Interpreter {
  private Interpreter() {}

  /**
   * Evaluates {@code outputs}.
   *
   * @param bindings a value for each input the outputs depend on; an {@link NDArray} must have the
   *     input's dtype, a Java value is converted to it when no precision of kind is lost (a {@code
   *     double[]} may feed a float32 input, never an integer one)
   * @return one array per output, owned by the caller: never sharing storage with an input, a
   *     constant or another output; the inputs are not modified
   * @throws HypatiaException for a missing or ill-typed input, or an op that fails, naming the
   *     input or node with types, actual shapes and creation sites
   */
  public static List<NDArray> evaluate(List<Variable> outputs, Map<Variable, ?> bindings) {
    Map<Variable, NDArray> values = new IdentityHashMap<>();
    List<Variable> leaves = Graphs.inputs(outputs);
    for (Variable in : leaves) {
      values.put(in, inputValue(in, bindings));
    }
    for (Apply node : Graphs.toposort(outputs)) {
      List<NDArray> args = new ArrayList<>(node.inputs().size());
      for (Variable in : node.inputs()) {
        args.add(values.get(in));
      }
      List<NDArray> results = perform(node, args);
      for (int i = 0; i < results.size(); i++) {
        values.put(node.output(i), results.get(i));
      }
    }
    return detach(outputs, leaves, values);
  }

  /**
   * The outputs' values, copied where they share storage with an input or a constant (ops may
   * return views) or with an earlier output, so that callers own what they get.
   */
  private static List<NDArray> detach(
      List<Variable> outputs, List<Variable> leaves, Map<Variable, NDArray> values) {
    Set<Object> taken = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Variable in : leaves) {
      taken.add(values.get(in).data());
    }
    List<NDArray> out = new ArrayList<>(outputs.size());
    for (Variable o : outputs) {
      NDArray v = values.get(o);
      if (!taken.add(v.data())) {
        v = v.copy();
      }
      taken.add(v.data());
      out.add(v);
    }
    return out;
  }

  private static NDArray inputValue(Variable in, Map<Variable, ?> bindings) {
    if (in instanceof Constant c) {
      return c.valueView();
    }
    if (!bindings.containsKey(in)) {
      throw new HypatiaException("missing a value for input " + in.describe());
    }
    return checkInput(in, bindings.get(in));
  }

  /**
   * {@code value} converted and checked against {@code in}'s type.
   *
   * @throws HypatiaException naming the variable, the expected type and the actual one
   */
  public static NDArray checkInput(Variable in, Object value) {
    NDArray a;
    try {
      a = NDArray.from(value);
    } catch (IllegalArgumentException e) {
      throw new HypatiaException("input " + in.describe() + ": " + e.getMessage(), e);
    }
    DType want = in.dtype();
    if (!(value instanceof NDArray) && a.dtype() != want && canConvert(value, a.dtype(), want)) {
      a = a.astype(want);
    }
    if (a.dtype() != want || !in.type().fitsShape(a.shape())) {
      throw new HypatiaException(
          "input "
              + in.label()
              + " expects "
              + in.type()
              + " but got "
              + a.dtype()
              + a.shapeString()
              + (a.dtype() != want && !(value instanceof NDArray)
                  ? " (converting would lose precision: pass " + want + " values)"
                  : "")
              + " (input created at "
              + in.location()
              + ")");
    }
    return a;
  }

  /**
   * Whether a Java value of dtype {@code from} may feed an input of dtype {@code to}: when no value
   * can lose precision (numpy's promotion of the two is {@code to}), or, as Theano allows for
   * Python floats, a single boxed {@code Double} into a float32 input.
   */
  private static boolean canConvert(Object value, DType from, DType to) {
    return DType.promote(from, to) == to || (value instanceof Double && to == DType.FLOAT32);
  }

  /**
   * One node's {@link Op#perform}, as the interpreter runs it: a failure becomes {@link #failure},
   * and results are checked against the node's output types.
   *
   * @throws HypatiaException when the op fails, naming the node and its inputs' actual shapes
   */
  public static List<NDArray> perform(Apply node, List<NDArray> args) {
    List<NDArray> results;
    try {
      results = node.op().perform(node, args);
    } catch (RuntimeException e) {
      throw failure(node, args, e);
    }
    if (results.size() != node.outputs().size()) {
      throw new IllegalStateException(
          node.op().name()
              + " returned "
              + results.size()
              + " values for "
              + node.outputs().size()
              + " outputs");
    }
    for (int i = 0; i < results.size(); i++) {
      TensorType t = node.output(i).type();
      NDArray r = results.get(i);
      if (r.dtype() != t.dtype() || !t.fitsShape(r.shape())) {
        throw new IllegalStateException(
            node.op().name()
                + " output "
                + i
                + " is "
                + r.dtype()
                + r.shapeString()
                + " but its type is "
                + t);
      }
    }
    return results;
  }

  /**
   * The exception for {@code node} failing with {@code cause} on {@code args}: the op, the problem,
   * each input's type and actual shape with its creation site, and where the node was built.
   */
  public static HypatiaException failure(Apply node, List<NDArray> args, RuntimeException cause) {
    return new HypatiaException(nodeFailure(node, args, cause.getMessage()), cause);
  }

  /** A message for a node that failed at run time, with the actual input shapes. */
  static String nodeFailure(Apply node, List<NDArray> args, String problem) {
    StringBuilder sb = new StringBuilder(node.op().name()).append(": ").append(problem);
    for (int i = 0; i < node.inputs().size(); i++) {
      Variable in = node.input(i);
      sb.append("\n  input ")
          .append(i)
          .append(": ")
          .append(in.label())
          .append(": ")
          .append(in.type())
          .append(", actual ")
          .append(args.get(i).dtype())
          .append(args.get(i).shapeString())
          .append(" (created at ")
          .append(in.location())
          .append(')');
    }
    sb.append("\n  node created at ").append(node.output(0).location());
    return sb.toString();
  }
}
