package dev.hypatia.symbolic.ops;

import dev.hypatia.symbolic.Axes;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.scalar.BinaryFn;
import java.util.List;

/**
 * Reductions of tensors along axes, with numpy's dtypes. Axes may be negative (counting from the
 * end); no axis means every axis. With {@code keepdims} the reduced axes stay with length 1.
 *
 * <p>sum, prod, max, min, all and any are one {@link Reduce} node; mean, var, std and logsumexp are
 * small graphs of elementwise ops and reductions, so that their derivatives follow from those.
 */
public final class Reductions {
  private Reductions() {}

  /** The axes of x named by {@code axes}, all when none; bad axes name the op and x. */
  private static Axes axes(String op, Variable x, int[] axes) {
    try {
      return axes.length == 0 ? Axes.all(x.ndim()) : Axes.of(x.ndim(), axes);
    } catch (IllegalArgumentException e) {
      throw HypatiaException.forInputs(op, e.getMessage(), List.of(x));
    }
  }

  /** {@code fn} folded over exactly {@code axes} (Axes.none() folds nothing: a dtype change). */
  public static Variable reduce(BinaryFn fn, Variable x, Axes axes, boolean keepdims) {
    return new Reduce(fn, axes, keepdims).apply(x);
  }

  /** The sum over {@code axes} (all when none); bool and integers give int64, floats keep. */
  public static Variable sum(Variable x, int... axes) {
    return sum(x, false, axes);
  }

  /** The sum over {@code axes} (all when none), keeping them as length 1 when asked. */
  public static Variable sum(Variable x, boolean keepdims, int... axes) {
    return sum(x, axes("sum", x, axes), keepdims);
  }

  /** The sum over exactly {@code axes}; 0 when they hold no element. */
  public static Variable sum(Variable x, Axes axes, boolean keepdims) {
    return reduce(BinaryFn.ADD, x, axes, keepdims);
  }

  /** The product over {@code axes} (all when none); bool and integers give int64. */
  public static Variable prod(Variable x, int... axes) {
    return prod(x, false, axes);
  }

  /** The product over {@code axes} (all when none), keeping them when asked. */
  public static Variable prod(Variable x, boolean keepdims, int... axes) {
    return prod(x, axes("prod", x, axes), keepdims);
  }

  /** The product over exactly {@code axes}; 1 when they hold no element. */
  public static Variable prod(Variable x, Axes axes, boolean keepdims) {
    return reduce(BinaryFn.MUL, x, axes, keepdims);
  }

  /** The maximum over {@code axes} (all when none); keeps the dtype; NaN propagates. */
  public static Variable max(Variable x, int... axes) {
    return max(x, false, axes);
  }

  /** The maximum over {@code axes} (all when none), keeping them when asked. */
  public static Variable max(Variable x, boolean keepdims, int... axes) {
    return max(x, axes("max", x, axes), keepdims);
  }

  /** The maximum over exactly {@code axes}; a run-time error when they hold no element. */
  public static Variable max(Variable x, Axes axes, boolean keepdims) {
    return reduce(BinaryFn.MAXIMUM, x, axes, keepdims);
  }

  /** The minimum over {@code axes} (all when none); keeps the dtype; NaN propagates. */
  public static Variable min(Variable x, int... axes) {
    return min(x, false, axes);
  }

  /** The minimum over {@code axes} (all when none), keeping them when asked. */
  public static Variable min(Variable x, boolean keepdims, int... axes) {
    return min(x, axes("min", x, axes), keepdims);
  }

  /** The minimum over exactly {@code axes}; a run-time error when they hold no element. */
  public static Variable min(Variable x, Axes axes, boolean keepdims) {
    return reduce(BinaryFn.MINIMUM, x, axes, keepdims);
  }

  /** Whether every element over {@code axes} (all when none) is non-zero; bool. */
  public static Variable all(Variable x, int... axes) {
    return all(x, false, axes);
  }

  /** Whether every element is non-zero, keeping the axes when asked. */
  public static Variable all(Variable x, boolean keepdims, int... axes) {
    return all(x, axes("all", x, axes), keepdims);
  }

  /** Whether every element over exactly {@code axes} is non-zero; true when there are none. */
  public static Variable all(Variable x, Axes axes, boolean keepdims) {
    return reduce(BinaryFn.AND, asBool(x), axes, keepdims);
  }

  /** Whether any element over {@code axes} (all when none) is non-zero; bool. */
  public static Variable any(Variable x, int... axes) {
    return any(x, false, axes);
  }

  /** Whether any element is non-zero, keeping the axes when asked. */
  public static Variable any(Variable x, boolean keepdims, int... axes) {
    return any(x, axes("any", x, axes), keepdims);
  }

  /** Whether any element over exactly {@code axes} is non-zero; false when there are none. */
  public static Variable any(Variable x, Axes axes, boolean keepdims) {
    return reduce(BinaryFn.OR, asBool(x), axes, keepdims);
  }

  private static Variable asBool(Variable x) {
    return x.dtype().isBool() ? x : Elementwise.cast(x, DType.BOOL);
  }

  /** The number of elements over {@code axes} (all when none), an int64 scalar. */
  public static Variable count(Variable x, int... axes) {
    return count(x, axes("count", x, axes));
  }

