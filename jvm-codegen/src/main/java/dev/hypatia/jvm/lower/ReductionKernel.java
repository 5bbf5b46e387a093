package dev.hypatia.jvm.lower;

import static dev.hypatia.jvm.code.Code.add;
import static dev.hypatia.jvm.code.Code.assign;
import static dev.hypatia.jvm.code.Code.binary;
import static dev.hypatia.jvm.code.Code.comment;
import static dev.hypatia.jvm.code.Code.cond;
import static dev.hypatia.jvm.code.Code.declare;
import static dev.hypatia.jvm.code.Code.lit;
import static dev.hypatia.jvm.code.Code.load;
import static dev.hypatia.jvm.code.Code.local;
import static dev.hypatia.jvm.code.Code.loop;
import static dev.hypatia.jvm.code.Code.store;
import static dev.hypatia.jvm.lower.Names.NDARRAY;
import static dev.hypatia.jvm.lower.Names.nd;

import dev.hypatia.jvm.code.Expr;
import dev.hypatia.jvm.code.Expr.BinaryOp;
import dev.hypatia.jvm.code.MethodDef;
import dev.hypatia.jvm.code.Stmt;
import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.ops.FusedReduce;
import dev.hypatia.symbolic.ops.Reduce;
import dev.hypatia.symbolic.scalar.BinaryFn;
import dev.hypatia.symbolic.scalar.Composite;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Type;

/**
 * The loop of one reduction node, its elementwise producer folded in ({@link FusedReduce}; a plain
 * {@link Reduce} folds its input): {@code static void rN(NDArray out, int[] axes, NDArray a0..)}.
 * As the reference, floats fold in double and integers in long, rounding once at the end. A fold of
 * everything over contiguous inputs is one flat loop (with a Vector API accumulator for float64 sum
 * and prod); other folds walk rows into an accumulator array.
 */
final class ReductionKernel {
  private static final Set<BinaryFn> VECTOR_FOLDS = Set.of(BinaryFn.ADD, BinaryFn.MUL);

  private final Apply node;
  private final Composite producer;
  private final BinaryFn fn;
  private final DType outType;
  private final List<DType> inTypes = new ArrayList<>();
  private final List<Expr.Local> ins = new ArrayList<>();
  private final Expr.Local out = local("out", NDARRAY);
  private final Expr.Local axes = local("axes", Names.INTS);

  ReductionKernel(Apply node) {
    this.node = node;
    if (node.op() instanceof FusedReduce f) {
      producer = f.producer();
      fn = f.fn();
    } else {
      producer = null;
      fn = ((Reduce) node.op()).fn();
    }
    outType = node.output(0).dtype();
    for (int k = 0; k < node.inputs().size(); k++) {
      inTypes.add(node.input(k).dtype());
      ins.add(local("a" + k, NDARRAY));
    }
  }

  private Type accType() {
    return Storage.valueType(outType);
  }

  private Expr start() {
    boolean d = !outType.isDiscrete();
    return switch (fn) {
      case ADD -> d ? lit(-0.0) : lit(0L); // -0.0 + x == x for every x, -0.0 included
      case MUL -> d ? lit(1.0) : lit(1L);
      case MAXIMUM -> d ? lit(Double.NEGATIVE_INFINITY) : lit(Long.MIN_VALUE);
      case MINIMUM -> d ? lit(Double.POSITIVE_INFINITY) : lit(Long.MAX_VALUE);
      case AND -> lit(-1L);
      default -> d ? lit(0.0) : lit(0L);
    };
  }

  private Expr identity() {
    double v = fn.identity().orElse(0.0);
    return outType.isDiscrete() ? lit((long) v) : lit(v);
  }

  private Expr combine(Expr acc, Expr v) {
    return outType.isDiscrete()
        ? ScalarTable.onLong(fn, List.of(acc, v))
        : ScalarTable.onDouble(fn, List.of(acc, v));
  }

