package dev.hypatia.symbolic.ops;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Theano's DimShuffle: output axis {@code i} is input axis {@code newOrder[i]}, or a new axis of
 * length 1 where the entry is {@link #NEW_AXIS} (Theano's 'x'). Input axes left out are dropped,
 * which is allowed only for axes known to have length 1. Covers transpose, expand_dims and squeeze.
 * Dtype rule: the output has the input's dtype; no broadcasting. The output is a view.
 *
 * @param inputNdim the rank of the input
 * @param newOrder for each output axis, the input axis it takes, or {@link #NEW_AXIS}
 */
public record DimShuffle(int inputNdim, List<Integer> newOrder) implements Op {
  /** The entry of {@code newOrder} for a new broadcastable axis (Theano's 'x'). */
  public static final int NEW_AXIS = -1;

  /**
   * Checks that every entry is {@link #NEW_AXIS} or an input axis in {@code [0, inputNdim)}, used
   * once.
   */
  public DimShuffle {
    newOrder = List.copyOf(newOrder);
    BitSet seen = new BitSet();
    for (int a : newOrder) {
      if (a == NEW_AXIS) {
        continue;
      }
      if (a < 0 || a >= inputNdim) {
        throw new IllegalArgumentException(
            "dimshuffle: axis " + a + " is out of range for an input of rank " + inputNdim);
      }
      if (seen.get(a)) {
        throw new IllegalArgumentException("dimshuffle: axis " + a + " is repeated in " + newOrder);
      }
      seen.set(a);
    }
  }

  /** The op for {@code order} over an input of rank {@code inputNdim}. */
  public static DimShuffle of(int inputNdim, int... order) {
    List<Integer> o = new ArrayList<>(order.length);
    for (int a : order) {
      o.add(a);
    }
    return new DimShuffle(inputNdim, o);
  }

  @Override
  public Apply makeNode(List<Variable> inputs) {
    StaticInts.requireCount(name(), 1, inputs);
    TensorType t = inputs.get(0).type();
    if (t.ndim() != inputNdim) {
      throw HypatiaException.forInputs(
          name(), "expects an input of rank " + inputNdim + ", got rank " + t.ndim(), inputs);
    }
    for (int a = 0; a < inputNdim; a++) {
      if (!newOrder.contains(a) && t.dim(a) != 1) {
        throw HypatiaException.forInputs(
            name(),
            "cannot drop axis "
                + a
                + " of static length "
                + (t.isKnown(a) ? Integer.toString(t.dim(a)) : "?")
                + ": only axes known to have length 1 can be dropped",
            inputs);
      }
    }
    int[] out = new int[newOrder.size()];
    for (int i = 0; i < out.length; i++) {
      int a = newOrder.get(i);
      out[i] = a == NEW_AXIS ? 1 : t.dim(a);
    }
    return new Apply(this, inputs, List.of(t.withShape(out)));
  }

  @Override
  public List<NDArray> perform(Apply node, List<NDArray> inputs) {
    NDArray a = inputs.get(0);
    int[] rank = new int[inputNdim];
    int kept = 0;
    for (int axis = 0; axis < inputNdim; axis++) {
      rank[axis] = kept;
      kept += newOrder.contains(axis) ? 1 : 0;
    }
    for (int axis = inputNdim - 1; axis >= 0; axis--) {
      if (!newOrder.contains(axis)) {
        a = a.index(axis, 0);
      }
    }
    int[] perm = new int[kept];
    int k = 0;
    for (int axis : newOrder) {
      if (axis != NEW_AXIS) {
        perm[k++] = rank[axis];
      }
    }
    a = a.transpose(perm);
    for (int i = 0; i < newOrder.size(); i++) {
      if (newOrder.get(i) == NEW_AXIS) {
        a = a.newAxis(i);
      }
    }
    return List.of(a);
  }

  /** Whether this only permutes axes (no axis added or dropped). */
  public boolean isPermutation() {
    return newOrder.size() == inputNdim && !newOrder.contains(NEW_AXIS);
  }

  /** {@code dimshuffle{1,x,0}}. */
  @Override
  public String name() {
    StringBuilder sb = new StringBuilder("dimshuffle{");
    for (int i = 0; i < newOrder.size(); i++) {
      int a = newOrder.get(i);
      sb.append(i > 0 ? "," : "").append(a == NEW_AXIS ? "x" : Integer.toString(a));
    }
    return sb.append('}').toString();
  }
}
