package dev.hypatia.symbolic.ops;

import dev.hypatia.symbolic.Axes;
import dev.hypatia.symbolic.Constant;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.Operands;
import dev.hypatia.symbolic.Variable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Indexing with numpy's semantics: basic indexing (points, slices, new axes, ellipsis) as views,
 * integer-array ("fancy") indexing, and Theano's set_subtensor / inc_subtensor, which return a
 * modified copy and never change their input.
 *
 * <p>Basic indices are written as {@link Idx} items or as numpy's text: {@code get(x, "1:, ::-1,
 * None")} is {@code x[1:, ::-1, None]}; in text, {@code $k} stands for the k-th integer scalar
 * argument. Values written by set/inc broadcast to the indexed region; a Java number takes x's
 * dtype when its kind fits (numpy 2's weak scalars).
 */
public final class Indexing {
  private Indexing() {}

  /** numpy's {@code x[index]} for basic items; the result is a view where numpy's is. */
  public static Variable get(Variable x, Idx... index) {
    Resolved r = resolve(x, Arrays.asList(index));
    return new Subtensor(r.spec()).apply(r.inputs(List.of(x)));
  }

  /**
   * numpy's {@code x[text]}, such as {@code get(x, "1:, ::-1, None")}; {@code $k} in the text is
   * {@code symbols[k]}, an integer scalar.
   */
  public static Variable get(Variable x, String index, Variable... symbols) {
    return get(x, parse(x, index, symbols).toArray(new Idx[0]));
  }

  /** set_subtensor: a copy of x with {@code x[index] = value} (broadcast, cast to x's dtype). */
  public static Variable set(Variable x, List<Idx> index, Object value) {
    return update(x, index, value, true);
  }

  /** set_subtensor with numpy's index text ({@code $k} is {@code symbols[k]}). */
  public static Variable set(Variable x, String index, Object value, Variable... symbols) {
    return update(x, parse(x, index, symbols), value, true);
  }

  /** inc_subtensor: a copy of x with {@code x[index] += value} (broadcast, cast to x's dtype). */
  public static Variable inc(Variable x, List<Idx> index, Object value) {
    return update(x, index, value, false);
  }

  /** inc_subtensor with numpy's index text ({@code $k} is {@code symbols[k]}). */
  public static Variable inc(Variable x, String index, Object value, Variable... symbols) {
    return update(x, parse(x, index, symbols), value, false);
  }

  /**
   * numpy's {@code take(x, indices, axis)}: the entries of x at integer {@code indices} (an integer
   * Variable or a Java value such as {@code int[]}) along {@code axis}; the result's shape is
   * {@code x.shape[:axis] + indices.shape + x.shape[axis+1:]}. Negative indices count from the end.
   */
  public static Variable take(Variable x, Object indices, int axis) {
    return new AdvancedSubtensor(axis(x, axis)).apply(x, Operands.asVariable(indices));
  }

  /**
   * numpy's {@code x[i0, i1, ...]} with integer index arrays (Variables or Java values such as
   * {@code int[]}) on the leading axes, broadcast together; the result's shape is the broadcast
   * index shape followed by x's remaining axes.
   */
  public static Variable fancy(Variable x, Object... indexArrays) {
    List<Variable> in = new ArrayList<>();
    in.add(x);
    for (Object i : indexArrays) {
      in.add(Operands.asVariable(i));
    }
    return new AdvancedSubtensor(0).apply(in.toArray(new Variable[0]));
  }

  /** A copy of x with {@code take(x, indices, axis) = value}: the last write wins on repeats. */
  public static Variable setTake(Variable x, Object indices, int axis, Object value) {
    return new AdvancedIncSubtensor(axis(x, axis), true)
        .apply(x, Operands.asOperand(value, x), Operands.asVariable(indices));
  }

  /** A copy of x with {@code value} added at {@code take(x, indices, axis)}; repeats accumulate. */
  public static Variable incTake(Variable x, Object indices, int axis, Object value) {
    return new AdvancedIncSubtensor(axis(x, axis), false)
        .apply(x, Operands.asOperand(value, x), Operands.asVariable(indices));
  }

  /** A copy of x with {@code x[i0, i1, ...] = value} (see {@link #fancy}); the last write wins. */
  public static Variable setFancy(Variable x, List<?> indexArrays, Object value) {
    return advancedUpdate(x, indexArrays, value, true);
  }

  /**
   * A copy of x with {@code value} added at {@code x[i0, i1, ...]} (see {@link #fancy}), repeated
   * index tuples accumulating as numpy's {@code add.at}.
   */
  public static Variable incFancy(Variable x, List<?> indexArrays, Object value) {
    return advancedUpdate(x, indexArrays, value, false);
  }

  private static Variable advancedUpdate(Variable x, List<?> indexArrays, Object value, boolean s) {
    List<Variable> in = new ArrayList<>();
    in.add(x);
    in.add(Operands.asOperand(value, x));
    for (Object i : indexArrays) {
      in.add(Operands.asVariable(i));
    }
    return new AdvancedIncSubtensor(0, s).apply(in.toArray(new Variable[0]));
  }

  private static Variable update(Variable x, List<Idx> index, Object value, boolean set) {
    Resolved r = resolve(x, index);
    return new IncSubtensor(r.spec(), set)
        .apply(r.inputs(List.of(x, Operands.asOperand(value, x))));
  }

  private static int axis(Variable x, int axis) {
    try {
      return Axes.normalize(axis, x.ndim());
    } catch (IllegalArgumentException e) {
      throw HypatiaException.forInputs("take", e.getMessage(), List.of(x));
    }
  }

  private static List<Idx> parse(Variable x, String index, Variable[] symbols) {
    try {
      return IndexParser.parse(index, List.of(symbols));
    } catch (IllegalArgumentException e) {
      throw HypatiaException.forInputs("subtensor", e.getMessage(), List.of(x));
    }
  }

  /** A spec and the symbolic bounds it reads, in input order. */
  private record Resolved(IndexSpec spec, List<Variable> symbols) {
    Variable[] inputs(List<Variable> data) {
      List<Variable> all = new ArrayList<>(data);
      all.addAll(symbols);
      return all.toArray(new Variable[0]);
    }
  }

  /** Expands the ellipsis and trailing axes to whole slices and numbers the symbolic bounds. */
  private static Resolved resolve(Variable x, List<Idx> items) {
    int consumed = 0;
    int ellipses = 0;
    for (Idx i : items) {
      consumed += i instanceof Idx.At || i instanceof Idx.Slice ? 1 : 0;
      ellipses += i instanceof Idx.Ellipsis ? 1 : 0;
    }
    if (ellipses > 1) {
      throw HypatiaException.forInputs(
          "subtensor", "an index can only have a single ellipsis (...)", List.of(x));
    }
    List<IndexSpec.Entry> entries = new ArrayList<>();
    List<Variable> symbols = new ArrayList<>();
    int whole = Math.max(x.ndim() - consumed, 0);
    for (Idx i : items) {
      if (i instanceof Idx.Ellipsis) {
        addWhole(entries, whole);
        whole = 0;
      } else {
        entries.add(entry(x, i, symbols));
      }
    }
    addWhole(entries, whole);
    return new Resolved(new IndexSpec(entries), symbols);
  }

  private static void addWhole(List<IndexSpec.Entry> entries, int n) {
    for (int k = 0; k < n; k++) {
      entries.add(new IndexSpec.Range(null, null, null));
    }
  }

  private static IndexSpec.Entry entry(Variable x, Idx item, List<Variable> symbols) {
    if (item instanceof Idx.At at) {
      return new IndexSpec.Point(bound(x, at.index(), symbols));
    }
    if (item instanceof Idx.Slice s) {
      return new IndexSpec.Range(
          bound(x, s.start(), symbols), bound(x, s.stop(), symbols), bound(x, s.step(), symbols));
    }
    return new IndexSpec.NewAxis();
  }

  /** A bound: null, a constant (Java integers and integer scalar constants) or the next input. */
  private static IndexSpec.Bound bound(Variable x, Object b, List<Variable> symbols) {
    if (b == null) {
      return null;
    }
    if (b instanceof Integer || b instanceof Short || b instanceof Byte) {
      return new IndexSpec.Fixed(((Number) b).intValue());
    }
    if (b instanceof Long l && l == l.intValue()) {
      return new IndexSpec.Fixed(l.intValue());
    }
    if (b instanceof Constant c && c.ndim() == 0 && c.dtype().isInteger()) {
      long v = c.valueView().itemLong();
      if (v == (int) v) {
        return new IndexSpec.Fixed((int) v);
      }
    }
    if (b instanceof Variable v) {
      symbols.add(v);
      return new IndexSpec.Symbolic(symbols.size() - 1);
    }
    throw HypatiaException.forInputs(
        "subtensor",
        "an index bound must be an int, an integer scalar Variable or null, got "
            + b.getClass().getSimpleName()
            + " "
            + b,
        List.of(x));
  }
}
