package dev.hypatia.optimize.rules.canonicalize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hypatia.optimize.Mode;
import dev.hypatia.optimize.Optimizer;
import dev.hypatia.optimize.RewriteLog;
import dev.hypatia.symbolic.FunctionGraph;
import dev.hypatia.symbolic.Interpreter;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Shapes;
import dev.hypatia.symbolic.ops.SumToShape;
import dev.hypatia.symbolic.print.Printer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BroadcastRulesTest {
  private final Variable x = T.dvector("x");
  private final Variable y = T.dvector("y");

  private static RewriteLog run(FunctionGraph g) {
    return Optimizer.optimize(
        g,
        Mode.NONE.including("useless_sum_to_shape").withRule(BroadcastRules.uselessSumToShape()));
  }

  private static NDArray eval(FunctionGraph g, Object... values) {
    Map<Variable, Object> b = new java.util.HashMap<>();
    for (int i = 0; i < values.length; i++) {
      b.put(g.inputs().get(i), values[i]);
    }
    return Interpreter.evaluate(g.outputs(), b).get(0);
  }

  @Test
  void removesSumToShapeWhenShapesProvablyAgree() {
    Variable g = x.exp().mul(2);
    Variable like = T.add(1, x.sin());
    Variable out = new SumToShape().apply(g, like);
    FunctionGraph fg = FunctionGraph.copyOf(List.of(x), List.of(out));
    NDArray before = eval(fg, new double[] {0.5, -1});
    RewriteLog log = run(fg);
    assertEquals(1, log.count("useless_sum_to_shape"));
    assertEquals("(exp(x) * 2.0)", Printer.pp(fg.outputs().get(0)));
    assertArrayEquals(before.toDoubleArray(), eval(fg, new double[] {0.5, -1}).toDoubleArray());
  }

  @Test
  void followsAllocsOfAShape() {
    Variable g = Shapes.alloc(1.0, Shapes.shape(x.exp()));
    FunctionGraph fg =
        FunctionGraph.copyOf(List.of(x), List.of(new SumToShape().apply(g, x.tanh())));
    assertEquals(1, run(fg).count("useless_sum_to_shape"));
  }

  @Test
  void keepsSumToShapeWhenAnotherTensorMightBroadcast() {
    // y may have length 1 at run time and be broadcast against x: the sum is then needed
    Variable out = new SumToShape().apply(x.add(y), y);
    FunctionGraph fg = FunctionGraph.copyOf(List.of(x, y), List.of(out));
    assertEquals(0, run(fg).count("useless_sum_to_shape"));
    assertArrayEquals(
        new double[] {3}, eval(fg, new double[] {1, 2}, new double[] {0}).toDoubleArray());
  }
}
