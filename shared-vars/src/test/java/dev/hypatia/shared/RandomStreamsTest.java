package dev.hypatia.shared;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hypatia.optimize.Mode;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.T;
import dev.hypatia.symbolic.Variable;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousUniformSampler;
import org.apache.commons.rng.sampling.distribution.DiscreteUniformSampler;
import org.apache.commons.rng.sampling.distribution.GaussianSampler;
import org.apache.commons.rng.sampling.distribution.MarsagliaTsangWangDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RandomStreamsTest {
  /** The generators the k-th variables of a stream seeded with {@code seed} start from. */
  private static UniformRandomProvider[] generators(long seed, int count) {
    UniformRandomProvider seeds = RandomSource.SPLIT_MIX_64.create(seed);
    UniformRandomProvider[] out = new UniformRandomProvider[count];
    for (int k = 0; k < count; k++) {
      out[k] = RandomDraw.SOURCE.create(seeds.nextLong());
    }
    return out;
  }

  private static Function function(Backend backend, Variable... outputs) {
    return Function.builder().outputs(outputs).backend(backend).build();
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void samples_matchCommonsRngSamplersWithTheDocumentedSeeds_onEachBackend(Backend backend) {
    RandomStreams rs = new RandomStreams(42);
    Variable u = rs.uniform(-1, 2, 3, 4);
    Variable n = rs.normal(5, 0.5, 7);
    Variable b = rs.binomial(10, 0.3, 2, 3);
    Variable c = rs.choice(new long[] {4, 8, 15, 16, 23, 42}, 5);
    Variable p = rs.permutation(9);
    Function f = function(backend, u, n, b, c, p);
    UniformRandomProvider[] g = generators(42, 5);
    var us = ContinuousUniformSampler.of(g[0], -1, 2);
    var ns = GaussianSampler.of(ZigguratSampler.NormalizedGaussian.of(g[1]), 5, 0.5);
    var bs = MarsagliaTsangWangDiscreteSampler.Binomial.of(g[2], 10, 0.3);
    var cs = DiscreteUniformSampler.of(g[3], 0, 5);
    long[] values = {4, 8, 15, 16, 23, 42};
    for (int call = 0; call < 3; call++) {
      List<NDArray> out = f.call();
      assertArrayEquals(new int[] {3, 4}, out.get(0).shape());
      assertEquals(DType.FLOAT64, out.get(0).dtype());
      for (int i = 0; i < 12; i++) {
        assertEquals(us.sample(), out.get(0).flatDouble(i), 0.0, "uniform " + call);
      }
      for (int i = 0; i < 7; i++) {
        assertEquals(ns.sample(), out.get(1).flatDouble(i), 0.0, "normal " + call);
      }
      assertEquals(DType.INT64, out.get(2).dtype());
      for (int i = 0; i < 6; i++) {
        assertEquals(bs.sample(), out.get(2).flatLong(i), "binomial " + call);
      }
      for (int i = 0; i < 5; i++) {
        assertEquals(values[cs.sample()], out.get(3).flatLong(i), "choice " + call);
      }
      int[] perm = new PermutationSampler(g[4], 9, 9).sample();
      assertArrayEquals(Arrays.stream(perm).asLongStream().toArray(), out.get(4).toLongArray());
    }
  }

  @Test
  void interpreterAndAsm_giveIdenticalSamples() {
    List<NDArray> a = sequence(Backend.INTERPRETER);
    List<NDArray> b = sequence(Backend.ASM);
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(a.get(i).toDoubleArray(), b.get(i).toDoubleArray(), 0.0);
    }
  }

  private static List<NDArray> sequence(Backend backend) {
    RandomStreams rs = new RandomStreams(3);
    Variable x = rs.normal(0, 1, 4).mul(2.0).add(rs.uniform(0, 1, 4));
    Function f = function(backend, x);
    return List.of(f.call().get(0), f.call().get(0), f.call().get(0));
  }

  @Test
  void sameSeed_givesSameSequences_acrossStreamsAndFunctions() {
    RandomStreams r1 = new RandomStreams(11);
    RandomStreams r2 = new RandomStreams(11);
    Function f1 = function(Backend.INTERPRETER, r1.uniform(0, 1, 5), r1.normal(0, 1, 3));
    Function f2 = function(Backend.ASM, r2.uniform(0, 1, 5), r2.normal(0, 1, 3));
    for (int call = 0; call < 3; call++) {
      List<NDArray> a = f1.call();
      List<NDArray> b = f2.call();
      assertTrue(a.get(0).allClose(b.get(0), 0, 0));
      assertTrue(a.get(1).allClose(b.get(1), 0, 0));
    }
    RandomStreams other = new RandomStreams(12);
    NDArray o = function(Backend.INTERPRETER, other.uniform(0, 1, 5)).call().get(0);
    NDArray first =
        function(Backend.INTERPRETER, new RandomStreams(11).uniform(0, 1, 5)).call().get(0);
    assertFalse(o.allClose(first, 0, 0));
  }

  @Test
  void successiveCalls_advanceTheState_andGiveNewSamples() {
    RandomStreams rs = new RandomStreams(5);
    Variable u = rs.uniform(0, 1, 6);
    SharedVariable state = RandomStreams.stateOf(u);
    assertSame(rs.states().get(0), state);
    Function f = function(Backend.ASM, u);
    assertEquals(List.of(state), f.updated());
    NDArray s0 = state.get();
    NDArray a = f.call().get(0);
    NDArray s1 = state.get();
    NDArray b = f.call().get(0);
    assertFalse(a.allClose(b, 0, 0));
    assertFalse(s0.allClose(s1, 0, 0));
    assertFalse(s1.allClose(state.get(), 0, 0));
  }

  @Test
  void everyRewriteMode_givesTheSameSamples() {
    List<NDArray> want = null;
    for (Mode mode : List.of(Mode.FAST_RUN, Mode.FAST_COMPILE, Mode.NONE)) {
      RandomStreams rs = new RandomStreams(21);
      Variable x = rs.uniform(0, 1, 3).add(rs.uniform(0, 1, 3)).mul(rs.normal(0, 1, 3));
      Function f = Function.builder().outputs(x).mode(mode).backend(Backend.ASM).build();
      List<NDArray> got = List.of(f.call().get(0), f.call().get(0));
      if (want == null) {
        want = got;
      }
      for (int i = 0; i < 2; i++) {
        assertTrue(want.get(i).allClose(got.get(i), 0, 0), mode + " call " + i);
      }
    }
  }

  @Test
  void twoFunctionsUsingOneSample_drawConsecutivelyFromItsState() {
    RandomStreams rs = new RandomStreams(6);
    Variable u = rs.uniform(0, 1, 4);
    Function f = function(Backend.INTERPRETER, u);
    Function g = function(Backend.ASM, u.mul(1.0));
    var s = ContinuousUniformSampler.of(generators(6, 1)[0], 0, 1);
    for (Function h : List.of(f, g, f, g)) {
      double[] got = h.call().get(0).toDoubleArray();
      for (double v : got) {
        assertEquals(s.sample(), v, 0.0);
      }
    }
  }

  @Test
  void defaultUpdates_areCollectedTransitively_andExplicitOnesWin() {
    SharedVariable a = SharedVariable.shared(new double[] {1}, "a");
    SharedVariable b = SharedVariable.shared(new double[] {10}, "b");
    a.setDefaultUpdate(a.add(b));
    b.setDefaultUpdate(b.add(1.0));
    Function f = Function.builder().outputs(a.mul(1.0)).build();
    assertEquals(List.of(a, b), f.updated());
    f.call();
    assertArrayEquals(new double[] {11}, a.get().toDoubleArray());
    assertArrayEquals(new double[] {11}, b.get().toDoubleArray());
    Function g = Function.builder().outputs(a.mul(1.0)).update(a, a.sub(1.0)).build();
    assertEquals(List.of(a), g.updated());
    g.call();
    assertArrayEquals(new double[] {10}, a.get().toDoubleArray());
    assertArrayEquals(new double[] {11}, b.get().toDoubleArray());
  }

  @Test
  void aFunctionNotUsingTheSample_leavesItsStateAlone() {
    RandomStreams rs = new RandomStreams(5);
    rs.uniform(0, 1, 2);
    SharedVariable w = SharedVariable.shared(new double[] {1, 2}, "w");
    NDArray before = rs.states().get(0).get();
    Function f = function(Backend.INTERPRETER, w.mul(2.0));
    f.call();
    assertTrue(before.allClose(rs.states().get(0).get(), 0, 0));
    assertEquals(List.of(), f.updated());
  }

  @Test
  void explicitUpdateOfTheState_overridesTheDefault() {
    RandomStreams rs = new RandomStreams(8);
    Variable u = rs.uniform(0, 1, 4);
    SharedVariable state = RandomStreams.stateOf(u);
    NDArray s0 = state.get();
    Function frozen = Function.builder().outputs(u).update(state, state.add(0)).build();
    NDArray a = frozen.call().get(0);
    NDArray b = frozen.call().get(0);
    assertTrue(a.allClose(b, 0, 0));
    assertTrue(s0.allClose(state.get(), 0, 0));
    NDArray other = RandomDraw.seededState(99);
    Function jump = Function.builder().outputs(u).update(state, T.constant(other)).build();
    jump.call();
    assertTrue(other.allClose(state.get(), 0, 0));
  }

  @Test
  void seed_reseedsEveryState_likeANewStream() {
    RandomStreams rs = new RandomStreams(1);
    Variable u = rs.uniform(0, 1, 3);
    Variable n = rs.normal(0, 1, 3);
    Function f = function(Backend.INTERPRETER, u, n);
    List<NDArray> first = f.call();
    f.call();
    rs.seed(1);
    List<NDArray> again = f.call();
    assertTrue(first.get(0).allClose(again.get(0), 0, 0));
    assertTrue(first.get(1).allClose(again.get(1), 0, 0));
    rs.seed(77);
    assertEquals(77, rs.seed());
    RandomStreams fresh = new RandomStreams(77);
    List<NDArray> want =
        function(Backend.INTERPRETER, fresh.uniform(0, 1, 3), fresh.normal(0, 1, 3)).call();
    List<NDArray> got = f.call();
    assertTrue(want.get(0).allClose(got.get(0), 0, 0));
    assertTrue(want.get(1).allClose(got.get(1), 0, 0));
  }

  @Test
  void uniformAndNormal_haveTheRightMeanAndVariance() {
    RandomStreams rs = new RandomStreams(2024);
    Function f = function(Backend.ASM, rs.uniform(-2, 4, 100, 100), rs.normal(3, 2, 10000));
    List<NDArray> out = f.call();
    double[] u = out.get(0).toDoubleArray();
    assertEquals(1.0, mean(u), 0.06);
    assertEquals(36.0 / 12, variance(u), 0.1);
    assertTrue(Arrays.stream(u).allMatch(v -> v >= -2 && v < 4));
    double[] n = out.get(1).toDoubleArray();
    assertEquals(3.0, mean(n), 0.06);
    assertEquals(4.0, variance(n), 0.2);
  }

  @Test
  void binomial_hasMeanNp_andValuesInRange() {
    RandomStreams rs = new RandomStreams(9);
    double[] b =
        function(Backend.INTERPRETER, rs.binomial(20, 0.25, 10000)).call().get(0).toDoubleArray();
    assertEquals(5.0, mean(b), 0.1);
    assertEquals(20 * 0.25 * 0.75, variance(b), 0.3);
    assertTrue(Arrays.stream(b).allMatch(v -> v >= 0 && v <= 20));
  }

  @Test
  void permutation_isAPermutation_andChoicesStayInTheirValues() {
    RandomStreams rs = new RandomStreams(4);
    long[] values = {-3, 7, 100, 5};
    Function f =
        function(
            Backend.ASM,
            rs.permutation(50),
            rs.choice(values, 20, 10),
            rs.choice(values, new double[] {0, 1, 3, 0}, 1000),
            rs.choiceWithoutReplacement(values, 2, 2));
    for (int call = 0; call < 3; call++) {
      List<NDArray> out = f.call();
      long[] perm = out.get(0).toLongArray().clone();
      Arrays.sort(perm);
      assertArrayEquals(java.util.stream.LongStream.range(0, 50).toArray(), perm);
      assertTrue(Arrays.stream(out.get(1).toLongArray()).allMatch(v -> contains(values, v)));
      long[] weighted = out.get(2).toLongArray();
      assertTrue(Arrays.stream(weighted).allMatch(v -> v == 7 || v == 100));
      long hundreds = Arrays.stream(weighted).filter(v -> v == 100).count();
      assertEquals(750, hundreds, 60);
      long[] distinct = out.get(3).toLongArray().clone();
      Arrays.sort(distinct);
      assertTrue(Arrays.stream(distinct).allMatch(v -> contains(values, v)));
      assertEquals(4, Arrays.stream(distinct).distinct().count());
    }
  }

  @Test
  void badParameters_areClearErrors() {
    RandomStreams rs = new RandomStreams(0);
    assertMessage("uniform: bounds must be finite", () -> rs.uniform(0, Double.NaN, 2));
    assertMessage("normal: the mean must be finite and std finite and > 0", () -> rs.normal(0, 0));
    assertMessage("binomial: needs n >= 0 and 0 <= p <= 1", () -> rs.binomial(3, 1.5));
    assertMessage("choice: needs at least one value", () -> rs.choice(new long[0], 2));
    assertMessage(
        "choice: 1 probabilities for 2 values",
        () -> rs.choice(new long[] {1, 2}, new double[] {1}));
    assertMessage(
        "choice: cannot draw 6 of 2 values without replacement",
        () -> rs.choiceWithoutReplacement(new long[] {1, 2}, 2, 3));
    assertMessage("permutation: n must be >= 0, got -1", () -> rs.permutation(-1));
    assertMessage(
        "random draw: negative dimension in shape [2, -1]", () -> rs.uniform(0, 1, 2, -1));
    assertEquals(0, rs.states().size(), "no state is made for a rejected draw");
    assertMessage("stateOf: ", () -> RandomStreams.stateOf(T.dvector("x")));
  }

  @Test
  void badStateInputs_areClearErrors() {
    RandomDraw op = new RandomDraw(new Distribution.Uniform(0, 1), List.of(2));
    assertMessage("the generator state must be an int64 vector", () -> op.makeNode(T.dvector("s")));
    assertMessage("takes one input, the generator state, got 0", () -> op.makeNode(List.of()));
    Variable u = new RandomStreams(1).uniform(0, 1, 2);
    SharedVariable state = RandomStreams.stateOf(u);
    Function f = function(Backend.INTERPRETER, u);
    long n = state.get().size();
    state.set(NDArray.full(DType.INT64, 1000, (int) n));
    assertMessage("does not hold a saved generator", f::call);
    long[] truncated = new long[(int) n];
    truncated[0] = 8;
    state.set(NDArray.of(truncated));
    assertMessage("does not hold a saved generator", f::call);
    var node = op.makeNode(T.lvector("s"));
    assertMessage(
        "random draw: bad generator state", () -> op.perform(node, List.of(NDArray.of(8L, 0L))));
  }

  private static void assertMessage(String expected, Runnable r) {
    Exception e = assertThrows(RuntimeException.class, r::run);
    String all = e.getMessage() + (e.getCause() == null ? "" : " / " + e.getCause().getMessage());
    assertTrue(all.contains(expected), all);
  }

  private static boolean contains(long[] values, long v) {
    return Arrays.stream(values).anyMatch(x -> x == v);
  }

  private static double mean(double[] v) {
    return Arrays.stream(v).average().orElseThrow();
  }

  private static double variance(double[] v) {
    double m = mean(v);
    return Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1);
  }
}
