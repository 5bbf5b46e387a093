package dev.hypatia.symbolic.ops;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Axes;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.scalar.BinaryFn;
import dev.hypatia.symbolic.scalar.Composite;
import java.util.List;
import java.util.Objects;

/**
 * A reduction with its elementwise producer folded in: {@code Reduce(fn, axes, keepdims)} applied
 * to {@code Elemwise(producer)} of the inputs, marked as one node so that code generation emits one
 * loop that computes each element and folds it at once, never storing the intermediate tensor. Only
 * the fusion phase builds it, and only where the producer's output had no other use (so no work is
 * duplicated). Inputs broadcast together as in numpy; dtypes are the producer's rule, then {@link
 * Reduce}'s. Its meaning, {@link #perform}, is exactly that of the two nodes it replaces.
 *
 * @param producer a single-output scalar program over the inputs
 * @param fn a function of {@link BinaryFn#REDUCIBLE}
 * @param axes the axes of the producer's (broadcast) output folded
 * @param keepdims whether folded axes stay, with length 1
 */
public record FusedReduce(Composite producer, BinaryFn fn, Axes axes, boolean keepdims)
    implements Op {
  /** Checks that the producer has one output and that {@code fn} is reducible. */
  public FusedReduce {
    Objects.requireNonNull(producer, "producer");
    Objects.requireNonNull(axes, "axes");
    if (producer.outputCount() != 1) {
      throw new IllegalArgumentException(
          "a fused reduction needs a single-output producer, got " + producer.opName());
    }
    reduce(fn, axes, keepdims);
  }

  private static Reduce reduce(BinaryFn fn, Axes axes, boolean keepdims) {
    return new Reduce(fn, axes, keepdims);
  }

  /** The reduction alone, as it applies to the producer's output. */
  public Reduce reduction() {
    return reduce(fn, axes, keepdims);
  }

  /** The producer alone, as an elementwise op over the inputs. */
  public Elemwise elemwise() {
    return new Elemwise(producer);
  }

  /** {@code fused_sum{axes=(0), keepdims, composite{mul(exp(i0), i1)}}}. */
  @Override
  public String name() {
    Reduce r = reduction();
    return "fused_"
        + r.reductionName()
        + "{axes="
        + axes
        + (keepdims ? ", keepdims" : "")
        + ", "
        + producer.opName()
        + "}";
  }

  /**
   * A node folding the producer of {@code inputs}: the producer's output type is its elementwise
   * node's, the result type the reduction's of it.
   *
   * @throws HypatiaException for inputs the producer rejects (count, dtypes, shapes), an axis
   *     beyond the broadcast rank, or a dtype the reduction rejects, naming every input
   */
  @Override
  public Apply makeNode(List<Variable> inputs) {
    TensorType produced;
    try {
      produced = elemwise().makeNode(inputs).output(0).type();
    } catch (HypatiaException e) {
      // the producer's message lists the same inputs: keep its first line, the problem
      String problem = e.getMessage().lines().findFirst().orElse("");
      throw HypatiaException.forInputs(name(), "its producer rejects them: " + problem, inputs);
    }
    int nd = produced.ndim();
    if (axes.size() > 0 && axes.get(axes.size() - 1) >= nd) {
      throw HypatiaException.forInputs(
          name(),
          "axes " + axes + " are out of bounds for a produced tensor of rank " + nd,
          inputs);
    }
    DType out;
    try {
      out = reduction().outputDType(produced.dtype());
    } catch (IllegalArgumentException e) {
      throw HypatiaException.forInputs(name(), e.getMessage(), inputs);
    }
    int[] shape = Reduce.reducedShape(produced.shape(), axes, keepdims);
    return new Apply(this, inputs, List.of(TensorType.of(out, shape)));
  }

  /**
   * The reference: the producer evaluated elementwise, then folded by {@link Reduce#perform}.
   *
   * @throws IllegalArgumentException where either part does (shapes that do not broadcast, max of
   *     an empty fold, values the producer rejects)
   */
  @Override
  public List<NDArray> perform(Apply node, List<NDArray> inputs) {
    Elemwise e = elemwise();
    Apply produce = e.makeNode(node.inputs());
    NDArray produced = e.perform(produce, inputs).get(0);
    Reduce r = reduction();
    return r.perform(r.makeNode(produce.outputs()), List.of(produced));
  }
}
