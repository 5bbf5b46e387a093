package dev.hypatia.shared;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.TensorType;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Types and array values in a graph file: dtype code, rank, dims, then the elements in C order as
 * raw big-endian bits (floats bit-exact, NaN payloads included; bools as 0 or 1).
 */
final class ArrayCodec {
  private ArrayCodec() {}

  static void writeType(TensorType t, DataOutputStream out) throws IOException {
    ScalarCodec.writeDType(t.dtype(), out);
    writeShape(t.shape(), out);
  }

  static TensorType readType(ByteInput in) throws GraphFileException {
    DType d = ScalarCodec.readDType(in);
    return TensorType.of(d, readShape(in, TensorType.UNKNOWN));
  }

  private static void writeShape(int[] shape, DataOutputStream out) throws IOException {
    out.writeInt(shape.length);
    for (int s : shape) {
      out.writeInt(s);
    }
  }

  private static int[] readShape(ByteInput in, int minDim) throws GraphFileException {
    int ndim = in.intIn("rank", 0, OpCodec.MAX_RANK);
    int[] shape = new int[ndim];
    for (int i = 0; i < ndim; i++) {
      shape[i] = in.intIn("dimension", minDim, Integer.MAX_VALUE);
    }
    return shape;
  }

  static void writeArray(NDArray a, DataOutputStream out) throws IOException {
    ScalarCodec.writeDType(a.dtype(), out);
    writeShape(a.shape(), out);
    Object data = a.data();
    for (int i : a.storageIndices()) {
      switch (a.dtype()) {
        case FLOAT64 -> out.writeLong(Double.doubleToRawLongBits(((double[]) data)[i]));
        case FLOAT32 -> out.writeInt(Float.floatToRawIntBits(((float[]) data)[i]));
        case INT64 -> out.writeLong(((long[]) data)[i]);
        case INT32 -> out.writeInt(((int[]) data)[i]);
        case INT8 -> out.writeByte(((byte[]) data)[i]);
        case BOOL -> out.writeByte(((boolean[]) data)[i] ? 1 : 0);
      }
    }
  }

  static NDArray readArray(ByteInput in) throws GraphFileException {
    DType d = ScalarCodec.readDType(in);
    int[] shape = readShape(in, 0);
    long n = 1;
    for (int s : shape) {
      n *= s;
      if (n * d.itemSize() > in.remaining()) {
        throw in.error(
            "array of shape "
                + TensorType.shapeString(shape)
                + " needs more bytes than the "
                + in.remaining()
                + " left in the file (truncated or corrupt)");
      }
    }
    Object data = d.allocate((int) n);
    for (int i = 0; i < n; i++) {
      switch (d) {
        case FLOAT64 -> ((double[]) data)[i] = Double.longBitsToDouble(in.i64("element"));
        case FLOAT32 -> ((float[]) data)[i] = Float.intBitsToFloat(in.i32("element"));
        case INT64 -> ((long[]) data)[i] = in.i64("element");
        case INT32 -> ((int[]) data)[i] = in.i32("element");
        case INT8 -> ((byte[]) data)[i] = (byte) in.u8("element");
        case BOOL -> ((boolean[]) data)[i] = in.bool("bool element");
      }
    }
    return NDArray.wrap(d, data, shape);
  }
}
