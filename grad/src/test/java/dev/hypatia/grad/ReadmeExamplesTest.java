package dev.hypatia.grad;

import dev.hypatia.grad.testing.GradientProperty;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.testing.ArrayGen;
import org.junit.jupiter.api.Test;

/** README's gradient-checking example, run as written. */
class ReadmeExamplesTest {
  @Test
  void myLossHasTheRightGradient() {
    GradientProperty.forAll(ArrayGen.arrays(DType.FLOAT64, 3, 4), ArrayGen.arrays(DType.FLOAT64, 4))
        .check(xs -> xs.get(0).mul(xs.get(1)).softplus().sum());
  }
}
