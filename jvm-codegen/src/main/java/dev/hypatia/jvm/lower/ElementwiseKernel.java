package dev.hypatia.jvm.lower;

import static dev.hypatia.jvm.code.Code.add;
import static dev.hypatia.jvm.code.Code.assign;
import static dev.hypatia.jvm.code.Code.comment;
import static dev.hypatia.jvm.code.Code.declare;
import static dev.hypatia.jvm.code.Code.lit;
import static dev.hypatia.jvm.code.Code.local;
import static dev.hypatia.jvm.code.Code.loop;
import static dev.hypatia.jvm.lower.Names.NDARRAY;
import static dev.hypatia.jvm.lower.Names.nd;

import dev.hypatia.jvm.code.Expr;
import dev.hypatia.jvm.code.MethodDef;
import dev.hypatia.jvm.code.Stmt;
import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.ops.Elemwise;
import dev.hypatia.symbolic.scalar.ScalarOp;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Type;

/**
 * The loop of one elementwise node: {@code static void kN(NDArray o0.., NDArray a0..)} writes every
 * output element from the inputs broadcast to the outputs' shape. Two paths: when every input is
 * laid out as the (contiguous) outputs, one flat loop (a Vector API loop first, when the scalar op
 * has a vector form); otherwise a {@link dev.hypatia.jvm.runtime.StridedLoop} over rows. Inputs
 * statically of one element are read once, outside the loop.
 */
final class ElementwiseKernel {
  private final Apply node;
  private final ScalarOp op;
  private final List<DType> inTypes = new ArrayList<>();
  private final List<DType> outTypes = new ArrayList<>();
  private final List<Expr.Local> outs = new ArrayList<>();
  private final List<Expr.Local> ins = new ArrayList<>();
  private final boolean[] single;

  ElementwiseKernel(Apply node) {
    this.node = node;
    this.op = ((Elemwise) node.op()).scalar();
    for (int k = 0; k < node.outputs().size(); k++) {
      outTypes.add(node.output(k).dtype());
      outs.add(local("o" + k, NDARRAY));
    }
    single = new boolean[node.inputs().size()];
    for (int k = 0; k < node.inputs().size(); k++) {
      inTypes.add(node.input(k).dtype());
      ins.add(local("a" + k, NDARRAY));
      single[k] = isSingle(node.input(k).type().shape());
    }
  }

  /** Whether a static shape always holds exactly one element. */
  static boolean isSingle(int[] shape) {
    for (int d : shape) {
      if (d != 1) {
        return false;
      }
    }
    return true;
  }

  /** The kernel method named {@code name}; {@code vectorize} allows a Vector API path. */
  MethodDef build(String name, boolean vectorize) {
    List<Stmt> body = new ArrayList<>();
    Arrays a = new Arrays(body);
    for (int k = 0; k < outs.size(); k++) {
      a.bind(outs.get(k), "ob" + k, outTypes.get(k));
    }
    List<Expr> hoisted = new ArrayList<>();
    for (int k = 0; k < ins.size(); k++) {
      Expr data = a.bind(ins.get(k), "ab" + k, inTypes.get(k));
      if (single[k]) {
        Expr.Local s = local("s" + k, Storage.valueType(inTypes.get(k)));
        body.add(
            declare(
                s, Storage.read(data, nd(ins.get(k), "offset", Type.INT_TYPE), inTypes.get(k))));
        hoisted.add(s);
      } else {
        hoisted.add(null);
      }
    }
    Expr.Local n = local("n", Type.INT_TYPE);
    body.add(declare(n, nd(outs.get(0), "size", Type.INT_TYPE)));
    Expr test = lit(true);
    for (int k = 1; k < outs.size(); k++) {
      test = and(test, sameLayout(outs.get(k)));
    }
    for (int k = 0; k < ins.size(); k++) {
      if (!single[k]) {
        test = and(test, sameLayout(ins.get(k)));
      }
    }
    List<Stmt> flat = new FlatLoop(a, hoisted, n).build(vectorize ? vectorType() : null);
    List<Stmt> strided = new StridedRows(a, hoisted).build();
    body.add(new Stmt.If(test, flat, strided));
    return new MethodDef(name, Type.VOID_TYPE, params(), body, true, node.op().name());
  }

  private List<Expr.Local> params() {
    List<Expr.Local> p = new ArrayList<>(outs);
    p.addAll(ins);
    return p;
  }

  private Expr sameLayout(Expr a) {
    return Names.kernels(
        "sameLayout", new Class<?>[] {NDArray.class, NDArray.class}, a, outs.get(0));
  }

  private static Expr and(Expr a, Expr b) {
    return a instanceof Expr.Literal ? b : new Expr.Binary(Expr.BinaryOp.AND, a, b);
  }

  /** The float dtype every operand and step shares when the op has a vector form, else null. */
  private DType vectorType() {
    DType d = outTypes.get(0);
    if (d != DType.FLOAT64 && d != DType.FLOAT32) {
      return null;
    }
    List<DType> all = new ArrayList<>(inTypes);
    all.addAll(outTypes);
    for (DType t : all) {
      if (t != d) {
        return null;
      }
    }
    return VectorLoop.supports(op, inTypes) ? d : null;
  }

  /** The storage arrays of the operands, declared once at the top of the kernel. */
  static final class Arrays {
    private final List<Stmt> body;
    final List<Expr> data = new ArrayList<>();
    final List<DType> types = new ArrayList<>();
    final List<Expr.Local> arrays = new ArrayList<>();

