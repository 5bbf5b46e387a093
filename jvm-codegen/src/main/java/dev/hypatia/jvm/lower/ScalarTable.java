package dev.hypatia.jvm.lower;

import static dev.hypatia.jvm.code.Code.add;
import static dev.hypatia.jvm.code.Code.binary;
import static dev.hypatia.jvm.code.Code.cond;
import static dev.hypatia.jvm.code.Code.convert;
import static dev.hypatia.jvm.code.Code.lit;
import static dev.hypatia.jvm.code.Code.mul;
import static dev.hypatia.jvm.code.Code.neg;
import static dev.hypatia.jvm.code.Code.sub;

import dev.hypatia.jvm.code.Code;
import dev.hypatia.jvm.code.Expr;
import dev.hypatia.jvm.code.Expr.BinaryOp;
import dev.hypatia.jvm.runtime.Scalars;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.scalar.BinaryFn;
import dev.hypatia.symbolic.scalar.Cast;
import dev.hypatia.symbolic.scalar.Composite;
import dev.hypatia.symbolic.scalar.Polygamma;
import dev.hypatia.symbolic.scalar.ScalarOp;
import dev.hypatia.symbolic.scalar.TernaryFn;
import dev.hypatia.symbolic.scalar.UnaryFn;
import java.util.List;
import java.util.Optional;
import org.objectweb.asm.Type;

/**
 * The table from scalar op to emitted code: for every {@link ScalarOp} the expression that computes
 * its unrounded value, on doubles ({@link #onDouble}, equal bit for bit to {@code evalDouble}), on
 * longs ({@link #onLong}, equal to {@code evalLong}) and, where a good one exists, lane-wise on
 * Vector API vectors ({@link #onVector}, within a few ulps). Rounding or wrapping to the output
 * dtype, the bool {@code not} and the long-to-float32 cast are the caller's, as in {@code
 * ScalarKernel}.
 *
 * <p>Arguments may appear more than once in the result ({@code sqr} is {@code x * x}): pass locals
 * or literals, never expressions with effects or cost. The switches over the enums have no default,
 * so a new constant without an entry does not compile.
 */
public final class ScalarTable {
  private static final Type DOUBLE = Type.DOUBLE_TYPE;
  private static final Type LONG = Type.LONG_TYPE;

  private ScalarTable() {}

  /**
   * {@code op} on double arguments: a double expression equal bit for bit to {@code
   * op.evalDouble(args)}. Casts are the value itself; comparisons and predicates give 1.0 or 0.0.
   *
   * @param op a single-output op, not a {@link Composite}
   * @param args one double expression per input (each may be used more than once)
   * @throws IllegalArgumentException for a composite, or for a wrong number or type of arguments
   */
  public static Expr onDouble(ScalarOp op, List<Expr> args) {
    if (op instanceof Composite) {
      throw composite(op);
    }
    check(op, args, DOUBLE);
    if (op instanceof UnaryFn f) {
      return unaryDouble(f, args.get(0));
    } else if (op instanceof BinaryFn f) {
      return binaryDouble(f, args.get(0), args.get(1));
    } else if (op instanceof TernaryFn f) {
      return ternaryDouble(f, args.get(0), args.get(1), args.get(2));
    } else if (op instanceof Cast) {
      return args.get(0);
    }
    Polygamma p = (Polygamma) op;
    return call(Scalars.class, "polygamma", lit(p.order()), args.get(0));
  }

  /**
   * {@code op} on long arguments: a long expression equal to {@code op.evalLong(args)} (float
   * functions compute on doubles and truncate, as the op does; an integer {@code pow} with a
   * negative exponent throws the op's IllegalArgumentException when it runs).
   *
   * @param op a single-output op, not a {@link Composite}
   * @param args one long expression per input (each may be used more than once)
   * @throws IllegalArgumentException for a composite, or for a wrong number or type of arguments
   */
  public static Expr onLong(ScalarOp op, List<Expr> args) {
    if (op instanceof Composite) {
      throw composite(op);
    }
    check(op, args, LONG);
    if (op instanceof UnaryFn f) {
      return unaryLong(f, args.get(0));
    } else if (op instanceof BinaryFn f) {
      return binaryLong(f, args.get(0), args.get(1));
    } else if (op instanceof TernaryFn f) {
      return ternaryLong(f, args.get(0), args.get(1), args.get(2));
    } else if (op instanceof Cast) {
      return args.get(0);
    }
    return throughDouble(op, args); // Polygamma
  }

