package dev.hypatia.jvm.lower;

import static dev.hypatia.jvm.code.Code.callStatic;
import static dev.hypatia.jvm.code.Code.callVirtual;
import static dev.hypatia.jvm.code.Code.lit;

import dev.hypatia.jvm.code.Expr;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.scalar.BinaryFn;
import dev.hypatia.symbolic.scalar.TernaryFn;
import dev.hypatia.symbolic.scalar.UnaryFn;
import java.util.Optional;
import org.objectweb.asm.Type;

/**
 * The vector half of {@link ScalarTable}: Vector API calls on {@code DoubleVector} or {@code
 * FloatVector} lanes, built from descriptors only (this class never loads a Vector API class).
 * Methods return null where an op has no vector form.
 *
 * @param vector the vector class ({@code DoubleVector} or {@code FloatVector})
 * @param element the lane type (double or float)
 */
record VectorCode(Type vector, Type element) {
  private static final String PKG = "jdk/incubator/vector/";
  private static final Type ANY_VECTOR = Type.getObjectType(PKG + "Vector");
  private static final Type MASK = Type.getObjectType(PKG + "VectorMask");
  private static final Type SPECIES = Type.getObjectType(PKG + "VectorSpecies");
  private static final Type OPERATORS = Type.getObjectType(PKG + "VectorOperators");
  private static final Type UNARY = Type.getObjectType(PKG + "VectorOperators$Unary");
  private static final Type BINARY = Type.getObjectType(PKG + "VectorOperators$Binary");
  private static final Type COMPARISON = Type.getObjectType(PKG + "VectorOperators$Comparison");
  private static final double INV_LN2 = 1.0 / Math.log(2.0);

  /** The lanes of a float dtype; empty for the others. */
  static Optional<VectorCode> of(DType dtype) {
    return switch (dtype) {
      case FLOAT64 ->
          Optional.of(new VectorCode(Type.getObjectType(PKG + "DoubleVector"), Type.DOUBLE_TYPE));
      case FLOAT32 ->
          Optional.of(new VectorCode(Type.getObjectType(PKG + "FloatVector"), Type.FLOAT_TYPE));
      default -> Optional.empty();
    };
  }

  /** f(x) lane-wise, or null. */
  Expr unary(UnaryFn f, Expr x) {
    return switch (f) {
      case NEG -> method(x, "neg");
      case ABS -> method(x, "abs");
      case SQR -> method(x, "mul", x);
      case SQRT -> method(x, "sqrt");
      case RECIPROCAL -> method(broadcastLike(x, 1.0), "div", x);
      case EXP -> lanewise(x, "EXP");
      case EXPM1 -> lanewise(x, "EXPM1");
      case LOG -> lanewise(x, "LOG");
      case LOG10 -> lanewise(x, "LOG10");
      case LOG1P -> lanewise(x, "LOG1P");
      case SIN -> lanewise(x, "SIN");
      case COS -> lanewise(x, "COS");
      case TAN -> lanewise(x, "TAN");
      case ARCSIN -> lanewise(x, "ASIN");
      case ARCCOS -> lanewise(x, "ACOS");
      case ARCTAN -> lanewise(x, "ATAN");
      case SINH -> lanewise(x, "SINH");
      case COSH -> lanewise(x, "COSH");
      case TANH -> lanewise(x, "TANH");
      case EXP2 -> lanewise(broadcastLike(x, 2.0), "POW", x);
      case LOG2 -> withScalar(lanewise(x, "LOG"), "mul", INV_LN2);
      // 1/(1+exp(-x)): exp overflows to inf only where sigmoid is below the smallest normal
      case SIGMOID ->
          method(
              broadcastLike(x, 1.0),
              "div",
              withScalar(lanewise(method(x, "neg"), "EXP"), "add", 1.0));
      // log1p(exp(-|x|)) + max(x, 0), the scalar formula
      case SOFTPLUS ->
          method(
              lanewise(lanewise(method(method(x, "abs"), "neg"), "EXP"), "LOG1P"),
              "add",
              withScalar(x, "max", 0.0));
      case SIGN,
          ARCSINH,
          ARCCOSH,
          ARCTANH,
          ERF,
          ERFC,
          ERFINV,
          GAMMA,
          GAMMALN,
          PSI,
          TRIGAMMA,
          FLOOR,
          CEIL,
          ROUND,
          TRUNC,
          NOT,
          ISNAN,
          ISINF,
          ISFINITE ->
          null;
    };
  }

