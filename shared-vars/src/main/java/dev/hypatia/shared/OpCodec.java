package dev.hypatia.shared;

import dev.hypatia.grad.GradBlock;
import dev.hypatia.symbolic.Axes;
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
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The fixed table of ops a graph file may name: each op record maps to a one-byte tag followed by
 * its parameters, and back. Nothing else can be named in a file, so loading never reaches a class
 * outside this table.
 */
final class OpCodec {
  /** The largest rank, axis magnitude or small count a file may hold. */
  static final int MAX_RANK = 64;

  private static final int ELEMWISE = 1;
  private static final int REDUCE = 2;
  private static final int FUSED_REDUCE = 3;
  private static final int DIM_SHUFFLE = 4;
  private static final int RESHAPE = 5;
  private static final int DOT = 6;
  private static final int GEMM = 7;
  private static final int SOFTMAX = 8;
  private static final int XENT_1HOT = 9;
  private static final int SUM_TO_SHAPE = 10;
  private static final int ALLOC = 11;
  private static final int SHAPE = 12;
  private static final int SUBTENSOR = 13;
  private static final int INC_SUBTENSOR = 14;
  private static final int ADV_SUBTENSOR = 15;
  private static final int ADV_INC_SUBTENSOR = 16;
  private static final int ARANGE = 17;
  private static final int ARG_REDUCE = 18;
  private static final int ELEMENT_COUNT = 19;
  private static final int EYE = 20;
  private static final int JOIN = 21;
  private static final int MATMUL = 22;
  private static final int REPEAT = 23;
  private static final int SPLIT = 24;
  private static final int TENSORDOT = 25;
  private static final int TILE = 26;
  private static final int GRAD_BLOCK = 27;
  private static final int RANDOM_DRAW = 28;

  private OpCodec() {}

  /**
   * Writes {@code op}'s tag and parameters.
   *
   * @throws HypatiaException naming the op when it is not in the table
   */
  static void write(Op op, DataOutputStream out) throws IOException {
    if (op instanceof Elemwise e) {
      out.writeByte(ELEMWISE);
      ScalarCodec.write(e.scalar(), out, 0);
    } else if (op instanceof Reduce r) {
      out.writeByte(REDUCE);
      ScalarCodec.write(r.fn(), out, 0);
      writeAxes(r.axes(), out);
      out.writeBoolean(r.keepdims());
    } else if (op instanceof FusedReduce f) {
      out.writeByte(FUSED_REDUCE);
      ScalarCodec.write(f.producer(), out, 0);
      ScalarCodec.write(f.fn(), out, 0);
      writeAxes(f.axes(), out);
      out.writeBoolean(f.keepdims());
    } else if (op instanceof DimShuffle d) {
      out.writeByte(DIM_SHUFFLE);
      out.writeInt(d.inputNdim());
      writeInts(d.newOrder(), out);
    } else if (op instanceof Reshape r) {
      out.writeByte(RESHAPE);
      out.writeInt(r.ndim());
    } else if (op instanceof Softmax s) {
      out.writeByte(SOFTMAX);
      out.writeInt(s.axis());
      out.writeBoolean(s.log());
    } else if (op instanceof Subtensor s) {
      out.writeByte(SUBTENSOR);
      IndexCodec.write(s.spec(), out);
    } else if (op instanceof IncSubtensor s) {
      out.writeByte(INC_SUBTENSOR);
      IndexCodec.write(s.spec(), out);
      out.writeBoolean(s.set());
    } else if (op instanceof AdvancedSubtensor s) {
      out.writeByte(ADV_SUBTENSOR);
      out.writeInt(s.axis());
    } else if (op instanceof AdvancedIncSubtensor s) {
      out.writeByte(ADV_INC_SUBTENSOR);
      out.writeInt(s.axis());
      out.writeBoolean(s.set());
    } else if (!writeMore(op, out)) {
      throw new HypatiaException(
          "cannot save op "
              + op.name()
              + " ("
              + op.getClass().getName()
              + "): it is not in the graph file format's op table");
    }
  }