  /**
   * {@code op} lane-wise on vectors of {@code dtype}: an expression of type {@code DoubleVector}
   * (float64) or {@code FloatVector} (float32) that computes {@code op.evalDouble} in every lane
   * within a few ulps on the op's usual domain (special values may differ: {@code maximum} of 0.0
   * and -0.0, {@code sigmoid} below -709 (float: -88) gives 0). Empty when the op has no good
   * vector form (special functions, rounding, comparisons and predicates, integer-only ops, the
   * inverse hyperbolics, sign, floor_div and mod) or {@code dtype} is not a float: the kernel then
   * uses {@link #onDouble}. Casts are the value itself. The expression names Vector API types only
   * through descriptors, so this class loads on a JVM without the module.
   *
   * @param op a single-output op, not a {@link Composite}
   * @param dtype the lanes' dtype
   * @param args one vector expression of the preferred species per input (may be used more than
   *     once)
   * @throws IllegalArgumentException for a composite, or for a wrong number or type of arguments
   */
  public static Optional<Expr> onVector(ScalarOp op, DType dtype, List<Expr> args) {
    if (op instanceof Composite) {
      throw composite(op);
    }
    Optional<VectorCode> lanes = VectorCode.of(dtype);
    if (lanes.isEmpty()) {
      return Optional.empty();
    }
    VectorCode v = lanes.get();
    check(op, args, v.vector());
    if (op instanceof UnaryFn f) {
      return Optional.ofNullable(v.unary(f, args.get(0)));
    } else if (op instanceof BinaryFn f) {
      return Optional.ofNullable(v.binary(f, args.get(0), args.get(1)));
    } else if (op instanceof TernaryFn f) {
      return Optional.ofNullable(v.ternary(f, args.get(0), args.get(1), args.get(2)));
    } else if (op instanceof Cast) {
      return Optional.of(args.get(0));
    }
    return Optional.empty(); // Polygamma
  }

  /**
   * {@code scalar} in every lane of a vector of the preferred species: {@code
   * DoubleVector.broadcast(DoubleVector.SPECIES_PREFERRED, scalar)} for float64 (a double scalar),
   * the FloatVector one for float32 (a float scalar); empty for other dtypes.
   *
   * @throws IllegalArgumentException when scalar's type is not the dtype's lane type
   */
  public static Optional<Expr> vectorBroadcast(DType dtype, Expr scalar) {
    return VectorCode.of(dtype).map(v -> v.broadcast(scalar));
  }

  /**
   * The Vector API class of vectors of {@code dtype} ({@code jdk.incubator.vector.DoubleVector} for
   * float64, {@code FloatVector} for float32), empty for dtypes without vector forms here.
   */
  public static Optional<Type> vectorType(DType dtype) {
    return VectorCode.of(dtype).map(VectorCode::vector);
  }

