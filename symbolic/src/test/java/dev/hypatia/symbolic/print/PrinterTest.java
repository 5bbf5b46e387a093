package dev.hypatia.symbolic.print;

import static dev.hypatia.symbolic.print.TestOp.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrinterTest {
  private final Variable x = T.dmatrix("x");
  private final Variable y = T.dmatrix("y");

  @Test
  void pp_printsInfixAndFunctionCalls() {
    Variable e = call("add", call("exp", call("mul", x, y)), T.constant(2.0));
    assertEquals("(exp((x * y)) + 2.0)", Printer.pp(e));
  }

  @Test
  void pp_usesEverySymbolOfTheTable() {
    Map<String, String> expected =
        Map.ofEntries(
            Map.entry("add", "(x + y)"),
            Map.entry("sub", "(x - y)"),
            Map.entry("mul", "(x * y)"),
            Map.entry("true_div", "(x / y)"),
            Map.entry("floor_div", "(x // y)"),
            Map.entry("mod", "(x % y)"),
            Map.entry("pow", "(x ** y)"),
            Map.entry("lt", "(x < y)"),
            Map.entry("le", "(x <= y)"),
            Map.entry("gt", "(x > y)"),
            Map.entry("ge", "(x >= y)"),
            Map.entry("eq", "(x == y)"),
            Map.entry("neq", "(x != y)"),
            Map.entry("and", "(x & y)"),
            Map.entry("or", "(x | y)"),
            Map.entry("xor", "(x ^ y)"));
    expected.forEach((op, text) -> assertEquals(text, Printer.pp(call(op, x, y)), op));
    assertEquals("-x", Printer.pp(call("neg", x)));
    assertEquals("~x", Printer.pp(call("not", x)));
  }

  @Test
  void pp_parenthesizesRepeatedPrefixAndNegativeConstants() {
    assertEquals("-(-x)", Printer.pp(call("neg", call("neg", x))));
    assertEquals("-(-2.0)", Printer.pp(call("neg", T.constant(-2.0))));
    assertEquals("-(x + y)", Printer.pp(call("neg", call("add", x, y))));
  }

  @Test
  void pp_printsOpsWithWrongArityAsCalls() {
    assertEquals("add(x)", Printer.pp(call("add", x)));
    assertEquals("neg(x, y)", Printer.pp(call("neg", x, y)));
    assertEquals("(x + y + x)", Printer.pp(call("add", x, y, x)));
    assertEquals("dot(x, y)", Printer.pp(call("dot", x, y)));
    assertEquals("sum{axes=(0)}(x)", Printer.pp(call("sum{axes=(0)}", x)));
  }

  @Test
  void pp_printsLeaves() {
    Variable unnamed = new Variable(TensorType.of(DType.FLOAT64, -1, 3), null);
    assertEquals("<float64[?,3]>", Printer.pp(unnamed));
    assertEquals("x", Printer.pp(x));
    assertEquals("(<float32[]> * 3)", Printer.pp(call("mul", T.fscalar(null), T.constant(3))));
    assertEquals("[1 2 3]", Printer.pp(T.constant(NDArray.of(1L, 2L, 3L))));
    assertEquals(
        "<float64[2,2] constant>", Printer.pp(T.constant(new double[][] {{1, 2}, {3, 4}})));
    assertEquals("<float64[9] constant>", Printer.pp(T.constant(new double[9])));
    assertEquals("c", Printer.pp(T.constant(2.0, "c")));
  }

  @Test
  void pp_printsNamedIntermediatesByNameButExpandsRoots() {
    Variable h = call("mul", x, y).named("h");
    Variable z = call("exp", h).named("z");
    assertEquals("exp(h)", Printer.pp(z));
    assertEquals("(x * y)\nexp(h)", Printer.pp(List.of(h, z)));
  }

  @Test
  void pp_marksOutputsOfMultiOutputNodes() {
    List<Variable> parts = new TestOp("split", 2).makeNode(x).outputs();
    Variable e = call("add", parts.get(0), parts.get(1));
    assertEquals("(split(x)[0] + split(x)[1])", Printer.pp(e));
  }

  @Test
  void pp_printsDeepChainsWithoutRecursion() {
    Variable v = x;
    for (int i = 0; i < 20_000; i++) {
      v = call("exp", v);
    }
    String text = Printer.pp(v);
    assertEquals(20_000 * "exp(".length() + 1 + 20_000, text.length());
  }

  @Test
  void symbols_lookUpTheTable() {
    assertEquals("//", Printer.binarySymbol("floor_div"));
    assertEquals("-", Printer.prefixSymbol("neg"));
    assertNull(Printer.binarySymbol("exp"));
    assertNull(Printer.prefixSymbol("add"));
  }
}
