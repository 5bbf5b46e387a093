package dev.hypatia.symbolic.scalar;

import dev.hypatia.symbolic.DType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongUnaryOperator;
import org.apache.commons.numbers.gamma.Erf;
import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.Gamma;
import org.apache.commons.numbers.gamma.InverseErf;
import org.apache.commons.numbers.gamma.Trigamma;

/**
 * Scalar functions of one argument, with numpy's semantics (scipy's for the special functions).
 *
 * <p>Dtype rules, by {@link Rule}: float functions return {@link DType#toFloat()} of the input;
 * {@code neg} and {@code sign} keep the dtype and reject bool; {@code abs}, {@code floor}, {@code
 * ceil} and {@code trunc} keep it; {@code sqr} keeps it except bool, which becomes int8 (numpy);
 * {@code round} keeps integers and makes bool float32; predicates return bool; {@code not} is
 * logical on bool and bitwise on integers and rejects floats. {@code reciprocal} is a float
 * function (numpy's integer reciprocal truncates to 0, which no one wants).
 */
public enum UnaryFn implements ScalarOp {
  NEG("neg", Rule.SIGNED, x -> -x, x -> -x),
  ABS("abs", Rule.SAME, Math::abs, Math::abs),
  SIGN("sign", Rule.SIGNED, ScalarMath::sign, Long::signum),
  SQR("sqr", Rule.SQUARE, x -> x * x, x -> x * x),
  RECIPROCAL("reciprocal", Rule.FLOAT, x -> 1.0 / x),
  EXP("exp", Rule.FLOAT, Math::exp),
  EXP2("exp2", Rule.FLOAT, ScalarMath::exp2),
  EXPM1("expm1", Rule.FLOAT, Math::expm1),
  LOG("log", Rule.FLOAT, Math::log),
  LOG2("log2", Rule.FLOAT, ScalarMath::log2),
  LOG10("log10", Rule.FLOAT, Math::log10),
  LOG1P("log1p", Rule.FLOAT, Math::log1p),
  SQRT("sqrt", Rule.FLOAT, Math::sqrt),
  SIN("sin", Rule.FLOAT, Math::sin),
  COS("cos", Rule.FLOAT, Math::cos),
  TAN("tan", Rule.FLOAT, Math::tan),
  ARCSIN("arcsin", Rule.FLOAT, Math::asin),
  ARCCOS("arccos", Rule.FLOAT, Math::acos),
  ARCTAN("arctan", Rule.FLOAT, Math::atan),
  SINH("sinh", Rule.FLOAT, Math::sinh),
  COSH("cosh", Rule.FLOAT, Math::cosh),
  TANH("tanh", Rule.FLOAT, Math::tanh),
  ARCSINH("arcsinh", Rule.FLOAT, ScalarMath::asinh),
  ARCCOSH("arccosh", Rule.FLOAT, ScalarMath::acosh),
  ARCTANH("arctanh", Rule.FLOAT, ScalarMath::atanh),
  /** The logistic function 1/(1+exp(-x)), computed without overflow. */
  SIGMOID("sigmoid", Rule.FLOAT, ScalarMath::sigmoid),
  /** log(1+exp(x)), computed without overflow. */
  SOFTPLUS("softplus", Rule.FLOAT, ScalarMath::softplus),
  ERF("erf", Rule.FLOAT, Erf::value),
  ERFC("erfc", Rule.FLOAT, Erfc::value),
  ERFINV("erfinv", Rule.FLOAT, InverseErf::value),
  GAMMA("gamma", Rule.FLOAT, Gamma::value),
  /** log|Gamma(x)| (scipy's gammaln). */
  GAMMALN("gammaln", Rule.FLOAT, ScalarMath::gammaln),
  /** The digamma function. */
  PSI("psi", Rule.FLOAT, x -> Polygamma.value(0, x)),
  /** The trigamma function, the derivative of psi: 0 at +inf, NaN at -inf, +inf at the poles. */
  TRIGAMMA("trigamma", Rule.FLOAT, UnaryFn::trigamma),
  FLOOR("floor", Rule.SAME, Math::floor, x -> x),
  CEIL("ceil", Rule.SAME, Math::ceil, x -> x),
  /** Round half to even, as numpy's {@code round}. */
  ROUND("round", Rule.ROUND, Math::rint, x -> x),
  TRUNC("trunc", Rule.SAME, x -> x < 0 ? Math.ceil(x) : Math.floor(x), x -> x),
  /** Logical not on bool, bitwise not on integers (numpy's {@code ~}): see {@link ScalarKernel}. */
  NOT("not", Rule.BITWISE, x -> ScalarMath.bool(x == 0), x -> ~x),
  ISNAN("isnan", Rule.PREDICATE, x -> ScalarMath.bool(Double.isNaN(x)), x -> 0),
  ISINF("isinf", Rule.PREDICATE, x -> ScalarMath.bool(Double.isInfinite(x)), x -> 0),
  ISFINITE("isfinite", Rule.PREDICATE, x -> ScalarMath.bool(Double.isFinite(x)), x -> 1);