  private static Expr unaryDouble(UnaryFn f, Expr x) {
    return switch (f) {
      case NEG -> neg(x);
      case ABS -> math("abs", x);
      case SIGN -> scalars("sign", x);
      case SQR -> mul(x, x);
      case RECIPROCAL -> binary(BinaryOp.DIV, lit(1.0), x);
      case EXP -> math("exp", x);
      case EXP2 -> scalars("exp2", x);
      case EXPM1 -> math("expm1", x);
      case LOG -> math("log", x);
      case LOG2 -> scalars("log2", x);
      case LOG10 -> math("log10", x);
      case LOG1P -> math("log1p", x);
      case SQRT -> math("sqrt", x);
      case SIN -> math("sin", x);
      case COS -> math("cos", x);
      case TAN -> math("tan", x);
      case ARCSIN -> math("asin", x);
      case ARCCOS -> math("acos", x);
      case ARCTAN -> math("atan", x);
      case SINH -> math("sinh", x);
      case COSH -> math("cosh", x);
      case TANH -> math("tanh", x);
      case ARCSINH -> scalars("asinh", x);
      case ARCCOSH -> scalars("acosh", x);
      case ARCTANH -> scalars("atanh", x);
      case SIGMOID -> scalars("sigmoid", x);
      case SOFTPLUS -> scalars("softplus", x);
      case ERF -> scalars("erf", x);
      case ERFC -> scalars("erfc", x);
      case ERFINV -> scalars("erfinv", x);
      case GAMMA -> scalars("gamma", x);
      case GAMMALN -> scalars("gammaln", x);
      case PSI -> scalars("psi", x);
      case TRIGAMMA -> scalars("trigamma", x);
      case FLOOR -> math("floor", x);
      case CEIL -> math("ceil", x);
      case ROUND -> math("rint", x);
      case TRUNC -> scalars("trunc", x);
      case NOT -> boolDouble(binary(BinaryOp.EQ, x, lit(0.0)));
      case ISNAN -> boolDouble(call(Double.class, "isNaN", x));
      case ISINF -> boolDouble(call(Double.class, "isInfinite", x));
      case ISFINITE -> boolDouble(call(Double.class, "isFinite", x));
    };
  }

  private static Expr unaryLong(UnaryFn f, Expr x) {
    return switch (f) {
      case NEG -> neg(x);
      case ABS -> math("abs", x);
      case SIGN -> scalars("sign", x);
      case SQR -> mul(x, x);
      case FLOOR, CEIL, ROUND, TRUNC -> x;
      case NOT -> binary(BinaryOp.XOR, x, lit(-1L));
      case ISNAN, ISINF -> lit(0L);
      case ISFINITE -> lit(1L);
      case RECIPROCAL,
          EXP,
          EXP2,
          EXPM1,
          LOG,
          LOG2,
          LOG10,
          LOG1P,
          SQRT,
          SIN,
          COS,
          TAN,
          ARCSIN,
          ARCCOS,
          ARCTAN,
          SINH,
          COSH,
          TANH,
          ARCSINH,
          ARCCOSH,
          ARCTANH,
          SIGMOID,
          SOFTPLUS,
          ERF,
          ERFC,
          ERFINV,
          GAMMA,
          GAMMALN,
          PSI,
          TRIGAMMA ->
          throughDouble(f, List.of(x));
    };
  }

  private static Expr binaryDouble(BinaryFn f, Expr a, Expr b) {
    return switch (f) {
      case ADD -> add(a, b);
      case SUB -> sub(a, b);
      case MUL -> mul(a, b);
      case TRUE_DIV -> binary(BinaryOp.DIV, a, b);
      case FLOOR_DIV -> scalars("floorDiv", a, b);
      case MOD -> scalars("mod", a, b);
      case POW -> scalars("pow", a, b);
      case ARCTAN2 -> math("atan2", a, b);
      case MAXIMUM -> scalars("maximum", a, b);
      case MINIMUM -> scalars("minimum", a, b);
      case LT -> boolDouble(binary(BinaryOp.LT, a, b));
      case LE -> boolDouble(binary(BinaryOp.LE, a, b));
      case GT -> boolDouble(binary(BinaryOp.GT, a, b));
      case GE -> boolDouble(binary(BinaryOp.GE, a, b));
      case EQ -> boolDouble(binary(BinaryOp.EQ, a, b));
      case NEQ -> boolDouble(binary(BinaryOp.NE, a, b));
      // bitwise functions evaluate doubles through longs, as the op does
      case AND -> convert(binary(BinaryOp.AND, convert(a, LONG), convert(b, LONG)), DOUBLE);
      case OR -> convert(binary(BinaryOp.OR, convert(a, LONG), convert(b, LONG)), DOUBLE);
      case XOR -> convert(binary(BinaryOp.XOR, convert(a, LONG), convert(b, LONG)), DOUBLE);
    };
  }

