package dev.hypatia.symbolic.print;

import dev.hypatia.symbolic.Constant;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Variable;

/** The short texts every printer uses for leaves (inputs and constants). */
final class Labels {
  /** Constants of rank 1 with at most this many elements print their elements. */
  static final int MAX_SHOWN_ELEMENTS = 8;

  private Labels() {}

  /**
   * A constant's value in short form: a scalar or a short vector as numpy's {@code str} ({@code
   * 2.0}, {@code [1 2 3]}), anything larger as {@code <float64[2,3] constant>}.
   */
  static String constantValue(Constant c) {
    NDArray v = c.valueView();
    if (v.ndim() == 0) {
      return scalar(v);
    }
    if (v.ndim() == 1 && v.size() <= MAX_SHOWN_ELEMENTS) {
      return v.format();
    }
    return "<" + c.type() + " constant>";
  }

  /**
   * A rank-0 array as numpy's {@code str} prints it: {@code 2.0}, {@code 1e+20}, {@code 3}, {@code
   * True}. ({@link NDArray#format()} writes {@code 2.} for a float scalar, the array form, and
   * drops the sign of {@code -0.0}.)
   */
  static String scalar(NDArray v) {
    String s = v.format();
    if (!v.dtype().isFloat()) {
      return s;
    }
    if (v.item() == 0 && 1 / v.item() < 0) {
      return "-0.0";
    }
    s = s.replace(".e", "e");
    return s.endsWith(".") ? s + "0" : s;
  }

  /**
   * A leaf as it appears inside expressions: its name, else a constant's value, else its type in
   * angle brackets ({@code <float64[?,3]>}).
   */
  static String leaf(Variable v) {
    if (v.name() != null) {
      return v.name();
    }
    if (v instanceof Constant c) {
      return constantValue(c);
    }
    return "<" + v.type() + ">";
  }

  /** The letters of id number {@code n}: A..Z, then AA, AB, ... (bijective base 26). */
  static String letters(int n) {
    StringBuilder sb = new StringBuilder();
    int k = n + 1;
    while (k > 0) {
      k--;
      sb.append((char) ('A' + k % 26));
      k /= 26;
    }
    return sb.reverse().toString();
  }
}
