package dev.hypatia.symbolic.ops;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Broadcast;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.scalar.ScalarKernel;
import dev.hypatia.symbolic.scalar.ScalarOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A scalar op mapped over tensors, element by element. Inputs broadcast together as in numpy; the
 * output dtypes are the scalar op's dtype rule applied to the input dtypes.
 *
 * @param scalar the scalar op applied to each tuple of elements
 */
public record Elemwise(ScalarOp scalar) implements Op {
  /** The elementwise op over {@code scalar}. */
  public Elemwise {
    Objects.requireNonNull(scalar, "scalar");
  }

  /** The scalar op's name: {@code add}, {@code exp}, {@code cast{int32}}, .... */
  @Override
  public String name() {
    return scalar.opName();
  }

  /**
   * A node over {@code inputs}: the static shape is their broadcast, the dtypes the scalar op's
   * rule.
   *
   * @throws HypatiaException for the wrong number of inputs, dtypes the scalar op rejects, or known
   *     dimensions that cannot broadcast, naming every input
   */
  @Override
  public Apply makeNode(List<Variable> inputs) {
    if (inputs.size() != scalar.arity()) {
      throw HypatiaException.forInputs(
          name(), "takes " + scalar.arity() + " inputs, got " + inputs.size(), inputs);
    }
    List<DType> dtypes = new ArrayList<>(inputs.size());
    for (Variable v : inputs) {
      dtypes.add(v.dtype());
    }
    List<DType> outDTypes;
    try {
      outDTypes = scalar.outputDTypes(dtypes);
    } catch (IllegalArgumentException e) {
      throw HypatiaException.forInputs(name(), e.getMessage(), inputs);
    }
    int[] shape = Broadcast.staticShape(name(), inputs);
    List<TensorType> types = new ArrayList<>(outDTypes.size());
    for (DType d : outDTypes) {
      types.add(TensorType.of(d, shape));
    }
    return new Apply(this, inputs, types);
  }

  /** Broadcasts the inputs and evaluates the scalar op on every tuple of elements. */
  @Override
  public List<NDArray> perform(Apply node, List<NDArray> inputs) {
    int n = inputs.size();
    int[][] shapes = new int[n][];
    List<DType> dtypes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      shapes[i] = inputs.get(i).shape();
      dtypes.add(inputs.get(i).dtype());
    }
    int[] shape = Broadcast.shape(shapes);
    ScalarKernel kernel = ScalarKernel.of(scalar, dtypes);
    int[][] positions = new int[n][];
    Object[] data = new Object[n];
    for (int i = 0; i < n; i++) {
      positions[i] = inputs.get(i).broadcastTo(shape).storageIndices();
      data[i] = inputs.get(i).data();
    }
    List<DType> outTypes = kernel.outputDTypes();
    List<NDArray> outs = new ArrayList<>(outTypes.size());
    for (DType d : outTypes) {
      outs.add(NDArray.zeros(d, shape));
    }
    loop(kernel, dtypes, data, positions, outs, NDArray.sizeOf(shape));
    return outs;
  }

  private static void loop(
      ScalarKernel kernel,
      List<DType> dtypes,
      Object[] data,
      int[][] positions,
      List<NDArray> outs,
      int size) {
    int n = dtypes.size();
    int m = outs.size();
    double[] dIn = new double[n];
    long[] lIn = new long[n];
    double[] dOut = new double[m];
    long[] lOut = new long[m];
    for (int e = 0; e < size; e++) {
      for (int i = 0; i < n; i++) {
        DType d = dtypes.get(i);
        if (d.isDiscrete()) {
          lIn[i] = d.getLong(data[i], positions[i][e]);
          dIn[i] = lIn[i];
        } else {
          dIn[i] = d.getDouble(data[i], positions[i][e]);
          lIn[i] = (long) dIn[i];
        }
      }
      kernel.apply(dIn, lIn, dOut, lOut);
      for (int k = 0; k < m; k++) {
        NDArray out = outs.get(k);
        if (out.dtype().isDiscrete()) {
          out.dtype().setLong(out.data(), e, lOut[k]);
        } else {
          out.dtype().setDouble(out.data(), e, dOut[k]);
        }
      }
    }
  }
}
