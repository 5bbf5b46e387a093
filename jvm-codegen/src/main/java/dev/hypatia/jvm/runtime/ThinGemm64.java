package dev.hypatia.jvm.runtime;

/**
 * The float64 products of {@link Gemm64} whose result is thin (at most {@link #MAX_THIN} columns,
 * or rows once transposed), streaming the large operand once without packing it. Two layouts of the
 * large operand A (m by k) are handled:
 *
 * <ul>
 *   <li>rows of A contiguous ({@code colStride == 1}): blocks of 4 rows of A are dotted with the n
 *       columns of B (packed once, transposed), one vector accumulator per element of C;
 *   <li>columns of A contiguous ({@code rowStride == 1}, A = X<sup>T</sup> for a row-major X): C is
 *       accumulated transposed by rank-4 updates from 4 rows of X at a time, in the order of k.
 * </ul>
 *
 * <p>Threads split C's rows at fixed block boundaries and each element is computed the same way
 * whatever the split, so the result does not depend on the thread count. BLAS semantics for alpha
 * and beta as in {@link Gemm64}.
 */
final class ThinGemm64 {
  /** The largest thin dimension of C this path takes. */
  static final int MAX_THIN = 16;

  /** Rows of A (or of X) one kernel call takes. */
  static final int ROWS = 4;

  /** Fewer flops than this run on one thread. */
  private static final long PARALLEL_FLOPS = 2_000_000L;

  /** Rows of C a task of the transposed-update path gets, a multiple of any vector length. */
  private static final int COL_UNIT = 64;

  private static final Kernel VECTOR = VectorSupport.available() ? VectorThin64.create() : null;

  private ThinGemm64() {}

  /** The inner loops, in Vector API and scalar versions. */
  interface Kernel {
    /**
     * out[r * n + j] = sum over p below k of a[aOff + r * lda + p] * bt[j * k + p], for r below
     * rows (1 to {@link #ROWS}) and j below n.
     */
    void dots(int k, double[] a, int aOff, int lda, int rows, double[] bt, int n, double[] out);

    /**
     * ct[j * m + i] += sum over r below rows of x[xOff + r * ldx + i] * g[r * n + j], for i below
     * m, j below n, the terms added in the order of r.
     */
    void update(int m, double[] x, int xOff, int ldx, int rows, double[] g, int n, double[] ct);
  }

  /**
   * Runs {@code C = alpha * A * B + beta * C} here when C is thin and A's layout suits, with the
   * Vector API kernel unless {@code scalar}; m, n, k positive, alpha nonzero.
   *
   * @return false, having done nothing, when the product should take the packed path
   */
  static boolean gemm(
      boolean scalar,
      int m,
      int n,
      int k,
      double alpha,
      Gemm64.View a,
      Gemm64.View b,
      double beta,
      Gemm64.View c) {
    Kernel kr = scalar || VECTOR == null ? ScalarThin64.INSTANCE : VECTOR;
    if (n <= MAX_THIN && oriented(kr, m, n, k, alpha, a, b, beta, c)) {
      return true;
    }
    return m <= MAX_THIN
        && oriented(kr, n, m, k, alpha, b.transposed(), a.transposed(), beta, c.transposed());
  }

  private static boolean oriented(
      Kernel kr,
      int m,
      int n,
      int k,
      double alpha,
      Gemm64.View a,
      Gemm64.View b,
      double beta,
      Gemm64.View c) {
    if (a.colStride() == 1) {
      byRows(kr, m, n, k, alpha, a, b, beta, c);
      return true;
    }
    if (a.rowStride() == 1) {
      byUpdates(kr, m, n, k, alpha, a, b, beta, c);
      return true;
    }
    return false;
  }

  /** The number of tasks for a product of this size split into {@code units} parts. */
  private static int tasks(int m, int n, int k, int units) {
    long flops = 2L * m * n * k;
    return (int) Math.max(1, Math.min(Math.min(Parallel.threads(), units), flops / PARALLEL_FLOPS));
  }

