package dev.hypatia.shared;

import dev.hypatia.symbolic.ops.IndexSpec;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Basic index specs ({@link IndexSpec}) in a graph file: tagged entries and bounds. */
final class IndexCodec {
  private static final int POINT = 1;
  private static final int RANGE = 2;
  private static final int NEW_AXIS = 3;
  private static final int NONE = 0;
  private static final int FIXED = 1;
  private static final int SYMBOLIC = 2;

  private IndexCodec() {}

  static void write(IndexSpec spec, DataOutputStream out) throws IOException {
    out.writeInt(spec.entries().size());
    for (IndexSpec.Entry e : spec.entries()) {
      if (e instanceof IndexSpec.Point p) {
        out.writeByte(POINT);
        writeBound(p.index(), out);
      } else if (e instanceof IndexSpec.Range r) {
        out.writeByte(RANGE);
        writeBound(r.start(), out);
        writeBound(r.stop(), out);
        writeBound(r.step(), out);
      } else {
        out.writeByte(NEW_AXIS);
      }
    }
  }

  static IndexSpec read(ByteInput in) throws GraphFileException {
    int n = in.count("index entry count", 1);
    if (n > OpCodec.MAX_RANK * 2) {
      throw in.error("index has " + n + " entries, more than " + OpCodec.MAX_RANK * 2);
    }
    List<IndexSpec.Entry> entries = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int tag = in.u8("index entry tag");
      switch (tag) {
        case POINT -> entries.add(new IndexSpec.Point(readBound(in, false)));
        case RANGE ->
            entries.add(
                new IndexSpec.Range(readBound(in, true), readBound(in, true), readBound(in, true)));
        case NEW_AXIS -> entries.add(new IndexSpec.NewAxis());
        default -> throw in.error("unknown index entry tag " + tag);
      }
    }
    return new IndexSpec(entries);
  }

  private static void writeBound(IndexSpec.Bound b, DataOutputStream out) throws IOException {
    if (b == null) {
      out.writeByte(NONE);
    } else if (b instanceof IndexSpec.Fixed f) {
      out.writeByte(FIXED);
      out.writeInt(f.value());
    } else {
      out.writeByte(SYMBOLIC);
      out.writeInt(((IndexSpec.Symbolic) b).input());
    }
  }

  private static IndexSpec.Bound readBound(ByteInput in, boolean nullable)
      throws GraphFileException {
    int tag = in.u8("index bound tag");
    switch (tag) {
      case NONE:
        if (!nullable) {
          throw in.error("an index point needs a bound");
        }
        return null;
      case FIXED:
        return new IndexSpec.Fixed(in.i32("index bound"));
      case SYMBOLIC:
        return new IndexSpec.Symbolic(in.intIn("symbolic index input", 0, OpCodec.MAX_RANK * 6));
      default:
        throw in.error("unknown index bound tag " + tag);
    }
  }
}
