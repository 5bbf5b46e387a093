package dev.hypatia.jvm.lower;

import static dev.hypatia.jvm.code.Code.cond;
import static dev.hypatia.jvm.code.Code.convert;
import static dev.hypatia.jvm.code.Code.lit;
import static dev.hypatia.jvm.code.Code.load;
import static dev.hypatia.jvm.code.Code.store;

import dev.hypatia.jvm.code.Expr;
import dev.hypatia.jvm.code.Stmt;
import dev.hypatia.symbolic.DType;
import org.objectweb.asm.Type;

/**
 * How a dtype's elements sit in storage and in kernel code: arrays of the dtype's storage type, and
 * values as the reference computes them ({@link dev.hypatia.symbolic.scalar.ScalarKernel}): float
 * dtypes as double (float32 values already rounded), integer and bool dtypes as long.
 */
final class Storage {
  private Storage() {}

  /** The storage array type: double[], float[], long[], int[], byte[] or boolean[]. */
  static Type arrayType(DType d) {
    return Type.getType("[" + elementType(d).getDescriptor());
  }

  /** The storage element type. */
  static Type elementType(DType d) {
    return switch (d) {
      case FLOAT64 -> Type.DOUBLE_TYPE;
      case FLOAT32 -> Type.FLOAT_TYPE;
      case INT64 -> Type.LONG_TYPE;
      case INT32 -> Type.INT_TYPE;
      case INT8 -> Type.BYTE_TYPE;
      case BOOL -> Type.BOOLEAN_TYPE;
    };
  }

  /** The type values of {@code d} have in kernel code: double or long. */
  static Type valueType(DType d) {
    return d.isDiscrete() ? Type.LONG_TYPE : Type.DOUBLE_TYPE;
  }

  /** Element {@code index} of {@code array} as a value ({@link #valueType}). */
  static Expr read(Expr array, Expr index, DType d) {
    Expr e = load(array, index);
    if (d.isBool()) {
      return cond(e, lit(1L), lit(0L));
    }
    return convert(e, valueType(d));
  }

  /** Stores value {@code v} (of {@link #valueType}) as {@code d} stores it: rounding, wrapping. */
  static Stmt write(Expr array, Expr index, Expr v, DType d) {
    Expr e =
        d.isBool() ? new Expr.Binary(Expr.BinaryOp.NE, v, lit(0L)) : convert(v, elementType(d));
    return store(array, index, e);
  }
}
