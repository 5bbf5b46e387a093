package dev.hypatia.symbolic.ops;

import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.SliceMath;
import dev.hypatia.symbolic.TensorType;
import java.util.ArrayList;
import java.util.List;

/**
 * A basic numpy index, as the parameter of {@link Subtensor} and {@link IncSubtensor}: an immutable
 * value (equal specs compare equal, so that equal nodes merge) listing, left to right, integer
 * points, slices and new axes. Axes left unnamed at the end are taken whole, as numpy does.
 *
 * <p>A bound is either {@link Fixed} (a constant) or {@link Symbolic} (the value of the op's k-th
 * integer scalar input after the data inputs); a null slice bound takes numpy's default for the
 * step's sign. Specs hold no ellipsis: {@link Indexing} expands it against the tensor's rank.
 *
 * @param entries the entries, left to right (copied)
 */
public record IndexSpec(List<Entry> entries) {
  /** Copies the entries. */
  public IndexSpec {
    entries = List.copyOf(entries);
  }

  /** One entry of an index. */
  public sealed interface Entry permits Point, Range, NewAxis {}

  /** A bound of an entry: a constant or a symbolic input. */
  public sealed interface Bound permits Fixed, Symbolic {}

  /**
   * numpy's {@code x[i]} on one axis: removes the axis; negative {@code i} counts from the end.
   *
   * @param index the position
   */
  public record Point(Bound index) implements Entry {
    @Override
    public String toString() {
      return index.toString();
    }
  }

  /**
   * numpy's {@code start:stop:step} on one axis; null bounds take numpy's defaults.
   *
   * @param start first position, or null
   * @param stop end position (excluded), or null
   * @param step stride, or null for 1 (a constant 1 is stored as null, so equal slices are equal)
   */
  public record Range(Bound start, Bound stop, Bound step) implements Entry {
    /** Stores a constant step of 1 as null. */
    public Range {
      step = new Fixed(1).equals(step) ? null : step;
    }

    @Override
    public String toString() {
      String s = text(start) + ":" + text(stop);
      return step == null ? s : s + ":" + step;
    }

    private static String text(Bound b) {
      return b == null ? "" : b.toString();
    }
  }

  /** numpy's {@code None} (newaxis): inserts an axis of length 1. */
  public record NewAxis() implements Entry {
    @Override
    public String toString() {
      return "None";
    }
  }

  /**
   * A constant bound.
   *
   * @param value the value
   */
  public record Fixed(int value) implements Bound {
    @Override
    public String toString() {
      return Integer.toString(value);
    }
  }

  /**
   * A bound read at run time from an integer scalar input of the op.
   *
   * @param input which index input (0 is the first after the data inputs)
   */
  public record Symbolic(int input) implements Bound {
    @Override
    public String toString() {
      return "$" + input;
    }
  }

  /** How many axes of the indexed tensor the entries consume (points and slices). */
  public int consumedAxes() {
    int n = 0;
    for (Entry e : entries) {
      if (!(e instanceof NewAxis)) {
        n++;
      }
    }
    return n;
  }

  /** How many symbolic inputs the entries read (the largest input number plus one). */
  public int symbolicInputs() {
    int n = 0;
    for (Entry e : entries) {
      for (Bound b : bounds(e)) {
        if (b instanceof Symbolic s) {
          n = Math.max(n, s.input() + 1);
        }
      }
    }
    return n;
  }

  private static List<Bound> bounds(Entry e) {
    List<Bound> out = new ArrayList<>(3);
    if (e instanceof Point p) {
      out.add(p.index());
    } else if (e instanceof Range r) {
      for (Bound b : new Bound[] {r.start(), r.stop(), r.step()}) {
        if (b != null) {
          out.add(b);
        }
      }
    }
    return out;
  }

  /**
   * The static shape of {@code x[this]} for an input of static type {@code x}: a slice's length is
   * known when its axis and all its bounds are.
   *
   * @throws IllegalArgumentException when the spec has more entries than {@code x} has axes, a
   *     constant point is out of range of a known axis, or a constant step is zero
   */
  public int[] staticShape(TensorType x) {
    if (consumedAxes() > x.ndim()) {
      throw new IllegalArgumentException(
          "too many indices: "
              + consumedAxes()
              + " given for a tensor of rank "
              + x.ndim()
              + " ("
              + this
              + ")");
    }
    List<Integer> out = new ArrayList<>();
    int axis = 0;
    for (Entry e : entries) {
      if (e instanceof NewAxis) {
        out.add(1);
        continue;
      }
      int n = x.dim(axis);
      if (e instanceof Point p && p.index() instanceof Fixed f && n != TensorType.UNKNOWN) {
        IndexMath.normalize(f.value(), axis, n);
      } else if (e instanceof Range r) {
        out.add(staticLength(r, n));
      }
      axis++;
    }
    for (; axis < x.ndim(); axis++) {
      out.add(x.dim(axis));
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int staticLength(Range r, int n) {
    if (r.step() instanceof Fixed f && f.value() == 0) {
      throw new IllegalArgumentException("slice step cannot be zero");
    }
    if (n == TensorType.UNKNOWN || !(isFixedOrNull(r.start()) && isFixedOrNull(r.stop()))) {
      return TensorType.UNKNOWN;
    }
    if (!isFixedOrNull(r.step())) {
      return TensorType.UNKNOWN;
    }
    return SliceMath.resolve(value(r.start()), value(r.stop()), stepOf(r.step()), n)[1];
  }

  private static boolean isFixedOrNull(Bound b) {
    return b == null || b instanceof Fixed;
  }

  private static Integer value(Bound b) {
    return b == null ? null : ((Fixed) b).value();
  }

  private static int stepOf(Bound b) {
    return b == null ? 1 : ((Fixed) b).value();
  }

  /**
   * {@code x[this]} as a view of {@code x}, reading symbolic bounds from {@code symbols} (integer
   * scalars). Not modified: x (the view shares its storage).
   *
   * @throws IllegalArgumentException when a point is out of range (naming the axis and its size) or
   *     a step is zero
   */
  public NDArray view(NDArray x, List<NDArray> symbols) {
    NDArray v = x;
    int pos = 0;
    int axis = 0;
    for (Entry e : entries) {
      if (e instanceof NewAxis) {
        v = v.newAxis(pos++);
      } else if (e instanceof Point p) {
        int i = IndexMath.normalize(resolve(p.index(), symbols), axis, x.shape(axis));
        v = v.index(pos, i);
        axis++;
      } else if (e instanceof Range r) {
        Integer step = resolveOrNull(r.step(), symbols);
        v =
            v.slice(
                pos++,
                resolveOrNull(r.start(), symbols),
                resolveOrNull(r.stop(), symbols),
                step == null ? 1 : step);
        axis++;
      }
    }
    return v;
  }

  private static int resolve(Bound b, List<NDArray> symbols) {
    if (b instanceof Fixed f) {
      return f.value();
    }
    long v = symbols.get(((Symbolic) b).input()).itemLong();
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("index " + v + " does not fit in an int");
    }
    return (int) v;
  }

  private static Integer resolveOrNull(Bound b, List<NDArray> symbols) {
    return b == null ? null : resolve(b, symbols);
  }

  /** numpy's text of the index, {@code 1:, ::-1, None, $0}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < entries.size(); i++) {
      sb.append(i > 0 ? ", " : "").append(entries.get(i));
    }
    return sb.toString();
  }
}
