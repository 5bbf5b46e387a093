package dev.hypatia.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hypatia.shared.GraphFiles.LoadedGraph;
import dev.hypatia.symbolic.Constant;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Corrupt, truncated and hostile graph files fail with a clear {@link GraphFileException}. */
class GraphFilesHostileTest {
  @TempDir Path dir;

  /** A small valid file: an input, a shared variable, a constant, a reduction and a softmax. */
  private static byte[] smallValidFile() throws IOException {
    Variable x = T.dvector("x");
    SharedVariable w = SharedVariable.shared(new double[] {1, 2, 3}, "w");
    Variable c = new Constant(NDArray.of(0.5, 0.25, 0.125), "c");
    Variable y = x.mul(w).add(c).exp().sum().named("y");
    return GraphFiles.encode(List.of(x), List.of(y, x.get("1:").max()));
  }

  /** Decodes {@code bytes}; returns null on success, or the exception (only GraphFileException). */
  private static GraphFileException tryDecode(byte[] bytes, String what) {
    try {
      GraphFiles.decode(bytes, "f");
      return null;
    } catch (GraphFileException e) {
      assertTrue(e.getMessage().startsWith("f: "), e.getMessage());
      return e;
    } catch (Throwable t) {
      fail(what + ": expected a GraphFileException, got " + t, t);
      return null;
    }
  }

  private static String message(byte[] bytes) {
    GraphFileException e = tryDecode(bytes, "hand-made file");
    if (e == null) {
      fail("the file loaded");
    }
    return e.getMessage();
  }

  @Test
  void smallValidFile_loads() throws IOException {
    LoadedGraph g = GraphFiles.decode(smallValidFile(), "f");
    SharedVariable w =
        (SharedVariable)
            dev.hypatia.symbolic.Graphs.inputs(g.outputs()).stream()
                .filter(v -> v instanceof SharedVariable)
                .findFirst()
                .orElseThrow();
    assertEquals(2, g.outputs().size());
    double expected = Math.exp(0.5) + Math.exp(1.25) + Math.exp(3.125);
    assertEquals(
        expected,
        g.outputs()
            .get(0)
            .eval(java.util.Map.of(g.inputs().get(0), new double[] {0, 0.5, 1}, w, w.get()))
            .item(),
        1e-12);
  }

  @Test
  void truncatedAtEveryOffset_failsCleanly() throws IOException {
    byte[] valid = smallValidFile();
    for (int n = 0; n < valid.length; n++) {
      GraphFileException e = tryDecode(Arrays.copyOf(valid, n), "truncated to " + n);
      if (e == null) {
        fail("a file truncated to " + n + " of " + valid.length + " bytes loaded");
      }
      assertTrue(
          e.getMessage().contains("truncated")
              || e.getMessage().contains("wrong magic")
              || e.getMessage().contains("larger than"),
          n + ": " + e.getMessage());
    }
  }

  @Test
  void randomByteFlips_loadOrFailCleanly() throws IOException {
    byte[] valid = smallValidFile();
    SplittableRandom r = new SplittableRandom(2024);
    int failures = 0;
    for (int k = 0; k < 400; k++) {
      byte[] b = valid.clone();
      int flips = 1 + r.nextInt(3);
      for (int j = 0; j < flips; j++) {
        b[r.nextInt(b.length)] ^= (byte) (1 + r.nextInt(255));
      }
      failures += tryDecode(b, "flip try " + k) == null ? 0 : 1;
    }
    assertTrue(failures > 100, "most corruptions are detected: " + failures);
  }

  /** A file with many kinds of ops: indexing, shapes, reductions, fused composites. */
  private static byte[] manyOpsFile() throws IOException {
    Variable x = T.dmatrix("x");
    Variable i = T.lvector("i");
    Variable a = x.get("1:, ::-1").transpose().reshape(-1, 2).tile(2, 1).repeat(2, 0).sum();
    Variable b = dev.hypatia.symbolic.ops.Shapes.concatenate(List.of(x, x.sqr()), 1).max(0);
    Variable c = x.take(i, 0).sum(true, 1).clip(-0.5, 0.5).polygamma(1).argmax(0);
    Variable d =
        dev.hypatia
            .symbolic
            .ops
            .NN
            .softmax(x)
            .logsumexp(0)
            .astype(dev.hypatia.symbolic.DType.FLOAT32);
    dev.hypatia.symbolic.FunctionGraph fg =
        dev.hypatia.symbolic.FunctionGraph.copyOf(List.of(x, i), List.of(a, b, c, d));
    dev.hypatia.optimize.Optimizer.optimize(fg, dev.hypatia.optimize.Mode.FAST_RUN);
    return GraphFiles.encode(fg.inputs(), fg.outputs());
  }