  /** The kernel method named {@code name}. */
  MethodDef build(String name, boolean vectorize) {
    List<Stmt> body = new ArrayList<>();
    ElementwiseKernel.Arrays a = new ElementwiseKernel.Arrays(body);
    a.bind(out, "ob", outType);
    for (int k = 0; k < ins.size(); k++) {
      a.bind(ins.get(k), "ab" + k, inTypes.get(k));
    }
    Expr.Local shape = local("shape", Names.INTS);
    Expr arrays = new Expr.ArrayOf(NDARRAY, new ArrayList<Expr>(ins));
    body.add(declare(shape, Names.kernels("broadcast", new Class<?>[] {NDArray[].class}, arrays)));
    Expr.Local count = local("count", Type.INT_TYPE);
    body.add(
        declare(
            count,
            Names.kernels("foldCount", new Class<?>[] {int[].class, int[].class}, shape, axes)));
    Expr.Local m = local("m", Type.INT_TYPE);
    body.add(declare(m, nd(out, "size", Type.INT_TYPE)));
    Expr.Local fo = local("fo", Type.INT_TYPE);
    body.add(declare(fo, nd(out, "offset", Type.INT_TYPE)));
    Expr test = binary(BinaryOp.EQ, m, lit(1));
    for (Expr.Local in : ins) {
      Expr same =
          Names.kernels("contiguousWith", new Class<?>[] {NDArray.class, int[].class}, in, shape);
      test = new Expr.Binary(BinaryOp.AND, test, same);
    }
    List<Stmt> flat = flat(a, shape, count, fo, vectorize);
    List<Stmt> rows = rows(a, shape, count, m, fo);
    body.add(new Stmt.If(test, flat, rows));
    List<Expr.Local> params = new ArrayList<>(List.of(out, axes));
    params.addAll(ins);
    return new MethodDef(name, Type.VOID_TYPE, params, body, true, node.op().name());
  }

  /** The produced value of one element, from each input's element. */
  private Expr produce(List<Stmt> body, List<Expr> args) {
    if (producer == null) {
      return args.get(0);
    }
    return new ScalarCode(body, "t").emit(producer, inTypes, args).get(0);
  }

  private List<Stmt> flat(
      ElementwiseKernel.Arrays a, Expr.Local shape, Expr.Local count, Expr.Local fo, boolean vec) {
    List<Stmt> body = new ArrayList<>();
    Expr.Local n = local("n", Type.INT_TYPE);
    body.add(declare(n, Names.kernels("size", new Class<?>[] {int[].class}, shape)));
    List<Expr.Local> offs = new ArrayList<>();
    for (int k = 0; k < ins.size(); k++) {
      Expr.Local off = local("f" + k, Type.INT_TYPE);
      body.add(declare(off, nd(ins.get(k), "offset", Type.INT_TYPE)));
      offs.add(off);
    }
    Expr.Local acc = local("acc", accType());
    body.add(declare(acc, start()));
    Expr from = lit(0);
    if (vec && vectorizable()) {
      Expr.Local bound = local("bound", Type.INT_TYPE);
      body.add(comment("SIMD accumulator"));
      body.add(declare(bound, Vectors.loopBound(DType.FLOAT64, n)));
      body.addAll(vectorFold(a, offs, bound, acc));
      from = bound;
    }
    Expr.Local i = local("i", Type.INT_TYPE);
    List<Stmt> elem = new ArrayList<>();
    List<Expr> args = new ArrayList<>();
    for (int k = 0; k < ins.size(); k++) {
      args.add(Storage.read(a.data.get(k + 1), add(offs.get(k), i), inTypes.get(k)));
    }
    Expr v = produce(elem, args);
    elem.add(assign(acc, combine(acc, v)));
    body.add(loop(i, from, n, lit(1), elem));
    body.add(assign(acc, cond(binary(BinaryOp.EQ, count, lit(0)), identity(), acc)));
    body.add(Storage.write(a.data.get(0), fo, acc, outType));
    return body;
  }

  private boolean vectorizable() {
    if (outType != DType.FLOAT64 || !VECTOR_FOLDS.contains(fn)) {
      return false;
    }
    for (DType t : inTypes) {
      if (t != DType.FLOAT64) {
        return false;
      }
    }
    return producer == null || VectorLoop.supports(producer, inTypes);
  }