    Arrays(List<Stmt> body) {
      this.body = body;
    }

    Expr bind(Expr.Local array, String name, DType d) {
      Expr.Local l = local(name, Storage.arrayType(d));
      body.add(declare(l, Names.data(array, d)));
      data.add(l);
      types.add(d);
      arrays.add(array);
      return l;
    }
  }

  /** The flat loop: element i of every operand at its offset + i. */
  private final class FlatLoop {
    private final Arrays a;
    private final List<Expr> hoisted;
    private final Expr.Local n;

    FlatLoop(Arrays a, List<Expr> hoisted, Expr.Local n) {
      this.a = a;
      this.hoisted = hoisted;
      this.n = n;
    }

    List<Stmt> build(DType vector) {
      List<Stmt> body = new ArrayList<>();
      List<Expr.Local> offs = new ArrayList<>();
      for (int k = 0; k < a.arrays.size(); k++) {
        Expr.Local off = local("f" + k, Type.INT_TYPE);
        body.add(declare(off, nd(a.arrays.get(k), "offset", Type.INT_TYPE)));
        offs.add(off);
      }
      Expr start = lit(0);
      if (vector != null) {
        body.add(comment("SIMD: " + Vectors.vectorType(vector).getClassName()));
        Expr.Local bound = local("bound", Type.INT_TYPE);
        body.add(declare(bound, Vectors.loopBound(vector, n)));
        body.addAll(new VectorLoop(vector, op, inTypes, outs.size()).loop(a, hoisted, offs, bound));
        start = bound;
      }
      Expr.Local i = local("i", Type.INT_TYPE);
      List<Stmt> elem = new ArrayList<>();
      List<Expr> at = new ArrayList<>();
      for (Expr.Local off : offs) {
        at.add(add(off, i));
      }
      element(elem, a, hoisted, at);
      body.add(loop(i, start, n, lit(1), elem));
      return body;
    }
  }

  /** The strided loop: rows of a StridedLoop, each operand stepping by its own stride. */
  private final class StridedRows {
    private final Arrays a;
    private final List<Expr> hoisted;

    StridedRows(Arrays a, List<Expr> hoisted) {
      this.a = a;
      this.hoisted = hoisted;
    }

    List<Stmt> build() {
      List<Stmt> body = new ArrayList<>();
      List<Expr> walked = new ArrayList<>();
      List<Integer> which = new ArrayList<>();
      for (int k = 0; k < a.arrays.size(); k++) {
        int in = k - outs.size();
        if (in < 0 || !single[in]) {
          walked.add(a.arrays.get(k));
          which.add(k);
        }
      }
      Expr.Local it = local("it", Names.LOOP);
      body.add(
          declare(
              it,
              dev.hypatia.jvm.code.Code.callStatic(
                  Names.LOOP,
                  "over",
                  Type.getMethodType(Names.LOOP, Names.NDARRAYS),
                  new Expr.ArrayOf(NDARRAY, walked))));
      Expr.Local len = local("len", Type.INT_TYPE);
      body.add(
          declare(
              len,
              dev.hypatia.jvm.code.Code.callVirtual(
                  it, Names.LOOP, false, "length", Type.getMethodType(Type.INT_TYPE))));
      List<Expr.Local> strides = new ArrayList<>();
      for (int j = 0; j < which.size(); j++) {
        Expr.Local s = local("s" + "t" + which.get(j), Type.INT_TYPE);
        body.add(declare(s, Names.loopAt(it, "stride", j)));
        strides.add(s);
      }
      List<Stmt> row = new ArrayList<>();
      List<Expr> at = new ArrayList<>();
      List<Expr.Local> pos = new ArrayList<>();
      for (int k = 0; k < a.arrays.size(); k++) {
        int j = which.indexOf(k);
        if (j < 0) {
          at.add(null);
          continue;
        }
        Expr.Local p = local("p" + k, Type.INT_TYPE);
        row.add(declare(p, Names.loopAt(it, "offset", j)));
        at.add(p);
        pos.add(p);
      }
      List<Stmt> elem = new ArrayList<>();
      element(elem, a, hoisted, at);
      for (int j = 0; j < pos.size(); j++) {
        elem.add(assign(pos.get(j), add(pos.get(j), strides.get(j))));
      }
      row.add(loop(local("i", Type.INT_TYPE), lit(0), len, lit(1), elem));
      Expr next =
          dev.hypatia.jvm.code.Code.callVirtual(
              it, Names.LOOP, false, "next", Type.getMethodType(Type.BOOLEAN_TYPE));
      body.add(new Stmt.While(next, row));
      return body;
    }
  }

  /** One element: read the inputs at {@code at}, evaluate, store each output at {@code at}. */
  private void element(List<Stmt> body, Arrays a, List<Expr> hoisted, List<Expr> at) {
    List<Expr> args = new ArrayList<>();
    for (int k = 0; k < ins.size(); k++) {
      Expr h = hoisted.get(k);
      int slot = outs.size() + k;
      args.add(h != null ? h : Storage.read(a.data.get(slot), at.get(slot), inTypes.get(k)));
    }
    List<Expr> results = new ScalarCode(body, "t").emit(op, inTypes, args);
    for (int k = 0; k < outs.size(); k++) {
      body.add(Storage.write(a.data.get(k), at.get(k), results.get(k), outTypes.get(k)));
    }
  }
}
