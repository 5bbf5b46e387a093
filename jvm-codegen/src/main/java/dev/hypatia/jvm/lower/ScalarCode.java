package dev.hypatia.jvm.lower;

import static dev.hypatia.jvm.code.Code.binary;
import static dev.hypatia.jvm.code.Code.cond;
import static dev.hypatia.jvm.code.Code.convert;
import static dev.hypatia.jvm.code.Code.declare;
import static dev.hypatia.jvm.code.Code.lit;
import static dev.hypatia.jvm.code.Code.local;

import dev.hypatia.jvm.code.Expr;
import dev.hypatia.jvm.code.Expr.BinaryOp;
import dev.hypatia.jvm.code.Stmt;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.scalar.Cast;
import dev.hypatia.symbolic.scalar.Composite;
import dev.hypatia.symbolic.scalar.ScalarOp;
import dev.hypatia.symbolic.scalar.UnaryFn;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Type;

/**
 * Emits one element of a scalar op (a {@link Composite} step by step) exactly as {@link
 * dev.hypatia.symbolic.scalar.ScalarKernel} evaluates it: each step on longs when its inputs and
 * output are discrete, else on doubles, then rounded or wrapped to its dtype. The code for each
 * function comes from {@link ScalarTable}; this class only chains steps and stores results.
 */
final class ScalarCode {
  private final List<Stmt> body;
  private final String prefix;
  private int temps;

  /** Appends statements to {@code body}, naming temporaries {@code prefix0, prefix1, ...}. */
  ScalarCode(List<Stmt> body, String prefix) {
    this.body = body;
    this.prefix = prefix;
  }

  /**
   * The outputs of {@code op} on values {@code args} of dtypes {@code dtypes} (each a {@link
   * Storage#valueType}); one expression per output, each a local or literal.
   */
  List<Expr> emit(ScalarOp op, List<DType> dtypes, List<Expr> args) {
    if (op instanceof Composite c) {
      List<Expr> slots = new ArrayList<>(args);
      List<DType> types = new ArrayList<>(dtypes);
      for (Composite.Instruction ins : c.instructions()) {
        List<Expr> a = new ArrayList<>();
        List<DType> t = new ArrayList<>();
        for (int s : ins.args()) {
          a.add(slots.get(s));
          t.add(types.get(s));
        }
        slots.add(emit(ins.op(), t, a).get(0));
        types.add(ins.op().outputDType(t));
      }
      List<Expr> out = new ArrayList<>();
      for (int o : c.outputs()) {
        // an output that is an input slot is read now, before any output is stored (in place)
        out.add(o < c.inputCount() ? temp(slots.get(o)) : slots.get(o));
      }
      return out;
    }
    return List.of(temp(step(op, dtypes, args)));
  }

  private Expr temp(Expr value) {
    Expr.Local t = local(prefix + temps++, value.type());
    body.add(declare(t, value));
    return t;
  }

  /** One step, as ScalarKernel.store computes it. */
  static Expr step(ScalarOp op, List<DType> dtypes, List<Expr> args) {
    DType out = op.outputDType(dtypes);
    boolean onLongs = out.isDiscrete();
    for (DType d : dtypes) {
      onLongs &= d.isDiscrete();
    }
    if (onLongs) {
      Expr r =
          op == UnaryFn.NOT && dtypes.get(0).isBool()
              ? cond(binary(BinaryOp.EQ, args.get(0), lit(0L)), lit(1L), lit(0L))
              : ScalarTable.onLong(op, args);
      return wrap(out, r);
    }
    List<Expr> doubles = new ArrayList<>();
    for (Expr a : args) {
      doubles.add(convert(a, Type.DOUBLE_TYPE));
    }
    Expr r = ScalarTable.onDouble(op, doubles);
    if (op instanceof Cast && dtypes.get(0).isDiscrete() && out == DType.FLOAT32) {
      // an int64 rounds to float32 once, from the long
      r = convert(convert(args.get(0), Type.FLOAT_TYPE), Type.DOUBLE_TYPE);
    }
    if (out.isBool()) {
      return cond(binary(BinaryOp.NE, r, lit(0.0)), lit(1L), lit(0L));
    }
    if (out.isDiscrete()) {
      return wrap(out, convert(r, Type.LONG_TYPE));
    }
    return out == DType.FLOAT32 ? convert(convert(r, Type.FLOAT_TYPE), Type.DOUBLE_TYPE) : r;
  }

  /** A long stored in a discrete dtype: narrow integers wrap, bool is non-zero. */
  static Expr wrap(DType d, Expr v) {
    return switch (d) {
      case INT32 -> convert(convert(v, Type.INT_TYPE), Type.LONG_TYPE);
      case INT8 -> convert(convert(convert(v, Type.INT_TYPE), Type.BYTE_TYPE), Type.LONG_TYPE);
      case BOOL -> cond(binary(BinaryOp.NE, v, lit(0L)), lit(1L), lit(0L));
      default -> v;
    };
  }
}
