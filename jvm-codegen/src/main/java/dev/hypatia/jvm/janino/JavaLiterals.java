package dev.hypatia.jvm.janino;

import dev.hypatia.jvm.code.Expr;
import org.objectweb.asm.Type;

/** Prints literals so that Java reads back exactly the same value. */
final class JavaLiterals {
  private JavaLiterals() {}

  /** The literal in Java source: exact doubles and floats, named NaN and infinities. */
  static JavaExpr.Printed literal(Expr.Literal lit) {
    Object v = lit.value();
    Type t = lit.type();
    return switch (t.getSort()) {
      case Type.BOOLEAN -> JavaExpr.primary(String.valueOf(v));
      case Type.INT -> intLiteral(((Number) v).intValue());
      case Type.BYTE, Type.SHORT, Type.CHAR -> {
        int i = v instanceof Character c ? c : ((Number) v).intValue();
        yield JavaExpr.cast(t, intLiteral(i));
      }
      case Type.LONG -> longLiteral(((Number) v).longValue());
      case Type.FLOAT -> floatLiteral(((Number) v).floatValue());
      case Type.DOUBLE -> doubleLiteral(((Number) v).doubleValue());
      default -> {
        if (v == null) {
          yield JavaExpr.cast(t, JavaExpr.primary("null"));
        } else if (v instanceof String s) {
          yield JavaExpr.primary(quote(s));
        }
        throw new IllegalArgumentException("no literal of " + t + ": " + v);
      }
    };
  }

  private static JavaExpr.Printed signed(String text) {
    return text.startsWith("-")
        ? new JavaExpr.Printed(text, 14) // unary minus
        : JavaExpr.primary(text);
  }

  private static JavaExpr.Printed intLiteral(int v) {
    return v == Integer.MIN_VALUE ? JavaExpr.primary("Integer.MIN_VALUE") : signed(v + "");
  }

  private static JavaExpr.Printed longLiteral(long v) {
    return v == Long.MIN_VALUE ? JavaExpr.primary("Long.MIN_VALUE") : signed(v + "L");
  }

  private static JavaExpr.Printed floatLiteral(float v) {
    if (Float.isNaN(v)) {
      return JavaExpr.primary("Float.NaN");
    } else if (Float.isInfinite(v)) {
      return JavaExpr.primary(v > 0 ? "Float.POSITIVE_INFINITY" : "Float.NEGATIVE_INFINITY");
    }
    return signed(Float.toString(v) + "f");
  }

  private static JavaExpr.Printed doubleLiteral(double v) {
    if (Double.isNaN(v)) {
      return JavaExpr.primary("Double.NaN");
    } else if (Double.isInfinite(v)) {
      return JavaExpr.primary(v > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY");
    }
    return signed(Double.toString(v));
  }

  /** A Java string literal; control characters as octal escapes, non-ASCII as unicode escapes. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\%03o", (int) c));
          } else if (c >= 0x7f) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
