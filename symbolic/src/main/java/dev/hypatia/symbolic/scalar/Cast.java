package dev.hypatia.symbolic.scalar;

import dev.hypatia.symbolic.DType;
import java.util.List;
import java.util.Objects;

/**
 * Conversion to {@code target}, as numpy's {@code astype}: floats to integers truncate toward zero,
 * narrowing integers wrap around, any non-zero value (NaN included) is true. Any input dtype.
 *
 * @param target the output dtype
 */
public record Cast(DType target) implements ScalarOp {
  /** A cast to {@code target}. */
  public Cast {
    Objects.requireNonNull(target, "target");
  }

  @Override
  public int arity() {
    return 1;
  }

  /** {@code cast{int32}}. */
  @Override
  public String opName() {
    return "cast{" + target + "}";
  }

  @Override
  public DType outputDType(List<DType> inputs) {
    ScalarOp.checkArity(this, inputs);
    return target;
  }

  /** The value itself: the conversion happens when it is stored in the target dtype. */
  @Override
  public double evalDouble(double... args) {
    return args[0];
  }

  /** The value itself: the conversion happens when it is stored in the target dtype. */
  @Override
  public long evalLong(long... args) {
    return args[0];
  }
}
