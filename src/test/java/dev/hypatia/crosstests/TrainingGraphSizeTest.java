package dev.hypatia.crosstests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.grad.Grad;
import dev.hypatia.optimize.Mode;
import dev.hypatia.optimize.Optimizer;
import dev.hypatia.symbolic.FunctionGraph;
import dev.hypatia.symbolic.Graphs;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.NN;
import dev.hypatia.symbolic.print.DebugPrint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The size of the FAST_RUN graphs of two training steps (loss and gradients), which README reports:
 * rewrites must not let them grow.
 */
class TrainingGraphSizeTest {
  /** Logistic regression: softmax(X W + b), mean cross-entropy, gradients for W and b. */
  static FunctionGraph logisticRegression(Mode mode) {
    Variable x = T.dmatrix("X");
    Variable y = T.ivector("y");
    Variable w = T.dmatrix("W");
    Variable b = T.dvector("b");
    Variable loss = NN.categoricalCrossentropy(NN.softmax(x.dot(w).add(b)), y).mean();
    List<Variable> outs = new ArrayList<>(List.of(loss));
    outs.addAll(Grad.grad(loss, List.of(w, b)));
    return Optimizer.optimized(List.of(x, y, w, b), outs, mode);
  }

  /** A two-layer MLP: tanh hidden layer, softmax output, gradients for all four parameters. */
  static FunctionGraph mlp(Mode mode) {
    Variable x = T.dmatrix("X");
    Variable y = T.ivector("y");
    Variable w1 = T.dmatrix("W1");
    Variable b1 = T.dvector("b1");
    Variable w2 = T.dmatrix("W2");
    Variable b2 = T.dvector("b2");
    Variable h = x.dot(w1).add(b1).tanh();
    Variable loss = NN.categoricalCrossentropy(NN.softmax(h.dot(w2).add(b2)), y).mean();
    List<Variable> outs = new ArrayList<>(List.of(loss));
    outs.addAll(Grad.grad(loss, List.of(w1, b1, w2, b2)));
    return Optimizer.optimized(List.of(x, y, w1, b1, w2, b2), outs, mode);
  }

  private static int size(FunctionGraph g) {
    return Graphs.toposort(g.outputs()).size();
  }

  @Test
  void logisticRegressionStep_doesNotGrow() {
    FunctionGraph none = logisticRegression(Mode.NONE);
    FunctionGraph fast = logisticRegression(Mode.FAST_RUN);
    System.out.println(
        "logistic regression step: "
            + size(none)
            + " nodes, FAST_RUN "
            + size(fast)
            + "\n"
            + DebugPrint.debugprint(fast));
    assertTrue(size(fast) <= LOGISTIC_BOUND, "FAST_RUN graph has " + size(fast) + " nodes");
    assertTrue(size(fast) < size(none));
  }

  @Test
  void mlpStep_doesNotGrow() {
    FunctionGraph none = mlp(Mode.NONE);
    FunctionGraph fast = mlp(Mode.FAST_RUN);
    System.out.println(
        "MLP step: "
            + size(none)
            + " nodes, FAST_RUN "
            + size(fast)
            + "\n"
            + DebugPrint.debugprint(fast));
    assertTrue(size(fast) <= MLP_BOUND, "FAST_RUN graph has " + size(fast) + " nodes");
    assertTrue(size(fast) < size(none));
  }

  /** The node counts measured when these tests were written; a rewrite that grows them fails. */
  private static final int LOGISTIC_BOUND = 27;

  private static final int MLP_BOUND = 38;
}
