package dev.hypatia.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.NN;
import java.util.List;
import org.junit.jupiter.api.Test;

/** README's training loop, run as written, with what it prints checked. */
class ReadmeTrainingLoopTest {
  @Test
  void trainingLoop() {
    SharedVariable w = SharedVariable.shared(new double[2], "w");
    SharedVariable b = SharedVariable.shared(0.0, "b");
    Variable x = T.dmatrix("x");
    Variable y = T.dvector("y");
    Variable p = x.dot(w).add(b).sigmoid();
    Variable loss = NN.binaryCrossentropy(p, y).mean();

    Function train =
        Function.builder()
            .inputs(x, y)
            .outputs(loss)
            .updates(Optimizers.sgd(loss, List.of(w, b), 0.5))
            .build();
    Function predict = Function.builder().inputs(x).outputs(p.gt(0.5)).build();

    double[][] xs = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    double[] ys = {0, 0, 0, 1}; // logical and
    double first = train.call(xs, ys).get(0).item();
    double last = first;
    for (int step = 1; step < 2000; step++) {
      last = train.call(xs, ys).get(0).item();
    }
    NDArray guess = predict.call((Object) xs).get(0);
    assertEquals(Math.log(2), first, 1e-12);
    assertTrue(last < 0.1, "final loss " + last);
    assertEquals("array([False, False, False,  True])", guess.toString());
  }
}
