package dev.hypatia.benchmarks;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.openjdk.jmh.runner.CompilerHints;

/**
 * Runs the benchmark suite so that ratios are measured inside one JVM: JMH forks every benchmark
 * method into JVMs of its own, and a JVM launch lands in one of two speed modes (see the shared
 * notes), so generated code and its baselines are compared only when they ran in the same JVM.
 *
 * <p>Each configuration (a benchmark class with one value per parameter) runs in {@code -f} fresh
 * JVMs, one after another, each running JMH without forking ({@code -f 0}) over all the class's
 * methods, started with the flags JMH gives its forks (its compiler hints file); the JVMs of one
 * round cover every configuration before the next round starts. Each JVM writes its JMH JSON to
 * {@code <out>/<Class>[-param=value...]-run<k>.json}, which {@link BenchReport} reads.
 *
 * <p>Arguments: {@code --out DIR} (required), then JMH-style options: class-name regexes (default:
 * all), {@code -f N} (JVMs per configuration, default 3), {@code -p name=v1,v2} (narrow or replace
 * a parameter's values); every other option ({@code -wi 1 -i 1 -w 1s -r 1s -prof gc ...}) goes to
 * JMH unchanged.
 */
public final class BenchRunner {
  private static final int DEFAULT_RUNS = 3;
  private static final Set<String> JMH_FLAGS = Set.of("-h", "-l", "-lp", "-lrf", "-lprof");
  private static final String JVM_HEAP = "-Xmx8g";

  /** A benchmark class, its parameter axes, and the methods a configuration leaves out. */
  private record Plan(
      String benchClass,
      Map<String, List<String>> axes,
      Function<Map<String, String>, String> exclude) {}

  /** The suite, in running order (one thread before two). */
  private static List<Plan> suite() {
    return List.of(
        new Plan(
            "W1Elementwise",
            axes("n", "1000000,10000000", "dtype", "float64,float32"),
            p -> Long.parseLong(p.get("n")) <= 1_000_000 ? null : "baselineInterpreter"),
        new Plan("W2SumReduction", axes("n", "10000000"), p -> null),
        new Plan(
            "W4Matmul",
            axes("threads", "1,2", "size", "1024", "dtype", "float64,float32"),
            p -> null),
        new Plan("W5LogisticStep", axes("threads", "1,2"), p -> null),
        new Plan("CompileTime", axes(), p -> null));
  }

  private BenchRunner() {}

  /**
   * Runs the configurations the arguments select.
   *
   * @param args {@code --out DIR} followed by the options described on the class
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    Path out = null;
    int runs = DEFAULT_RUNS;
    List<Pattern> include = new ArrayList<>();
    Map<String, List<String>> params = new LinkedHashMap<>();
    List<String> jmh = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--out")) {
        out = Paths.get(args[++i]);
      } else if (a.equals("-f")) {
        runs = Integer.parseInt(args[++i]);
      } else if (a.equals("-p")) {
        String[] kv = args[++i].split("=", 2);
        params.put(kv[0], Arrays.asList(kv[1].split(",")));
      } else if (!a.startsWith("-")) {
        include.add(Pattern.compile(a));
      } else {
        jmh.add(a);
        if (!JMH_FLAGS.contains(a) && i + 1 < args.length) {
          jmh.add(args[++i]);
        }
      }
    }
    if (runs < 1) {
      throw new IllegalArgumentException("-f must be at least 1 (JVMs per configuration)");
    }
    if (out == null) {
      throw new IllegalArgumentException("BenchRunner needs --out DIR");
    }
    List<Map.Entry<Plan, Map<String, String>>> configs = configs(include, params);
    if (configs.isEmpty()) {
      throw new IllegalArgumentException("no benchmark matches " + include);
    }
    Files.createDirectories(out);
    clean(out);
    List<String> failed = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      for (Map.Entry<Plan, Map<String, String>> c : configs) {
        Path json = out.resolve(fileName(c.getKey().benchClass(), c.getValue(), run));
        List<String> cmd = command(c.getKey(), c.getValue(), jmh, json);
        System.out.println("# BenchRunner: run " + run + "/" + runs + ": " + String.join(" ", cmd));
        int rc = new ProcessBuilder(cmd).inheritIO().start().waitFor();
        if (rc != 0) {
          failed.add(json.getFileName() + " (exit " + rc + ")");
        }
      }
    }
    if (!failed.isEmpty()) {
      System.err.println("# BenchRunner: failed: " + failed);
      System.exit(1);
    }
  }

  private static List<Map.Entry<Plan, Map<String, String>>> configs(
      List<Pattern> include, Map<String, List<String>> params) {
    List<Map.Entry<Plan, Map<String, String>>> configs = new ArrayList<>();
    for (Plan plan : suite()) {
      if (!include.isEmpty()
          && include.stream().noneMatch(p -> p.matcher(plan.benchClass()).find())) {
        continue;
      }
      List<Map<String, String>> combos = new ArrayList<>();
      combos.add(new LinkedHashMap<>());
      for (Map.Entry<String, List<String>> axis : plan.axes().entrySet()) {
        List<String> values = params.getOrDefault(axis.getKey(), axis.getValue());
        List<Map<String, String>> next = new ArrayList<>();
        for (Map<String, String> combo : combos) {
          for (String v : values) {
            Map<String, String> c = new LinkedHashMap<>(combo);
            c.put(axis.getKey(), v);
            next.add(c);
          }
        }
        combos = next;
      }
      for (Map<String, String> combo : combos) {
        configs.add(Map.entry(plan, combo));
      }
    }
    return configs;
  }

  private static List<String> command(
      Plan plan, Map<String, String> params, List<String> jmh, Path json) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add(JVM_HEAP);
    cmd.add("--add-modules=jdk.incubator.vector");
    cmd.add("-Dhypatia.threads=" + params.getOrDefault("threads", "1"));
    // the compiler hints JMH gives its own forks (compiler blackholes, no inlining of stubs)
    CompilerHints.addCompilerHints(cmd);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("org.openjdk.jmh.Main");
    cmd.add(
        "^" + Pattern.quote(BenchRunner.class.getPackageName() + "." + plan.benchClass() + "."));
    cmd.add("-f");
    cmd.add("0");
    if (!jmh.contains("-foe")) {
      cmd.add("-foe");
      cmd.add("true");
    }
    for (Map.Entry<String, String> p : params.entrySet()) {
      cmd.add("-p");
      cmd.add(p.getKey() + "=" + p.getValue());
    }
    String exclude = plan.exclude().apply(params);
    if (exclude != null) {
      cmd.add("-e");
      cmd.add(exclude);
    }
    cmd.addAll(jmh);
    cmd.add("-rf");
    cmd.add("json");
    cmd.add("-rff");
    cmd.add(json.toString());
    return cmd;
  }

  /** {@code Class-k=v-...-run<k>.json}. */
  static String fileName(String benchClass, Map<String, String> params, int run) {
    StringBuilder s = new StringBuilder(benchClass);
    for (Map.Entry<String, String> p : params.entrySet()) {
      s.append('-').append(p.getKey()).append('=').append(p.getValue());
    }
    return s.append("-run").append(run).append(".json").toString();
  }

  private static void clean(Path out) throws IOException {
    try (DirectoryStream<Path> old = Files.newDirectoryStream(out, "*.json")) {
      for (Path p : old) {
        Files.delete(p);
      }
    }
  }

  private static Map<String, List<String>> axes(String... nameValues) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      m.put(nameValues[i], Arrays.asList(nameValues[i + 1].split(",")));
    }
    return m;
  }
}
