package dev.hypatia.tutorials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DemoTest {
  @Test
  void demo_printsTheGraphAndTheLossOfAPlainJavaComputation() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    double loss = Demo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String text = bytes.toString(StandardCharsets.UTF_8);

    double[][] x = {{1.0, 2.0}, {-1.0, 0.5}, {0.0, -2.0}};
    double[][] w = {{0.5, -0.5, 0.1}, {0.2, 0.3, -0.4}};
    double[] b = {0.0, 0.1, -0.1};
    int[] y = {1, 0, 2};
    double want = 0;
    for (int i = 0; i < 3; i++) {
      double[] z = new double[3];
      double norm = 0;
      for (int k = 0; k < 3; k++) {
        z[k] = b[k] + x[i][0] * w[0][k] + x[i][1] * w[1][k];
        norm += Math.exp(z[k]);
      }
      want += -Math.log(Math.exp(z[y[i]]) / norm) / 3;
    }
    assertEquals(want, loss, 1e-14);
    assertEquals(want, Demo.compiledLoss(), 1e-14);
    assertTrue(text.contains("public final class Graph"), text);
    assertTrue(text.contains("pp(loss):"), text);
    assertTrue(text.contains("[id A]"), text);
    assertTrue(text.contains("loss = "), text);
  }
}
