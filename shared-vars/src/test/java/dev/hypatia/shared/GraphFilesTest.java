package dev.hypatia.shared;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.grad.Grad;
import dev.hypatia.optimize.Mode;
import dev.hypatia.optimize.Optimizer;
import dev.hypatia.shared.GraphFiles.LoadedGraph;
import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.FunctionGraph;
import dev.hypatia.symbolic.Graphs;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.Interpreter;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Elemwise;
import dev.hypatia.symbolic.ops.FusedReduce;
import dev.hypatia.symbolic.ops.NN;
import dev.hypatia.symbolic.ops.Shapes;
import dev.hypatia.symbolic.scalar.Composite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Round trips of graphs through {@link GraphFiles}. */
class GraphFilesTest {
  @TempDir Path dir;

  private static NDArray randomMatrix(SplittableRandom r, int rows, int cols) {
    double[][] v = new double[rows][cols];
    for (double[] row : v) {
      for (int j = 0; j < cols; j++) {
        row[j] = r.nextDouble(-1, 1);
      }
    }
    return NDArray.of(v);
  }

  /** An MLP with softmax cross-entropy loss, its gradients and SGD update expressions. */
  private static List<Variable> mlp(Variable x, Variable y) {
    SplittableRandom r = new SplittableRandom(7);
    SharedVariable w1 = SharedVariable.shared(randomMatrix(r, 3, 5), "w1");
    SharedVariable b1 = SharedVariable.shared(new double[5], "b1");
    SharedVariable w2 = SharedVariable.shared(randomMatrix(r, 5, 4), "w2");
    SharedVariable b2 =
        SharedVariable.shared(
            new double[] {0.1, -0.2, 0.3, 0}, "b2", TensorType.of(DType.FLOAT64, -1));
    Variable h = x.dot(w1).add(b1).tanh();
    Variable p = NN.softmax(h.dot(w2).add(b2));
    Variable loss = NN.categoricalCrossentropy(p, y).mean().named("loss");
    List<Variable> out = new ArrayList<>(List.of(loss, p.argmax(1)));
    List<SharedVariable> params = List.of(w1, b1, w2, b2);
    List<Variable> g = Grad.grad(loss, new ArrayList<>(params));
    for (int i = 0; i < params.size(); i++) {
      out.add(params.get(i).sub(g.get(i).mul(0.1)));
    }
    return out;
  }

