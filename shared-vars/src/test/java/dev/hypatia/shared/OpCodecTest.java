package dev.hypatia.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.grad.GradBlock;
import dev.hypatia.symbolic.Axes;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.ops.AdvancedIncSubtensor;
import dev.hypatia.symbolic.ops.AdvancedSubtensor;
import dev.hypatia.symbolic.ops.Alloc;
import dev.hypatia.symbolic.ops.Arange;
import dev.hypatia.symbolic.ops.ArgReduce;
import dev.hypatia.symbolic.ops.CrossentropyCategorical1Hot;
import dev.hypatia.symbolic.ops.DimShuffle;
import dev.hypatia.symbolic.ops.Dot;
import dev.hypatia.symbolic.ops.ElementCount;
import dev.hypatia.symbolic.ops.Elemwise;
import dev.hypatia.symbolic.ops.Eye;
import dev.hypatia.symbolic.ops.FusedReduce;
import dev.hypatia.symbolic.ops.Gemm;
import dev.hypatia.symbolic.ops.IncSubtensor;
import dev.hypatia.symbolic.ops.IndexSpec;
import dev.hypatia.symbolic.ops.Join;
import dev.hypatia.symbolic.ops.Matmul;
import dev.hypatia.symbolic.ops.Reduce;
import dev.hypatia.symbolic.ops.Repeat;
import dev.hypatia.symbolic.ops.Reshape;
import dev.hypatia.symbolic.ops.Shape;
import dev.hypatia.symbolic.ops.Softmax;
import dev.hypatia.symbolic.ops.Split;
import dev.hypatia.symbolic.ops.Subtensor;
import dev.hypatia.symbolic.ops.SumToShape;
import dev.hypatia.symbolic.ops.Tensordot;
import dev.hypatia.symbolic.ops.Tile;
import dev.hypatia.symbolic.scalar.BinaryFn;
import dev.hypatia.symbolic.scalar.Cast;
import dev.hypatia.symbolic.scalar.Composite;
import dev.hypatia.symbolic.scalar.Composite.Instruction;
import dev.hypatia.symbolic.scalar.Polygamma;
import dev.hypatia.symbolic.scalar.ScalarOp;
import dev.hypatia.symbolic.scalar.TernaryFn;
import dev.hypatia.symbolic.scalar.UnaryFn;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every op of the table writes and reads back equal; bad op encodings are named. */
class OpCodecTest {
  private static byte[] encode(Op op) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    OpCodec.write(op, out);
    out.flush();
    return bytes.toByteArray();
  }

  private static Op decode(byte[] b) throws GraphFileException {
    ByteInput in = new ByteInput(b, "f");
    Op op = OpCodec.read(in);
    assertEquals(0, in.remaining());
    return op;
  }

  private static Composite composite() {
    Composite inner = new Composite(2, List.of(Instruction.of(BinaryFn.MUL, 0, 1)), List.of(2));
    return new Composite(
        2,
        List.of(
            Instruction.of(UnaryFn.EXP, 0),
            Instruction.of(inner, 2, 1),
            Instruction.of(new Cast(DType.FLOAT32), 3),
            Instruction.of(new Polygamma(2), 4),
            Instruction.of(TernaryFn.CLIP, 5, 0, 1)),
        List.of(6));
  }

  private static List<Op> everyOp() {
    IndexSpec spec =
        new IndexSpec(
            List.of(
                new IndexSpec.Point(new IndexSpec.Fixed(-1)),
                new IndexSpec.Range(null, new IndexSpec.Symbolic(0), new IndexSpec.Fixed(2)),
                new IndexSpec.NewAxis(),
                new IndexSpec.Range(new IndexSpec.Fixed(1), null, null)));
    List<Op> ops = new ArrayList<>();
    for (UnaryFn f : UnaryFn.values()) {
      ops.add(new Elemwise(f));
    }
    for (BinaryFn f : BinaryFn.values()) {
      ops.add(new Elemwise(f));
    }
    for (TernaryFn f : TernaryFn.values()) {
      ops.add(new Elemwise(f));
    }
    for (DType d : DType.values()) {
      ops.add(new Elemwise(new Cast(d)));
      ops.add(new Eye(d));
    }
    ops.addAll(
        List.of(
            new Elemwise(new Polygamma(3)),
            new Elemwise(composite()),
            new Reduce(BinaryFn.MAXIMUM, Axes.of(3, 0, 2), true),
            new FusedReduce(composite(), BinaryFn.ADD, Axes.of(2, 1), false),
            new DimShuffle(2, List.of(1, DimShuffle.NEW_AXIS, 0)),
            new Reshape(3),
            new Dot(),
            new Gemm(),
            new Softmax(-1, true),
            new CrossentropyCategorical1Hot(),
            new SumToShape(),
            new Alloc(),
            new Shape(),
            new Subtensor(spec),
            new IncSubtensor(spec, true),
            new AdvancedSubtensor(1),
            new AdvancedIncSubtensor(0, false),
            new Arange(DType.INT32),
            new ArgReduce(true, null, false),
            new ArgReduce(false, 1, true),
            new ElementCount(Axes.of(2, 1)),
            new Join(1),
            new Matmul(),
            new Repeat(null),
            new Repeat(0),
            new Split(1, 3),
            new Tensordot(List.of(0, 1), List.of(1, 0)),
            new Tile(List.of(2, 1, 3)),
            new GradBlock(GradBlock.Kind.ZERO),
            new GradBlock(GradBlock.Kind.DISCONNECTED)));
    return ops;
  }

  @Test
  void everyOpOfTheTable_roundTripsEqual() throws IOException {
    for (Op op : everyOp()) {
      assertEquals(op, decode(encode(op)), op.name());
    }
  }

  @Test
  void everyOpOfTheTable_truncatedAnywhere_failsCleanly() throws IOException {
    for (Op op : everyOp()) {
      byte[] b = encode(op);
      for (int n = 0; n < b.length; n++) {
        byte[] cut = java.util.Arrays.copyOf(b, n);
        GraphFileException e = assertThrows(GraphFileException.class, () -> decode(cut));
        assertTrue(e.getMessage().contains("truncated"), op.name() + " at " + n + ": " + e);
      }
    }
  }

  @Test
  void invalidParameters_areNamed() throws IOException {
    byte[] join = encode(new Join(1));
    java.util.Arrays.fill(join, 1, 5, (byte) -1);
    GraphFileException e = assertThrows(GraphFileException.class, () -> decode(join));
    assertTrue(
        e.getMessage().contains("invalid parameters for op tag 21 at byte 0"), e.getMessage());
    assertTrue(e.getMessage().contains("join: axis must be normalized"), e.getMessage());
  }

  @Test
  void wrongScalarKinds_areNamed() throws IOException {
    byte[] reduce = encode(new Reduce(BinaryFn.ADD, Axes.of(1, 0), false));
    reduce[1] = 1; // a unary tag where the binary function belongs
    GraphFileException e = assertThrows(GraphFileException.class, () -> decode(reduce));
    assertTrue(e.getMessage().contains("unknown UnaryFn 'ADD'"), e.getMessage());
    byte[] fused = encode(new FusedReduce(composite(), BinaryFn.ADD, Axes.of(1, 0), false));
    fused[1] = 7;
    e = assertThrows(GraphFileException.class, () -> decode(fused));
    assertTrue(e.getMessage().contains("unknown scalar op tag 7"), e.getMessage());
    byte[] flag = encode(new Softmax(0, false));
    flag[5] = 2;
    e = assertThrows(GraphFileException.class, () -> decode(flag));
    assertTrue(e.getMessage().contains("log must be 0 or 1, got 2"), e.getMessage());
  }

  @Test
  void nestedCompositeTooDeep_isRejectedOnSaveAndLoad() throws IOException {
    ScalarOp op = UnaryFn.EXP;
    for (int i = 0; i < ScalarCodec.MAX_DEPTH + 1; i++) {
      op = new Composite(1, List.of(Instruction.of(op, 0)), List.of(1));
    }
    Op deep = new Elemwise(op);
    HypatiaException e = assertThrows(HypatiaException.class, () -> encode(deep));
    assertTrue(
        e.getMessage().contains("cannot save a composite nested deeper than 16"), e.getMessage());
    byte[] b = encode(new Elemwise(((Composite) op).instructions().get(0).op()));
    byte[] nested = new byte[b.length + 13];
    nested[0] = 1;
    nested[1] = 6;
    nested[5] = 1;
    nested[9] = 1;
    System.arraycopy(b, 1, nested, 10, b.length - 1);
    GraphFileException g = assertThrows(GraphFileException.class, () -> decode(nested));
    assertTrue(g.getMessage().contains("composite nested deeper than 16"), g.getMessage());
  }

  @Test
  void badIndexEncodings_areNamed() throws IOException {
    IndexSpec point = new IndexSpec(List.of(new IndexSpec.Point(new IndexSpec.Fixed(0))));
    byte[] b = encode(new Subtensor(point));
    b[5] = 9;
    GraphFileException e = assertThrows(GraphFileException.class, () -> decode(b));
    assertTrue(e.getMessage().contains("unknown index entry tag 9"), e.getMessage());
    byte[] c = encode(new Subtensor(point));
    c[6] = 0;
    e = assertThrows(GraphFileException.class, () -> decode(java.util.Arrays.copyOf(c, 7)));
    assertTrue(e.getMessage().contains("an index point needs a bound"), e.getMessage());
    c[6] = 5;
    e = assertThrows(GraphFileException.class, () -> decode(c));
    assertTrue(e.getMessage().contains("unknown index bound tag 5"), e.getMessage());
  }

  @Test
  void scalarOfTheWrongKind_isNamed() throws IOException {
    byte[] exp = encode(new Elemwise(UnaryFn.EXP));
    byte[] reduce = new byte[exp.length + 5];
    reduce[0] = 2;
    System.arraycopy(exp, 1, reduce, 1, exp.length - 1);
    GraphFileException e = assertThrows(GraphFileException.class, () -> decode(reduce));
    assertTrue(
        e.getMessage().contains("expected a binary scalar function, got exp"), e.getMessage());
    byte[] fused = reduce.clone();
    fused[0] = 3;
    e = assertThrows(GraphFileException.class, () -> decode(fused));
    assertTrue(e.getMessage().contains("expected a composite scalar op, got exp"), e.getMessage());
  }
}
