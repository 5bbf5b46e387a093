package dev.hypatia.jvm.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Softmax;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The softmax row kernel is bit-identical to the op's reference, on every axis and layout. */
class NNKernelsTest {
  @Test
  void softmax_isBitIdenticalToTheReference() {
    SplittableRandom r = new SplittableRandom(5);
    int[][] shapes = {{7}, {3, 5}, {2, 3, 4}, {4, 0}, {1, 6}, {2, 1, 3}};
    for (int[] shape : shapes) {
      for (DType dtype : new DType[] {DType.FLOAT64, DType.FLOAT32}) {
        NDArray x = NDArray.zeros(dtype, shape);
        for (int i = 0; i < x.size(); i++) {
          x.setFlat(i, r.nextDouble(-30, 30));
        }
        if (x.size() > 0) {
          x.setFlat(0, Double.NEGATIVE_INFINITY);
        }
        NDArray view = shape.length >= 2 ? x.transpose().copy().transpose() : x;
        for (int axis = 0; axis < shape.length; axis++) {
          for (boolean log : new boolean[] {false, true}) {
            Variable v = T.tensor(dtype, "x", shape);
            Softmax op = new Softmax(axis, log);
            NDArray want = op.perform(op.makeNode(v), List.of(view)).get(0);
            NDArray got = NNKernels.softmax(view, axis, log, dtype);
            String what = Arrays.toString(shape) + " " + dtype + " axis " + axis + " log " + log;
            assertArrayEquals(want.shape(), got.shape(), what);
            assertEquals(want.dtype(), got.dtype(), what);
            assertArrayEquals(want.toDoubleArray(), got.toDoubleArray(), 0.0, what);
          }
        }
      }
    }
  }
}
