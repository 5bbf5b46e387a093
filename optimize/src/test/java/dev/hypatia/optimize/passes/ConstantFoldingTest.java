package dev.hypatia.optimize.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.optimize.Mode;
import dev.hypatia.optimize.Optimizer;
import dev.hypatia.symbolic.Constant;
import dev.hypatia.symbolic.FunctionGraph;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.Tile;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConstantFoldingTest {
  @Test
  void smallConstantSubgraphs_fold() {
    Variable x = T.dscalar("x");
    Variable c = T.constant(2.0).exp();
    FunctionGraph g = Optimizer.optimized(List.of(x), List.of(x.add(c)), Mode.FAST_RUN);
    assertTrue(
        g.toposort().stream().noneMatch(n -> n.op().name().equals("exp")),
        "exp(2) was folded away");
  }

  @Test
  void aConstantSubgraphStaticallyTooBig_isNeverEvaluated() {
    // 2^30 doubles (8 GiB): evaluating it to check its size would exhaust memory
    Constant one = new Constant(NDArray.of(1.0), "one");
    Variable huge = new Tile(List.of(1 << 30)).makeNode(List.of(one)).output(0);
    Variable x = T.dscalar("x");
    FunctionGraph g =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20),
            () -> Optimizer.optimized(List.of(x), List.of(huge.sum().add(x)), Mode.FAST_RUN));
    assertEquals(1, g.outputs().size());
  }
}
