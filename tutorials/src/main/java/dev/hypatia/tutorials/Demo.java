package dev.hypatia.tutorials;

import dev.hypatia.grad.Grad;
import dev.hypatia.jvm.CompiledGraph;
import dev.hypatia.jvm.JvmLinker;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import dev.hypatia.symbolic.ops.NN;
import dev.hypatia.symbolic.print.DebugPrint;
import dev.hypatia.symbolic.print.Printer;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * The demo that README's main command runs: builds a small model expression (a softmax classifier's
 * mean cross-entropy), evaluates it through the reference interpreter, and prints the graph with pp
 * and debugprint, then compiles the loss and its gradients to JVM bytecode and shows the start of
 * the generated program.
 */
public final class Demo {
  private static double compiledLoss = Double.NaN;

  private Demo() {}

  /** The loss the compiled graph computed in the last {@link #run}. */
  static double compiledLoss() {
    return compiledLoss;
  }

  /** Runs the demo, printing to standard output. */
  public static void main(String[] args) {
    run(System.out);
  }

  /**
   * Runs the demo, printing to {@code out}.
   *
   * @return the loss it computed
   */
  public static double run(PrintStream out) {
    Variable x = T.dmatrix("x");
    Variable w = T.dmatrix("w");
    Variable b = T.dvector("b");
    Variable y = T.ivector("y");
    Variable probabilities = NN.softmax(x.dot(w).add(b)).named("p");
    Variable loss = NN.categoricalCrossentropy(probabilities, y).mean().named("loss");

    Map<Variable, Object> values =
        Map.of(
            x, new double[][] {{1.0, 2.0}, {-1.0, 0.5}, {0.0, -2.0}},
            w, new double[][] {{0.5, -0.5, 0.1}, {0.2, 0.3, -0.4}},
            b, new double[] {0.0, 0.1, -0.1},
            y, new int[] {1, 0, 2});
    NDArray p = probabilities.eval(values);
    NDArray l = loss.eval(values);

    out.println("Hypatia demo: a softmax classifier's loss, built symbolically");
    out.println();
    out.println("pp(loss):");
    out.println("  " + Printer.pp(loss));
    out.println();
    out.println("debugprint(loss):");
    out.println(DebugPrint.debugprint(loss));
    out.println("p = softmax(x . w + b) =");
    out.println(p);
    out.println();
    out.println("loss = " + l.format());

    // Compile loss and gradients to JVM bytecode (FAST_RUN rewrites, then ASM).
    List<Variable> grads = Grad.grad(loss, List.of(w, b));
    CompiledGraph step =
        JvmLinker.asm().compile(List.of(x, w, b, y), List.of(loss, grads.get(0), grads.get(1)));
    List<NDArray> r = step.run(values.get(x), values.get(w), values.get(b), values.get(y));
    out.println();
    out.println("compiled with " + JvmLinker.asm().name() + ": loss = " + r.get(0).format());
    out.println("d loss / d b = " + r.get(2));
    String source = step.source();
    String[] lines = source.split("\n");
    out.println();
    out.println("the generated program as Java (" + lines.length + " lines), its start:");
    for (int i = 0; i < Math.min(30, lines.length); i++) {
      out.println("  " + lines[i]);
    }
    compiledLoss = r.get(0).item();
    return l.item();
  }
}
