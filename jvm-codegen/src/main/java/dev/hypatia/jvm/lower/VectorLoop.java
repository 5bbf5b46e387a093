package dev.hypatia.jvm.lower;

import static dev.hypatia.jvm.code.Code.add;
import static dev.hypatia.jvm.code.Code.declare;
import static dev.hypatia.jvm.code.Code.lit;
import static dev.hypatia.jvm.code.Code.local;

import dev.hypatia.jvm.code.Expr;
import dev.hypatia.jvm.code.Stmt;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.scalar.Composite;
import dev.hypatia.symbolic.scalar.ScalarOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.objectweb.asm.Type;

/**
 * The Vector API form of a scalar op over one float dtype: each step from {@link
 * ScalarTable#onVector}, lanes computed in the dtype itself (float32 in float, which differs from
 * the reference's double-then-round by float32 rounding only).
 */
final class VectorLoop {
  private final DType dtype;
  private final ScalarOp op;
  private final List<DType> inTypes;
  private final int outputs;

  VectorLoop(DType dtype, ScalarOp op, List<DType> inTypes, int outputs) {
    this.dtype = dtype;
    this.op = op;
    this.inTypes = inTypes;
    this.outputs = outputs;
  }

  /**
   * Whether {@code op} on inputs of {@code inTypes} (all one float dtype) has a vector form: every
   * step has one in {@link ScalarTable} and keeps the dtype.
   */
  static boolean supports(ScalarOp op, List<DType> inTypes) {
    DType d = inTypes.isEmpty() ? null : inTypes.get(0);
    if (d == null || !d.isFloat()) {
      return false;
    }
    return emit(op, d, inTypes, placeholders(d, inTypes.size()), new ArrayList<>(), "x")
        .isPresent();
  }

  private static List<Expr> placeholders(DType d, int n) {
    List<Expr> p = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      p.add(local("x" + i, Vectors.vectorType(d)));
    }
    return p;
  }

  /** The outputs of op on vector args, appending temporaries to body; empty when unsupported. */
  static Optional<List<Expr>> emit(
      ScalarOp op, DType d, List<DType> types, List<Expr> args, List<Stmt> body, String prefix) {
    if (op instanceof Composite c) {
      List<Expr> slots = new ArrayList<>(args);
      List<DType> slotTypes = new ArrayList<>(types);
      for (Composite.Instruction ins : c.instructions()) {
        List<Expr> a = new ArrayList<>();
        List<DType> t = new ArrayList<>();
        for (int s : ins.args()) {
          a.add(slots.get(s));
          t.add(slotTypes.get(s));
        }
        Optional<List<Expr>> r = emit(ins.op(), d, t, a, body, prefix);
        if (r.isEmpty()) {
          return Optional.empty();
        }
        slots.add(r.get().get(0));
        slotTypes.add(ins.op().outputDType(t));
      }
      List<Expr> out = new ArrayList<>();
      for (int o : c.outputs()) {
        out.add(slots.get(o));
      }
      return Optional.of(out);
    }
    if (op.outputDType(types) != d) {
      return Optional.empty();
    }
    Optional<Expr> r = ScalarTable.onVector(op, d, args);
    if (r.isEmpty()) {
      return Optional.empty();
    }
    Expr.Local t = local(prefix + body.size(), Vectors.vectorType(d));
    body.add(declare(t, r.get()));
    return Optional.of(List.of(t));
  }

  /**
   * The vector loop over elements {@code 0 .. bound}: operand k (outputs first) at {@code offs[k] +
   * i}; inputs with a hoisted scalar value are broadcast once before the loop.
   */
  List<Stmt> loop(
      ElementwiseKernel.Arrays a, List<Expr> hoisted, List<Expr.Local> offs, Expr.Local bound) {
    List<Stmt> body = new ArrayList<>();
    List<Expr> vectorHoisted = new ArrayList<>();
    for (int k = 0; k < hoisted.size(); k++) {
      Expr h = hoisted.get(k);
      if (h == null) {
        vectorHoisted.add(null);
        continue;
      }
      Expr.Local v = local("vs" + k, Vectors.vectorType(dtype));
      body.add(declare(v, Vectors.broadcast(dtype, h)));
      vectorHoisted.add(v);
    }
    Expr.Local i = local("i", Type.INT_TYPE);
    List<Stmt> lanes = new ArrayList<>();
    List<Expr> args = new ArrayList<>();
    for (int k = 0; k < inTypes.size(); k++) {
      Expr h = vectorHoisted.get(k);
      int slot = outputs + k;
      if (h != null) {
        args.add(h);
        continue;
      }
      Expr.Local x = local("x" + k, Vectors.vectorType(dtype));
      lanes.add(declare(x, Vectors.fromArray(dtype, a.data.get(slot), add(offs.get(slot), i))));
      args.add(x);
    }
    List<Expr> results = emit(op, dtype, inTypes, args, lanes, "w").orElseThrow();
    for (int k = 0; k < outputs; k++) {
      lanes.add(Vectors.intoArray(dtype, results.get(k), a.data.get(k), add(offs.get(k), i)));
    }
    Expr.Local step = local("lanes", Type.INT_TYPE);
    body.add(declare(step, Vectors.lanes(dtype)));
    body.add(dev.hypatia.jvm.code.Code.loop(i, lit(0), bound, step, lanes));
    return body;
  }
}
