package dev.hypatia.jvm.lower;

import static dev.hypatia.jvm.code.Code.callStatic;
import static dev.hypatia.jvm.code.Code.callVirtual;

import dev.hypatia.jvm.code.Expr;
import dev.hypatia.jvm.code.Stmt;
import dev.hypatia.symbolic.DType;
import org.objectweb.asm.Type;

/**
 * Vector API expressions for a float dtype, built from type descriptors so that the lowering never
 * loads a Vector API class itself (it runs on JVMs without the module; only the generated code
 * links them, and only when {@link dev.hypatia.jvm.runtime.VectorSupport} says they are there).
 */
final class Vectors {
  static final Type SPECIES = Type.getType("Ljdk/incubator/vector/VectorSpecies;");

  private Vectors() {}

  /** DoubleVector for float64, FloatVector for float32 (the scalar table's vector types). */
  static Type vectorType(DType d) {
    return ScalarTable.vectorType(d).orElseThrow();
  }

  /** The lane type: double or float. */
  static Type laneType(DType d) {
    return d == DType.FLOAT64 ? Type.DOUBLE_TYPE : Type.FLOAT_TYPE;
  }

  /** {@code XVector.SPECIES_PREFERRED}: a static final field, so the JIT folds it. */
  static Expr species(DType d) {
    return new Expr.GetStatic(vectorType(d), "SPECIES_PREFERRED", SPECIES);
  }

  /** {@code species.length()}: the lanes per vector. */
  static Expr lanes(DType d) {
    return callVirtual(species(d), SPECIES, true, "length", Type.getMethodType(Type.INT_TYPE));
  }

  /** {@code species.loopBound(n)}: n rounded down to a multiple of the lanes. */
  static Expr loopBound(DType d, Expr n) {
    return callVirtual(
        species(d),
        SPECIES,
        true,
        "loopBound",
        Type.getMethodType(Type.INT_TYPE, Type.INT_TYPE),
        n);
  }

  /** {@code XVector.fromArray(species, array, index)}. */
  static Expr fromArray(DType d, Expr array, Expr index) {
    Type v = vectorType(d);
    return callStatic(
        v,
        "fromArray",
        Type.getMethodType(v, SPECIES, Storage.arrayType(d), Type.INT_TYPE),
        species(d),
        array,
        index);
  }

  /** {@code vector.intoArray(array, index);}. */
  static Stmt intoArray(DType d, Expr vector, Expr array, Expr index) {
    return new Stmt.Eval(
        callVirtual(
            vector,
            vectorType(d),
            false,
            "intoArray",
            Type.getMethodType(Type.VOID_TYPE, Storage.arrayType(d), Type.INT_TYPE),
            array,
            index));
  }

  /** {@code XVector.broadcast(species, value)} for a double value (rounded for float32). */
  static Expr broadcast(DType d, Expr value) {
    Expr lane = dev.hypatia.jvm.code.Code.convert(value, laneType(d));
    return ScalarTable.vectorBroadcast(d, lane).orElseThrow();
  }

  /** {@code vector.lane(i)} as a double. */
  static Expr lane(DType d, Expr vector, Expr i) {
    Expr r =
        callVirtual(
            vector,
            vectorType(d),
            false,
            "lane",
            Type.getMethodType(laneType(d), Type.INT_TYPE),
            i);
    return dev.hypatia.jvm.code.Code.convert(r, Type.DOUBLE_TYPE);
  }
}
