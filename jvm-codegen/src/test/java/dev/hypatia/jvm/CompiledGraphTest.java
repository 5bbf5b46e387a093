package dev.hypatia.jvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CompiledGraphTest {
  static List<JvmLinker> linkers() {
    return List.of(
        JvmLinker.asm(),
        JvmLinker.asm().withVectorize(false),
        JvmLinker.janino(),
        JvmLinker.janino().withVectorize(false));
  }

  @ParameterizedTest
  @MethodSource("linkers")
  void fusedElementwise_matchesPlainJava(JvmLinker linker) {
    Variable x = T.dvector("x");
    Variable y = T.dvector("y");
    Variable z = x.mul(x).neg().exp().mul(y.sin()).add(x.mul(0.5));
    CompiledGraph f = linker.compile(List.of(x, y), List.of(z));
    double[] xs = new double[37];
    double[] ys = new double[37];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = i * 0.1 - 1.5;
      ys[i] = i * 0.07;
    }
    double[] got = f.run(xs, ys).get(0).toDoubleArray();
    for (int i = 0; i < xs.length; i++) {
      double want = Math.exp(-xs[i] * xs[i]) * Math.sin(ys[i]) + 0.5 * xs[i];
      assertEquals(want, got[i], 1e-15 * Math.max(1, Math.abs(want)), "element " + i);
    }
  }

  @ParameterizedTest
  @MethodSource("linkers")
  void sumOfProduct_matchesPlainJava(JvmLinker linker) {
    Variable x = T.dmatrix("x");
    Variable y = T.dmatrix("y");
    CompiledGraph f = linker.compile(List.of(x, y), List.of(x.exp().mul(y).sum(), x.sum(0)));
    double[][] a = {{1, 2, 3}, {4, 5, 6}};
    double[][] b = {{0.5, -1, 2}, {3, 0, 1}};
    List<NDArray> out = f.run(a, b);
    double want = 0;
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 3; j++) {
        want += Math.exp(a[i][j]) * b[i][j];
      }
    }
    assertEquals(want, out.get(0).item(), 1e-12 * Math.abs(want));
    assertArrayEquals(new double[] {5, 7, 9}, out.get(1).toDoubleArray());
    assertTrue(f.source().contains("class Graph"), f.source());
    if (Boolean.getBoolean("show")) System.out.println(f.source());
  }
}
