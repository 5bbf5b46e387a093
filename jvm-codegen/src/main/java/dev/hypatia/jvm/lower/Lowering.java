package dev.hypatia.jvm.lower;

import static dev.hypatia.jvm.code.Code.callVirtual;
import static dev.hypatia.jvm.code.Code.comment;
import static dev.hypatia.jvm.code.Code.declare;
import static dev.hypatia.jvm.code.Code.eval;
import static dev.hypatia.jvm.code.Code.lit;
import static dev.hypatia.jvm.code.Code.load;
import static dev.hypatia.jvm.code.Code.local;
import static dev.hypatia.jvm.code.Code.ret;
import static dev.hypatia.jvm.lower.Names.FRAME;
import static dev.hypatia.jvm.lower.Names.NDARRAY;
import static dev.hypatia.jvm.lower.Names.NDARRAYS;

import dev.hypatia.jvm.code.ClassDef;
import dev.hypatia.jvm.code.Code;
import dev.hypatia.jvm.code.Expr;
import dev.hypatia.jvm.code.MethodDef;
import dev.hypatia.jvm.code.Stmt;
import dev.hypatia.jvm.runtime.Program;
import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Constant;
import dev.hypatia.symbolic.FunctionGraph;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Dot;
import dev.hypatia.symbolic.ops.Shape;
import dev.hypatia.symbolic.ops.SumToShape;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Type;

/**
 * Lowers a rewritten graph to a {@link LoweredProgram}: the nodes in topological order, a {@link
 * MemoryPlan}, one kernel method per elementwise or reduction node, and a {@code run} method that
 * walks the schedule. The class depends only on the graph's structure (constants are read from the
 * frame by number), so equal structures give equal classes, which the class cache shares.
 */
public final class Lowering {
  private final FunctionGraph graph;
  private final boolean vectorize;
  private final List<Apply> schedule;
  private final MemoryPlan plan;
  private final Map<Variable, Expr.Local> locals = new IdentityHashMap<>();
  private final List<NDArray> constants = new ArrayList<>();
  private final List<MethodDef> kernels = new ArrayList<>();
  private final Expr.Local frame = local("frame", FRAME);
  private final String packageName;

  private Lowering(FunctionGraph graph, boolean vectorize, String packageName) {
    this.graph = graph;
    this.vectorize = vectorize;
    this.packageName = packageName;
    this.schedule = graph.toposort();
    this.plan = MemoryPlan.of(graph, schedule);
  }

  /** The simple name of every generated graph class. */
  public static final String CLASS_NAME = "Graph";

  /**
   * Lowers {@code graph}; {@code vectorize} emits Vector API loops where the scalar ops have vector
   * forms; {@code packageName} is where the generator puts the class (its kernels are called by
   * qualified name). Not modified: graph.
   */
  public static LoweredProgram lower(FunctionGraph graph, boolean vectorize, String packageName) {
    return new Lowering(graph, vectorize, packageName).build();
  }

  private LoweredProgram build() {
    List<Stmt> body = new ArrayList<>();
    Expr.Local in = local("inputs", NDARRAYS);
    for (int i = 0; i < graph.inputs().size(); i++) {
      Variable v = graph.inputs().get(i);
      body.add(declare(name(v), load(in, lit(i))));
    }
    for (int k = 0; k < schedule.size(); k++) {
      step(body, k, schedule.get(k));
    }
    List<Expr> outs = new ArrayList<>();
    for (Variable o : graph.outputs()) {
      outs.add(value(body, o));
    }
    body.add(ret(new Expr.ArrayOf(NDARRAY, outs)));
    MethodDef run = new MethodDef("run", NDARRAYS, List.of(in, frame), body, false, "the schedule");
    List<MethodDef> methods = new ArrayList<>(kernels);
    methods.add(0, run);
    ClassDef def =
        new ClassDef(CLASS_NAME, List.of(Type.getType(Program.class)), methods, "a compiled graph");
    return new LoweredProgram(
        def, schedule.toArray(new Apply[0]), constants.toArray(new NDArray[0]), plan);
  }

  private Expr.Local name(Variable v) {
    return locals.computeIfAbsent(v, x -> local("v" + locals.size(), NDARRAY));
  }

  /** The local holding v's value, declaring constants on first use. */
  private Expr value(List<Stmt> body, Variable v) {
    Expr.Local l = locals.get(v);
    if (l != null) {
      return l;
    }
    if (v instanceof Constant c) {
      l = name(v);
      Expr read =
          callVirtual(
              frame,
              FRAME,
              false,
              "constant",
              Type.getMethodType(NDARRAY, Type.INT_TYPE),
              lit(constants.size()));
      constants.add(c.valueView());
      body.add(declare(l, read));
      return l;
    }
    throw new IllegalStateException("no value for " + v.describe());
  }