  /** Functions whose result is float whatever the input ({@link Rule#FLOAT}). */
  public static final Set<UnaryFn> FLOAT_FUNCTIONS = EnumSet.noneOf(UnaryFn.class);

  /** Functions returning bool ({@code isnan}, {@code isinf}, {@code isfinite}). */
  public static final Set<UnaryFn> PREDICATES = EnumSet.of(ISNAN, ISINF, ISFINITE);

  static {
    for (UnaryFn f : values()) {
      if (f.rule == Rule.FLOAT) {
        FLOAT_FUNCTIONS.add(f);
      }
    }
  }

  /** How a unary function's output dtype follows from its input's. */
  public enum Rule {
    /** {@link DType#toFloat()}. */
    FLOAT,
    /** The input dtype. */
    SAME,
    /** The input dtype; bool is rejected. */
    SIGNED,
    /** The input dtype; bool becomes int8. */
    SQUARE,
    /** The input dtype; bool becomes float32. */
    ROUND,
    /** bool. */
    PREDICATE,
    /** The input dtype; floats are rejected. */
    BITWISE
  }

  private final String opName;
  private final Rule rule;
  private final DoubleUnaryOperator onDouble;
  private final LongUnaryOperator onLong;

  UnaryFn(String opName, Rule rule, DoubleUnaryOperator onDouble) {
    this(opName, rule, onDouble, x -> (long) onDouble.applyAsDouble(x));
  }

  UnaryFn(String opName, Rule rule, DoubleUnaryOperator onDouble, LongUnaryOperator onLong) {
    this.opName = opName;
    this.rule = rule;
    this.onDouble = onDouble;
    this.onLong = onLong;
  }

  @Override
  public int arity() {
    return 1;
  }

  @Override
  public String opName() {
    return opName;
  }

  /** Commons' trigamma, with scipy's values at the infinities (Commons gives +inf at +inf). */
  private static double trigamma(double x) {
    if (Double.isInfinite(x)) {
      return x > 0 ? 0.0 : Double.NaN;
    }
    // every double below -2^52 is an integer, a pole like -1 (Commons would step up forever)
    return Trigamma.value(x <= Polygamma.ALL_INTEGERS ? -1.0 : x);
  }

  /** The dtype rule. */
  public Rule rule() {
    return rule;
  }

  /** The output dtype for input dtype {@code x} (see the class comment). */
  public DType outputDType(DType x) {
    return switch (rule) {
      case FLOAT -> x.toFloat();
      case SAME -> x;
      case SIGNED -> reject(x.isBool(), x, "is not defined for bool (use not)");
      case SQUARE -> x.isBool() ? DType.INT8 : x;
      case ROUND -> x.isBool() ? DType.FLOAT32 : x;
      case PREDICATE -> DType.BOOL;
      case BITWISE -> reject(x.isFloat(), x, "needs bool or integer input");
    };
  }

  private DType reject(boolean bad, DType x, String why) {
    if (bad) {
      throw new IllegalArgumentException(opName + " " + why + ", got " + x);
    }
    return x;
  }

  @Override
  public DType outputDType(List<DType> inputs) {
    ScalarOp.checkArity(this, inputs);
    return outputDType(inputs.get(0));
  }

  /** f(x) on doubles. */
  public double eval(double x) {
    return onDouble.applyAsDouble(x);
  }

  /** f(x) on longs. */
  public long eval(long x) {
    return onLong.applyAsLong(x);
  }

  @Override
  public double evalDouble(double... args) {
    return onDouble.applyAsDouble(args[0]);
  }

  @Override
  public long evalLong(long... args) {
    return onLong.applyAsLong(args[0]);
  }
}
