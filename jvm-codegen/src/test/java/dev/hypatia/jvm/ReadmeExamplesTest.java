package dev.hypatia.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** README's compiling example, run as written (with its printed values checked). */
class ReadmeExamplesTest {
  @Test
  void compilingExample() {
    Variable x = T.dvector("x");
    Variable y = T.dvector("y");
    Variable z = x.mul(x).neg().exp().mul(y.sin()).add(x.mul(0.5)); // one fused loop

    CompiledGraph f = JvmLinker.asm().compile(List.of(x, y), List.of(z, z.sum()));
    List<NDArray> out = f.run(new double[] {0, 1, 2}, new double[] {1, 1, 1});
    double want = 0;
    for (double v : new double[] {0, 1, 2}) {
      want += Math.exp(-v * v) * Math.sin(1) + 0.5 * v;
    }
    assertEquals(want, out.get(1).item(), 1e-15);
    assertTrue(out.get(1).toString().equals("array(2.66644294)"), out.get(1).toString());
    assertTrue(f.source().contains("class Graph"));
    assertTrue(
        f.profile(List.of(new double[] {0, 1, 2}, new double[] {1, 1, 1})).contains("composite"));
  }
}
