package dev.hypatia.shared;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link Distribution} of a {@link RandomDraw} in a graph file: a one-byte tag from a fixed
 * table, then its parameters (doubles as their IEEE bits, so they round-trip exactly). Loading runs
 * each record's constructor, so its checks apply.
 */
final class DistributionCodec {
  private static final int UNIFORM = 1;
  private static final int NORMAL = 2;
  private static final int BINOMIAL = 3;
  private static final int CHOICE = 4;
  private static final int PERMUTATION = 5;

  private DistributionCodec() {}

  static void write(Distribution d, DataOutputStream out) throws IOException {
    if (d instanceof Distribution.Uniform u) {
      out.writeByte(UNIFORM);
      out.writeDouble(u.low());
      out.writeDouble(u.high());
    } else if (d instanceof Distribution.Normal n) {
      out.writeByte(NORMAL);
      out.writeDouble(n.mean());
      out.writeDouble(n.std());
    } else if (d instanceof Distribution.Binomial b) {
      out.writeByte(BINOMIAL);
      out.writeInt(b.n());
      out.writeDouble(b.p());
    } else if (d instanceof Distribution.Choice c) {
      out.writeByte(CHOICE);
      out.writeInt(c.values().size());
      for (long v : c.values()) {
        out.writeLong(v);
      }
      out.writeInt(c.p().size());
      for (double p : c.p()) {
        out.writeDouble(p);
      }
      out.writeBoolean(c.replace());
    } else {
      out.writeByte(PERMUTATION);
      out.writeInt(((Distribution.Permutation) d).n());
    }
  }

  /** Reads a distribution; an invalid parameter is an IllegalArgumentException from its record. */
  static Distribution read(ByteInput in) throws GraphFileException {
    int tag = in.u8("distribution tag");
    switch (tag) {
      case UNIFORM:
        return new Distribution.Uniform(real(in, "uniform low"), real(in, "uniform high"));
      case NORMAL:
        return new Distribution.Normal(real(in, "normal mean"), real(in, "normal std"));
      case BINOMIAL:
        return new Distribution.Binomial(in.i32("binomial n"), real(in, "binomial p"));
      case CHOICE:
        return choice(in);
      case PERMUTATION:
        return new Distribution.Permutation(in.i32("permutation n"));
      default:
        throw in.error("unknown distribution tag " + tag);
    }
  }

  private static Distribution choice(ByteInput in) throws GraphFileException {
    int n = in.count("choice value count", 8);
    List<Long> values = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      values.add(in.i64("choice value"));
    }
    int k = in.count("choice weight count", 8);
    List<Double> p = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      p.add(real(in, "choice weight"));
    }
    return new Distribution.Choice(values, p, in.bool("choice replace"));
  }

  private static double real(ByteInput in, String what) throws GraphFileException {
    return Double.longBitsToDouble(in.i64(what));
  }
}
