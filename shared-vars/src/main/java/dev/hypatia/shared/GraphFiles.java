package dev.hypatia.shared;

import dev.hypatia.symbolic.Apply;
import dev.hypatia.symbolic.Constant;
import dev.hypatia.symbolic.Graphs;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.Op;
import dev.hypatia.symbolic.Variable;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves a graph with its shared values and constants to a file and loads it back, in a versioned,
 * data-only format.
 *
 * <p>A file is the magic {@code HYPGRAPH}, a format version ({@link #VERSION}), the leaves (graph
 * inputs, shared variables with their type and value, constants with their value), the nodes in
 * topological order (an op from a fixed table of Hypatia's ops with its parameters, input
 * references, and output types and names), then the graph's input and output references. Nothing in
 * a file is loaded as a class or instantiated beyond that fixed op table: no Java serialization, no
 * reflection on names. Loading rebuilds every node through {@link Op#makeNode}, so types are
 * re-checked, and a wrong magic, unsupported version, truncated or corrupt file is a {@link
 * GraphFileException} naming what is wrong; counts and lengths are capped by the bytes left in the
 * file, so a hostile file cannot cause a large allocation.
 */
public final class GraphFiles {
  /** The format version this class writes and reads. */
  public static final int VERSION = 1;

  private static final byte[] MAGIC = "HYPGRAPH".getBytes(StandardCharsets.US_ASCII);
  private static final int INPUT = 0;
  private static final int SHARED = 1;
  private static final int CONSTANT = 2;

  private GraphFiles() {}

  /**
   * A loaded graph: new variables, equal in types, names and structure to the saved ones.
   *
   * @param inputs the graph inputs, in the saved order
   * @param outputs the graph outputs, in the saved order; shared variables they depend on are new
   *     {@link SharedVariable}s holding the saved values
   */
  public record LoadedGraph(List<Variable> inputs, List<Variable> outputs) {
    /** Copies the lists. */
    public LoadedGraph {
      inputs = List.copyOf(inputs);
      outputs = List.copyOf(outputs);
    }
  }

  /**
   * Saves the graph from {@code inputs} to {@code outputs}, with the current value of each shared
   * variable and each constant it uses, to {@code file} (replaced if it exists).
   *
   * @param inputs free variables (no owner, not constants), listed once each
   * @param outputs the results; every leaf they depend on must be an input, a {@link
   *     SharedVariable} or a {@link Constant}
   * @throws HypatiaException when an op is not in the format's op table (naming it), when an output
   *     depends on a variable that is not an input, or when an input is not a free variable
   * @throws IOException when the file cannot be written
   */
  public static void save(Path file, List<Variable> inputs, List<Variable> outputs)
      throws IOException {
    Files.write(file, encode(inputs, outputs));
  }

  /**
   * The bytes {@link #save} writes.
   *
   * @throws HypatiaException as {@link #save}
   */
  public static byte[] encode(List<Variable> inputs, List<Variable> outputs) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.write(MAGIC);
    out.writeInt(VERSION);
    Map<Variable, Integer> ids = new IdentityHashMap<>();
    List<Variable> leaves = leaves(inputs, outputs);
    out.writeInt(leaves.size());
    for (Variable v : leaves) {
      writeLeaf(v, out);
      ids.put(v, ids.size());
    }
    List<Apply> nodes = Graphs.toposort(outputs);
    out.writeInt(nodes.size());
    for (Apply node : nodes) {
      OpCodec.write(node.op(), out);
      out.writeInt(node.inputs().size());
      for (Variable in : node.inputs()) {
        out.writeInt(ids.get(in));
      }
      out.writeInt(node.outputs().size());
      for (Variable o : node.outputs()) {
        ArrayCodec.writeType(o.type(), out);
        writeName(o.name(), out);
        ids.put(o, ids.size());
      }
    }
    writeRefs(inputs, ids, out);
    writeRefs(outputs, ids, out);
    out.flush();
    return bytes.toByteArray();
  }

  private static List<Variable> leaves(List<Variable> inputs, List<Variable> outputs) {
    Map<Variable, Boolean> seen = new IdentityHashMap<>();
    List<Variable> leaves = new ArrayList<>();
    for (Variable in : inputs) {
      if (in.owner() != null || in.isConstant()) {
        throw new HypatiaException("graph input must be a free variable: " + in.describe());
      }
      if (seen.put(in, Boolean.TRUE) != null) {
        throw new HypatiaException("graph input listed twice: " + in.describe());
      }
      leaves.add(in);
    }
    for (Variable leaf : Graphs.inputs(outputs)) {
      if (seen.containsKey(leaf)) {
        continue;
      }
      if (!(leaf instanceof SharedVariable) && !leaf.isConstant()) {
        throw new HypatiaException(
            "the outputs depend on " + leaf.describe() + ", which is not among the inputs");
      }
      seen.put(leaf, Boolean.TRUE);
      leaves.add(leaf);
    }
    return leaves;
  }

  private static void writeLeaf(Variable v, DataOutputStream out) throws IOException {
    if (v instanceof SharedVariable s) {
      out.writeByte(SHARED);
      writeName(v.name(), out);
      ArrayCodec.writeType(v.type(), out);
      ArrayCodec.writeArray(s.get(true), out);
    } else if (v instanceof Constant c) {
      out.writeByte(CONSTANT);
      writeName(v.name(), out);
      ArrayCodec.writeArray(c.valueView(), out);
    } else {
      out.writeByte(INPUT);
      writeName(v.name(), out);
      ArrayCodec.writeType(v.type(), out);
    }
  }

  private static void writeName(String name, DataOutputStream out) throws IOException {
    out.writeBoolean(name != null);
    if (name != null) {
      ScalarCodec.writeString(name, out);
    }
  }

  private static void writeRefs(
      List<Variable> vars, Map<Variable, Integer> ids, DataOutputStream out) throws IOException {
    out.writeInt(vars.size());
    for (Variable v : vars) {
      out.writeInt(ids.get(v));
    }
  }

  /**
   * Loads a graph saved by {@link #save}.
   *
   * @throws GraphFileException when the file is not a graph file (wrong magic), has an unsupported
   *     version, is truncated, corrupt or holds a graph that does not type-check; the message names
   *     the problem and its byte offset
   * @throws IOException when the file cannot be read
   */
  public static LoadedGraph load(Path file) throws IOException {
    long size = Files.size(file);
    if (size > Integer.MAX_VALUE - 16) {
      throw new GraphFileException(file + ": file of " + size + " bytes is too large to load");
    }
    return decode(Files.readAllBytes(file), file.toString());
  }

  /**
   * Decodes the bytes of a graph file; {@code source} names it in error messages.
   *
   * @throws GraphFileException as {@link #load}
   */
  public static LoadedGraph decode(byte[] bytes, String source) throws GraphFileException {
    ByteInput in = new ByteInput(bytes, source);
    byte[] magic = in.raw(Math.min(MAGIC.length, in.remaining()), "magic");
    if (!Arrays.equals(magic, MAGIC)) {
      throw new GraphFileException(source + ": not a Hypatia graph file (wrong magic header)");
    }
    int version = in.i32("format version");
    if (version != VERSION) {
      throw new GraphFileException(
          source
              + ": unsupported graph file format version "
              + version
              + " (this Hypatia reads version "
              + VERSION
              + ")");
    }
    return GraphReader.read(in);
  }
}