  private static Expr binaryLong(BinaryFn f, Expr a, Expr b) {
    return switch (f) {
      case ADD -> add(a, b);
      case SUB -> sub(a, b);
      case MUL -> mul(a, b);
      case TRUE_DIV, ARCTAN2 -> throughDouble(f, List.of(a, b));
      case FLOOR_DIV -> scalars("floorDiv", a, b);
      case MOD -> scalars("mod", a, b);
      case POW -> scalars("pow", a, b);
      case MAXIMUM -> math("max", a, b);
      case MINIMUM -> math("min", a, b);
      case LT -> boolLong(binary(BinaryOp.LT, a, b));
      case LE -> boolLong(binary(BinaryOp.LE, a, b));
      case GT -> boolLong(binary(BinaryOp.GT, a, b));
      case GE -> boolLong(binary(BinaryOp.GE, a, b));
      case EQ -> boolLong(binary(BinaryOp.EQ, a, b));
      case NEQ -> boolLong(binary(BinaryOp.NE, a, b));
      case AND -> binary(BinaryOp.AND, a, b);
      case OR -> binary(BinaryOp.OR, a, b);
      case XOR -> binary(BinaryOp.XOR, a, b);
    };
  }

  private static Expr ternaryDouble(TernaryFn f, Expr c, Expr a, Expr b) {
    return switch (f) {
      // NaN != 0.0 holds: NaN picks a, as the op says
      case WHERE -> cond(binary(BinaryOp.NE, c, lit(0.0)), a, b);
      case CLIP -> scalars("clip", c, a, b);
    };
  }

  private static Expr ternaryLong(TernaryFn f, Expr c, Expr a, Expr b) {
    return switch (f) {
      case WHERE -> cond(binary(BinaryOp.NE, c, lit(0L)), a, b);
      case CLIP -> scalars("clip", c, a, b);
    };
  }

  /** {@code (long) f((double) args...)}: how the float functions evaluate longs. */
  private static Expr throughDouble(ScalarOp op, List<Expr> args) {
    return convert(onDouble(op, args.stream().map(a -> convert(a, DOUBLE)).toList()), LONG);
  }

  private static Expr boolDouble(Expr test) {
    return cond(test, lit(1.0), lit(0.0));
  }

  private static Expr boolLong(Expr test) {
    return cond(test, lit(1L), lit(0L));
  }

  private static Expr math(String name, Expr... args) {
    return call(Math.class, name, args);
  }

  private static Expr scalars(String name, Expr... args) {
    return call(Scalars.class, name, args);
  }

  /** A static call of {@code owner.name} whose parameter types are the arguments' types. */
  private static Expr call(Class<?> owner, String name, Expr... args) {
    Class<?>[] params = new Class<?>[args.length];
    for (int i = 0; i < args.length; i++) {
      params[i] =
          switch (args[i].type().getSort()) {
            case Type.INT -> int.class;
            case Type.LONG -> long.class;
            case Type.DOUBLE -> double.class;
            default -> throw new IllegalArgumentException("no scalar call on " + args[i].type());
          };
    }
    return Code.callStatic(owner, name, params, args);
  }

  private static void check(ScalarOp op, List<Expr> args, Type type) {
    if (args.size() != op.arity()) {
      throw new IllegalArgumentException(
          op.opName() + " takes " + op.arity() + " arguments, got " + args.size());
    }
    for (Expr a : args) {
      if (!a.type().equals(type)) {
        throw new IllegalArgumentException(
            op.opName() + " on " + type.getClassName() + " got an argument of " + a.type());
      }
    }
  }

  private static IllegalArgumentException composite(ScalarOp op) {
    return new IllegalArgumentException(
        "the lowering expands composites into their instructions, got " + op.opName());
  }
}
