package dev.hypatia.symbolic.scalar;

import dev.hypatia.symbolic.DType;
import java.util.List;

/**
 * A scalar function that {@code Elemwise} maps over tensors: an enum constant ({@link UnaryFn},
 * {@link BinaryFn}, {@link TernaryFn}) or a small record ({@link Cast}, {@link Polygamma}, {@link
 * Composite}). It holds its evaluation and dtype rule and nothing else: derivatives, rewrites and
 * generated code live in tables of the modules that own them.
 *
 * <p>Evaluation comes in two domains. {@link #evalDouble} computes on doubles (float dtypes, and
 * any op with a float input or output); {@link #evalLong} computes on longs (ops whose inputs and
 * output are all integer or bool). The caller rounds or wraps the result to the output dtype;
 * {@link ScalarKernel} does both choices and the rounding for given input dtypes.
 */
public sealed interface ScalarOp permits UnaryFn, BinaryFn, TernaryFn, Cast, Polygamma, Composite {
  /** The number of inputs. */
  int arity();

  /**
   * The lowercase name in printed graphs, numpy's where it has one ({@code add}, {@code true_div},
   * {@code exp}, {@code cast{int32}}). (Enums own {@code name()}, hence the different method name.)
   */
  String opName();

  /** The number of outputs: 1 except for some {@link Composite}s. */
  default int outputCount() {
    return 1;
  }

  /**
   * The dtype of the (first) output for inputs of dtypes {@code inputs}.
   *
   * @throws IllegalArgumentException with a message saying which dtypes are rejected and why
   */
  DType outputDType(List<DType> inputs);

  /** The dtype of every output; {@link #outputDType} for single-output ops. */
  default List<DType> outputDTypes(List<DType> inputs) {
    return List.of(outputDType(inputs));
  }

  /** The (first) output computed on doubles; not rounded to the output dtype. */
  double evalDouble(double... args);

  /**
   * The (first) output computed on longs (integer and bool inputs, bool as 0 or 1); not wrapped to
   * the output dtype.
   *
   * @throws IllegalArgumentException for a value the function rejects (an integer power with a
   *     negative exponent)
   */
  long evalLong(long... args);

  /**
   * Checks that {@code inputs} has {@code op.arity()} dtypes.
   *
   * @throws IllegalArgumentException otherwise
   */
  static void checkArity(ScalarOp op, List<DType> inputs) {
    if (inputs.size() != op.arity()) {
      throw new IllegalArgumentException(
          op.opName() + " takes " + op.arity() + " inputs, got " + inputs.size());
    }
  }
}