  /** f(a, b) lane-wise, or null. */
  Expr binary(BinaryFn f, Expr a, Expr b) {
    return switch (f) {
      case ADD -> method(a, "add", b);
      case SUB -> method(a, "sub", b);
      case MUL -> method(a, "mul", b);
      case TRUE_DIV -> method(a, "div", b);
      case ARCTAN2 -> lanewise(a, "ATAN2", b);
      case POW -> pow(a, b);
      // the Vector API's max and min order -0.0 below 0.0 (Math.max); numpy's maximum does not
      case MAXIMUM, MINIMUM, FLOOR_DIV, MOD, LT, LE, GT, GE, EQ, NEQ, AND, OR, XOR -> null;
    };
  }

  /** f(a, b, c) lane-wise, or null. */
  Expr ternary(TernaryFn f, Expr a, Expr b, Expr c) {
    return switch (f) {
      // where(a, b, c): c, with b blended in where a != 0 (NaN included)
      case WHERE -> blend(c, b, compare(a, "NE", 0.0));
      case CLIP -> null; // max and min again (see binary)
    };
  }

  /** {@code Vector.broadcast(SPECIES_PREFERRED, scalar)}. */
  Expr broadcast(Expr scalar) {
    if (!scalar.type().equals(element)) {
      throw new IllegalArgumentException(
          "broadcasting " + scalar.type() + " into lanes of " + element);
    }
    Expr species = new Expr.GetStatic(vector, "SPECIES_PREFERRED", SPECIES);
    return callStatic(
        vector, "broadcast", Type.getMethodType(vector, SPECIES, element), species, scalar);
  }

  /**
   * C's pow: Math.pow lane-wise, then 1 where the base is 1 (any exponent, NaN included) or the
   * base is -1 and the exponent infinite.
   */
  private Expr pow(Expr a, Expr b) {
    Expr baseOne = compare(a, "EQ", 1.0);
    Expr minusOneToInf =
        and(compare(a, "EQ", -1.0), compare(method(b, "abs"), "EQ", Double.POSITIVE_INFINITY));
    Expr mask =
        callVirtual(baseOne, MASK, false, "or", Type.getMethodType(MASK, MASK), minusOneToInf);
    return callVirtual(
        lanewise(a, "POW", b),
        vector,
        false,
        "blend",
        Type.getMethodType(vector, element, MASK),
        constant(1.0),
        mask);
  }

  private static Expr and(Expr m1, Expr m2) {
    return callVirtual(m1, MASK, false, "and", Type.getMethodType(MASK, MASK), m2);
  }

  /** {@code x.name()} or {@code x.name(y)} for a vector y. */
  private Expr method(Expr x, String name, Expr... y) {
    Type desc = y.length == 0 ? Type.getMethodType(vector) : Type.getMethodType(vector, ANY_VECTOR);
    return callVirtual(x, vector, false, name, desc, y);
  }

  /** {@code x.name(c)} for a scalar constant c. */
  private Expr withScalar(Expr x, String name, double c) {
    return callVirtual(x, vector, false, name, Type.getMethodType(vector, element), constant(c));
  }

  /** {@code x.broadcast(c)}: c in every lane of x's species. */
  private Expr broadcastLike(Expr x, double c) {
    return withScalar(x, "broadcast", c);
  }

  /** {@code x.lanewise(VectorOperators.OP)}. */
  private Expr lanewise(Expr x, String op) {
    Expr operator = new Expr.GetStatic(OPERATORS, op, UNARY);
    return callVirtual(x, vector, false, "lanewise", Type.getMethodType(vector, UNARY), operator);
  }

  /** {@code x.lanewise(VectorOperators.OP, y)}. */
  private Expr lanewise(Expr x, String op, Expr y) {
    Expr operator = new Expr.GetStatic(OPERATORS, op, BINARY);
    Type desc = Type.getMethodType(vector, BINARY, ANY_VECTOR);
    return callVirtual(x, vector, false, "lanewise", desc, operator, y);
  }

  /** {@code x.compare(VectorOperators.OP, c)}, a mask. */
  private Expr compare(Expr x, String op, double c) {
    Expr operator = new Expr.GetStatic(OPERATORS, op, COMPARISON);
    Type desc = Type.getMethodType(MASK, COMPARISON, element);
    return callVirtual(x, vector, false, "compare", desc, operator, constant(c));
  }

  /** {@code x.blend(y, mask)}: y's lanes where mask is set, x's elsewhere. */
  private Expr blend(Expr x, Expr y, Expr mask) {
    Type desc = Type.getMethodType(vector, ANY_VECTOR, MASK);
    return callVirtual(x, vector, false, "blend", desc, y, mask);
  }

  private Expr constant(double c) {
    return element.equals(Type.DOUBLE_TYPE) ? lit(c) : lit((float) c);
  }
}
