package dev.hypatia.grad.rules;

import dev.hypatia.symbolic.testing.OpSpec;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ElemwiseRulesTest {
  private static final List<String> REDUCTIONS =
      List.of("sum", "prod", "max", "min", "mean", "var", "std", "logsumexp");

  private static boolean elementwise(OpSpec row) {
    return REDUCTIONS.stream().noneMatch(r -> row.function().startsWith(r));
  }

  static Stream<OpSpec> float64Rows() {
    return RowChecks.rows(r -> elementwise(r) && !r.name().contains("float32")).stream();
  }

  static Stream<OpSpec> float32Rows() {
    return RowChecks.rows(r -> elementwise(r) && r.name().contains("float32")).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("float64Rows")
  void firstDerivatives_matchFiniteDifferences_onTheRowDomain(OpSpec row) {
    RowChecks.checkFirstDerivatives(row, 4);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("float32Rows")
  void float32Inputs_getFloat32Gradients_closeToFloat64Ones(OpSpec row) {
    RowChecks.checkFloat32(row, 3);
  }
}
