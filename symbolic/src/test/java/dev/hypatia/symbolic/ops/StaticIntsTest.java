package dev.hypatia.symbolic.ops;

import static dev.hypatia.symbolic.ops.ShapeFixtures.assertFails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaticIntsTest {
  private static final long U = StaticInts.UNKNOWN;

  @Test
  void vector_readsConstantsShapesJoinsSplitsAndScalarDimshuffles() {
    Variable x = T.tensor(DType.FLOAT64, "x", 2, -1, 4);
    assertArrayEquals(new long[] {2, U, 4}, StaticInts.vector(Shapes.shape(x)));
    List<Variable> parts = Shapes.split(Shapes.shape(x), new int[] {1, 2}, 0);
    assertArrayEquals(new long[] {U, 4}, StaticInts.vector(parts.get(1)));
    Variable joined =
        Shapes.concatenate(List.of(parts.get(1), T.constant(new long[] {7}), parts.get(0)));
    assertArrayEquals(new long[] {U, 4, 7, 2}, StaticInts.vector(joined));
    Variable n = T.lscalar("n");
    assertArrayEquals(
        new long[] {3, U}, StaticInts.vector(Shapes.shapeVector(List.of(T.constant(3L), n))));
  }

  @Test
  void vector_isUnknownAfterASplitWithSymbolicSizesOrOtherOps() {
    Variable x = T.tensor(DType.FLOAT64, "x", 2, 3, 4);
    Variable sizes = T.tensor(DType.INT64, "sizes", 2);
    List<Variable> parts = Shapes.split(Shapes.shape(x), sizes, 0);
    assertArrayEquals(new long[] {U, U}, StaticInts.vector(Shapes.reshape(parts.get(1), 2)));
    assertNull(StaticInts.knownVector(T.tensor(DType.INT64, "v", 2)));
    Variable v = T.tensor(DType.INT64, "v", 3);
    List<Variable> ofInput = Shapes.split(v, new int[] {1, 2}, 0);
    assertArrayEquals(new long[] {U, U}, StaticInts.vector(ofInput.get(1)));
  }

  @Test
  void toInts_rejectsValuesBeyondAnInt() {
    assertFails(
        IllegalArgumentException.class,
        () -> StaticInts.toInts(NDArray.of(-(1L << 33))),
        "dimension -8589934592 in [-8589934592] is too large");
  }

  @Test
  void copyInto_convertsAsACCast() {
    NDArray dst = NDArray.zeros(DType.INT8, 3);
    StaticInts.copyInto(NDArray.of(1.9, -2.7, 300.0), dst);
    long[] cast = {(byte) (long) 1.9, (byte) (long) -2.7, (byte) (long) 300.0};
    assertArrayEquals(cast, dst.toLongArray());
  }
}