  @Test
  void randomByteFlipsInAManyOpsFile_loadOrFailCleanly() throws IOException {
    byte[] valid = manyOpsFile();
    GraphFiles.decode(valid, "f");
    SplittableRandom r = new SplittableRandom(99);
    int failures = 0;
    for (int k = 0; k < 400; k++) {
      byte[] b = valid.clone();
      b[r.nextInt(b.length)] ^= (byte) (1 + r.nextInt(255));
      failures += tryDecode(b, "flip try " + k) == null ? 0 : 1;
    }
    assertTrue(failures > 100, "most corruptions are detected: " + failures);
    for (int n = 0; n < valid.length; n++) {
      if (tryDecode(Arrays.copyOf(valid, n), "truncated to " + n) == null) {
        fail("a file truncated to " + n + " bytes loaded");
      }
    }
  }

  @Test
  void wrongMagic_isNamed() throws IOException {
    byte[] b = smallValidFile();
    b[0] = 'X';
    assertTrue(message(b).contains("not a Hypatia graph file (wrong magic header)"));
    assertTrue(message(new byte[0]).contains("wrong magic header"));
    assertTrue(message("PK\3\4".getBytes(StandardCharsets.US_ASCII)).contains("wrong magic"));
  }

  @Test
  void futureVersion_isNamed() throws IOException {
    String m = message(header(2).toByteArray());
    assertTrue(
        m.contains("unsupported graph file format version 2 (this Hypatia reads version 1)"), m);
  }

  @Test
  void load_readsAFileAndNamesIt() throws IOException {
    Path p = dir.resolve("bad.hgraph");
    Files.write(p, "HYPGRAPH".getBytes(StandardCharsets.US_ASCII));
    GraphFileException e = assertThrows(GraphFileException.class, () -> GraphFiles.load(p));
    assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
    assertTrue(
        e.getMessage().contains("file is truncated: format version needs 4 bytes"), e.getMessage());
  }

