package dev.hypatia.symbolic;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * numpy's text forms of arrays: {@code repr} ({@code array([1.5 , 2.25])}) and {@code str} ({@code
 * [1.5 2.25]}), with numpy's default print options: at most 8 fractional digits, trailing zeros
 * trimmed, elements aligned, scientific notation when the magnitudes call for it. Long lines are
 * not wrapped.
 */
final class NDArrayFormat {
  private static final int PRECISION = 8;

  private NDArrayFormat() {}

  static String repr(NDArray a) {
    String prefix = "array(";
    String body = a.size() == 0 && a.ndim() > 0 ? "[]" : body(a, ", ", prefix.length());
    boolean showDType =
        (a.dtype() != DType.FLOAT64 && a.dtype() != DType.INT64 && a.dtype() != DType.BOOL)
            || (a.size() == 0 && a.ndim() > 0);
    return prefix + body + (showDType ? ", dtype=" + a.dtype() : "") + ")";
  }

  static String str(NDArray a) {
    if (a.ndim() == 0) {
      return scalarStr(a);
    }
    return a.size() == 0 && a.ndim() > 0 ? "[]" : body(a, " ", 0);
  }

  /** Python's str of one element: {@code 2.0}, {@code -0.0}, {@code 1e-05}, {@code True}. */
  private static String scalarStr(NDArray a) {
    return switch (a.dtype().kind()) {
      case BOOL -> a.itemLong() != 0 ? "True" : "False";
      case INT -> Long.toString(a.itemLong());
      case FLOAT -> pythonFloat(a.item(), a.dtype() == DType.FLOAT32);
    };
  }

  /** Python's repr of a float: shortest digits, exponent form below 1e-4 and from 1e16. */
  static String pythonFloat(double v, boolean single) {
    if (!Double.isFinite(v)) {
      return special(v);
    }
    if (v == 0) {
      return 1 / v < 0 ? "-0.0" : "0.0";
    }
    BigDecimal d = new BigDecimal(shortest(v, single)).stripTrailingZeros();
    int exp = d.precision() - d.scale() - 1;
    if (exp < -4 || exp >= 16) {
      String m = d.movePointLeft(exp).toPlainString();
      String es = Integer.toString(Math.abs(exp));
      return m + "e" + (exp < 0 ? "-" : "+") + (es.length() < 2 ? "0" + es : es);
    }
    String s = d.toPlainString();
    return s.contains(".") ? s : s + ".0";
  }

  private static String body(NDArray a, String sep, int indent) {
    String[] cells = cells(a);
    if (a.ndim() == 0) {
      return cells[0].strip();
    }
    StringBuilder sb = new StringBuilder();
    nest(sb, a.shape(), 0, cells, new int[] {0}, sep, indent);
    return sb.toString();
  }

  private static void nest(
      StringBuilder sb, int[] shape, int depth, String[] cells, int[] pos, String sep, int indent) {
    sb.append('[');
    int n = shape[depth];
    for (int i = 0; i < n; i++) {
      if (depth == shape.length - 1) {
        if (i > 0) {
          sb.append(sep);
        }
        sb.append(cells[pos[0]++]);
      } else {
        if (i > 0) {
          sb.append(sep.strip());
          sb.append("\n".repeat(shape.length - depth - 1));
          sb.append(" ".repeat(indent + depth + 1));
        }
        nest(sb, shape, depth + 1, cells, pos, sep, indent);
      }
    }
    sb.append(']');
  }

  /** Every element formatted and padded to a common width, in C order. */
  private static String[] cells(NDArray a) {
    int n = a.size();
    String[] out = new String[n];
    switch (a.dtype().kind()) {
      case BOOL -> {
        for (int i = 0; i < n; i++) {
          out[i] = a.flatLong(i) != 0 ? " True" : "False";
        }
      }
      case INT -> {
        for (int i = 0; i < n; i++) {
          out[i] = Long.toString(a.flatLong(i));
        }
        padLeft(out);
      }
      case FLOAT -> floats(a, out);
    }
    return out;
  }

