package dev.hypatia.jvm.lower;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.ops.Dot;
import dev.hypatia.symbolic.ops.Elemwise;
import dev.hypatia.symbolic.ops.FusedReduce;
import dev.hypatia.symbolic.ops.Gemm;
import dev.hypatia.symbolic.ops.Matmul;
import dev.hypatia.symbolic.ops.Reduce;
import dev.hypatia.symbolic.ops.Tensordot;

/** How a node runs in compiled code. */
public enum StepKind {
  /** A generated elementwise loop (any scalar op, fused composites included). */
  ELEMENTWISE,
  /** A generated fold, its elementwise producer folded in. */
  REDUCTION,
  /** The packed matrix kernel (dot, matmul, gemm, tensordot). */
  MATRIX,
  /** The op's reference {@code perform}. */
  PERFORM;

  /** The kind for {@code node}. */
  public static StepKind of(Apply node) {
    Object op = node.op();
    if (op instanceof Elemwise) {
      return ELEMENTWISE;
    }
    if (op instanceof Reduce || op instanceof FusedReduce) {
      return REDUCTION;
    }
    if (op instanceof Dot
        || op instanceof Matmul
        || op instanceof Gemm
        || op instanceof Tensordot) {
      return MATRIX;
    }
    return PERFORM;
  }

  /** Whether the step writes into an array the memory plan provides. */
  public boolean writesPlannedArray() {
    return this == ELEMENTWISE || this == REDUCTION;
  }
}