  private static boolean writeMore(Op op, DataOutputStream out) throws IOException {
    if (op instanceof Arange a) {
      out.writeByte(ARANGE);
      ScalarCodec.writeDType(a.dtype(), out);
    } else if (op instanceof Eye e) {
      out.writeByte(EYE);
      ScalarCodec.writeDType(e.dtype(), out);
    } else if (op instanceof ArgReduce a) {
      out.writeByte(ARG_REDUCE);
      out.writeBoolean(a.max());
      writeNullableInt(a.axis(), out);
      out.writeBoolean(a.keepdims());
    } else if (op instanceof ElementCount c) {
      out.writeByte(ELEMENT_COUNT);
      writeAxes(c.axes(), out);
    } else if (op instanceof Join j) {
      out.writeByte(JOIN);
      out.writeInt(j.axis());
    } else if (op instanceof Repeat r) {
      out.writeByte(REPEAT);
      writeNullableInt(r.axis(), out);
    } else if (op instanceof Split s) {
      out.writeByte(SPLIT);
      out.writeInt(s.axis());
      out.writeInt(s.count());
    } else if (op instanceof Tensordot t) {
      out.writeByte(TENSORDOT);
      writeInts(t.axesA(), out);
      writeInts(t.axesB(), out);
    } else if (op instanceof Tile t) {
      out.writeByte(TILE);
      writeInts(t.reps(), out);
    } else if (op instanceof RandomDraw r) {
      out.writeByte(RANDOM_DRAW);
      DistributionCodec.write(r.distribution(), out);
      writeInts(r.shape(), out);
    } else if (op instanceof GradBlock g) {
      out.writeByte(GRAD_BLOCK);
      out.writeByte(g.kind() == GradBlock.Kind.ZERO ? 0 : 1);
    } else {
      return writeNoParams(op, out);
    }
    return true;
  }

  private static boolean writeNoParams(Op op, DataOutputStream out) throws IOException {
    int tag;
    if (op instanceof Dot) {
      tag = DOT;
    } else if (op instanceof Gemm) {
      tag = GEMM;
    } else if (op instanceof CrossentropyCategorical1Hot) {
      tag = XENT_1HOT;
    } else if (op instanceof SumToShape) {
      tag = SUM_TO_SHAPE;
    } else if (op instanceof Alloc) {
      tag = ALLOC;
    } else if (op instanceof Shape) {
      tag = SHAPE;
    } else if (op instanceof Matmul) {
      tag = MATMUL;
    } else {
      return false;
    }
    out.writeByte(tag);
    return true;
  }

  /** Reads an op: its tag from the fixed table, then its parameters. */
  static Op read(ByteInput in) throws GraphFileException {
    int at = in.position();
    int tag = in.u8("op tag");
    try {
      return readTagged(tag, in);
    } catch (RuntimeException e) {
      throw in.error("invalid parameters for op tag " + tag + " at byte " + at + ": " + e, e);
    }
  }

  private static Op readTagged(int tag, ByteInput in) throws GraphFileException {
    switch (tag) {
      case ELEMWISE:
        return new Elemwise(ScalarCodec.read(in, 0));
      case REDUCE:
        return new Reduce(ScalarCodec.readBinary(in), readAxes(in), in.bool("keepdims"));
      case FUSED_REDUCE:
        return new FusedReduce(
            ScalarCodec.readComposite(in),
            ScalarCodec.readBinary(in),
            readAxes(in),
            in.bool("keepdims"));
      case DIM_SHUFFLE:
        return new DimShuffle(
            in.intIn("dimshuffle input rank", 0, MAX_RANK),
            readInts(in, -1, MAX_RANK, "dimshuffle order"));
      case RESHAPE:
        return new Reshape(in.intIn("reshape rank", 0, MAX_RANK));
      case SOFTMAX:
        return new Softmax(readAxis(in), in.bool("log"));
      case SUBTENSOR:
        return new Subtensor(IndexCodec.read(in));
      case INC_SUBTENSOR:
        return new IncSubtensor(IndexCodec.read(in), in.bool("set"));
      case ADV_SUBTENSOR:
        return new AdvancedSubtensor(readAxis(in));
      case ADV_INC_SUBTENSOR:
        return new AdvancedIncSubtensor(readAxis(in), in.bool("set"));
      default:
        return readMore(tag, in);
    }
  }