  private static void floats(NDArray a, String[] out) {
    int n = a.size();
    double maxAbs = 0;
    double minAbs = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double v = Math.abs(a.flatDouble(i));
      if (Double.isFinite(v) && v != 0) {
        maxAbs = Math.max(maxAbs, v);
        minAbs = Math.min(minAbs, v);
      }
    }
    // numpy switches to scientific notation on these magnitudes (FloatingFormat).
    boolean scientific =
        minAbs != Double.POSITIVE_INFINITY
            && (maxAbs >= 1e16 || minAbs < 1e-4 || maxAbs / minAbs > 1e3);
    boolean single = a.dtype() == DType.FLOAT32;
    String[] ip = new String[n];
    String[] fp = new String[n];
    for (int i = 0; i < n; i++) {
      double v = a.flatDouble(i);
      String s = scientific ? scientific(v, single) : positional(v, single);
      int dot = s.indexOf('.');
      int e = s.indexOf('e');
      ip[i] = dot < 0 ? s : s.substring(0, dot);
      fp[i] = dot < 0 ? "" : s.substring(dot, e < 0 ? s.length() : s.length());
    }
    int wi = 0;
    int wf = 0;
    for (int i = 0; i < n; i++) {
      if (Double.isFinite(a.flatDouble(i))) {
        wi = Math.max(wi, ip[i].length());
        wf = Math.max(wf, fp[i].length());
      }
    }
    int width = wi + wf;
    for (int i = 0; i < n; i++) {
      width = Math.max(width, ip[i].length() + fp[i].length());
    }
    for (int i = 0; i < n; i++) {
      if (Double.isFinite(a.flatDouble(i))) {
        String cell = " ".repeat(wi - ip[i].length()) + ip[i] + fp[i];
        out[i] = cell + " ".repeat(Math.max(0, wi + wf - cell.length()));
        out[i] = " ".repeat(width - out[i].length()) + out[i];
      } else {
        out[i] = " ".repeat(width - ip[i].length()) + ip[i];
      }
    }
  }

  private static String shortest(double v, boolean single) {
    return single ? Float.toString((float) v) : Double.toString(v);
  }

  private static String positional(double v, boolean single) {
    if (!Double.isFinite(v)) {
      return special(v);
    }
    BigDecimal d =
        new BigDecimal(shortest(v, single))
            .setScale(PRECISION, RoundingMode.HALF_EVEN)
            .stripTrailingZeros();
    String s = d.toPlainString();
    if (!s.contains(".")) {
      s = s + ".";
    }
    if (s.startsWith("0.") || s.startsWith("-0.")) {
      return s;
    }
    return v == 0 && 1 / v < 0 ? "-0." : s;
  }

  private static String scientific(double v, boolean single) {
    if (!Double.isFinite(v)) {
      return special(v);
    }
    if (v == 0) {
      return (1 / v < 0 ? "-" : "") + "0.e+00";
    }
    BigDecimal d = new BigDecimal(shortest(v, single));
    int exp = d.precision() - d.scale() - 1;
    BigDecimal mant =
        d.movePointLeft(exp).setScale(PRECISION, RoundingMode.HALF_EVEN).stripTrailingZeros();
    if (mant.abs().compareTo(BigDecimal.TEN) >= 0) {
      mant = mant.movePointLeft(1).stripTrailingZeros();
      exp++;
    }
    String m = mant.toPlainString();
    if (!m.contains(".")) {
      m = m + ".";
    }
    String es = Integer.toString(Math.abs(exp));
    return m + "e" + (exp < 0 ? "-" : "+") + (es.length() < 2 ? "0" + es : es);
  }

  private static String special(double v) {
    return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
  }

  private static void padLeft(String[] cells) {
    int w = 0;
    for (String c : cells) {
      w = Math.max(w, c.length());
    }
    for (int i = 0; i < cells.length; i++) {
      cells[i] = " ".repeat(w - cells[i].length()) + cells[i];
    }
  }
}
