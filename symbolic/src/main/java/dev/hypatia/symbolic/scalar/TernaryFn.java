package dev.hypatia.symbolic.scalar;

import dev.hypatia.symbolic.DType;
import java.util.List;

/** Scalar functions of three arguments, with numpy's semantics. */
public enum TernaryFn implements ScalarOp {
  /**
   * {@code where(cond, a, b)} (Theano's switch): {@code a} where {@code cond} is non-zero (NaN
   * counts as true), else {@code b}. Any dtype of cond; the output is {@code promote(a, b)}.
   */
  WHERE("where"),
  /**
   * {@code clip(x, lo, hi)}: {@code min(max(x, lo), hi)}, NaN propagating; the output is {@code
   * promote(x, lo, hi)}.
   */
  CLIP("clip");

  private final String opName;

  TernaryFn(String opName) {
    this.opName = opName;
  }

  @Override
  public int arity() {
    return 3;
  }

  @Override
  public String opName() {
    return opName;
  }

  @Override
  public DType outputDType(List<DType> inputs) {
    ScalarOp.checkArity(this, inputs);
    return this == WHERE
        ? DType.promote(inputs.get(1), inputs.get(2))
        : DType.promote(inputs.get(0), inputs.get(1), inputs.get(2));
  }

  @Override
  public double evalDouble(double... args) {
    if (this == WHERE) {
      return args[0] != 0.0 ? args[1] : args[2];
    }
    return ScalarMath.minimum(ScalarMath.maximum(args[0], args[1]), args[2]);
  }

  @Override
  public long evalLong(long... args) {
    if (this == WHERE) {
      return args[0] != 0 ? args[1] : args[2];
    }
    return Math.min(Math.max(args[0], args[1]), args[2]);
  }
}
