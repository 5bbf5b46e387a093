package dev.hypatia.shared;

import dev.hypatia.symbolic.Executable;
import dev.hypatia.symbolic.FunctionGraph;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.Interpreter;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Variable;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link Backend#INTERPRETER} executable: {@link Interpreter#evaluate} over a graph that is
 * never modified after construction, so calls from several threads may run at once.
 */
final class InterpretedGraph implements Executable {
  private final FunctionGraph graph;

  InterpretedGraph(FunctionGraph graph) {
    this.graph = graph.copy();
  }

  @Override
  public List<Variable> inputs() {
    return graph.inputs();
  }

  @Override
  public List<Variable> outputs() {
    return graph.outputs();
  }

  @Override
  public List<NDArray> run(List<?> values) {
    List<Variable> ins = graph.inputs();
    if (values.size() != ins.size()) {
      throw new HypatiaException(
          "expected " + ins.size() + " input values but got " + values.size());
    }
    Map<Variable, Object> bindings = new IdentityHashMap<>();
    for (int i = 0; i < ins.size(); i++) {
      bindings.put(ins.get(i), values.get(i));
    }
    return Interpreter.evaluate(graph.outputs(), bindings);
  }
}
