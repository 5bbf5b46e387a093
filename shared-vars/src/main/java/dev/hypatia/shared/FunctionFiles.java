package dev.hypatia.shared;

import dev.hypatia.optimize.Mode;
import dev.hypatia.shared.GraphFiles.LoadedGraph;
import dev.hypatia.symbolic.Graphs;
import dev.hypatia.symbolic.HypatiaException;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.Variable;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves a whole {@link Function} (its specification and its shared values) to a file and loads it
 * back as a new function that gives bit-identical results, in a versioned, data-only format.
 *
 * <p>A file is the magic {@code HYPFUNCT}, a format version ({@link #VERSION}), a header (the mode
 * name, one of FAST_RUN, FAST_COMPILE and NONE; the backend; the name; the unused-input policy; the
 * debug, NaN-guard and profile flags; the counts of outputs, updates and default updates), then one
 * embedded {@link GraphFiles graph file} whose inputs are the function's explicit inputs and whose
 * outputs are, in order: the outputs, the update targets, the update expressions, then each shared
 * variable's {@link SharedVariable#defaultUpdate} target and expression; then the input-downcast
 * flag and each input's default value (version 2). The givens are substituted before saving, and
 * the updates saved are the ones the function applies (its explicit updates and the default updates
 * it added), so the loaded function computes exactly what the saved one did; the loaded shared
 * variables are new ones holding the saved values, with their default updates restored (so that
 * random streams go on advancing their state). Loading rebuilds the function with {@link
 * Function#builder()}, so everything is checked again.
 */
public final class FunctionFiles {
  /** The format version this class writes and reads. */
  public static final int VERSION = 2;

  private static final byte[] MAGIC = "HYPFUNCT".getBytes(StandardCharsets.US_ASCII);
  private static final List<Mode> MODES = List.of(Mode.FAST_RUN, Mode.FAST_COMPILE, Mode.NONE);

  private FunctionFiles() {}

  /**
   * Saves {@code f} with the current value of every shared variable it reads to {@code file}
   * (replaced if it exists). Not modified: f and its shared variables.
   *
   * @throws HypatiaException when the function's mode is not FAST_RUN, FAST_COMPILE or NONE, or an
   *     op is not in the graph file format's op table (naming it)
   * @throws IOException when the file cannot be written
   */
  public static void save(Function f, Path file) throws IOException {
    Files.write(file, encode(f));
  }

  /**
   * The bytes {@link #save} writes.
   *
   * @throws HypatiaException as {@link #save}
   */
  public static byte[] encode(Function f) throws IOException {
    String mode = modeName(f);
    FunctionSpec spec = f.spec();
    List<SharedVariable> targets = f.updated();
    List<Variable> roots = new ArrayList<>(spec.outputs());
    for (SharedVariable t : targets) {
      Variable explicit = spec.updates().get(t);
      roots.add(explicit != null ? explicit : t.defaultUpdate());
    }
    roots = FunctionCompiler.substitute(roots, spec.givens());
    int nOut = spec.outputs().size();
    List<Variable> graphOutputs = new ArrayList<>(roots.subList(0, nOut));
    graphOutputs.addAll(targets);
    graphOutputs.addAll(roots.subList(nOut, roots.size()));
    Map<SharedVariable, Variable> defaults = defaultUpdates(graphOutputs);
    graphOutputs.addAll(defaults.keySet());
    graphOutputs.addAll(defaults.values());
    byte[] graph = GraphFiles.encode(spec.inputs(), graphOutputs);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.write(MAGIC);
    out.writeInt(VERSION);
    ScalarCodec.writeString(mode, out);
    ScalarCodec.writeString(f.backend().name(), out);
    out.writeBoolean(f.name() != null);
    if (f.name() != null) {
      ScalarCodec.writeString(f.name(), out);
    }
    ScalarCodec.writeString(spec.unusedInput().name(), out);
    out.writeBoolean(spec.debug());
    out.writeBoolean(spec.nanGuard());
    out.writeBoolean(spec.profile());
    out.writeInt(nOut);
    out.writeInt(targets.size());
    out.writeInt(defaults.size());
    out.writeInt(graph.length);
    out.write(graph);
    out.writeBoolean(spec.downcast());
    out.writeInt(spec.defaults().size());
    for (Object d : spec.defaults()) {
      out.writeBoolean(d != null);
      if (d != null) {
        ArrayCodec.writeArray(NDArray.from(d), out);
      }
    }
    out.flush();
    return bytes.toByteArray();
  }

  private static String modeName(Function f) {
    for (Mode m : MODES) {
      if (m.equals(f.mode())) {
        return m.name();
      }
    }
    throw new HypatiaException(
        "cannot save "
            + f
            + ": its mode "
            + f.mode().name()
            + " is not one of FAST_RUN, FAST_COMPILE and NONE");
  }

  /**
   * The default update of every shared variable the roots read, and of those the default updates
   * read in turn, in order of first use.
   */
  private static Map<SharedVariable, Variable> defaultUpdates(List<Variable> roots) {
    Map<SharedVariable, Variable> found = new LinkedHashMap<>();
    boolean added = true;
    while (added) {
      added = false;
      List<Variable> all = new ArrayList<>(roots);
      all.addAll(found.values());
      for (Variable leaf : Graphs.inputs(all)) {
        if (leaf instanceof SharedVariable s
            && s.defaultUpdate() != null
            && !found.containsKey(s)) {
          found.put(s, s.defaultUpdate());
          added = true;
        }
      }
    }
    return found;
  }

  /**
   * Loads a function saved by {@link #save}: new variables, new shared variables holding the saved
   * values, compiled again with the saved mode and backend.
   *
   * @throws GraphFileException when the file is not a function file (wrong magic), has an
   *     unsupported version, is truncated or corrupt, holds a header value of the wrong kind (an
   *     unknown mode, backend or policy, a count that does not match the graph), or holds a
   *     function that does not build; the message names the problem
   * @throws IOException when the file cannot be read
   */
  public static Function load(Path file) throws IOException {
    long size = Files.size(file);
    if (size > Integer.MAX_VALUE - 16) {
      throw new GraphFileException(file + ": file of " + size + " bytes is too large to load");
    }
    return decode(Files.readAllBytes(file), file.toString());
  }

  /**
   * Decodes the bytes of a function file; {@code source} names it in error messages.
   *
   * @throws GraphFileException as {@link #load}
   */
  public static Function decode(byte[] bytes, String source) throws GraphFileException {
    ByteInput in = new ByteInput(bytes, source);
    byte[] magic = in.raw(Math.min(MAGIC.length, in.remaining()), "magic");
    if (!Arrays.equals(magic, MAGIC)) {
      throw new GraphFileException(source + ": not a Hypatia function file (wrong magic header)");
    }
    int version = in.i32("format version");
    if (version != VERSION) {
      throw new GraphFileException(
          source
              + ": unsupported function file format version "
              + version
              + " (this Hypatia reads version "
              + VERSION
              + ")");
    }
    FunctionBuilder b = Function.builder();
    b.mode(mode(in.string("mode"), in));
    b.backend(constant(Backend.class, in.string("backend"), in));
    b.name(in.bool("name present") ? in.string("name") : null);
    b.onUnusedInput(constant(UnusedInput.class, in.string("unused-input policy"), in));
    b.debug(in.bool("debug flag")).nanGuard(in.bool("nan guard flag"));
    b.profile(in.bool("profile flag"));
    int nOut = in.count("output count", 4);
    int nUpd = in.count("update count", 8);
    int nDef = in.count("default update count", 8);
    byte[] graph = in.raw(in.count("graph length", 1), "graph");
    b.allowInputDowncast(in.bool("input downcast flag"));
    int nIn = in.count("input default count", 1);
    List<NDArray> defaults = new java.util.ArrayList<>();
    for (int i = 0; i < nIn; i++) {
      defaults.add(in.bool("default present") ? ArrayCodec.readArray(in) : null);
    }
    if (in.remaining() != 0) {
      throw in.error(in.remaining() + " unexpected bytes after the input defaults");
    }
    LoadedGraph g = GraphFiles.decode(graph, source + " (graph section)");
    if (g.inputs().size() != nIn) {
      throw in.error(
          "the file has defaults for " + nIn + " inputs, but the graph has " + g.inputs().size());
    }
    return FunctionRebuild.build(b, g, defaults, nOut, nUpd, nDef, in);
  }

  private static Mode mode(String name, ByteInput in) throws GraphFileException {
    for (Mode m : MODES) {
      if (m.name().equals(name)) {
        return m;
      }
    }
    throw in.error("unknown mode '" + name + "' (expected FAST_RUN, FAST_COMPILE or NONE)");
  }

  private static <E extends Enum<E>> E constant(Class<E> type, String name, ByteInput in)
      throws GraphFileException {
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    throw in.error(
        "unknown "
            + type.getSimpleName()
            + " '"
            + name
            + "' (expected one of "
            + Arrays.toString(type.getEnumConstants())
            + ")");
  }
}
