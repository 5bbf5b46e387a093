package dev.hypatia.shared;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Corrupt, truncated and wrong-kind function files fail with a clear {@link GraphFileException}.
 */
class FunctionFilesHostileTest {
  private static final Variable X = T.dvector("x");

  /** A small function with an explicit update and a random stream (a default update). */
  private static byte[] smallValidFile() throws IOException {
    SharedVariable w = SharedVariable.shared(new double[] {1, 2}, "w");
    Variable x = T.dvector("x");
    Variable y = x.mul(w).add(new RandomStreams(5).uniform(0, 1.75, 2)).sum();
    Function f =
        Function.builder()
            .inputs(x)
            .outputs(y)
            .update(w, w.mul(0.5))
            .backend(Backend.INTERPRETER)
            .name("small")
            .build();
    return FunctionFiles.encode(f);
  }

  private static GraphFileException tryDecode(byte[] bytes, String what) {
    try {
      FunctionFiles.decode(bytes, "f");
      return null;
    } catch (GraphFileException e) {
      assertTrue(e.getMessage().startsWith("f"), e.getMessage());
      return e;
    } catch (Throwable t) {
      fail(what + ": expected a GraphFileException, got " + t, t);
      return null;
    }
  }

  private static void assertRejected(byte[] bytes, String... fragments) {
    GraphFileException e = tryDecode(bytes, "hand-made file");
    if (e == null) {
      fail("the file loaded");
    }
    for (String s : fragments) {
      assertTrue(e.getMessage().contains(s), e.getMessage());
    }
  }

  @Test
  void smallFile_loads() throws IOException {
    assertTrue(tryDecode(smallValidFile(), "valid") == null);
  }

  @Test
  void truncation_atEveryOffset_isAGraphFileException() throws IOException {
    byte[] full = smallValidFile();
    for (int n = 0; n < full.length; n++) {
      if (tryDecode(Arrays.copyOf(full, n), "truncated to " + n) == null) {
        fail("a file truncated to " + n + " of " + full.length + " bytes loaded");
      }
    }
  }

  @Test
  void trailingBytes_areRejected() throws IOException {
    byte[] full = smallValidFile();
    assertRejected(
        Arrays.copyOf(full, full.length + 3), "3 unexpected bytes after the input defaults");
  }

  @Test
  void randomCorruption_isAGraphFileExceptionOrLoads() throws IOException {
    byte[] full = smallValidFile();
    SplittableRandom r = new SplittableRandom(99);
    for (int t = 0; t < 300; t++) {
      byte[] bad = full.clone();
      int flips = 1 + r.nextInt(3);
      for (int k = 0; k < flips; k++) {
        bad[r.nextInt(bad.length)] ^= (byte) (1 + r.nextInt(255));
      }
      tryDecode(bad, "corruption " + t);
    }
  }

  @Test
  void wrongMagicAndVersion_areNamed() throws IOException {
    byte[] full = smallValidFile();
    byte[] magic = full.clone();
    magic[0] = 'X';
    assertRejected(magic, "not a Hypatia function file (wrong magic header)");
    byte[] version = full.clone();
    version[11] = 9;
    assertRejected(version, "unsupported function file format version 9");
  }

  /** A file with the given header values around a valid embedded graph of {@code outputs}. */
  private static byte[] file(
      String mode, String backend, String policy, int flag, int[] counts, List<Variable> outputs)
      throws IOException {
    byte[] graph = GraphFiles.encode(List.of(X), outputs.isEmpty() ? List.of(X.exp()) : outputs);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.write("HYPFUNCT".getBytes(StandardCharsets.US_ASCII));
    out.writeInt(FunctionFiles.VERSION);
    ScalarCodec.writeString(mode, out);
    ScalarCodec.writeString(backend, out);
    out.writeByte(0);
    ScalarCodec.writeString(policy, out);
    out.writeByte(flag);
    out.writeByte(0);
    out.writeByte(0);
    for (int c : counts) {
      out.writeInt(c);
    }
    out.writeInt(graph.length);
    out.write(graph);
    out.writeBoolean(false); // no input downcast
    out.writeInt(1); // one input (X), no default
    out.writeBoolean(false);
    return bytes.toByteArray();
  }

  private static byte[] file(String mode, String backend, String policy, int flag)
      throws IOException {
    return file(mode, backend, policy, flag, new int[] {1, 0, 0}, List.of());
  }

  @Test
  void handMadeFile_withValidHeader_loads() throws IOException {
    assertTrue(tryDecode(file("NONE", "INTERPRETER", "RAISE", 1), "valid") == null);
  }

  @Test
  void wrongKindHeaderValues_areNamed() throws IOException {
    assertRejected(
        file("DEBUG", "ASM", "RAISE", 0),
        "unknown mode 'DEBUG' (expected FAST_RUN, FAST_COMPILE or NONE)");
    assertRejected(
        file("FAST_RUN", "GPU", "RAISE", 0),
        "unknown Backend 'GPU' (expected one of [INTERPRETER, ASM, JANINO])");
    assertRejected(
        file("FAST_RUN", "ASM", "SOMETIMES", 0),
        "unknown UnusedInput 'SOMETIMES' (expected one of [RAISE, WARN, IGNORE])");
    assertRejected(file("FAST_RUN", "ASM", "RAISE", 7), "debug flag must be 0 or 1, got 7");
  }

  @Test
  void countsThatDoNotMatchTheGraph_areNamed() throws IOException {
    assertRejected(
        file("NONE", "ASM", "RAISE", 0, new int[] {2, 0, 0}, List.of()),
        "the header declares 2 outputs, 0 updates and 0 default updates (2 graph outputs),"
            + " but the graph has 1");
    assertRejected(
        file("NONE", "ASM", "RAISE", 0, new int[] {-1, 0, 0}, List.of()),
        "output count -1 is negative");
  }

  @Test
  void updateTarget_thatIsNotShared_isNamed() throws IOException {
    Variable x = X;
    byte[] bytes = file("NONE", "ASM", "RAISE", 0, new int[] {0, 1, 0}, List.of(x.exp(), x));
    assertRejected(bytes, "the target of update (graph output 0) is", "not a shared variable");
  }

  @Test
  void updateOfTheWrongType_isNamedAsNotBuilding() throws IOException {
    SharedVariable s = SharedVariable.shared(new double[] {1, 2, 3}, "s");
    Variable x = X;
    byte[] bytes =
        file("NONE", "INTERPRETER", "RAISE", 0, new int[] {1, 1, 0}, List.of(x.sum(), s, x.sum()));
    assertRejected(bytes, "the saved function does not build", "update of shared variable s");
  }

  @Test
  void defaultUpdateOfTheWrongType_isNamed() throws IOException {
    SharedVariable s = SharedVariable.shared(new double[] {1, 2, 3}, "s");
    Variable x = X;
    byte[] bytes =
        file("NONE", "INTERPRETER", "RAISE", 0, new int[] {1, 0, 1}, List.of(x.sum(), s, x.sum()));
    assertRejected(bytes, "the default update of shared variable s has type");
  }

  @Test
  void badDistributionParameters_areNamed() throws IOException {
    byte[] full = smallValidFile();
    byte[] low = Arrays.copyOf(full, full.length);
    // the uniform's bounds 0.0 and 1.75 follow its tag: make the high bound NaN
    byte[] one = new byte[8];
    java.nio.ByteBuffer.wrap(one).putDouble(1.75);
    int at = indexOf(full, one);
    assertTrue(at > 0);
    java.nio.ByteBuffer.wrap(low, at, 8).putDouble(Double.NaN);
    assertRejected(low, "uniform: bounds must be finite");
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