  /** Rows lo (inclusive) to hi of task t of tasks over m rows split at multiples of unit. */
  private static int bound(int m, int unit, int t, int tasks) {
    int units = (m + unit - 1) / unit;
    return Math.min(m, (int) ((long) units * t / tasks) * unit);
  }

  /** The contiguous-rows path: C's rows are dot products of A's rows with B's columns. */
  private static void byRows(
      Kernel kr,
      int m,
      int n,
      int k,
      double alpha,
      Gemm64.View a,
      Gemm64.View b,
      double beta,
      Gemm64.View c) {
    double[] bt = new double[n * k];
    for (int p = 0; p < k; p++) {
      for (int j = 0; j < n; j++) {
        bt[j * k + p] = b.get(p, j);
      }
    }
    int tasks = tasks(m, n, k, (m + ROWS - 1) / ROWS);
    if (tasks == 1) {
      rowRange(kr, 0, m, n, k, alpha, a, bt, beta, c);
      return;
    }
    Parallel.run(
        tasks,
        t ->
            rowRange(
                kr,
                bound(m, ROWS, t, tasks),
                bound(m, ROWS, t + 1, tasks),
                n,
                k,
                alpha,
                a,
                bt,
                beta,
                c));
  }

  private static void rowRange(
      Kernel kr,
      int lo,
      int hi,
      int n,
      int k,
      double alpha,
      Gemm64.View a,
      double[] bt,
      double beta,
      Gemm64.View c) {
    double[] out = new double[ROWS * n];
    for (int i = lo; i < hi; i += ROWS) {
      int rows = Math.min(ROWS, hi - i);
      kr.dots(k, a.data(), a.offset() + i * a.rowStride(), a.rowStride(), rows, bt, n, out);
      for (int r = 0; r < rows; r++) {
        for (int j = 0; j < n; j++) {
          store(alpha * out[r * n + j], beta, c, i + r, j);
        }
      }
    }
  }

  private static void store(double v, double beta, Gemm64.View c, int i, int j) {
    int q = c.offset() + i * c.rowStride() + j * c.colStride();
    double[] d = c.data();
    d[q] = beta == 0.0 ? v : v + beta * d[q];
  }

  /** The contiguous-columns path: C transposed accumulates rank updates from A's columns. */
  private static void byUpdates(
      Kernel kr,
      int m,
      int n,
      int k,
      double alpha,
      Gemm64.View a,
      Gemm64.View b,
      double beta,
      Gemm64.View c) {
    int tasks = tasks(m, n, k, (m + COL_UNIT - 1) / COL_UNIT);
    if (tasks == 1) {
      updateRange(kr, 0, m, n, k, alpha, a, b, beta, c);
      return;
    }
    Parallel.run(
        tasks,
        t ->
            updateRange(
                kr,
                bound(m, COL_UNIT, t, tasks),
                bound(m, COL_UNIT, t + 1, tasks),
                n,
                k,
                alpha,
                a,
                b,
                beta,
                c));
  }

  private static void updateRange(
      Kernel kr,
      int lo,
      int hi,
      int n,
      int k,
      double alpha,
      Gemm64.View a,
      Gemm64.View b,
      double beta,
      Gemm64.View c) {
    int len = hi - lo;
    if (len <= 0) {
      return;
    }
    double[] ct = new double[n * len];
    double[] g = new double[ROWS * n];
    int ldx = a.colStride();
    for (int p = 0; p < k; p += ROWS) {
      int rows = Math.min(ROWS, k - p);
      for (int r = 0; r < rows; r++) {
        for (int j = 0; j < n; j++) {
          g[r * n + j] = b.get(p + r, j);
        }
      }
      kr.update(len, a.data(), a.offset() + lo + p * ldx, ldx, rows, g, n, ct);
    }
    for (int i = 0; i < len; i++) {
      for (int j = 0; j < n; j++) {
        store(alpha * ct[j * len + i], beta, c, lo + i, j);
      }
    }
  }
}
