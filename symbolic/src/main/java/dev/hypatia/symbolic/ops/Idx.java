package dev.hypatia.symbolic.ops;

import dev.hypatia.symbolic.Variable;

/**
 * One item of a basic numpy index as users write it for {@link Indexing#get(Variable, Idx...)}:
 * {@code Indexing.get(x, Idx.at(2), Idx.slice(1, null, -1), Idx.newAxis())} is numpy's {@code x[2,
 * 1::-1, None]}. Positions and bounds are Java integers (constants) or integer scalar {@link
 * Variable}s (read at run time); a null bound takes numpy's default.
 */
public sealed interface Idx permits Idx.At, Idx.Slice, Idx.NewAxis, Idx.Ellipsis {
  /**
   * numpy's {@code x[i]} on one axis.
   *
   * @param index an {@code Integer} or an integer scalar {@code Variable}
   */
  record At(Object index) implements Idx {}

  /**
   * numpy's {@code start:stop:step} on one axis.
   *
   * @param start an {@code Integer}, an integer scalar {@code Variable} or null
   * @param stop likewise
   * @param step likewise (null is 1)
   */
  record Slice(Object start, Object stop, Object step) implements Idx {}

  /** numpy's {@code None} / {@code newaxis}: a new axis of length 1. */
  record NewAxis() implements Idx {}

  /** numpy's {@code ...}: as many whole axes as the other items leave. */
  record Ellipsis() implements Idx {}

  /** Position {@code i} of one axis (negative counts from the end); the axis is removed. */
  static Idx at(int i) {
    return new At(i);
  }

  /** The position held by the integer scalar {@code i} at run time; the axis is removed. */
  static Idx at(Variable i) {
    return new At(i);
  }

  /** {@code start:stop}; each bound an {@code Integer}, an integer scalar Variable or null. */
  static Idx slice(Object start, Object stop) {
    return new Slice(start, stop, null);
  }

  /**
   * {@code start:stop:step}; each an {@code Integer}, an integer scalar Variable or null (numpy's
   * defaults for the step's sign; a null step is 1).
   */
  static Idx slice(Object start, Object stop, Object step) {
    return new Slice(start, stop, step);
  }

  /** {@code :}, one whole axis. */
  static Idx all() {
    return new Slice(null, null, null);
  }

  /** {@code None}, a new axis of length 1. */
  static Idx newAxis() {
    return new NewAxis();
  }

  /** {@code ...}, all the axes the other items leave. */
  static Idx ellipsis() {
    return new Ellipsis();
  }
}
