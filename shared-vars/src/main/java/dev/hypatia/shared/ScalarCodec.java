package dev.hypatia.shared;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.scalar.BinaryFn;
import dev.hypatia.symbolic.scalar.Cast;
import dev.hypatia.symbolic.scalar.Composite;
import dev.hypatia.symbolic.scalar.Polygamma;
import dev.hypatia.symbolic.scalar.ScalarOp;
import dev.hypatia.symbolic.scalar.TernaryFn;
import dev.hypatia.symbolic.scalar.UnaryFn;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Scalar ops and dtypes in a graph file: unary, binary and ternary functions by their enum constant
 * name, casts by dtype code, polygamma by order, and composites recursively (nested at most {@link
 * #MAX_DEPTH} deep).
 */
final class ScalarCodec {
  static final int MAX_DEPTH = 16;

  private static final int UNARY = 1;
  private static final int BINARY = 2;
  private static final int TERNARY = 3;
  private static final int CAST = 4;
  private static final int POLYGAMMA = 5;
  private static final int COMPOSITE = 6;

  private ScalarCodec() {}

  static void write(ScalarOp op, DataOutputStream out, int depth) throws IOException {
    if (op instanceof UnaryFn u) {
      out.writeByte(UNARY);
      writeString(u.name(), out);
    } else if (op instanceof BinaryFn b) {
      out.writeByte(BINARY);
      writeString(b.name(), out);
    } else if (op instanceof TernaryFn t) {
      out.writeByte(TERNARY);
      writeString(t.name(), out);
    } else if (op instanceof Cast c) {
      out.writeByte(CAST);
      writeDType(c.target(), out);
    } else if (op instanceof Polygamma p) {
      out.writeByte(POLYGAMMA);
      out.writeInt(p.order());
    } else {
      Composite c = (Composite) op;
      if (depth >= MAX_DEPTH) {
        throw new HypatiaException(
            "cannot save a composite nested deeper than " + MAX_DEPTH + ": " + c.opName());
      }
      out.writeByte(COMPOSITE);
      out.writeInt(c.inputCount());
      out.writeInt(c.instructions().size());
      for (Composite.Instruction ins : c.instructions()) {
        write(ins.op(), out, depth + 1);
        OpCodec.writeInts(ins.args(), out);
      }
      OpCodec.writeInts(c.outputs(), out);
    }
  }

  static ScalarOp read(ByteInput in, int depth) throws GraphFileException {
    int tag = in.u8("scalar op tag");
    switch (tag) {
      case UNARY:
        return enumConstant(UnaryFn.class, in.string("unary function"), in);
      case BINARY:
        return enumConstant(BinaryFn.class, in.string("binary function"), in);
      case TERNARY:
        return enumConstant(TernaryFn.class, in.string("ternary function"), in);
      case CAST:
        return new Cast(readDType(in));
      case POLYGAMMA:
        return new Polygamma(in.intIn("polygamma order", 0, 1 << 10));
      case COMPOSITE:
        return readCompositeBody(in, depth);
      default:
        throw in.error("unknown scalar op tag " + tag);
    }
  }

  private static Composite readCompositeBody(ByteInput in, int depth) throws GraphFileException {
    if (depth >= MAX_DEPTH) {
      throw in.error("composite nested deeper than " + MAX_DEPTH);
    }
    int inputs = in.intIn("composite input count", 0, 1 << 16);
    int n = in.count("composite instruction count", 2);
    List<Composite.Instruction> ins = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ScalarOp op = read(in, depth + 1);
      List<Integer> args = OpCodec.readInts(in, 0, Integer.MAX_VALUE, "composite slot");
      ins.add(new Composite.Instruction(op, args));
    }
    List<Integer> outs = OpCodec.readInts(in, 0, Integer.MAX_VALUE, "composite slot");
    return new Composite(inputs, ins, outs);
  }

  static Composite readComposite(ByteInput in) throws GraphFileException {
    ScalarOp op = read(in, 0);
    if (!(op instanceof Composite c)) {
      throw in.error("expected a composite scalar op, got " + op.opName());
    }
    return c;
  }

  static BinaryFn readBinary(ByteInput in) throws GraphFileException {
    ScalarOp op = read(in, 0);
    if (!(op instanceof BinaryFn b)) {
      throw in.error("expected a binary scalar function, got " + op.opName());
    }
    return b;
  }

  private static <E extends Enum<E>> E enumConstant(Class<E> type, String name, ByteInput in)
      throws GraphFileException {
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    throw in.error("unknown " + type.getSimpleName() + " '" + name + "'");
  }

  /** A dtype's fixed code in the file format. */
  static void writeDType(DType d, DataOutputStream out) throws IOException {
    out.writeByte(
        switch (d) {
          case FLOAT64 -> 1;
          case FLOAT32 -> 2;
          case INT64 -> 3;
          case INT32 -> 4;
          case INT8 -> 5;
          case BOOL -> 6;
        });
  }

  static DType readDType(ByteInput in) throws GraphFileException {
    int code = in.u8("dtype");
    return switch (code) {
      case 1 -> DType.FLOAT64;
      case 2 -> DType.FLOAT32;
      case 3 -> DType.INT64;
      case 4 -> DType.INT32;
      case 5 -> DType.INT8;
      case 6 -> DType.BOOL;
      default -> throw in.error("unknown dtype code " + code);
    };
  }

  static void writeString(String s, DataOutputStream out) throws IOException {
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }
}
