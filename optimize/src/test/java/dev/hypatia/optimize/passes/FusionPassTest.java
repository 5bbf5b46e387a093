package dev.hypatia.optimize.passes;

import static dev.hypatia.optimize.passes.FusionTesting.assertSameValues;
import static dev.hypatia.optimize.passes.FusionTesting.elemwiseNodes;
import static dev.hypatia.optimize.passes.FusionTesting.fused;
import static dev.hypatia.optimize.passes.FusionTesting.randomValues;
import static dev.hypatia.optimize.passes.FusionTesting.scalarWork;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.optimize.Mode;
import dev.hypatia.optimize.Optimizer;
import dev.hypatia.optimize.RewriteLog;
import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.FunctionGraph;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Elemwise;
import dev.hypatia.symbolic.ops.FusedReduce;
import dev.hypatia.symbolic.ops.LinearAlgebra;
import dev.hypatia.symbolic.scalar.BinaryFn;
import dev.hypatia.symbolic.scalar.Composite;
import dev.hypatia.symbolic.scalar.Composite.Instruction;
import dev.hypatia.symbolic.scalar.UnaryFn;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FusionPassTest {
  private static final int U = TensorType.UNKNOWN;

  private static void check(List<Variable> ins, List<Variable> outs, FunctionGraph g, long seed) {
    check(ins, outs, g, seed, 1, 2, 3, 4);
  }

  /** Values equal on random inputs whose unknown lengths are drawn from {@code lengths}. */
  private static void check(
      List<Variable> ins, List<Variable> outs, FunctionGraph g, long seed, int... lengths) {
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int trial = 0; trial < 5; trial++) {
      int len = lengths[rnd.nextInt(lengths.length)];
      assertSameValues(ins, outs, g, randomValues(ins, rnd, len));
    }
  }

  private static Elemwise onlyElemwise(FunctionGraph g) {
    List<Apply> nodes = g.toposort();
    assertEquals(1, nodes.size(), nodes.toString());
    return assertInstanceOf(Elemwise.class, nodes.get(0).op());
  }

  @Test
  void chainOfFiveElementwiseOps_becomesOneNode_andTheRewriteIsLogged() {
    Variable x = T.dvector("x");
    Variable y = T.dvector("y");
    Variable out = x.exp().mul(y).add(x).tanh().neg();
    FunctionGraph g = FunctionGraph.copyOf(List.of(x, y), List.of(out));
    assertEquals(5, g.nodeCount());
    RewriteLog log = Optimizer.optimize(g, Mode.NONE.including("fusion"));
    assertEquals(1, g.nodeCount());
    assertEquals(1, log.count("fusion"), log.toString());
    Composite c = (Composite) onlyElemwise(g).scalar();
    assertEquals(2, c.inputCount());
    assertEquals("composite{neg(tanh(add(mul(exp(i0), i1), i0)))}", c.opName());
    check(List.of(x, y), List.of(out), g, 1);
  }

  private static void checkBroadcasting(DType dtype, long seed) {
    Variable a = T.tensor(dtype, "a", 3, 1);
    Variable b = T.tensor(dtype, "b", 1, 4);
    Variable c = T.tensor(dtype, "c");
    Variable d = T.tensor(dtype, "d", U, 4);
    Variable out = a.add(b).mul(c).maximum(d).sub(a).mul(b.neg());
    List<Variable> ins = List.of(a, b, c, d);
    FunctionGraph g = fused(ins, List.of(out));
    assertEquals(1, g.nodeCount());
    assertEquals(6, scalarWork(g.toposort()));
    check(ins, List.of(out), g, seed, 1, 3);
  }

  @Test
  void broadcastingInputs_fuseAndEvaluateEqual_float64() {
    checkBroadcasting(DType.FLOAT64, 2);
  }

  @Test
  void broadcastingInputs_fuseAndEvaluateEqual_float32() {
    checkBroadcasting(DType.FLOAT32, 3);
  }

  @Test
  void broadcastingInputs_fuseAndEvaluateEqual_int32AndInt64() {
    checkBroadcasting(DType.INT32, 4);
    checkBroadcasting(DType.INT64, 5);
  }

  @Test
  void intermediateUsedByAReduction_becomesASecondOutputComputedOnce() {
    Variable x = T.dmatrix("x");
    Variable y = T.dmatrix("y");
    Variable a = x.exp().mul(y);
    Variable s = a.sum(1);
    Variable t = a.tanh().add(1.0);
    FunctionGraph g = fused(List.of(x, y), List.of(s, t));
    List<Apply> nodes = g.toposort();
    assertEquals(1, elemwiseNodes(nodes), nodes.toString());
    Apply f = nodes.stream().filter(n -> n.op() instanceof Elemwise).findFirst().orElseThrow();
    assertEquals(2, f.outputs().size());
    assertEquals(4, scalarWork(nodes), "exp, mul, tanh and add each once");
    check(List.of(x, y), List.of(s, t), g, 6);
  }

  @Test
  void intermediateOfASmallerShapeUsedOutside_keepsItsNodeOutside() {
    Variable x = T.tensor(DType.FLOAT64, "x", 3, 1);
    Variable y = T.tensor(DType.FLOAT64, "y", 3, 4);
    Variable a = x.exp();
    Variable b = a.mul(y).tanh();
    List<Variable> outs = List.of(b, a.sum());
    FunctionGraph g = fused(List.of(x, y), outs);
    List<Apply> nodes = g.toposort();
    assertEquals(2, elemwiseNodes(nodes), nodes.toString());
    assertEquals(3, scalarWork(nodes));
    check(List.of(x, y), outs, g, 7);
  }

  @Test
  void unknownLengths_neverLetABroadcastChangeAnOutputsShape() {
    // at run time x may have length 1 and y length 4: exp(x) must keep length 1
    Variable x = T.dvector("x");
    Variable y = T.dvector("y");
    Variable a = x.exp();
    List<Variable> outs = List.of(a.add(y).sin(), a);
    FunctionGraph g = fused(List.of(x, y), outs);
    assertEquals(2, elemwiseNodes(g.toposort()), g.toposort().toString());
    SplittableRandom rnd = new SplittableRandom(8);
    var xs = randomValues(List.of(x), rnd, 1);
    var ys = randomValues(List.of(y), rnd, 4);
    assertSameValues(List.of(x, y), outs, g, List.of(xs.get(0), ys.get(0)));
  }

  @Test
  void severalOutputs_becomeOneNodeWithSeveralOutputs() {
    Variable x = T.dmatrix("x");
    Variable y = T.drow("y");
    Variable a = x.mul(y);
    List<Variable> outs = List.of(a.exp(), a.sin().add(x), a);
    FunctionGraph g = fused(List.of(x, y), outs);
    Elemwise e = onlyElemwise(g);
    assertEquals(3, e.scalar().outputCount());
    assertEquals(4, scalarWork(g.toposort()));
    check(List.of(x, y), outs, g, 9);
  }

  @Test
  void existingComposites_mergeIntoOneProgram() {
    Variable x = T.dvector("x");
    Variable y = T.dvector("y");
    Composite twoOuts =
        new Composite(
            2,
            List.of(Instruction.of(BinaryFn.MUL, 0, 1), Instruction.of(UnaryFn.EXP, 2)),
            List.of(2, 3));
    Apply node = new Elemwise(twoOuts).makeNode(x, y);
    Variable out = node.output(0).sub(node.output(1)).sqr();
    FunctionGraph g = fused(List.of(x, y), List.of(out));
    assertEquals(1, g.nodeCount());
    assertEquals(4, scalarWork(g.toposort()));
    check(List.of(x, y), List.of(out), g, 10);
  }

  @Test
  void nonElementwiseOps_areNeverCrossed() {
    Variable x = T.dmatrix("x");
    Variable w = T.dmatrix("w");
    Variable out = LinearAlgebra.dot(x.exp().neg(), w).tanh().add(1.0);
    FunctionGraph g = fused(List.of(x, w), List.of(out));
    List<Apply> nodes = g.toposort();
    assertEquals(3, nodes.size(), nodes.toString());
    assertEquals(2, elemwiseNodes(nodes));
    check(List.of(x, w), List.of(out), g, 11);
  }

  @Test
  void aPathThroughAnotherOp_keepsTheGroupApart() {
    // exp(x) -> sum -> add(exp(x), sum): fusing exp with add would make a cycle through sum
    Variable x = T.dvector("x");
    Variable a = x.exp();
    Variable out = a.add(a.sum()).sin();
    FunctionGraph g = fused(List.of(x), List.of(out));
    List<Apply> nodes = g.toposort();
    assertEquals(3, nodes.size(), nodes.toString());
    assertEquals(3, scalarWork(nodes));
    check(List.of(x), List.of(out), g, 12);
  }

  @Test
  void sumOfExpTimesY_becomesOneFusedReduce() {
    Variable x = T.dmatrix("x");
    Variable y = T.drow("y");
    Variable out = x.exp().mul(y).sum();
    FunctionGraph g = fused(List.of(x, y), List.of(out));
    List<Apply> nodes = g.toposort();
    assertEquals(1, nodes.size(), nodes.toString());
    FusedReduce f = assertInstanceOf(FusedReduce.class, nodes.get(0).op());
    assertEquals(BinaryFn.ADD, f.fn());
    assertEquals("composite{mul(exp(i0), i1)}", f.producer().opName());
    check(List.of(x, y), List.of(out), g, 13);
  }

  @Test
  void reductionOfASharedProducer_isNotFolded() {
    Variable x = T.dvector("x");
    Variable e = x.exp();
    List<Variable> outs = List.of(e.max(), e);
    FunctionGraph g = fused(List.of(x), outs);
    assertTrue(g.toposort().stream().noneMatch(n -> n.op() instanceof FusedReduce));
    check(List.of(x), outs, g, 14);
  }

  @Test
  void boundedGroups_holdAtMost64InstructionsAnd32Inputs() {
    Variable x = T.dvector("x");
    Variable chain = x;
    for (int i = 0; i < 100; i++) {
      chain = i % 2 == 0 ? chain.sin() : chain.mul(x);
    }
    List<Variable> ins = new ArrayList<>(List.of(x));
    Variable wide = x;
    for (int i = 0; i < 40; i++) {
      Variable v = T.dvector("v" + i);
      ins.add(v);
      wide = wide.add(v);
    }
    List<Variable> outs = List.of(chain, wide);
    FunctionGraph g = fused(ins, outs);
    for (Apply n : g.toposort()) {
      Composite c = (Composite) ((Elemwise) n.op()).scalar();
      assertTrue(c.instructions().size() <= FusionGroup.MAX_INSTRUCTIONS, c.opName());
      assertTrue(c.inputCount() <= FusionGroup.MAX_INPUTS, c.opName());
    }
    assertEquals(4, g.nodeCount(), g.toposort().toString());
    assertEquals(140, scalarWork(g.toposort()));
    check(ins, outs, g, 15);
  }

  @Test
  void secondRun_changesNothing() {
    Variable x = T.dmatrix("x");
    Variable y = T.drow("y");
    Variable a = x.exp().mul(y);
    List<Variable> outs = List.of(a.sum(0), a.tanh().sub(x), x.sin().sum());
    FunctionGraph g = fused(List.of(x, y), outs);
    String once = g.toposort().toString();
    RewriteLog log = Optimizer.optimize(g, Mode.NONE.including("fusion"));
    assertEquals(0, log.entries().size(), log.toString());
    assertEquals(once, g.toposort().toString());
    check(List.of(x, y), outs, g, 16);
  }

  /** A random graph over {@code ins} mixing elementwise ops, broadcasting and reductions. */
  private static List<Variable> randomGraph(SplittableRandom rnd, DType dtype, List<Variable> ins) {
    List<Variable> pool = new ArrayList<>(ins);
    for (int step = 0; step < 12; step++) {
      Variable a = pool.get(rnd.nextInt(pool.size()));
      Variable b = pool.get(rnd.nextInt(pool.size()));
      int r = rnd.nextInt(11);
      Variable v =
          switch (r) {
            case 0 -> dtype.isFloat() ? a.sin() : a.neg();
            case 1 -> dtype.isFloat() ? a.tanh() : a.abs();
            case 2 -> a.neg();
            case 3 -> a.add(b);
            case 4 -> a.sub(b);
            case 5 -> a.mul(b);
            case 6 -> a.maximum(b);
            case 7 -> a.minimum(b);
            case 8 -> a.ndim() > 0 ? a.sum(true, rnd.nextInt(a.ndim())) : a.neg();
            case 9 -> a.ndim() > 0 ? a.max() : a.abs();
            default -> a.add(b).mul(a);
          };
      pool.add(v);
    }
    List<Variable> outs = new ArrayList<>(List.of(pool.get(pool.size() - 1)));
    for (int k = rnd.nextInt(3); k > 0; k--) {
      Variable o = pool.get(ins.size() + rnd.nextInt(pool.size() - ins.size()));
      if (!outs.contains(o)) {
        outs.add(o);
      }
    }
    return outs;
  }

  private static void checkRandomGraphs(DType dtype, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int[][] shapes = {{2, 3}, {1, 3}, {2, 1}, {3}, {}, {U, 3}};
    int smaller = 0;
    int foldedReductions = 0;
    for (int trial = 0; trial < 150; trial++) {
      List<Variable> ins = new ArrayList<>();
      for (int i = 0; i < 2 + rnd.nextInt(3); i++) {
        ins.add(T.tensor(dtype, "x" + i, shapes[rnd.nextInt(shapes.length)]));
      }
      List<Variable> outs = randomGraph(rnd, dtype, ins);
      FunctionGraph plain = FunctionGraph.copyOf(ins, outs);
      FunctionGraph g = fused(ins, outs);
      String what = "trial " + trial + ": " + plain.toposort() + "\n -> " + g.toposort();
      assertEquals(scalarWork(plain.toposort()), scalarWork(g.toposort()), what);
      assertTrue(g.nodeCount() <= plain.nodeCount(), what);
      smaller += g.nodeCount() < plain.nodeCount() ? 1 : 0;
      foldedReductions +=
          g.toposort().stream().anyMatch(n -> n.op() instanceof FusedReduce) ? 1 : 0;
      for (Apply n : g.toposort()) {
        if (n.op() instanceof Elemwise e && e.scalar() instanceof Composite c) {
          assertTrue(c.instructions().size() <= FusionGroup.MAX_INSTRUCTIONS, what);
          assertTrue(c.inputCount() <= FusionGroup.MAX_INPUTS, what);
        }
      }
      check(ins, outs, g, seed + trial, 1, 2);
      String once = g.toposort().toString();
      new FusionPass().apply(g);
      assertEquals(once, g.toposort().toString(), "a second run changed " + what);
    }
    assertTrue(smaller > 75 && foldedReductions > 10, smaller + " fused, " + foldedReductions);
  }

  @Test
  void randomGraphs_evaluateEqual_doNoExtraWork_andAreFusedOnce_float64() {
    checkRandomGraphs(DType.FLOAT64, 100);
  }

  @Test
  void randomGraphs_evaluateEqual_doNoExtraWork_andAreFusedOnce_float32() {
    checkRandomGraphs(DType.FLOAT32, 200);
  }

  @Test
  void randomGraphs_evaluateEqual_doNoExtraWork_andAreFusedOnce_int32() {
    checkRandomGraphs(DType.INT32, 300);
  }
}
