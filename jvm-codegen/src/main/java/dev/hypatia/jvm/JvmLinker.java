package dev.hypatia.jvm;

import dev.hypatia.jvm.runtime.VectorSupport;
import dev.hypatia.optimize.Mode;
import dev.hypatia.optimize.Optimizer;
import dev.hypatia.symbolic.FunctionGraph;
import dev.hypatia.symbolic.Linker;
import dev.hypatia.symbolic.Variable;
import java.util.List;
import java.util.Objects;

/**
 * Compiles graphs to JVM code. Immutable: the {@code with} methods return changed copies.
 *
 * <pre>{@code
 * CompiledGraph f = JvmLinker.asm().compile(List.of(x, y), List.of(x.mul(y).exp().sum()));
 * NDArray z = f.run(xValue, yValue).get(0);
 * }</pre>
 */
public final class JvmLinker implements Linker {
  private final Generator generator;
  private final boolean vectorize;
  private final Mode mode;
  private final boolean cache;

  private JvmLinker(Generator generator, boolean vectorize, Mode mode, boolean cache) {
    this.generator = Objects.requireNonNull(generator, "generator");
    this.vectorize = vectorize;
    this.mode = Objects.requireNonNull(mode, "mode");
    this.cache = cache;
  }

  /** The ASM generator, SIMD loops when the JVM has the Vector API, {@link Mode#FAST_RUN}. */
  public static JvmLinker asm() {
    return new JvmLinker(Generator.ASM, VectorSupport.available(), Mode.FAST_RUN, true);
  }

  /** As {@link #asm()} with the Janino generator (readable {@link CompiledGraph#source()}). */
  public static JvmLinker janino() {
    return new JvmLinker(Generator.JANINO, VectorSupport.available(), Mode.FAST_RUN, true);
  }

  /** This linker with {@code generator}. */
  public JvmLinker withGenerator(Generator generator) {
    return new JvmLinker(generator, vectorize, mode, cache);
  }

  /**
   * This linker emitting Vector API loops when {@code vectorize} is true and the JVM has the module
   * ({@link VectorSupport}), scalar loops otherwise.
   */
  public JvmLinker withVectorize(boolean vectorize) {
    return new JvmLinker(generator, vectorize && VectorSupport.available(), mode, cache);
  }

  /** This linker rewriting with {@code mode} in {@link #compile} (not in {@link #link}). */
  public JvmLinker withMode(Mode mode) {
    return new JvmLinker(generator, vectorize, mode, cache);
  }

  /**
   * This linker sharing generated classes between graphs of equal structure when {@code cache} is
   * true (the default), or generating a class for every link (to measure first compiles).
   */
  public JvmLinker withCache(boolean cache) {
    return new JvmLinker(generator, vectorize, mode, cache);
  }

  /** Whether generated classes are shared through the class cache. */
  public boolean cache() {
    return cache;
  }

  /** The generator. */
  public Generator generator() {
    return generator;
  }

  /** Whether kernels use the Vector API. */
  public boolean vectorize() {
    return vectorize;
  }

  /** The rewrite mode {@link #compile} uses. */
  public Mode mode() {
    return mode;
  }

  @Override
  public String name() {
    return generator.name().toLowerCase(java.util.Locale.ROOT) + (vectorize ? "+simd" : "");
  }

  /**
   * Rewrites a copy of the graph between {@code inputs} and {@code outputs} with {@link #mode()},
   * then links it. Not modified: the variables' graph.
   */
  public CompiledGraph compile(List<Variable> inputs, List<Variable> outputs) {
    return link(Optimizer.optimized(inputs, outputs, mode));
  }

  /** Compiles {@code graph} as it is, without rewriting. Not modified: graph. */
  @Override
  public CompiledGraph link(FunctionGraph graph) {
    return CompiledGraph.link(graph.copy(), this);
  }
}
