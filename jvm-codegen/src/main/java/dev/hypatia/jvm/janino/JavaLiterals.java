package dev.hypatia.jvm.janino;

import dev.hypatia.jvm.code.Expr;
import org.objectweb.asm.Type;

/** Prints literals so that Java reads back exactly the same value. */
final class JavaLiterals {
  private JavaLiterals() {}

  /** The literal in Java source: exact doubles and floats, named NaN and infinities. */
  static JavaExpr.Printed literal(Expr.Literal lit, JavaExpr x) {
    Object v = lit.value();
    Type t = lit.type();
    return switch (t.getSort()) {
      case Type.BOOLEAN -> JavaExpr.primary(String.valueOf(v));
      case Type.INT -> intLiteral(((Number) v).intValue(), x);
      case Type.BYTE, Type.SHORT, Type.CHAR -> {
        int i = v instanceof Character c ? c : ((Number) v).intValue();
        yield x.cast(t, intLiteral(i, x));
      }
      case Type.LONG -> longLiteral(((Number) v).longValue(), x);
      case Type.FLOAT -> floatLiteral(((Number) v).floatValue(), x);
      case Type.DOUBLE -> doubleLiteral(((Number) v).doubleValue(), x);
      default -> {
        if (v == null) {
          yield x.cast(t, JavaExpr.primary("null"));
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

  /** {@code Box.NAME}, the box class named through {@code x} (a local may obscure it). */
  private static JavaExpr.Printed constant(Class<?> box, String name, JavaExpr x) {
    return JavaExpr.primary(x.typeName(Type.getType(box)) + "." + name);
  }

  private static JavaExpr.Printed intLiteral(int v, JavaExpr x) {
    return v == Integer.MIN_VALUE ? constant(Integer.class, "MIN_VALUE", x) : signed(v + "");
  }

  private static JavaExpr.Printed longLiteral(long v, JavaExpr x) {
    return v == Long.MIN_VALUE ? constant(Long.class, "MIN_VALUE", x) : signed(v + "L");
  }

  private static JavaExpr.Printed floatLiteral(float v, JavaExpr x) {
    if (Float.isNaN(v)) {
      return constant(Float.class, "NaN", x);
    } else if (Float.isInfinite(v)) {
      return constant(Float.class, v > 0 ? "POSITIVE_INFINITY" : "NEGATIVE_INFINITY", x);
    }
    return signed(Float.toString(v) + "f");
  }

  private static JavaExpr.Printed doubleLiteral(double v, JavaExpr x) {
    if (Double.isNaN(v)) {
      return constant(Double.class, "NaN", x);
    } else if (Double.isInfinite(v)) {
      return constant(Double.class, v > 0 ? "POSITIVE_INFINITY" : "NEGATIVE_INFINITY", x);
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
