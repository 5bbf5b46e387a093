package dev.hypatia.jvm.lower;

import static dev.hypatia.jvm.code.Code.callStatic;
import static dev.hypatia.jvm.code.Code.callVirtual;

import dev.hypatia.jvm.code.Expr;
import dev.hypatia.jvm.runtime.Frame;
import dev.hypatia.jvm.runtime.Kernels;
import dev.hypatia.jvm.runtime.StridedLoop;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import org.objectweb.asm.Type;

/** Types and calls the lowering names often: NDArray accessors, the runtime classes. */
final class Names {
  static final Type NDARRAY = Type.getType(NDArray.class);
  static final Type NDARRAYS = Type.getType(NDArray[].class);
  static final Type FRAME = Type.getType(Frame.class);
  static final Type KERNELS = Type.getType(Kernels.class);
  static final Type LOOP = Type.getType(StridedLoop.class);
  static final Type DTYPE = Type.getType(DType.class);
  static final Type INTS = Type.getType(int[].class);

  private Names() {}

  /** {@code a.name()} for an NDArray method without arguments returning {@code result}. */
  static Expr nd(Expr a, String name, Type result) {
    return callVirtual(a, NDARRAY, false, name, Type.getMethodType(result));
  }

  /** {@code (T[]) a.data()} for dtype {@code d}. */
  static Expr data(Expr a, DType d) {
    return new Expr.Convert(nd(a, "data", Type.getType(Object.class)), Storage.arrayType(d));
  }

  /** {@code loop.name(k)} for a StridedLoop accessor taking an operand number. */
  static Expr loopAt(Expr loop, String name, int k) {
    return callVirtual(
        loop, LOOP, false, name, Type.getMethodType(Type.INT_TYPE, Type.INT_TYPE), lit(k));
  }

  /** {@code DType.X}. */
  static Expr dtype(DType d) {
    return new Expr.GetStatic(DTYPE, d.name(), DTYPE);
  }

  /** {@code Kernels.name(args)}, found by reflection. */
  static Expr kernels(String name, Class<?>[] params, Expr... args) {
    return callStatic(Kernels.class, name, params, args);
  }

  private static Expr lit(int k) {
    return dev.hypatia.jvm.code.Code.lit(k);
  }
}
