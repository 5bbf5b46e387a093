package dev.hypatia.optimize.rules.canonicalize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.optimize.Mode;
import dev.hypatia.optimize.Optimizer;
import dev.hypatia.optimize.RewriteLog;
import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.FunctionGraph;
import dev.hypatia.symbolic.Graphs;
import dev.hypatia.symbolic.Interpreter;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.print.Printer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Properties of the canonizers over random sums and products with shared sub-expressions. */
class AlgebraicCanonizerTest {
  private static final int TRIALS = 300;
  private static final double[] CONSTANTS = {0, 1, 2, -3, 0.5};

  private final Variable a = T.tensor(DType.FLOAT64, "a", 4);
  private final Variable x = T.dvector("x");
  private final Variable s = T.dscalar("s");
  private final List<Variable> inputs = List.of(a, x, s);

  /** A random expression of add, sub, neg, mul, div and reciprocal, reusing earlier parts. */
  private Variable gen(int depth, SplittableRandom rnd, List<Variable> pool) {
    if (depth == 0 || rnd.nextInt(4) == 0) {
      int k = rnd.nextInt(10);
      if (k < 3 && !pool.isEmpty()) {
        return pool.get(rnd.nextInt(pool.size()));
      }
      if (k < 5) {
        return T.constant(CONSTANTS[rnd.nextInt(CONSTANTS.length)]);
      }
      return inputs.get(rnd.nextInt(inputs.size()));
    }
    Variable l = gen(depth - 1, rnd, pool);
    Variable out =
        switch (rnd.nextInt(6)) {
          case 0 -> l.add(gen(depth - 1, rnd, pool));
          case 1 -> l.sub(gen(depth - 1, rnd, pool));
          case 2 -> l.neg();
          case 3 -> l.mul(gen(depth - 1, rnd, pool));
          case 4 -> l.div(denominator(rnd));
          default -> denominator(rnd).reciprocal();
        };
    pool.add(out);
    return out;
  }

  /** A factor far from 0: an input (|v| >= 0.5), its exp, or a product of two inputs. */
  private Variable denominator(SplittableRandom rnd) {
    Variable v = inputs.get(rnd.nextInt(inputs.size()));
    return switch (rnd.nextInt(3)) {
      case 0 -> v;
      case 1 -> v.exp();
      default -> v.mul(inputs.get(rnd.nextInt(inputs.size())));
    };
  }

  @Test
  void canonicalForms_areFixedPointsOfTheCanonizer() {
    SplittableRandom rnd = new SplittableRandom(7);
    int changed = 0;
    for (int trial = 0; trial < TRIALS; trial++) {
      Variable e = gen(4, rnd, new ArrayList<>());
      for (AlgebraicCanonizer group : List.of(AlgebraicCanonizer.SUM, AlgebraicCanonizer.PRODUCT)) {
        Variable c = group.canonicalize(e);
        if (c == null) {
          continue;
        }
        changed++;
        Set<Apply> old = Collections.newSetFromMap(new IdentityHashMap<>());
        old.addAll(Graphs.toposort(List.of(e)));
        for (Apply node : Graphs.toposort(List.of(c))) {
          if (!old.contains(node)) {
            Variable v = node.output(0);
            String where = Printer.pp(e) + "\n  -> " + Printer.pp(c) + "\n  at " + Printer.pp(v);
            assertNull(AlgebraicCanonizer.SUM.canonicalize(v), where);
            assertNull(AlgebraicCanonizer.PRODUCT.canonicalize(v), where);
          }
        }
        assertSameValues(e, c, rnd);
      }
    }
    assertTrue(changed > TRIALS / 4, "only " + changed + " expressions were rewritten");
  }

  @Test
  void canonicalizePhase_isIdempotentAndKeepsValues() {
    SplittableRandom rnd = new SplittableRandom(11);
    Mode canonicalize = Mode.NONE.including("canonicalize");
    for (int trial = 0; trial < TRIALS; trial++) {
      Variable e = gen(4, rnd, new ArrayList<>());
      FunctionGraph g = FunctionGraph.copyOf(inputs, List.of(e));
      Optimizer.optimize(g, canonicalize);
      FunctionGraph again = g.copy();
      RewriteLog second = Optimizer.optimize(again, canonicalize);
      assertTrue(
          second.entries().isEmpty(),
          () -> Printer.pp(e) + "\n  -> " + Printer.pp(g.outputs().get(0)) + "\n" + second);
      Map<Variable, NDArray> before = values(inputs, rnd);
      Map<Variable, NDArray> after = new HashMap<>();
      for (int i = 0; i < inputs.size(); i++) {
        after.put(g.inputs().get(i), before.get(inputs.get(i)));
      }
      NDArray want = Interpreter.evaluate(List.of(e), before).get(0);
      NDArray got = Interpreter.evaluate(g.outputs(), after).get(0);
      assertClose(want, got, Printer.pp(e) + "\n  -> " + Printer.pp(g.outputs().get(0)));
    }
  }

  private void assertSameValues(Variable e, Variable c, SplittableRandom rnd) {
    Map<Variable, NDArray> vals = values(inputs, rnd);
    NDArray want = Interpreter.evaluate(List.of(e), vals).get(0);
    NDArray got = Interpreter.evaluate(List.of(c), vals).get(0);
    assertClose(want, got, Printer.pp(e) + "\n  -> " + Printer.pp(c));
  }

  private static Map<Variable, NDArray> values(List<Variable> inputs, SplittableRandom rnd) {
    Map<Variable, NDArray> vals = new HashMap<>();
    vals.put(inputs.get(0), RuleCheck.random(DType.FLOAT64, new int[] {4}, rnd));
    // x's length is unknown statically: 1 at run time broadcasts it against a
    int n = rnd.nextBoolean() ? 1 : 4;
    vals.put(inputs.get(1), RuleCheck.random(DType.FLOAT64, new int[] {n}, rnd));
    vals.put(inputs.get(2), RuleCheck.random(DType.FLOAT64, new int[0], rnd));
    return vals;
  }

  /** Equal shapes, and equal values wherever the original is finite (to reassociation error). */
  private static void assertClose(NDArray want, NDArray got, String what) {
    assertArrayEquals(want.shape(), got.shape(), what);
    for (int i = 0; i < want.size(); i++) {
      double w = want.flatDouble(i);
      double g = got.flatDouble(i);
      if (Double.isFinite(w)) {
        assertTrue(
            Math.abs(w - g) <= 1e-9 * (1 + Math.abs(w)), what + "\n want " + w + " got " + g);
      }
    }
  }
}
