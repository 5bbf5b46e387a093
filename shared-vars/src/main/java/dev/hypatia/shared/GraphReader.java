package dev.hypatia.shared;

import dev.hypatia.shared.GraphFiles.LoadedGraph;
import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Constant;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the body of a graph file after its header: leaves, nodes (rebuilt through {@link
 * Op#makeNode}, their output types checked against the saved ones), then the input and output
 * references. Every reference must name an earlier variable, so the graph is acyclic by
 * construction.
 */
final class GraphReader {
  private final ByteInput in;
  private final List<Variable> vars = new ArrayList<>();

  private GraphReader(ByteInput in) {
    this.in = in;
  }

  static LoadedGraph read(ByteInput in) throws GraphFileException {
    return new GraphReader(in).body();
  }

  private LoadedGraph body() throws GraphFileException {
    int leaves = in.count("leaf count", 3);
    for (int i = 0; i < leaves; i++) {
      vars.add(leaf());
    }
    int nodes = in.count("node count", 9);
    for (int i = 0; i < nodes; i++) {
      node(i);
    }
    List<Variable> inputs = refs("graph input");
    for (Variable v : inputs) {
      if (v.owner() != null || v.isConstant()) {
        throw in.error("graph input " + v.label() + " is not a free variable");
      }
    }
    List<Variable> outputs = refs("graph output");
    if (in.remaining() != 0) {
      throw in.error(in.remaining() + " unexpected bytes after the end of the graph");
    }
    return new LoadedGraph(inputs, outputs);
  }

  private Variable leaf() throws GraphFileException {
    int at = in.position();
    int kind = in.u8("leaf kind");
    String name = name();
    switch (kind) {
      case 0:
        return new Variable(ArrayCodec.readType(in), name);
      case 1:
        TensorType type = ArrayCodec.readType(in);
        NDArray value = ArrayCodec.readArray(in);
        try {
          return SharedVariable.shared(value, name, type);
        } catch (RuntimeException e) {
          throw in.error(
              "shared variable " + name + " does not fit its type: " + e.getMessage(), e);
        }
      case 2:
        return new Constant(ArrayCodec.readArray(in), name);
      default:
        throw in.error("unknown leaf kind " + kind + " at byte " + at);
    }
  }

  private String name() throws GraphFileException {
    return in.bool("name present") ? in.string("name") : null;
  }

  private void node(int index) throws GraphFileException {
    int at = in.position();
    Op op = OpCodec.read(in);
    int n = in.count("node input count", 4);
    List<Variable> inputs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      inputs.add(ref("node input"));
    }
    int outs = in.count("node output count", 3);
    List<TensorType> types = new ArrayList<>(outs);
    List<String> names = new ArrayList<>(outs);
    for (int i = 0; i < outs; i++) {
      types.add(ArrayCodec.readType(in));
      names.add(name());
    }
    Apply node;
    try {
      node = op.makeNode(inputs);
    } catch (RuntimeException e) {
      throw in.error(
          "node " + index + " (" + op.name() + ", at byte " + at + ") does not type-check: " + e,
          e);
    }
    checkOutputs(index, op, node, types);
    for (int i = 0; i < outs; i++) {
      Variable o = node.output(i);
      if (names.get(i) != null) {
        o.named(names.get(i));
      }
      vars.add(o);
    }
  }

  private void checkOutputs(int index, Op op, Apply node, List<TensorType> saved)
      throws GraphFileException {
    List<TensorType> built = new ArrayList<>();
    for (Variable o : node.outputs()) {
      built.add(o.type());
    }
    if (!built.equals(saved)) {
      throw in.error(
          "node "
              + index
              + " ("
              + op.name()
              + ") rebuilt with output types "
              + built
              + ", but the file says "
              + saved);
    }
  }

  private Variable ref(String what) throws GraphFileException {
    int id = in.i32(what);
    if (id < 0 || id >= vars.size()) {
      throw in.error(
          what + " refers to variable " + id + ", but only " + vars.size() + " are defined before");
    }
    return vars.get(id);
  }

  private List<Variable> refs(String what) throws GraphFileException {
    int n = in.count(what + " count", 4);
    List<Variable> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(ref(what));
    }
    return list;
  }
}
