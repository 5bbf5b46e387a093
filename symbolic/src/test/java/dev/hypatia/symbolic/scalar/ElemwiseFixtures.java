package dev.hypatia.symbolic.scalar;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the numpy fixtures written by fixtures/gen_elemwise.py: lines of '|'-separated fields. */
public final class ElemwiseFixtures {
  private ElemwiseFixtures() {}

  /** The rows of {@code fixtures/<file>} whose first field is {@code kind}, without that field. */
  public static List<String[]> rows(String file, String kind) {
    List<String[]> out = new ArrayList<>();
    try (InputStream in = ElemwiseFixtures.class.getResourceAsStream("/fixtures/" + file);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split("\\|", -1);
        if (!line.startsWith("#") && f[0].equals(kind)) {
          String[] rest = new String[f.length - 1];
          System.arraycopy(f, 1, rest, 0, rest.length);
          out.add(rest);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (out.isEmpty()) {
      throw new IllegalStateException("no '" + kind + "' rows in " + file);
    }
    return out;
  }

  /** A vector of {@code dtype} from space-separated numbers (Java syntax, NaN, Infinity). */
  public static NDArray vector(DType dtype, String text) {
    String[] parts = text.trim().split(" ");
    NDArray a = NDArray.zeros(dtype, parts.length);
    for (int i = 0; i < parts.length; i++) {
      if (dtype.isDiscrete()) {
        a.setFlatLong(i, Long.parseLong(parts[i]));
      } else {
        a.setFlat(i, Double.parseDouble(parts[i]));
      }
    }
    return a;
  }

  /** The scalar op whose {@link ScalarOp#opName()} is {@code name}. */
  public static ScalarOp byName(String name) {
    for (ScalarOp op : UnaryFn.values()) {
      if (op.opName().equals(name)) {
        return op;
      }
    }
    for (ScalarOp op : BinaryFn.values()) {
      if (op.opName().equals(name)) {
        return op;
      }
    }
    for (ScalarOp op : TernaryFn.values()) {
      if (op.opName().equals(name)) {
        return op;
      }
    }
    throw new IllegalArgumentException("no scalar op named " + name);
  }

  /** The output dtype name for input dtype names, or "ERR" when the op rejects them. */
  public static String outputDTypeName(ScalarOp op, List<String> inputs) {
    try {
      return op.outputDType(inputs.stream().map(DType::fromName).toList()).toString();
    } catch (IllegalArgumentException e) {
      return "ERR";
    }
  }
}