  private static Map<Variable, Object> feed(List<Variable> inputs, List<Object> values) {
    Map<Variable, Object> m = new HashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      m.put(inputs.get(i), values.get(i));
    }
    return m;
  }

  private static void assertSameResults(List<NDArray> expected, List<NDArray> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertTrue(
          expected.get(i).contentEquals(actual.get(i)),
          "output " + i + ": " + expected.get(i).format() + " vs " + actual.get(i).format());
    }
  }

  private LoadedGraph roundTrip(List<Variable> inputs, List<Variable> outputs) throws Exception {
    Path file = dir.resolve("g.hgraph");
    GraphFiles.save(file, inputs, outputs);
    return GraphFiles.load(file);
  }

  @Test
  void mlpTrainingGraph_roundTripsWithIdenticalResults() throws Exception {
    Variable x = T.dmatrix("x");
    Variable y = T.lvector("y");
    List<Variable> outs = mlp(x, y);
    NDArray xs = randomMatrix(new SplittableRandom(3), 6, 3);
    long[] ys = {0, 1, 2, 3, 1, 0};
    List<NDArray> expected =
        Interpreter.evaluate(outs, withShared(outs, feed(List.of(x, y), List.of(xs, ys))));

    LoadedGraph g = roundTrip(List.of(x, y), outs);
    assertEquals("x", g.inputs().get(0).name());
    assertEquals("loss", g.outputs().get(0).name());
    assertEquals(TensorType.of(DType.INT64, -1), g.inputs().get(1).type());
    List<NDArray> actual =
        Interpreter.evaluate(
            g.outputs(), withShared(g.outputs(), feed(g.inputs(), List.of(xs, ys))));
    assertSameResults(expected, actual);
  }

  /** Binds every shared variable the outputs use to its current value. */
  private static Map<Variable, Object> withShared(List<Variable> outs, Map<Variable, Object> m) {
    for (Variable leaf : Graphs.inputs(outs)) {
      if (leaf instanceof SharedVariable s) {
        m.put(s, s.get());
      }
    }
    return m;
  }

  @Test
  void sharedVariables_restoreNamesTypesAndBitExactValues() throws Exception {
    double[] odd = {Double.longBitsToDouble(0x7ff8_0000_dead_beefL), -0.0, Double.MIN_VALUE, 1e308};
    SharedVariable a = SharedVariable.shared(odd, "a");
    SharedVariable f =
        SharedVariable.shared(
            NDArray.of(new float[] {Float.intBitsToFloat(0x7fc1_2345), -0f, 3.5f}), "f");
    SharedVariable i =
        SharedVariable.shared(NDArray.of(new int[][] {{1, -2}, {3, Integer.MIN_VALUE}}), "i");
    SharedVariable bytes = SharedVariable.shared(NDArray.of((byte) -128, (byte) 127), "bytes");
    SharedVariable flags = SharedVariable.shared(NDArray.of(true, false, true), "flags");
    SharedVariable longs = SharedVariable.shared(NDArray.of(Long.MIN_VALUE, 5L), "longs");
    SharedVariable t =
        SharedVariable.shared(randomMatrix(new SplittableRandom(1), 3, 4).transpose(), "t");
    List<SharedVariable> all = List.of(a, f, i, bytes, flags, longs, t);
    List<Variable> outs = new ArrayList<>(all);

    LoadedGraph g = roundTrip(List.of(), outs);
    for (int k = 0; k < all.size(); k++) {
      SharedVariable loaded = assertInstanceOf(SharedVariable.class, g.outputs().get(k));
      assertNotSame(all.get(k), loaded);
      assertEquals(all.get(k).name(), loaded.name());
      assertEquals(all.get(k).type(), loaded.type());
      assertArrayEquals(bits(all.get(k).get()), bits(loaded.get()), all.get(k).name());
    }
  }

  private static long[] bits(NDArray a) {
    long[] out = new long[a.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] =
          switch (a.dtype()) {
            case FLOAT64 -> Double.doubleToRawLongBits(a.flatDouble(k));
            case FLOAT32 -> Float.floatToRawIntBits((float) a.flatDouble(k));
            default -> a.flatLong(k);
          };
    }
    return out;
  }

  @Test
  void rewrittenGraph_withFusedOps_roundTripsWithIdenticalResults() throws Exception {
    Variable x = T.dmatrix("x");
    Variable y = T.lvector("y");
    List<Variable> outs = mlp(x, y);
    List<Variable> leaves = new ArrayList<>(List.of(x, y));
    List<Object> values =
        new ArrayList<>(
            List.of(randomMatrix(new SplittableRandom(5), 6, 3), new long[] {3, 2, 1, 0, 0, 1}));
    for (Variable leaf : Graphs.inputs(outs)) {
      if (leaf instanceof SharedVariable s) {
        leaves.add(s);
        values.add(s.get());
      }
    }
    FunctionGraph fg = FunctionGraph.copyOf(leaves, outs);
    Optimizer.optimize(fg, Mode.FAST_RUN);
    List<NDArray> expected = Interpreter.evaluate(fg.outputs(), feed(fg.inputs(), values));

    LoadedGraph g = roundTrip(fg.inputs(), fg.outputs());
    assertSameResults(expected, Interpreter.evaluate(g.outputs(), feed(g.inputs(), values)));
    List<Op> ops = new ArrayList<>();
    for (Apply n : Graphs.toposort(g.outputs())) {
      ops.add(n.op());
    }
    assertTrue(
        ops.stream()
            .anyMatch(
                o ->
                    o instanceof FusedReduce
                        || o instanceof Elemwise e && e.scalar() instanceof Composite),
        "the rewritten graph has fused ops: " + ops);
    List<Op> before = new ArrayList<>();
    for (Apply n : Graphs.toposort(fg.outputs())) {
      before.add(n.op());
    }
    assertEquals(before, ops);
  }

  @Test
  void shapeAndIndexingOps_roundTrip() throws Exception {
    Variable x = T.dmatrix("x");
    Variable i = T.lvector("i");
    Variable a = x.get("1:, ::-1").transpose().reshape(-1, 2).tile(2, 1).repeat(2, 0);
    Variable b = Shapes.concatenate(List.of(x, x.sqr()), 1).max(0).expandDims(0).squeeze(0);
    Variable c = Shapes.alloc(1.5, x.shape()).mul(x.argmin(1).astype(DType.FLOAT64).expandDims(1));
    Variable d = x.take(i, 0).sum(true, 1).clip(-0.5, 0.5).polygamma(1).add(Shapes.arange(3L));
    Variable e =
        x.logsumexp(0).add(x.prod(1).mean()).add(x.var(0)).sub(x.matmul(x.transpose()).sum());
    List<Variable> outs = List.of(a, b, c, d, e);
    NDArray xs = randomMatrix(new SplittableRandom(9), 3, 4);
    long[] is = {2, 0, -1};
    List<NDArray> expected = Interpreter.evaluate(outs, feed(List.of(x, i), List.of(xs, is)));
    LoadedGraph g = roundTrip(List.of(x, i), outs);
    assertSameResults(
        expected, Interpreter.evaluate(g.outputs(), feed(g.inputs(), List.of(xs, is))));
  }

  @Test
  void save_rejectsAnOpOutsideTheTable_namingIt() {
    Variable x = T.dvector("x");
    Op foreign =
        new Op() {
          @Override
          public Apply makeNode(List<Variable> inputs) {
            return new Apply(this, inputs, List.of(inputs.get(0).type()));
          }

          @Override
          public List<NDArray> perform(Apply node, List<NDArray> inputs) {
            return inputs;
          }

          @Override
          public String name() {
            return "my_custom_op";
          }
        };
    HypatiaException e =
        assertThrows(
            HypatiaException.class,
            () -> GraphFiles.save(dir.resolve("x"), List.of(x), List.of(foreign.apply(x))));
    assertTrue(e.getMessage().contains("cannot save op my_custom_op"), e.getMessage());
    assertTrue(e.getMessage().contains("not in the graph file format's op table"), e.getMessage());
  }

  @Test
  void save_rejectsAnUnlistedInput() {
    Variable x = T.dvector("x");
    Variable z = T.dvector("z");
    HypatiaException e =
        assertThrows(
            HypatiaException.class,
            () -> GraphFiles.save(dir.resolve("x"), List.of(x), List.of(x.add(z))));
    assertTrue(e.getMessage().contains("depend on z"), e.getMessage());
    assertTrue(e.getMessage().contains("not among the inputs"), e.getMessage());
  }

  @Test
  void save_rejectsNonFreeAndRepeatedInputs() {
    Variable x = T.dvector("x");
    Variable ex = x.exp().named("ex");
    HypatiaException e1 =
        assertThrows(
            HypatiaException.class, () -> GraphFiles.encode(List.of(ex), List.of(ex.sum())));
    assertTrue(
        e1.getMessage().contains("graph input must be a free variable: ex"), e1.getMessage());
    HypatiaException e2 =
        assertThrows(HypatiaException.class, () -> GraphFiles.encode(List.of(x, x), List.of(x)));
    assertTrue(e2.getMessage().contains("graph input listed twice: x"), e2.getMessage());
  }
}