  /** The number of elements over exactly {@code axes}, an int64 scalar. */
  public static Variable count(Variable x, Axes axes) {
    return new ElementCount(axes).apply(x);
  }

  /** The mean over {@code axes} (all when none); floats keep their dtype, others give float64. */
  public static Variable mean(Variable x, int... axes) {
    return mean(x, false, axes);
  }

  /** The mean over {@code axes} (all when none), keeping them when asked. */
  public static Variable mean(Variable x, boolean keepdims, int... axes) {
    return mean(x, axes("mean", x, axes), keepdims);
  }

  /** sum(x) / count(x) over exactly {@code axes}: NaN when they hold no element. */
  public static Variable mean(Variable x, Axes axes, boolean keepdims) {
    DType dt = x.dtype().isFloat() ? x.dtype() : DType.FLOAT64;
    Variable n = Elementwise.cast(count(x, axes), dt);
    return Elementwise.trueDiv(sum(x, axes, keepdims), n);
  }

  /** The variance over {@code axes} (all when none), divisor n; float dtype as mean. */
  public static Variable var(Variable x, int... axes) {
    return var(x, 0, false, axes);
  }

  /** The variance with divisor n - ddof over {@code axes} (all when none). */
  public static Variable var(Variable x, int ddof, boolean keepdims, int... axes) {
    return var(x, ddof, axes("var", x, axes), keepdims);
  }

  /**
   * sum((x - mean(x))^2) / (n - ddof) over exactly {@code axes}, with n their element count: inf or
   * NaN when {@code n <= ddof}, as numpy.
   */
  public static Variable var(Variable x, int ddof, Axes axes, boolean keepdims) {
    Variable d = Elementwise.sub(x, mean(x, axes, true));
    Variable n = Elementwise.sub(count(x, axes), (long) ddof);
    Variable s = sum(Elementwise.mul(d, d), axes, keepdims);
    return Elementwise.trueDiv(s, Elementwise.cast(n, s.dtype()));
  }

  /** The standard deviation over {@code axes} (all when none), divisor n. */
  public static Variable std(Variable x, int... axes) {
    return std(x, 0, false, axes);
  }

  /** The standard deviation with divisor n - ddof over {@code axes} (all when none). */
  public static Variable std(Variable x, int ddof, boolean keepdims, int... axes) {
    return std(x, ddof, axes("std", x, axes), keepdims);
  }

  /** sqrt(var(x, ddof)) over exactly {@code axes}. */
  public static Variable std(Variable x, int ddof, Axes axes, boolean keepdims) {
    return Elementwise.sqrt(var(x, ddof, axes, keepdims));
  }

  /** log(sum(exp(x))) over {@code axes} (all when none), computed stably; float dtype. */
  public static Variable logsumexp(Variable x, int... axes) {
    return logsumexp(x, false, axes);
  }

  /** log(sum(exp(x))) over {@code axes} (all when none), keeping them when asked. */
  public static Variable logsumexp(Variable x, boolean keepdims, int... axes) {
    return logsumexp(x, axes("logsumexp", x, axes), keepdims);
  }

  /**
   * m + log(sum(exp(x - m))) over exactly {@code axes}, where m is the maximum (0 where it is
   * infinite): finite for large entries, -inf when every entry is -inf. A run-time error when the
   * axes hold no element (as max).
   */
  public static Variable logsumexp(Variable x, Axes axes, boolean keepdims) {
    Variable kept = finiteOrZero(max(x, axes, true));
    Variable s = sum(Elementwise.exp(Elementwise.sub(x, kept)), axes, keepdims);
    Variable shift = keepdims ? kept : finiteOrZero(max(x, axes, false));
    return Elementwise.add(Elementwise.log(s), shift);
  }

  private static Variable finiteOrZero(Variable m) {
    return Elementwise.where(Elementwise.isinf(m), 0, m);
  }

  /** The int64 index of the first maximum of the flattened tensor (the first NaN wins). */
  public static Variable argmax(Variable x) {
    return argmax(x, null, false);
  }

  /** The int64 index of the first maximum along {@code axis} (negative counts from the end). */
  public static Variable argmax(Variable x, int axis) {
    return argmax(x, axis, false);
  }

  /**
   * The int64 index of the first maximum along {@code axis}, or of the flattened tensor when axis
   * is null; keepdims keeps the axis (every axis when flattened) with length 1.
   */
  public static Variable argmax(Variable x, Integer axis, boolean keepdims) {
    return new ArgReduce(true, normalize("argmax", x, axis), keepdims).apply(x);
  }

  /** The int64 index of the first minimum of the flattened tensor (the first NaN wins). */
  public static Variable argmin(Variable x) {
    return argmin(x, null, false);
  }

  /** The int64 index of the first minimum along {@code axis} (negative counts from the end). */
  public static Variable argmin(Variable x, int axis) {
    return argmin(x, axis, false);
  }

  /** As {@link #argmax(Variable, Integer, boolean)} for the minimum. */
  public static Variable argmin(Variable x, Integer axis, boolean keepdims) {
    return new ArgReduce(false, normalize("argmin", x, axis), keepdims).apply(x);
  }

  private static Integer normalize(String op, Variable x, Integer axis) {
    try {
      return axis == null ? null : Axes.normalize(axis, x.ndim());
    } catch (IllegalArgumentException e) {
      throw HypatiaException.forInputs(op, e.getMessage(), List.of(x));
    }
  }
}
