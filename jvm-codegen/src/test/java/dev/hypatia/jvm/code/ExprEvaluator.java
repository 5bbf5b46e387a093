package dev.hypatia.jvm.code;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import org.objectweb.asm.Type;

/**
 * A test-only interpreter of {@link Expr} trees over Java values (boxed primitives and objects),
 * with Java's semantics for operators and conversions. Calls and static fields resolve by
 * reflection against their exact owner, name and descriptor, so a wrong descriptor fails here as it
 * would fail to link in generated code. Covers what the scalar table emits; the rest throws.
 */
public final class ExprEvaluator {
  private ExprEvaluator() {}

  /**
   * The value of {@code e} with locals bound by {@code env}. A called method's unchecked exception
   * propagates as itself.
   */
  public static Object eval(Expr e, Map<String, Object> env) {
    if (e instanceof Expr.Local l) {
      if (!env.containsKey(l.name())) {
        throw new IllegalArgumentException("unbound local " + l.name());
      }
      return env.get(l.name());
    } else if (e instanceof Expr.Literal lit) {
      return lit.value();
    } else if (e instanceof Expr.Negate n) {
      return negate(eval(n.operand(), env), n.type());
    } else if (e instanceof Expr.Binary b) {
      return binary(b.op(), eval(b.left(), env), eval(b.right(), env), b.left().type());
    } else if (e instanceof Expr.Conditional c) {
      return (Boolean) eval(c.test(), env) ? eval(c.ifTrue(), env) : eval(c.ifFalse(), env);
    } else if (e instanceof Expr.Convert c) {
      return convert(eval(c.operand(), env), c.type());
    } else if (e instanceof Expr.GetStatic g) {
      return getStatic(g);
    } else if (e instanceof Expr.Call c) {
      return call(c, env);
    }
    throw new UnsupportedOperationException("ExprEvaluator does not evaluate " + e);
  }

  private static Object negate(Object v, Type type) {
    return switch (type.getSort()) {
      case Type.INT -> -(Integer) v;
      case Type.LONG -> -(Long) v;
      case Type.FLOAT -> -(Float) v;
      case Type.DOUBLE -> -(Double) v;
      default -> throw new IllegalArgumentException("negating " + type);
    };
  }

  private static Object binary(Expr.BinaryOp op, Object a, Object b, Type type) {
    return switch (type.getSort()) {
      case Type.DOUBLE -> doubles(op, (Double) a, (Double) b);
      case Type.FLOAT -> floats(op, (Float) a, (Float) b);
      case Type.LONG -> longs(op, (Long) a, b);
      case Type.INT -> ints(op, (Integer) a, (Integer) b);
      case Type.BOOLEAN -> booleans(op, (Boolean) a, (Boolean) b);
      default -> throw new IllegalArgumentException(op + " on " + type);
    };
  }

  private static Object doubles(Expr.BinaryOp op, double a, double b) {
    return switch (op) {
      case ADD -> a + b;
      case SUB -> a - b;
      case MUL -> a * b;
      case DIV -> a / b;
      case REM -> a % b;
      case LT -> a < b;
      case LE -> a <= b;
      case GT -> a > b;
      case GE -> a >= b;
      case EQ -> a == b;
      case NE -> a != b;
      default -> throw new IllegalArgumentException(op + " on double");
    };
  }

  private static Object floats(Expr.BinaryOp op, float a, float b) {
    return switch (op) {
      case ADD -> a + b;
      case SUB -> a - b;
      case MUL -> a * b;
      case DIV -> a / b;
      case REM -> a % b;
      case LT -> a < b;
      case LE -> a <= b;
      case GT -> a > b;
      case GE -> a >= b;
      case EQ -> a == b;
      case NE -> a != b;
      default -> throw new IllegalArgumentException(op + " on float");
    };
  }