  private void step(List<Stmt> body, int k, Apply node) {
    List<Expr> args = new ArrayList<>();
    for (Variable in : node.inputs()) {
      args.add(value(body, in));
    }
    body.add(comment("node " + k + ": " + node.op().name()));
    body.add(eval(frameCall("at", Type.VOID_TYPE, new Type[] {Type.INT_TYPE}, lit(k))));
    Expr.Local array = local("x" + k, NDARRAYS);
    body.add(declare(array, new Expr.ArrayOf(NDARRAY, args)));
    StepKind kind = StepKind.of(node);
    switch (kind) {
      case ELEMENTWISE, REDUCTION -> kernelStep(body, k, node, kind, args, array);
      case MATRIX ->
          body.add(
              declare(
                  name(node.output(0)),
                  frameCall(
                      shapeOnly(node) ? "dotShape" : "matrix",
                      NDARRAY,
                      new Type[] {Type.INT_TYPE, NDARRAYS},
                      lit(k),
                      array)));
      default -> performStep(body, k, node, array);
    }
  }

  /**
   * Whether {@code node} is a dot whose value is only ever asked for its shape (gradients of
   * broadcasting ops reduce to "the shape of x . w" with sum_to_shape): then the product is not
   * computed, only its shape.
   */
  private boolean shapeOnly(Apply node) {
    if (!(node.op() instanceof Dot)) {
      return false;
    }
    for (FunctionGraph.Client c : graph.clients(node.output(0))) {
      boolean shapeUse =
          !c.isOutput()
              && ((c.node().op() instanceof SumToShape && c.index() == 1)
                  || c.node().op() instanceof Shape);
      if (!shapeUse) {
        return false;
      }
    }
    return true;
  }

  private void kernelStep(
      List<Stmt> body, int k, Apply node, StepKind kind, List<Expr> args, Expr.Local array) {
    boolean elementwise = kind == StepKind.ELEMENTWISE;
    Expr.Local shape = local("sh" + k, Names.INTS);
    Expr sh =
        frameCall(
            elementwise ? "broadcast" : "reduce",
            Names.INTS,
            new Type[] {Type.INT_TYPE, NDARRAYS},
            lit(k),
            array);
    body.add(declare(shape, sh));
    List<Expr> call = new ArrayList<>();
    for (Variable out : node.outputs()) {
      MemoryPlan.Decision d = plan.decision(out);
      Expr dtype = Names.dtype(out.dtype());
      Expr storage =
          d.reuses() == null
              ? frameCall("allocate", NDARRAY, new Type[] {Names.DTYPE, Names.INTS}, dtype, shape)
              : frameCall(
                  d.inPlace() ? "inPlace" : "reuse",
                  NDARRAY,
                  new Type[] {NDARRAY, Names.DTYPE, Names.INTS},
                  locals.get(d.reuses()),
                  dtype,
                  shape);
      if (d.reuses() != null) {
        body.add(
            comment((d.inPlace() ? "in place of " : "reusing ") + locals.get(d.reuses()).name()));
      }
      body.add(declare(name(out), storage));
      call.add(name(out));
    }
    String method = (elementwise ? "k" : "r") + k;
    if (!elementwise) {
      call.add(frameCall("axes", Names.INTS, new Type[] {Type.INT_TYPE}, lit(k)));
    }
    call.addAll(args);
    MethodDef kernel =
        elementwise
            ? new ElementwiseKernel(node).build(method, vectorize)
            : new ReductionKernel(node).build(method, vectorize);
    kernels.add(kernel);
    body.add(
        eval(
            Code.callStatic(
                Type.getObjectType(packageName.replace('.', '/') + "/" + CLASS_NAME),
                method,
                kernel.descriptor(),
                call.toArray(new Expr[0]))));
  }

  private void performStep(List<Stmt> body, int k, Apply node, Expr.Local array) {
    Expr.Local results = local("r" + k, NDARRAYS);
    body.add(
        declare(
            results,
            frameCall("perform", NDARRAYS, new Type[] {Type.INT_TYPE, NDARRAYS}, lit(k), array)));
    for (int i = 0; i < node.outputs().size(); i++) {
      body.add(declare(name(node.output(i)), load(results, lit(i))));
    }
  }

  private Expr frameCall(String name, Type result, Type[] params, Expr... args) {
    return callVirtual(frame, FRAME, false, name, Type.getMethodType(result, params), args);
  }
}
