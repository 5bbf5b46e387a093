package dev.hypatia.jvm.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.jvm.code.Code;
import dev.hypatia.jvm.code.Expr;
import dev.hypatia.jvm.code.ExprEvaluator;
import dev.hypatia.jvm.runtime.ScalarGrid;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.scalar.BinaryFn;
import dev.hypatia.symbolic.scalar.Cast;
import dev.hypatia.symbolic.scalar.Composite;
import dev.hypatia.symbolic.scalar.Polygamma;
import dev.hypatia.symbolic.scalar.ScalarOp;
import dev.hypatia.symbolic.scalar.TernaryFn;
import dev.hypatia.symbolic.scalar.UnaryFn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Type;

class ScalarTableTest {
  /** Every scalar op the table must cover: all enum constants, polygamma orders, every cast. */
  static List<ScalarOp> allOps() {
    List<ScalarOp> ops = new ArrayList<>();
    ops.addAll(Arrays.asList(UnaryFn.values()));
    ops.addAll(Arrays.asList(BinaryFn.values()));
    ops.addAll(Arrays.asList(TernaryFn.values()));
    for (int n = 0; n <= 4; n++) {
      ops.add(new Polygamma(n));
    }
    for (DType d : DType.values()) {
      ops.add(new Cast(d));
    }
    return ops;
  }

