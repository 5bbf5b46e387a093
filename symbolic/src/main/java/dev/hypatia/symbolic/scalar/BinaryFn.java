package dev.hypatia.symbolic.scalar;

import dev.hypatia.symbolic.DType;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * Scalar functions of two arguments, with numpy's semantics.
 *
 * <p>Dtype rules, by {@link Rule}: arithmetic returns {@link DType#promote} of the inputs (bool
 * with bool stays bool: add is logical or, mul logical and); {@code sub} rejects bool with bool;
 * {@code floor_div}, {@code mod} and {@code pow} turn bool with bool into int8, as numpy does;
 * {@code true_div} makes integers and bool float64; {@code arctan2} returns the promoted dtype's
 * {@link DType#toFloat()}; comparisons return bool; {@code and}, {@code or}, {@code xor} are
 * logical on bool, bitwise on integers, and reject floats.
 *
 * <p>Values: {@code floor_div} and {@code mod} follow Python's signs (the remainder has the
 * divisor's sign) and give 0 for integer division by zero; an integer {@code pow} with a negative
 * exponent is an error; {@code maximum} and {@code minimum} propagate NaN.
 */
public enum BinaryFn implements ScalarOp {
  ADD("add", Rule.ARITHMETIC, (a, b) -> a + b, (a, b) -> a + b),
  SUB("sub", Rule.SUBTRACT, (a, b) -> a - b, (a, b) -> a - b),
  MUL("mul", Rule.ARITHMETIC, (a, b) -> a * b, (a, b) -> a * b),
  TRUE_DIV("true_div", Rule.TRUE_DIVIDE, (a, b) -> a / b, null),
  FLOOR_DIV("floor_div", Rule.INTEGRAL, ScalarMath::floorDiv, ScalarMath::floorDiv),
  MOD("mod", Rule.INTEGRAL, ScalarMath::mod, ScalarMath::mod),
  POW("pow", Rule.INTEGRAL, ScalarMath::pow, ScalarMath::pow),
  ARCTAN2("arctan2", Rule.FLOAT, Math::atan2, null),
  MAXIMUM("maximum", Rule.ARITHMETIC, ScalarMath::maximum, Math::max),
  MINIMUM("minimum", Rule.ARITHMETIC, ScalarMath::minimum, Math::min),
  LT("lt", Rule.COMPARISON, (a, b) -> ScalarMath.bool(a < b), (a, b) -> ScalarMath.boolLong(a < b)),
  LE(
      "le",
      Rule.COMPARISON,
      (a, b) -> ScalarMath.bool(a <= b),
      (a, b) -> ScalarMath.boolLong(a <= b)),
  GT("gt", Rule.COMPARISON, (a, b) -> ScalarMath.bool(a > b), (a, b) -> ScalarMath.boolLong(a > b)),
  GE(
      "ge",
      Rule.COMPARISON,
      (a, b) -> ScalarMath.bool(a >= b),
      (a, b) -> ScalarMath.boolLong(a >= b)),
  EQ(
      "eq",
      Rule.COMPARISON,
      (a, b) -> ScalarMath.bool(a == b),
      (a, b) -> ScalarMath.boolLong(a == b)),
  NEQ(
      "neq",
      Rule.COMPARISON,
      (a, b) -> ScalarMath.bool(a != b),
      (a, b) -> ScalarMath.boolLong(a != b)),
  AND("and", Rule.BITWISE, null, (a, b) -> a & b),
  OR("or", Rule.BITWISE, null, (a, b) -> a | b),
  XOR("xor", Rule.BITWISE, null, (a, b) -> a ^ b);

  /** f(a, b) == f(b, a). */
  public static final Set<BinaryFn> COMMUTATIVE =
      EnumSet.of(ADD, MUL, MAXIMUM, MINIMUM, EQ, NEQ, AND, OR, XOR);

  /** f(f(a, b), c) == f(a, f(b, c)) (exactly for integers; up to rounding for floats). */
  public static final Set<BinaryFn> ASSOCIATIVE =
      EnumSet.of(ADD, MUL, MAXIMUM, MINIMUM, AND, OR, XOR);

  /** The comparisons, which return bool. */
  public static final Set<BinaryFn> COMPARISON = EnumSet.of(LT, LE, GT, GE, EQ, NEQ);

  /** Logical on bool, bitwise on integers. */
  public static final Set<BinaryFn> BITWISE = EnumSet.of(AND, OR, XOR);

  /** The functions {@code Reduce} folds: sum, prod, max, min, all, any. */
  public static final Set<BinaryFn> REDUCIBLE = EnumSet.of(ADD, MUL, MAXIMUM, MINIMUM, AND, OR);

  /** How a binary function's output dtype follows from its inputs'. */
  public enum Rule {
    /** The promoted dtype. */
    ARITHMETIC,
    /** The promoted dtype; bool with bool is rejected. */
    SUBTRACT,
    /** The promoted dtype; bool with bool becomes int8. */
    INTEGRAL,
    /** The promoted dtype, float64 when that is integer or bool. */
    TRUE_DIVIDE,
    /** The promoted dtype's {@link DType#toFloat()}. */
    FLOAT,
    /** bool. */
    COMPARISON,
    /** The promoted dtype; floats are rejected. */
    BITWISE
  }

  private final String opName;
  private final Rule rule;
  private final DoubleBinaryOperator onDouble;
  private final LongBinaryOperator onLong;

  BinaryFn(String opName, Rule rule, DoubleBinaryOperator onDouble, LongBinaryOperator onLong) {
    this.opName = opName;
    this.rule = rule;
    // Float-only functions evaluate longs through doubles; bitwise ones doubles through longs.
    this.onDouble = onDouble != null ? onDouble : (a, b) -> onLong.applyAsLong((long) a, (long) b);
    this.onLong = onLong != null ? onLong : (a, b) -> (long) onDouble.applyAsDouble(a, b);
  }

  @Override
  public int arity() {
    return 2;
  }

  @Override
  public String opName() {
    return opName;
  }

  /** The dtype rule. */
  public Rule rule() {
    return rule;
  }

  /** The output dtype for input dtypes {@code a} and {@code b} (see the class comment). */
  public DType outputDType(DType a, DType b) {
    DType p = DType.promote(a, b);
    return switch (rule) {
      case ARITHMETIC -> p;
      case SUBTRACT -> {
        if (p.isBool()) {
          throw new IllegalArgumentException(
              "sub of two bool tensors is not supported (numpy forbids it): use xor for"
                  + " logical difference, or cast to an integer first");
        }
        yield p;
      }
      case INTEGRAL -> p.isBool() ? DType.INT8 : p;
      case TRUE_DIVIDE -> p.isFloat() ? p : DType.FLOAT64;
      case FLOAT -> p.toFloat();
      case COMPARISON -> DType.BOOL;
      case BITWISE -> {
        if (p.isFloat()) {
          throw new IllegalArgumentException(
              opName
                  + " is logical on bool and bitwise on integers; it rejects floats, got "
                  + a
                  + " and "
                  + b);
        }
        yield p;
      }
    };
  }

  @Override
  public DType outputDType(List<DType> inputs) {
    ScalarOp.checkArity(this, inputs);
    return outputDType(inputs.get(0), inputs.get(1));
  }

  /** f(a, b) on doubles. */
  public double eval(double a, double b) {
    return onDouble.applyAsDouble(a, b);
  }

  /** f(a, b) on longs. */
  public long eval(long a, long b) {
    return onLong.applyAsLong(a, b);
  }

  @Override
  public double evalDouble(double... args) {
    return onDouble.applyAsDouble(args[0], args[1]);
  }

  @Override
  public long evalLong(long... args) {
    return onLong.applyAsLong(args[0], args[1]);
  }

  /**
   * The identity of a reducible function, from which an empty reduction starts: 0 for add and or, 1
   * for mul, -1 (all bits set; true) for and; empty for maximum and minimum, whose empty reductions
   * are errors, and for functions that are not reducible.
   */
  public OptionalDouble identity() {
    return switch (this) {
      case ADD, OR -> OptionalDouble.of(0.0);
      case MUL -> OptionalDouble.of(1.0);
      case AND -> OptionalDouble.of(-1.0);
      default -> OptionalDouble.empty();
    };
  }
}