  private List<Stmt> vectorFold(
      ElementwiseKernel.Arrays a, List<Expr.Local> offs, Expr.Local bound, Expr.Local acc) {
    DType d = DType.FLOAT64;
    List<Stmt> body = new ArrayList<>();
    Expr.Local vacc = local("vacc", Vectors.vectorType(d));
    body.add(declare(vacc, Vectors.broadcast(d, start())));
    Expr.Local i = local("i", Type.INT_TYPE);
    List<Stmt> lanes = new ArrayList<>();
    List<Expr> args = new ArrayList<>();
    for (int k = 0; k < ins.size(); k++) {
      Expr.Local x = local("x" + k, Vectors.vectorType(d));
      lanes.add(declare(x, Vectors.fromArray(d, a.data.get(k + 1), add(offs.get(k), i))));
      args.add(x);
    }
    Expr p =
        producer == null
            ? args.get(0)
            : VectorLoop.emit(producer, d, inTypes, args, lanes, "w").orElseThrow().get(0);
    lanes.add(assign(vacc, ScalarTable.onVector(fn, d, List.of(vacc, p)).orElseThrow()));
    Expr.Local step = local("lanes", Type.INT_TYPE);
    body.add(declare(step, Vectors.lanes(d)));
    body.add(loop(i, lit(0), bound, step, lanes));
    // lanes folded into acc one by one, in lane order: deterministic, and a sum of -0.0 stays -0.0
    Expr.Local lane = local("lane", Type.INT_TYPE);
    Expr value = Vectors.lane(d, vacc, lane);
    body.add(loop(lane, lit(0), step, lit(1), List.of(assign(acc, combine(acc, value)))));
    return body;
  }

  private List<Stmt> rows(
      ElementwiseKernel.Arrays a, Expr.Local shape, Expr.Local count, Expr.Local m, Expr.Local fo) {
    List<Stmt> body = new ArrayList<>();
    Type accArray = Type.getType("[" + accType().getDescriptor());
    Expr.Local acc = local("acc", accArray);
    Class<?> fill = outType.isDiscrete() ? long.class : double.class;
    body.add(declare(acc, Names.kernels("filled", new Class<?>[] {int.class, fill}, m, start())));
    Expr.Local it = local("it", Names.LOOP);
    Expr arrays = new Expr.ArrayOf(NDARRAY, new ArrayList<Expr>(ins));
    body.add(
        declare(
            it,
            Names.kernels(
                "reduction",
                new Class<?>[] {int[].class, int[].class, NDArray[].class},
                shape,
                axes,
                arrays)));
    Expr.Local len = local("len", Type.INT_TYPE);
    body.add(
        declare(
            len,
            dev.hypatia.jvm.code.Code.callVirtual(
                it, Names.LOOP, false, "length", Type.getMethodType(Type.INT_TYPE))));
    List<Expr.Local> strides = new ArrayList<>();
    for (int k = 0; k <= ins.size(); k++) {
      Expr.Local s = local("st" + k, Type.INT_TYPE);
      body.add(declare(s, Names.loopAt(it, "stride", k)));
      strides.add(s);
    }
    List<Stmt> row = new ArrayList<>();
    List<Expr.Local> pos = new ArrayList<>();
    for (int k = 0; k <= ins.size(); k++) {
      Expr.Local p = local("p" + k, Type.INT_TYPE);
      row.add(declare(p, Names.loopAt(it, "offset", k)));
      pos.add(p);
    }
    List<Stmt> elem = new ArrayList<>();
    List<Expr> args = new ArrayList<>();
    for (int k = 0; k < ins.size(); k++) {
      args.add(Storage.read(a.data.get(k + 1), pos.get(k + 1), inTypes.get(k)));
    }
    Expr v = produce(elem, args);
    elem.add(store(acc, pos.get(0), combine(load(acc, pos.get(0)), v)));
    for (int k = 0; k < pos.size(); k++) {
      elem.add(assign(pos.get(k), add(pos.get(k), strides.get(k))));
    }
    row.add(loop(local("i", Type.INT_TYPE), lit(0), len, lit(1), elem));
    Expr next =
        dev.hypatia.jvm.code.Code.callVirtual(
            it, Names.LOOP, false, "next", Type.getMethodType(Type.BOOLEAN_TYPE));
    body.add(new Stmt.While(next, row));
    Expr.Local j = local("j", Type.INT_TYPE);
    Expr value = cond(binary(BinaryOp.EQ, count, lit(0)), identity(), load(acc, j));
    body.add(
        loop(
            j,
            lit(0),
            m,
            lit(1),
            List.of(Storage.write(a.data.get(0), add(fo, j), value, outType))));
    return body;
  }
}