  private static Object longs(Expr.BinaryOp op, long a, Object right) {
    if (op == Expr.BinaryOp.SHL || op == Expr.BinaryOp.SHR || op == Expr.BinaryOp.USHR) {
      int s = (Integer) right;
      return op == Expr.BinaryOp.SHL ? a << s : op == Expr.BinaryOp.SHR ? a >> s : a >>> s;
    }
    long b = (Long) right;
    return switch (op) {
      case ADD -> a + b;
      case SUB -> a - b;
      case MUL -> a * b;
      case DIV -> a / b;
      case REM -> a % b;
      case AND -> a & b;
      case OR -> a | b;
      case XOR -> a ^ b;
      case LT -> a < b;
      case LE -> a <= b;
      case GT -> a > b;
      case GE -> a >= b;
      case EQ -> a == b;
      case NE -> a != b;
      default -> throw new IllegalArgumentException(op + " on long");
    };
  }

  private static Object ints(Expr.BinaryOp op, int a, int b) {
    return switch (op) {
      case ADD -> a + b;
      case SUB -> a - b;
      case MUL -> a * b;
      case DIV -> a / b;
      case REM -> a % b;
      case AND -> a & b;
      case OR -> a | b;
      case XOR -> a ^ b;
      case SHL -> a << b;
      case SHR -> a >> b;
      case USHR -> a >>> b;
      case LT -> a < b;
      case LE -> a <= b;
      case GT -> a > b;
      case GE -> a >= b;
      case EQ -> a == b;
      case NE -> a != b;
    };
  }

  private static Object booleans(Expr.BinaryOp op, boolean a, boolean b) {
    return switch (op) {
      case AND -> a & b;
      case OR -> a | b;
      case XOR, NE -> a ^ b;
      case EQ -> a == b;
      default -> throw new IllegalArgumentException(op + " on boolean");
    };
  }

  /**
   * Java's primitive conversions (Number's xxxValue are the casts), or a checked reference cast.
   */
  private static Object convert(Object v, Type to) {
    if (to.getSort() >= Type.ARRAY) {
      return forType(to).cast(v);
    }
    Number n = (Number) v;
    return switch (to.getSort()) {
      case Type.BYTE -> n.byteValue();
      case Type.SHORT -> n.shortValue();
      case Type.INT -> n.intValue();
      case Type.LONG -> n.longValue();
      case Type.FLOAT -> n.floatValue();
      case Type.DOUBLE -> n.doubleValue();
      default -> throw new IllegalArgumentException("converting to " + to);
    };
  }

  private static Object getStatic(Expr.GetStatic g) {
    try {
      Field f = forType(g.owner()).getField(g.name());
      if (!Modifier.isStatic(f.getModifiers()) || !Type.getType(f.getType()).equals(g.type())) {
        throw new IllegalArgumentException("no static field " + g.name() + " of type " + g.type());
      }
      return f.get(null);
    } catch (ReflectiveOperationException ex) {
      throw new IllegalArgumentException("cannot read " + g, ex);
    }
  }

  private static Object call(Expr.Call c, Map<String, Object> env) {
    Class<?> owner = forType(c.owner());
    if (owner.isInterface() != c.onInterface()) {
      throw new IllegalArgumentException(
          c.owner() + " onInterface should be " + owner.isInterface());
    }
    Method m = resolve(owner, c.name(), c.method(), c.target() == null);
    Object target = c.target() == null ? null : eval(c.target(), env);
    Object[] args = new Object[c.args().size()];
    for (int i = 0; i < args.length; i++) {
      args[i] = eval(c.args().get(i), env);
    }
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException ex) {
      if (ex.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(ex.getCause());
    } catch (IllegalAccessException ex) {
      throw new IllegalArgumentException("cannot call " + m, ex);
    }
  }

  private static Method resolve(Class<?> owner, String name, Type desc, boolean isStatic) {
    for (Method m : owner.getMethods()) {
      if (m.getName().equals(name)
          && Type.getMethodDescriptor(m).equals(desc.getDescriptor())
          && Modifier.isStatic(m.getModifiers()) == isStatic) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "no " + (isStatic ? "static " : "") + "method " + owner.getName() + "." + name + desc);
  }

  private static Class<?> forType(Type t) {
    try {
      String name =
          t.getSort() == Type.ARRAY ? t.getDescriptor().replace('/', '.') : t.getClassName();
      return Class.forName(name, false, ExprEvaluator.class.getClassLoader());
    } catch (ClassNotFoundException ex) {
      throw new IllegalArgumentException("no class " + t, ex);
    }
  }
}
