package dev.hypatia.symbolic.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.TensorType;
import dev.hypatia.symbolic.Variable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The numpy cases of fixtures/indexing_cases.txt (made by indexing_fixtures.py). */
final class IndexingFixtures {
  private IndexingFixtures() {}

  /** One numpy case: the facade call it checks, its parameters and arrays. */
  record Case(String name, String op, Map<String, String> texts, Map<String, NDArray> arrays) {
    String text(String key) {
      return texts.get(key);
    }

    NDArray array(String key) {
      return arrays.get(key);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static List<Case> all;

  /** The cases whose op is one of {@code ops}. */
  /** Every case of {@code ops}, once with known static shapes and once with unknown ones. */
  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> withStaticShapesOrNot(
      String... ops) {
    List<org.junit.jupiter.params.provider.Arguments> out = new java.util.ArrayList<>();
    for (Case c : of(ops)) {
      out.add(org.junit.jupiter.params.provider.Arguments.of(c, true));
      out.add(org.junit.jupiter.params.provider.Arguments.of(c, false));
    }
    return out.stream();
  }

  static synchronized List<Case> of(String... ops) {
    if (all == null) {
      all = load();
    }
    List<Case> out = new ArrayList<>();
    for (Case c : all) {
      if (List.of(ops).contains(c.op())) {
        out.add(c);
      }
    }
    return out;
  }

  private static List<Case> load() {
    List<Case> cases = new ArrayList<>();
    var in = IndexingFixtures.class.getResourceAsStream("/fixtures/indexing_cases.txt");
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      String[] head = null;
      Map<String, String> texts = new HashMap<>();
      Map<String, NDArray> arrays = new LinkedHashMap<>();
      while ((line = r.readLine()) != null) {
        if (line.startsWith("case ")) {
          head = line.split(" ");
          texts = new HashMap<>();
          arrays = new LinkedHashMap<>();
        } else if (line.startsWith("text ")) {
          String[] p = line.split(" ", 3);
          texts.put(p[1], p[2]);
        } else if (line.startsWith("array ")) {
          String[] p = line.split(" ");
          arrays.put(p[1], parseArray(p));
        } else if (line.equals("end")) {
          cases.add(new Case(head[1], head[2], texts, arrays));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cases;
  }

  private static NDArray parseArray(String[] p) {
    DType dtype = DType.fromName(p[2]);
    int[] shape =
        p[3].equals("-")
            ? new int[0]
            : java.util.Arrays.stream(p[3].split(",")).mapToInt(Integer::parseInt).toArray();
    NDArray a = NDArray.zeros(dtype, shape);
    for (int i = 0; i < a.size(); i++) {
      if (dtype.isFloat()) {
        a.setFlat(i, Double.parseDouble(p[4 + i]));
      } else {
        a.setFlatLong(i, Long.parseLong(p[4 + i]));
      }
    }
    return a;
  }

  /**
   * Builds {@code build} over symbolic inputs named as the case's arrays (all but "expected"), with
   * static shapes known or all unknown; checks the static type and the value against numpy's.
   */
  static void check(Case c, boolean knownShapes, Function<Map<String, Variable>, Variable> build) {
    Map<String, Variable> vars = new HashMap<>();
    Map<Variable, NDArray> bindings = new HashMap<>();
    Map<String, NDArray> copies = new HashMap<>();
    for (var e : c.arrays().entrySet()) {
      if (e.getKey().equals("expected")) {
        continue;
      }
      NDArray a = e.getValue();
      TensorType t = knownShapes ? TensorType.of(a) : TensorType.ofRank(a.dtype(), a.ndim());
      Variable v = T.tensor(t, e.getKey());
      vars.put(e.getKey(), v);
      bindings.put(v, a);
      copies.put(e.getKey(), a.copy());
    }
    Variable out = build.apply(vars);
    NDArray want = c.array("expected");
    assertEquals(want.dtype(), out.dtype(), c.name() + " dtype");
    if (knownShapes) {
      assertArrayEquals(want.shape(), out.type().shape(), c.name() + " static shape");
    }
    NDArray got = out.eval(bindings);
    assertEquals(want.dtype(), got.dtype(), c.name());
    assertArrayEquals(want.shape(), got.shape(), c.name() + " shape");
    if (want.dtype().isFloat()) {
      double tol = want.dtype() == DType.FLOAT32 ? 1e-6 : 1e-12;
      assertTrue(got.allClose(want, tol, tol), c.name() + ": " + got + " vs " + want);
    } else {
      assertTrue(got.contentEquals(want), c.name() + ": " + got + " vs " + want);
    }
    for (var e : c.arrays().entrySet()) {
      if (!e.getKey().equals("expected")) {
        assertTrue(e.getValue().contentEquals(copies.get(e.getKey())), c.name() + " input kept");
      }
    }
  }
}
