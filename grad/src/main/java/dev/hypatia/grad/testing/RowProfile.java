package dev.hypatia.grad.testing;

import dev.hypatia.symbolic.NDArray;
import dev.hypatia.symbolic.testing.OpSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What many sampled cases of an op spec row show about the domain of each float input: the range
 * its elements were drawn from, and whether that range is an interval (no gap, such as the one
 * around 0 of a divisor, or around the poles of gamma), so that any value inside it is in the
 * domain. Only such inputs take earlier results of a generated graph.
 */
final class RowProfile {
  /** The most cases a profile samples. */
  static final int MAX_SAMPLES = 1000;

  /** How many elements of each float input a profile wants before it stops sampling. */
  private static final int ENOUGH = 2000;

  /** The fewest elements a range is judged from. */
  private static final int MIN_ELEMENTS = 1000;

  /** Profiles by row, computed once per row (rows are constants of the table). */
  private static final Map<OpSpec, RowProfile> CACHE = new ConcurrentHashMap<>();

  /** The widest gap between sampled elements, as a fraction of the range, of an interval. */
  private static final double MAX_GAP = 0.025;

  private final double[] lo;
  private final double[] hi;
  private final boolean[] interval;

  private RowProfile(double[] lo, double[] hi, boolean[] interval) {
    this.lo = lo;
    this.hi = hi;
    this.interval = interval;
  }

  /** The profile of {@code row}, computed on first use. */
  static RowProfile of(OpSpec row) {
    return CACHE.computeIfAbsent(row, RowProfile::sample);
  }

  /**
   * The profile of {@code row} from the cases of seeds 0, 1, ..., until every float input has
   * {@value #ENOUGH} elements or {@value #MAX_SAMPLES} cases were drawn.
   */
  private static RowProfile sample(OpSpec row) {
    List<List<Double>> seen = new ArrayList<>();
    List<Boolean> floats = new ArrayList<>();
    for (int k = 0; k < MAX_SAMPLES && !enough(seen, floats); k++) {
      List<NDArray> in = row.sample(k).inputs();
      for (int p = 0; p < in.size(); p++) {
        while (seen.size() <= p) {
          seen.add(new ArrayList<>());
          floats.add(false);
        }
        NDArray a = in.get(p);
        if (a.dtype().isFloat()) {
          floats.set(p, true);
          for (int e = 0; e < a.size(); e++) {
            seen.get(p).add(a.flatDouble(e));
          }
        }
      }
    }
    int n = seen.size();
    double[] lo = new double[n];
    double[] hi = new double[n];
    boolean[] interval = new boolean[n];
    for (int p = 0; p < n; p++) {
      double[] v = seen.get(p).stream().mapToDouble(Double::doubleValue).sorted().toArray();
      if (v.length < MIN_ELEMENTS || !Double.isFinite(v[0]) || !Double.isFinite(v[v.length - 1])) {
        continue;
      }
      lo[p] = v[0];
      hi[p] = v[v.length - 1];
      double gap = 0;
      for (int i = 1; i < v.length; i++) {
        gap = Math.max(gap, v[i] - v[i - 1]);
      }
      interval[p] = hi[p] > lo[p] && gap <= MAX_GAP * (hi[p] - lo[p]);
    }
    return new RowProfile(lo, hi, interval);
  }

  private static boolean enough(List<List<Double>> seen, List<Boolean> floats) {
    for (int p = 0; p < seen.size(); p++) {
      if (floats.get(p) && seen.get(p).size() < ENOUGH) {
        return false;
      }
    }
    return !seen.isEmpty();
  }

  /** Whether every value strictly inside the sampled range of input {@code p} is in the domain. */
  boolean interval(int p) {
    return p < interval.length && interval[p];
  }

  /** The least sampled element of input {@code p}. */
  double lo(int p) {
    return lo[p];
  }

  /** The greatest sampled element of input {@code p}. */
  double hi(int p) {
    return hi[p];
  }

  @Override
  public String toString() {
    return "lo "
        + Arrays.toString(lo)
        + ", hi "
        + Arrays.toString(hi)
        + ", interval "
        + Arrays.toString(interval);
  }
}
