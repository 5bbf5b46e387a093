package dev.hypatia.symbolic.print;

import static dev.hypatia.symbolic.print.TestOp.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.FunctionGraph;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.List;
import org.junit.jupiter.api.Test;

class DotExportTest {
  private final Variable x = T.tensor(DType.FLOAT64, "x", -1, 3);
  private final Variable y = T.tensor(DType.FLOAT64, "y", -1, 3);

  @Test
  void dot_exportsVariablesAndNodesWithTypes() {
    Variable z = call("add", call("exp", call("mul", x, y)), T.constant(2.0)).named("z");
    String expected =
        """
        digraph hypatia {
          v0 [shape=box, label="x\\nfloat64[?,3]"];
          v1 [shape=box, label="y\\nfloat64[?,3]"];
          v2 [shape=box, style="dashed", label="2.0\\nfloat64[]"];
          n0 [shape=ellipse, label="mul"];
          v0 -> n0 [label="0"];
          v1 -> n0 [label="1"];
          v3 [shape=box, label="float64[?,3]"];
          n0 -> v3;
          n1 [shape=ellipse, label="exp"];
          v3 -> n1;
          v4 [shape=box, label="float64[?,3]"];
          n1 -> v4;
          n2 [shape=ellipse, label="add"];
          v4 -> n2 [label="0"];
          v2 -> n2 [label="1"];
          v5 [shape=box, style="bold", label="z\\nfloat64[?,3]"];
          n2 -> v5;
        }
        """;
    assertEquals(expected, DotExport.dot(z));
  }

  @Test
  void dot_labelsOutputsOfMultiOutputNodesAndUnnamedInputs() {
    List<Variable> parts = new TestOp("split", 2).makeNode(x).outputs();
    Variable u = new Variable(TensorType.of(DType.INT32, 2), null);
    String expected =
        """
        digraph hypatia {
          v0 [shape=box, label="x\\nfloat64[?,3]"];
          v1 [shape=box, label="<input>\\nint32[2]"];
          n0 [shape=ellipse, label="split"];
          v0 -> n0;
          v2 [shape=box, label="float64[?,3]"];
          n0 -> v2 [label="0"];
          v3 [shape=box, style="bold", label="float64[?,3]"];
          n0 -> v3 [label="1"];
          n1 [shape=ellipse, label="neg"];
          v1 -> n1;
          v4 [shape=box, style="bold", label="int32[2]"];
          n1 -> v4;
        }
        """;
    assertEquals(expected, DotExport.dot(parts.get(1), call("neg", u)));
  }

  @Test
  void dot_escapesQuotesAndBackslashes() {
    Variable w = T.constant(NDArray.of(new double[][] {{1, 2, 3}}), "w\"\\");
    String text = DotExport.dot(call("mul", x, w));
    String line = "  v1 [shape=box, style=\"dashed\", label=\"w\\\"\\\\\\nfloat64[1,3]\"];\n";
    assertEquals(true, text.contains(line), text);
  }

  @Test
  void dot_ofFunctionGraphListsItsInputsFirst() {
    FunctionGraph g = FunctionGraph.copyOf(List.of(y, x), List.of(call("mul", x, x)));
    String expected =
        """
        digraph hypatia {
          v0 [shape=box, label="y\\nfloat64[?,3]"];
          v1 [shape=box, label="x\\nfloat64[?,3]"];
          n0 [shape=ellipse, label="mul"];
          v1 -> n0 [label="0"];
          v1 -> n0 [label="1"];
          v2 [shape=box, style="bold", label="float64[?,3]"];
          n0 -> v2;
        }
        """;
    assertEquals(expected, DotExport.dot(g));
  }

  @Test
  void dot_marksAConstantOutputDashedAndBold() {
    String text = DotExport.dot(T.constant(NDArray.of(1L, 2L)));
    assertEquals(
        "digraph hypatia {\n  v0 [shape=box, style=\"dashed,bold\", label=\"[1 2]\\nint64[2]\"];\n}\n",
        text);
  }
}
