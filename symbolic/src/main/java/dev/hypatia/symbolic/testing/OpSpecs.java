package dev.hypatia.symbolic.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The op spec table: one {@link OpSpec} row per op or function of the op set and dtype, reused by
 * every property that checks ops (values, gradients, backends, rewrites).
 *
 * <p>It holds every unary, binary and ternary elementwise function at float64 (over its domain),
 * float32 rows for a representative subset, integer and bool rows for arithmetic, comparisons,
 * logical and bitwise functions, casts; every reduction over random axes with random keepdims; the
 * shape ops; basic and advanced indexing, set and inc; dot, matmul, outer and tensordot; and
 * softmax, log_softmax and categorical cross-entropy.
 *
 * <p>Rows are named {@code function/dtype} (see {@link OpSpec#name()}); names are unique.
 */
public final class OpSpecs {
  private static final List<OpSpec> ALL = build();

  private OpSpecs() {}

  private static List<OpSpec> build() {
    List<OpSpec> rows = new ArrayList<>();
    rows.addAll(ElemwiseSpecs.all());
    rows.addAll(BinarySpecs.all());
    rows.addAll(ReductionSpecs.all());
    rows.addAll(ShapeSpecs.all());
    rows.addAll(FillSpecs.all());
    rows.addAll(IndexingSpecs.all());
    rows.addAll(LinalgSpecs.all());
    return unique(rows);
  }

  /** {@code rows} as an unmodifiable list, checking that their names are unique. */
  static List<OpSpec> unique(List<OpSpec> rows) {
    Set<String> names = new HashSet<>();
    for (OpSpec r : rows) {
      if (!names.add(r.name())) {
        throw new IllegalStateException("two op spec rows are named " + r.name());
      }
    }
    return List.copyOf(rows);
  }

  /** Every row, in a fixed order (elementwise, reductions, shapes, indexing, linear algebra). */
  public static List<OpSpec> all() {
    return ALL;
  }

  /** The rows that {@code keep} accepts, in table order. */
  public static List<OpSpec> where(Predicate<? super OpSpec> keep) {
    return ALL.stream().filter(keep).toList();
  }

  /** The rows that a gradient check applies to ({@link OpSpec#differentiable()}). */
  public static List<OpSpec> differentiable() {
    return where(OpSpec::differentiable);
  }

  /**
   * The row named {@code name}.
   *
   * @throws NoSuchElementException when no row has that name
   */
  public static OpSpec named(String name) {
    for (OpSpec r : ALL) {
      if (r.name().equals(name)) {
        return r;
      }
    }
    throw new NoSuchElementException("no op spec row is named " + name);
  }
}
