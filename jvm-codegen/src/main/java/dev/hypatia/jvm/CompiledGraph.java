package dev.hypatia.jvm;

import dev.hypatia.jvm.asm.AsmGenerator;
import dev.hypatia.jvm.janino.JaninoGenerator;
import dev.hypatia.jvm.janino.JavaSource;
import dev.hypatia.jvm.lower.LoweredProgram;
import dev.hypatia.jvm.lower.Lowering;
import dev.hypatia.jvm.lower.MemoryPlan;
import dev.hypatia.jvm.runtime.Frame;
import dev.hypatia.jvm.runtime.Program;
import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Executable;
import dev.hypatia.symbolic.FunctionGraph;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.Interpreter;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Variable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A graph compiled to JVM code by {@link JvmLinker}: a generated class (shared by every compiled
 * graph of the same structure), the graph's constants, and its memory plan. Safe to call from
 * several threads at once: each call has its own {@link Frame} and buffers.
 */
public final class CompiledGraph implements Executable {
  private final FunctionGraph graph;
  private final JvmLinker linker;
  private final LoweredProgram lowered;
  private final Program program;

  private CompiledGraph(FunctionGraph graph, JvmLinker linker, LoweredProgram lowered, Program p) {
    this.graph = graph;
    this.linker = linker;
    this.lowered = lowered;
    this.program = p;
  }

  static CompiledGraph link(FunctionGraph graph, JvmLinker linker) {
    boolean asm = linker.generator() == Generator.ASM;
    String pkg = asm ? AsmGenerator.class.getPackageName() : JaninoGenerator.PACKAGE;
    LoweredProgram lowered = Lowering.lower(graph, linker.vectorize(), pkg);
    java.util.function.Function<dev.hypatia.jvm.code.ClassDef, Class<?>> define =
        asm ? AsmGenerator::define : JaninoGenerator::define;
    Class<?> c =
        linker.cache()
            ? ClassCache.get(linker.generator(), lowered.classDef(), define)
            : define.apply(lowered.classDef());
    Program p;
    try {
      p = (Program) c.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot instantiate generated " + c.getName(), e);
    }
    return new CompiledGraph(graph, linker, lowered, p);
  }

  @Override
  public List<Variable> inputs() {
    return graph.inputs();
  }

  @Override
  public List<Variable> outputs() {
    return graph.outputs();
  }

  /** The linker that made this. */
  public JvmLinker linker() {
    return linker;
  }

  /** The compiled graph (do not modify it). */
  public FunctionGraph graph() {
    return graph;
  }

  /** The generated class (shared by every compiled graph of the same structure). */
  public Class<?> programClass() {
    return program.getClass();
  }

  /** The memory plan the generated code follows. */
  public MemoryPlan memoryPlan() {
    return lowered.plan();
  }

  @Override
  public List<NDArray> run(List<?> values) {
    return call(values).outputs();
  }

  /** One call's outputs and its frame (what it allocated), for tests and profiling. */
  record Call(List<NDArray> outputs, Frame frame) {}

  Call call(List<?> values) {
    return call(values, false);
  }

  /**
   * Runs once with each node timed and returns a table: node, op, milliseconds, share of the total,
   * slowest first. For finding where a compiled graph spends its time.
   */
  public String profile(List<?> values) {
    Frame f = call(values, true).frame();
    long[] t = f.nanos();
    long total = java.util.Arrays.stream(t).sum();
    Integer[] order = new Integer[t.length];
    for (int i = 0; i < t.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Long.compare(t[b], t[a]));
    StringBuilder sb =
        new StringBuilder(String.format("%5s %10s %6s  %s%n", "node", "ms", "%", "op"));
    for (int i : order) {
      sb.append(
          String.format(
              "%5d %10.3f %6.1f  %s%n",
              i, t[i] / 1e6, 100.0 * t[i] / Math.max(1, total), lowered.nodes()[i].op().name()));
    }
    return sb.toString();
  }

  /**
   * One call's outputs with, per node of the schedule, its time and the bytes it allocated: what
   * {@link #timedRun} returns. The arrays are indexed like {@code nodes}.
   *
   * @param outputs as {@link #run} returns them
   * @param nodes the graph's nodes in the order the generated code runs them
   * @param nanos per node, nanoseconds from its start to the next node's start
   * @param bytes per node, bytes of the arrays it allocated (storage reused is not counted)
   */
  public record TimedRun(List<NDArray> outputs, List<Apply> nodes, long[] nanos, long[] bytes) {}

  /**
   * {@link #run} with each node timed and its allocations counted, for profilers that accumulate
   * over many calls (as shared-vars' {@code Function} with profiling on). Slower than {@link #run}
   * by a clock read per node.
   */
  public TimedRun timedRun(List<?> values) {
    Call c = call(values, true);
    return new TimedRun(
        c.outputs(), List.of(lowered.nodes()), c.frame().nanos(), c.frame().allocatedBytes());
  }

  private Call call(List<?> values, boolean timed) {
    List<Variable> ins = graph.inputs();
    if (values.size() != ins.size()) {
      throw new HypatiaException(
          "expected " + ins.size() + " input values " + names(ins) + ", got " + values.size());
    }
    NDArray[] in = new NDArray[ins.size()];
    for (int i = 0; i < in.length; i++) {
      in[i] = Interpreter.checkInput(ins.get(i), values.get(i));
    }
    Frame frame = new Frame(lowered.nodes(), lowered.constants());
    if (timed) {
      frame.time();
    }
    NDArray[] out;
    try {
      out = program.run(in, frame);
      if (timed) {
        frame.at(-1);
      }
    } catch (HypatiaException e) {
      throw e;
    } catch (RuntimeException e) {
      throw failure(frame, e);
    }
    return new Call(detach(out, in), frame);
  }

  private HypatiaException failure(Frame frame, RuntimeException e) {
    if (frame.current() < 0) {
      return new HypatiaException("compiled graph failed: " + message(e), e);
    }
    Apply node = frame.node(frame.current());
    return new HypatiaException(
        node.op().name() + ": " + message(e) + "\n  node created at " + node.output(0).location(),
        e);
  }

  private static String message(RuntimeException e) {
    return e.getMessage() != null ? e.getMessage() : e.toString();
  }

  private static String names(List<Variable> vars) {
    List<String> n = new ArrayList<>();
    for (Variable v : vars) {
      n.add(v.label());
    }
    return n.toString();
  }

  /** Copies outputs sharing storage with an input, a constant or an earlier output. */
  private List<NDArray> detach(NDArray[] out, NDArray[] in) {
    Set<Object> taken = Collections.newSetFromMap(new IdentityHashMap<>());
    for (NDArray a : in) {
      taken.add(a.data());
    }
    for (NDArray c : lowered.constants()) {
      taken.add(c.data());
    }
    List<NDArray> result = new ArrayList<>(out.length);
    for (NDArray o : out) {
      NDArray v = taken.add(o.data()) ? o : o.copy();
      taken.add(v.data());
      result.add(v);
    }
    return result;
  }

  /** The generated program as Java source (what the Janino generator compiles). */
  public String source() {
    LoweredProgram readable =
        linker.generator() == Generator.JANINO
            ? lowered
            : Lowering.lower(graph, linker.vectorize(), JaninoGenerator.PACKAGE);
    return JavaSource.print(readable.classDef(), JaninoGenerator.PACKAGE);
  }
}
