package dev.hypatia.jvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link CompiledGraph#timedRun}: the same outputs as run, a time and a byte count per node. */
class CompiledGraphTimedRunTest {
  static List<JvmLinker> linkers() {
    return CompiledGraphTest.linkers();
  }

  @ParameterizedTest
  @MethodSource("linkers")
  void timedRun_returnsRunsOutputs_andPerNodeTimesAndBytes(JvmLinker linker) {
    Variable x = T.dvector("x");
    Variable y = T.dmatrix("y");
    Variable z = T.dot(y, x.exp()).sum();
    Variable v = x.mul(2.0).add(1.0);
    CompiledGraph f = linker.compile(List.of(x, y), List.of(z, v));
    List<?> args = List.of(new double[] {0.5, -1, 2}, new double[][] {{1, 2, 3}, {4, 5, 6}});
    CompiledGraph.TimedRun r = f.timedRun(args);
    List<NDArray> plain = f.run(args);
    assertEquals(plain.get(0).flatDouble(0), r.outputs().get(0).flatDouble(0), 0.0);
    assertArrayEquals(plain.get(1).toDoubleArray(), r.outputs().get(1).toDoubleArray(), 0.0);
    List<Apply> nodes = f.graph().toposort();
    assertEquals(nodes.size(), r.nodes().size());
    assertTrue(r.nodes().containsAll(nodes), r.nodes().toString());
    assertEquals(nodes.size(), r.nanos().length);
    assertEquals(nodes.size(), r.bytes().length);
    long bytes = 0;
    for (int k = 0; k < nodes.size(); k++) {
      assertTrue(r.nanos()[k] >= 0 && r.bytes()[k] >= 0, "node " + k);
      bytes += r.bytes()[k];
    }
    assertTrue(bytes >= 3 * 8, "at least the output v is allocated: " + bytes);
  }
}