  private static ByteArrayOutputStream header(int version) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.write("HYPGRAPH".getBytes(StandardCharsets.US_ASCII));
    out.writeInt(version);
    return bytes;
  }

  /** A file body written by {@code body} after a valid header. */
  private interface Body {
    void write(DataOutputStream out) throws IOException;
  }

  private static byte[] file(Body body) throws IOException {
    ByteArrayOutputStream bytes = header(1);
    DataOutputStream out = new DataOutputStream(bytes);
    body.write(out);
    out.flush();
    return bytes.toByteArray();
  }

  /** One float64 vector input "x" (leaf 0). */
  private static void oneInput(DataOutputStream out) throws IOException {
    out.writeInt(1);
    out.writeByte(0);
    out.writeBoolean(true);
    out.writeInt(1);
    out.writeByte('x');
    out.writeByte(1);
    out.writeInt(1);
    out.writeInt(-1);
  }

  /** An exp node over variable {@code ref}, with the saved output type float64 vector. */
  private static void expNode(DataOutputStream out, int ref, int outDType) throws IOException {
    out.writeByte(1);
    out.writeByte(1);
    out.writeInt(3);
    out.write("EXP".getBytes(StandardCharsets.US_ASCII));
    out.writeInt(1);
    out.writeInt(ref);
    out.writeInt(1);
    out.writeByte(outDType);
    out.writeInt(1);
    out.writeInt(-1);
    out.writeBoolean(false);
  }

  private static void refs(DataOutputStream out, int... ids) throws IOException {
    out.writeInt(ids.length);
    for (int id : ids) {
      out.writeInt(id);
    }
  }

  @Test
  void handMadeValidFile_loads() throws IOException {
    LoadedGraph g =
        GraphFiles.decode(
            file(
                out -> {
                  oneInput(out);
                  out.writeInt(1);
                  expNode(out, 0, 1);
                  refs(out, 0);
                  refs(out, 1);
                }),
            "f");
    assertEquals(
        Math.exp(2),
        g.outputs().get(0).eval(java.util.Map.of(g.inputs().get(0), new double[] {2})).item(),
        0);
  }

  @Test
  void hugeOrNegativeCounts_areRejectedBeforeAllocating() throws IOException {
    String m = message(file(out -> out.writeInt(Integer.MAX_VALUE)));
    assertTrue(m.contains("leaf count 2147483647 is negative or larger than the 0 bytes left"), m);
    m = message(file(out -> out.writeInt(-5)));
    assertTrue(m.contains("leaf count -5 is negative"), m);
    m =
        message(
            file(
                out -> {
                  out.writeInt(1);
                  out.writeByte(0);
                  out.writeBoolean(true);
                  out.writeInt(Integer.MAX_VALUE);
                  out.writeLong(0);
                }));
    assertTrue(m.contains("name length 2147483647 is negative or larger than the 8 bytes left"), m);
  }

  @Test
  void hugeArray_isRejectedBeforeAllocating() throws IOException {
    String m =
        message(
            file(
                out -> {
                  out.writeInt(1);
                  out.writeByte(2);
                  out.writeBoolean(false);
                  out.writeByte(1);
                  out.writeInt(2);
                  out.writeInt(1 << 20);
                  out.writeInt(1 << 20);
                  out.writeLong(0);
                }));
    assertTrue(m.contains("array of shape [1048576,1048576] needs more bytes than the 8 left"), m);
    m =
        message(
            file(
                out -> {
                  out.writeInt(1);
                  out.writeByte(0);
                  out.writeBoolean(false);
                  out.writeByte(1);
                  out.writeInt(1000);
                }));
    assertTrue(m.contains("rank 1000 is out of range [0, 64]"), m);
  }

  @Test
  void unknownTags_areNamed() throws IOException {
    assertTrue(
        message(
                file(
                    out -> {
                      out.writeInt(1);
                      out.writeByte(9);
                      out.writeBoolean(false);
                      out.write(new byte[8]);
                    }))
            .contains("unknown leaf kind 9"));
    assertTrue(
        message(
                file(
                    out -> {
                      out.writeInt(1);
                      out.writeByte(2);
                      out.writeBoolean(false);
                      out.writeByte(42);
                    }))
            .contains("unknown dtype code 42"));
    String m =
        message(
            file(
                out -> {
                  oneInput(out);
                  out.writeInt(1);
                  out.writeByte(200);
                  out.write(new byte[16]);
                }));
    assertTrue(m.contains("unknown op tag 200"), m);
    m =
        message(
            file(
                out -> {
                  oneInput(out);
                  out.writeInt(1);
                  out.writeByte(1);
                  out.writeByte(1);
                  out.writeInt(7);
                  out.write("EXPLODE".getBytes(StandardCharsets.US_ASCII));
                  out.write(new byte[16]);
                }));
    assertTrue(m.contains("unknown UnaryFn 'EXPLODE'"), m);
  }

  @Test
  void referenceOutOfRange_isNamed() throws IOException {
    String m =
        message(
            file(
                out -> {
                  oneInput(out);
                  out.writeInt(1);
                  expNode(out, 5, 1);
                  refs(out, 0);
                  refs(out, 1);
                }));
    assertTrue(m.contains("node input refers to variable 5, but only 1 are defined before"), m);
    m =
        message(
            file(
                out -> {
                  oneInput(out);
                  out.writeInt(0);
                  refs(out, 0);
                  refs(out, -1);
                }));
    assertTrue(m.contains("graph output refers to variable -1"), m);
  }

  @Test
  void savedOutputTypeMismatch_isNamed() throws IOException {
    String m =
        message(
            file(
                out -> {
                  oneInput(out);
                  out.writeInt(1);
                  expNode(out, 0, 3);
                  refs(out, 0);
                  refs(out, 1);
                }));
    assertTrue(
        m.contains(
            "node 0 (exp) rebuilt with output types [float64[?]], but the file says [int64[?]]"),
        m);
  }

  @Test
  void nodeThatDoesNotTypeCheck_isNamed() throws IOException {
    String m =
        message(
            file(
                out -> {
                  oneInput(out);
                  out.writeInt(1);
                  out.writeByte(6);
                  out.writeInt(1);
                  out.writeInt(0);
                  out.writeInt(1);
                  out.writeByte(1);
                  out.writeInt(0);
                  out.writeBoolean(false);
                  refs(out, 0);
                  refs(out, 1);
                }));
    assertTrue(m.contains("node 0 (dot") && m.contains("does not type-check"), m);
  }

  @Test
  void trailingBytes_andNonFreeInputs_areNamed() throws IOException {
    String m =
        message(
            file(
                out -> {
                  oneInput(out);
                  out.writeInt(0);
                  refs(out, 0);
                  refs(out, 0);
                  out.writeByte(0);
                }));
    assertTrue(m.contains("1 unexpected bytes after the end of the graph"), m);
    m =
        message(
            file(
                out -> {
                  oneInput(out);
                  out.writeInt(1);
                  expNode(out, 0, 1);
                  refs(out, 1);
                  refs(out, 1);
                }));
    assertTrue(m.contains("graph input <exp output> is not a free variable"), m);
  }

  @Test
  void sharedValueNotFittingItsType_isNamed() throws IOException {
    String m =
        message(
            file(
                out -> {
                  out.writeInt(1);
                  out.writeByte(1);
                  out.writeBoolean(false);
                  out.writeByte(1);
                  out.writeInt(1);
                  out.writeInt(2);
                  out.writeByte(1);
                  out.writeInt(1);
                  out.writeInt(1);
                  out.writeLong(0);
                  refs(out);
                  refs(out, 0);
                }));
    assertTrue(m.contains("shared variable null does not fit its type"), m);
  }
}