  static List<Expr> locals(int n, Type type) {
    List<Expr> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Code.local("a" + i, type));
    }
    return out;
  }

  static Map<String, Object> env(Object... values) {
    Map<String, Object> env = new HashMap<>();
    for (int i = 0; i < values.length; i++) {
      env.put("a" + i, values[i]);
    }
    return env;
  }

  @Test
  void onDouble_everyOpEvaluatesToEvalDoubleBitForBit() {
    for (ScalarOp op : allOps()) {
      Expr e = ScalarTable.onDouble(op, locals(op.arity(), Type.DOUBLE_TYPE));
      assertEquals(Type.DOUBLE_TYPE, e.type(), op.opName());
      for (double[] args : doubleTuples(op)) {
        double want = op.evalDouble(args);
        double got = (Double) ExprEvaluator.eval(e, env(box(args)));
        assertTrue(
            ScalarGrid.same(want, got),
            () -> op.opName() + Arrays.toString(args) + ": want " + want + ", got " + got);
      }
    }
  }

  @Test
  void onLong_everyOpEvaluatesToEvalLong() {
    for (ScalarOp op : allOps()) {
      Expr e = ScalarTable.onLong(op, locals(op.arity(), Type.LONG_TYPE));
      assertEquals(Type.LONG_TYPE, e.type(), op.opName());
      for (long[] args : longTuples(op)) {
        String where = op.opName() + Arrays.toString(args);
        Object[] boxed = Arrays.stream(args).boxed().toArray();
        long want;
        try {
          want = op.evalLong(args);
        } catch (IllegalArgumentException ex) {
          IllegalArgumentException got =
              assertThrows(
                  IllegalArgumentException.class, () -> ExprEvaluator.eval(e, env(boxed)), where);
          assertEquals(ex.getMessage(), got.getMessage(), where);
          continue;
        }
        assertEquals(want, (Long) ExprEvaluator.eval(e, env(boxed)), where);
      }
    }
  }

  @Test
  void onLong_integerPowWithANegativeExponentThrowsTheOpsMessage() {
    Expr e = ScalarTable.onLong(BinaryFn.POW, locals(2, Type.LONG_TYPE));
    IllegalArgumentException ex =
        assertThrows(IllegalArgumentException.class, () -> ExprEvaluator.eval(e, env(2L, -1L)));
    assertEquals(
        "integers to negative integer powers are not allowed (got exponent -1)", ex.getMessage());
  }

  @Test
  void castsAndPlainArithmetic_areInlineExpressions() {
    Expr x = Code.local("a0", Type.DOUBLE_TYPE);
    assertEquals(x, ScalarTable.onDouble(new Cast(DType.INT8), List.of(x)));
    assertTrue(ScalarTable.onDouble(BinaryFn.ADD, List.of(x, x)) instanceof Expr.Binary);
    assertTrue(ScalarTable.onDouble(UnaryFn.NEG, List.of(x)) instanceof Expr.Negate);
    assertTrue(ScalarTable.onDouble(BinaryFn.LT, List.of(x, x)) instanceof Expr.Conditional);
    Expr exp = ScalarTable.onDouble(UnaryFn.EXP, List.of(x));
    assertEquals("java/lang/Math", ((Expr.Call) exp).owner().getInternalName());
  }

  @Test
  void composites_areRejectedBecauseTheLoweringExpandsThem() {
    Composite c = new Composite(1, List.of(Composite.Instruction.of(UnaryFn.EXP, 0)), List.of(1));
    Expr x = Code.local("a0", Type.DOUBLE_TYPE);
    for (Runnable r :
        List.<Runnable>of(
            () -> ScalarTable.onDouble(c, List.of(x)),
            () -> ScalarTable.onLong(c, List.of(x)),
            () -> ScalarTable.onVector(c, DType.FLOAT64, List.of(x)))) {
      IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, r::run);
      assertEquals(
          "the lowering expands composites into their instructions, got composite{exp(i0)}",
          ex.getMessage());
    }
  }

  @Test
  void wrongArguments_areRejected() {
    Expr d = Code.local("a0", Type.DOUBLE_TYPE);
    Expr l = Code.local("a1", Type.LONG_TYPE);
    IllegalArgumentException count =
        assertThrows(
            IllegalArgumentException.class, () -> ScalarTable.onDouble(BinaryFn.ADD, List.of(d)));
    assertEquals("add takes 2 arguments, got 1", count.getMessage());
    IllegalArgumentException type =
        assertThrows(
            IllegalArgumentException.class, () -> ScalarTable.onLong(UnaryFn.NEG, List.of(d)));
    assertEquals("neg on long got an argument of D", type.getMessage());
    IllegalArgumentException vector =
        assertThrows(
            IllegalArgumentException.class,
            () -> ScalarTable.onVector(UnaryFn.EXP, DType.FLOAT32, List.of(l)));
    assertEquals(
        "exp on jdk.incubator.vector.FloatVector got an argument of J", vector.getMessage());
  }

  /** The inputs for op on doubles: the grid, pairs of a smaller grid, triples of the specials. */
  private static List<double[]> doubleTuples(ScalarOp op) {
    return switch (op.arity()) {
      case 1 ->
          Arrays.stream(ScalarGrid.doublesFor(op, 120)).mapToObj(x -> new double[] {x}).toList();
      case 2 -> ScalarGrid.pairs(ScalarGrid.doubles(12));
      default -> triples(ScalarGrid.doubles(0));
    };
  }

  private static List<long[]> longTuples(ScalarOp op) {
    boolean slow = op == UnaryFn.PSI || op == UnaryFn.TRIGAMMA || op instanceof Polygamma;
    long[] values = ScalarGrid.longs(20);
    if (slow) {
      // Commons' digamma and trigamma step once per unit below 0: forever at -2^63
      values = Arrays.stream(values).filter(x -> x >= -1000 && x <= 1000).toArray();
    }
    return switch (op.arity()) {
      case 1 -> Arrays.stream(values).mapToObj(x -> new long[] {x}).toList();
      case 2 -> ScalarGrid.pairs(values);
      default -> {
        List<long[]> out = new ArrayList<>();
        long[] few = ScalarGrid.longs(0);
        for (long a : few) {
          for (long[] p : ScalarGrid.pairs(few)) {
            out.add(new long[] {a, p[0], p[1]});
          }
        }
        yield out;
      }
    };
  }

  private static List<double[]> triples(double[] values) {
    List<double[]> out = new ArrayList<>();
    double[] few = Arrays.copyOf(values, 20);
    for (double a : few) {
      for (double[] p : ScalarGrid.pairs(few)) {
        out.add(new double[] {a, p[0], p[1]});
      }
    }
    return out;
  }

  private static Object[] box(double[] args) {
    return Arrays.stream(args).boxed().toArray();
  }
}