  private static Op readMore(int tag, ByteInput in) throws GraphFileException {
    switch (tag) {
      case ARANGE:
        return new Arange(ScalarCodec.readDType(in));
      case EYE:
        return new Eye(ScalarCodec.readDType(in));
      case ARG_REDUCE:
        return new ArgReduce(in.bool("max"), readNullableAxis(in), in.bool("keepdims"));
      case ELEMENT_COUNT:
        return new ElementCount(readAxes(in));
      case JOIN:
        return new Join(readAxis(in));
      case REPEAT:
        return new Repeat(readNullableAxis(in));
      case SPLIT:
        return new Split(readAxis(in), in.intIn("split count", 0, 1 << 16));
      case TENSORDOT:
        return new Tensordot(
            readInts(in, -MAX_RANK, MAX_RANK, "tensordot axes"),
            readInts(in, -MAX_RANK, MAX_RANK, "tensordot axes"));
      case TILE:
        return new Tile(readInts(in, 0, Integer.MAX_VALUE, "tile reps"));
      case RANDOM_DRAW:
        return new RandomDraw(
            DistributionCodec.read(in), readInts(in, 0, Integer.MAX_VALUE, "random draw shape"));
      case GRAD_BLOCK:
        return new GradBlock(
            in.bool("grad block kind") ? GradBlock.Kind.DISCONNECTED : GradBlock.Kind.ZERO);
      case DOT:
        return new Dot();
      case GEMM:
        return new Gemm();
      case XENT_1HOT:
        return new CrossentropyCategorical1Hot();
      case SUM_TO_SHAPE:
        return new SumToShape();
      case ALLOC:
        return new Alloc();
      case SHAPE:
        return new Shape();
      case MATMUL:
        return new Matmul();
      default:
        throw in.error("unknown op tag " + tag);
    }
  }

  static void writeAxes(Axes axes, DataOutputStream out) throws IOException {
    out.writeInt(axes.size());
    for (int i = 0; i < axes.size(); i++) {
      out.writeInt(axes.get(i));
    }
  }

  static Axes readAxes(ByteInput in) throws GraphFileException {
    java.util.List<Integer> list = readInts(in, 0, MAX_RANK - 1, "axes");
    int[] a = new int[list.size()];
    int max = -1;
    for (int i = 0; i < a.length; i++) {
      a[i] = list.get(i);
      max = Math.max(max, a[i]);
    }
    return Axes.of(max + 1, a);
  }

  static void writeInts(java.util.List<Integer> values, DataOutputStream out) throws IOException {
    out.writeInt(values.size());
    for (int v : values) {
      out.writeInt(v);
    }
  }

  static java.util.List<Integer> readInts(ByteInput in, int lo, int hi, String what)
      throws GraphFileException {
    int n = in.count(what + " count", 4);
    java.util.List<Integer> list = new java.util.ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(in.intIn(what, lo, hi));
    }
    return list;
  }

  private static void writeNullableInt(Integer v, DataOutputStream out) throws IOException {
    out.writeBoolean(v != null);
    if (v != null) {
      out.writeInt(v);
    }
  }

  private static Integer readNullableAxis(ByteInput in) throws GraphFileException {
    return in.bool("axis present") ? readAxis(in) : null;
  }

  private static int readAxis(ByteInput in) throws GraphFileException {
    return in.intIn("axis", -MAX_RANK, MAX_RANK);
  }
}
