package dev.hypatia.shared;

import dev.hypatia.shared.GraphFiles.LoadedGraph;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Variable;
import java.util.List;

/**
 * The last step of {@link FunctionFiles#decode}: splits the loaded graph's outputs into outputs,
 * updates and default updates, restores the default updates and builds the function.
 */
final class FunctionRebuild {
  private FunctionRebuild() {}

  static Function build(
      FunctionBuilder b,
      LoadedGraph g,
      List<NDArray> defaults,
      int nOut,
      int nUpd,
      int nDef,
      ByteInput in)
      throws GraphFileException {
    List<Variable> outs = g.outputs();
    long expected = (long) nOut + 2L * nUpd + 2L * nDef;
    if (outs.size() != expected) {
      throw in.error(
          "the header declares "
              + nOut
              + " outputs, "
              + nUpd
              + " updates and "
              + nDef
              + " default updates ("
              + expected
              + " graph outputs), but the graph has "
              + outs.size());
    }
    int defAt = nOut + 2 * nUpd;
    for (int i = 0; i < nDef; i++) {
      SharedVariable s = target(outs, defAt + i, "default update", in);
      Variable e = outs.get(defAt + nDef + i);
      if (!FunctionCompiler.compatible(s.type(), e.type())) {
        throw in.error(
            "the default update of shared variable "
                + s.label()
                + " has type "
                + e.type()
                + ", not "
                + s.type());
      }
      s.setDefaultUpdate(e);
    }
    b.outputs(outs.subList(0, nOut));
    try {
      for (int i = 0; i < g.inputs().size(); i++) {
        if (defaults.get(i) == null) {
          b.input(g.inputs().get(i));
        } else {
          b.input(g.inputs().get(i), defaults.get(i));
        }
      }
      for (int i = 0; i < nUpd; i++) {
        b.update(target(outs, nOut + i, "update", in), outs.get(nOut + nUpd + i));
      }
      return b.build();
    } catch (RuntimeException e) {
      throw in.error("the saved function does not build: " + e.getMessage(), e);
    }
  }

  private static SharedVariable target(List<Variable> outs, int index, String what, ByteInput in)
      throws GraphFileException {
    if (!(outs.get(index) instanceof SharedVariable s)) {
      throw in.error(
          "the target of "
              + what
              + " (graph output "
              + index
              + ") is "
              + outs.get(index).describe()
              + ", not a shared variable");
    }
    return s;
  }
}
