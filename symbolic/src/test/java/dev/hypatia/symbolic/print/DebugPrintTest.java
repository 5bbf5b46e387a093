package dev.hypatia.symbolic.print;

import static dev.hypatia.symbolic.print.TestOp.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.FunctionGraph;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.List;
import org.junit.jupiter.api.Test;

class DebugPrintTest {
  private final Variable x = T.tensor(DType.FLOAT64, "x", -1, 3);
  private final Variable y = T.tensor(DType.FLOAT64, "y", -1, 3);

  private Variable example() {
    return call("add", call("exp", call("mul", x, y)), T.constant(2.0)).named("z");
  }

  @Test
  void debugprint_printsAnIndentedTree() {
    String expected =
        """
        add [id A] float64[?,3] 'z'
        |-exp [id B] float64[?,3]
        | `-mul [id C] float64[?,3]
        |   |-x [id D] float64[?,3]
        |   `-y [id E] float64[?,3]
        `-2.0 [id F] float64[]
        """;
    assertEquals(expected, DebugPrint.debugprint(example()));
  }

  @Test
  void debugprint_printsSharedNodesOnceAndThenTheirIds() {
    Variable m = call("mul", x, y);
    Variable e = call("add", call("exp", m), call("log", m));
    String expected =
        """
        add [id A] float64[?,3]
        |-exp [id B] float64[?,3]
        | `-mul [id C] float64[?,3]
        |   |-x [id D] float64[?,3]
        |   `-y [id E] float64[?,3]
        `-log [id F] float64[?,3]
          `-mul [id C] ...
        mul [id C] ...
        """;
    assertEquals(expected, DebugPrint.debugprint(e, m));
  }

  @Test
  void debugprint_marksOutputsOfMultiOutputNodes() {
    List<Variable> parts = new TestOp("split", 2).makeNode(x).outputs();
    String expected =
        """
        sub [id A] float64[?,3]
        |-split.1 [id B] float64[?,3]
        | `-x [id C] float64[?,3]
        `-split.0 [id B] ...
        """;
    assertEquals(expected, DebugPrint.debugprint(call("sub", parts.get(1), parts.get(0))));
  }

  @Test
  void debugprint_printsUnnamedInputsAndRepeatedLeaves() {
    Variable u = new Variable(TensorType.of(DType.INT32, 2), null);
    String expected =
        """
        mul [id A] int32[2]
        |-<input> [id B] int32[2]
        `-<input> [id B] int32[2]
        """;
    assertEquals(expected, DebugPrint.debugprint(call("mul", u, u)));
  }

  @Test
  void debugprint_ofFunctionGraphPrintsItsOutputs() {
    FunctionGraph g = FunctionGraph.copyOf(List.of(y, x), List.of(example()));
    assertEquals(DebugPrint.debugprint(example()), DebugPrint.debugprint(g));
  }

  @Test
  void debugprint_handlesDeepChains() {
    Variable v = x;
    for (int i = 0; i < 1_000; i++) {
      v = call("exp", v);
    }
    String[] lines = DebugPrint.debugprint(v).split("\n");
    assertEquals(1_001, lines.length);
    assertEquals(" ".repeat(2 * 999) + "`-x [id ALM] float64[?,3]", lines[1_000]);
  }

  @Test
  void ssa_listsLeavesThenNodesThenOutputs() {
    String expected =
        """
        %0 = input :: float64[?,3]  # x
        %1 = input :: float64[?,3]  # y
        %2 = constant 2.0 :: float64[]
        %3 = mul %0 %1 :: float64[?,3]
        %4 = exp %3 :: float64[?,3]
        %5 = add %4 %2 :: float64[?,3]  # z
        return %5
        """;
    assertEquals(expected, DebugPrint.ssa(example()));
  }

  @Test
  void ssa_listsEveryOutputOfMultiOutputNodes() {
    List<Variable> parts = new TestOp("split", 2).makeNode(x).outputs();
    String expected =
        """
        %0 = input :: float64[?,3]  # x
        %1, %2 = split %0 :: float64[?,3], float64[?,3]  # _, b
        return %2, %1
        """;
    assertEquals(expected, DebugPrint.ssa(parts.get(1).named("b"), parts.get(0)));
  }

  @Test
  void ssa_ofFunctionGraphListsItsInputsInOrder() {
    FunctionGraph g = FunctionGraph.copyOf(List.of(y, x), List.of(example()));
    String expected =
        """
        %0 = input :: float64[?,3]  # y
        %1 = input :: float64[?,3]  # x
        %2 = constant 2.0 :: float64[]
        %3 = mul %1 %0 :: float64[?,3]
        %4 = exp %3 :: float64[?,3]
        %5 = add %4 %2 :: float64[?,3]  # z
        return %5
        """;
    assertEquals(expected, DebugPrint.ssa(g));
  }

  @Test
  void ssa_ofALeafReturnsIt() {
    assertEquals("%0 = input :: float64[?,3]  # x\nreturn %0\n", DebugPrint.ssa(x));
  }
}
