package dev.hypatia.jvm.runtime;

/**
 * The float32 products of {@link Gemm32} whose result is thin (at most {@link #MAX_THIN} columns,
 * or rows once transposed), streaming the large operand A (m by k) once without packing it. When
 * A's rows are contiguous ({@code colStride == 1}), only the thin B is packed, as panels of {@link
 * Kernel#width()} columns, and blocks of {@link #ROWS} rows of C accumulate in registers while A's
 * elements are broadcast. When A's columns are contiguous ({@code rowStride == 1}: A =
 * X<sup>T</sup> for a row-major X), C is accumulated transposed by rank-{@link #XROWS} updates, X
 * read row after row.
 *
 * <p>Threads split C's rows at fixed multiples, and each element is one chain of multiply-adds in
 * the order of k whatever the split, so the result does not depend on the thread count. BLAS
 * semantics for alpha and beta as in {@link Gemm32}.
 */
final class ThinGemm32 {
  /** The largest thin dimension of C this path takes. */
  static final int MAX_THIN = 16;

  /** Rows of C one kernel call computes. */
  static final int ROWS = 8;

  /** Rows of X (columns of A) one update adds. */
  static final int XROWS = 8;

  /** Rows of C a task of the update path gets, a multiple of any vector length. */
  private static final int COL_UNIT = 64;

  /** Fewer flops than this run on one thread. */
  private static final long PARALLEL_FLOPS = 2_000_000L;

  private static final Kernel VECTOR = VectorSupport.available() ? VectorThin32.create() : null;

  private ThinGemm32() {}

  /** The inner loop, in Vector API and scalar versions. */
  interface Kernel {
    /** Columns of a packed panel of B. */
    int width();

    /**
     * acc[q + r * width + c] = sum over p below kc of a[aOff + r * rs + p] * bp[pb + p * width +
     * c], for r below rows (1 to {@link #ROWS}) and c below width, in the order of p.
     */
    void tile(
        int kc, float[] a, int aOff, int rs, int rows, float[] bp, int pb, float[] acc, int q);

    /**
     * ct[j * m + i] += sum over r below rows of x[xOff + r * ldx + i] * g[r * n + j], for i below
     * m, j below n, rows 1 to {@link #XROWS}, the terms added in the order of r.
     */
    void update(int m, float[] x, int xOff, int ldx, int rows, float[] g, int n, float[] ct);
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
      float alpha,
      Gemm32.View a,
      Gemm32.View b,
      float beta,
      Gemm32.View c) {
    Kernel kr = scalar || VECTOR == null ? ScalarThin32.INSTANCE : VECTOR;
    return (n <= MAX_THIN && oriented(kr, m, n, k, alpha, a, b, beta, c))
        || (m <= MAX_THIN
            && oriented(kr, n, m, k, alpha, b.transposed(), a.transposed(), beta, c.transposed()));
  }

  private static boolean oriented(
      Kernel kr,
      int m,
      int n,
      int k,
      float alpha,
      Gemm32.View a,
      Gemm32.View b,
      float beta,
      Gemm32.View c) {
    if (a.colStride() == 1) {
      run(kr, m, n, k, alpha, a, b, beta, c);
      return true;
    }
    if (a.rowStride() == 1) {
      byUpdates(kr, m, n, k, alpha, a, b, beta, c);
      return true;
    }
    return false;
  }

  private static int tasks(int m, int n, int k, int units) {
    long flops = 2L * m * n * k;
    return (int) Math.max(1, Math.min(Math.min(Parallel.threads(), units), flops / PARALLEL_FLOPS));
  }

  /** Rows of C where task t of tasks starts, at a multiple of unit. */
  private static int bound(int m, int unit, int t, int tasks) {
    return Math.min(m, (int) ((long) ceilDiv(m, unit) * t / tasks) * unit);
  }

  private static int ceilDiv(int x, int y) {
    return (x + y - 1) / y;
  }

  /** B packed as panels of w columns (zero-padded), each k rows of w: bp[(g * k + p) * w + c]. */
  private static float[] pack(Gemm32.View b, int k, int n, int w) {
    float[] bp = new float[ceilDiv(n, w) * k * w];
    for (int p = 0; p < k; p++) {
      for (int j = 0; j < n; j++) {
        bp[((j / w) * k + p) * w + j % w] = b.get(p, j);
      }
    }
    return bp;
  }

  private static void run(
      Kernel kr,
      int m,
      int n,
      int k,
      float alpha,
      Gemm32.View a,
      Gemm32.View b,
      float beta,
      Gemm32.View c) {
    float[] bp = pack(b, k, n, kr.width());
    int units = ceilDiv(m, ROWS);
    long flops = 2L * m * n * k;
    int tasks =
        (int) Math.max(1, Math.min(Math.min(Parallel.threads(), units), flops / PARALLEL_FLOPS));
    if (tasks == 1) {
      range(kr, 0, m, n, k, alpha, a, bp, beta, c);
      return;
    }
    Parallel.run(
        tasks,
        t ->
            range(
                kr,
                bound(m, ROWS, t, tasks),
                bound(m, ROWS, t + 1, tasks),
                n,
                k,
                alpha,
                a,
                bp,
                beta,
                c));
  }

  /** Rows lo (a multiple of ROWS) to hi of C. */
  private static void range(
      Kernel kr,
      int lo,
      int hi,
      int n,
      int k,
      float alpha,
      Gemm32.View a,
      float[] bp,
      float beta,
      Gemm32.View c) {
    int len = hi - lo;
    if (len <= 0) {
      return;
    }
    int w = kr.width();
    int groups = ceilDiv(n, w);
    float[] acc = new float[groups * ROWS * w];
    int rs = a.rowStride();
    for (int i = lo; i < hi; i += ROWS) {
      int rows = Math.min(ROWS, hi - i);
      int aOff = a.offset() + i * rs;
      for (int g = 0; g < groups; g++) {
        kr.tile(k, a.data(), aOff, rs, rows, bp, g * k * w, acc, g * ROWS * w);
      }
      for (int r = 0; r < rows; r++) {
        for (int j = 0; j < n; j++) {
          store(alpha * acc[((j / w) * ROWS + r) * w + j % w], beta, c, i + r, j);
        }
      }
    }
  }

  private static void store(float v, float beta, Gemm32.View c, int i, int j) {
    int q = c.offset() + i * c.rowStride() + j * c.colStride();
    float[] d = c.data();
    d[q] = beta == 0.0 ? v : v + beta * d[q];
  }

  /** The contiguous-columns path: C transposed accumulates rank updates from rows of X. */
  private static void byUpdates(
      Kernel kr,
      int m,
      int n,
      int k,
      float alpha,
      Gemm32.View a,
      Gemm32.View b,
      float beta,
      Gemm32.View c) {
    int tasks = tasks(m, n, k, ceilDiv(m, COL_UNIT));
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
      float alpha,
      Gemm32.View a,
      Gemm32.View b,
      float beta,
      Gemm32.View c) {
    int len = hi - lo;
    if (len <= 0) {
      return;
    }
    float[] ct = new float[n * len];
    float[] g = new float[XROWS * n];
    int ldx = a.colStride();
    for (int p = 0; p < k; p += XROWS) {
      int rows = Math.min(XROWS, k - p);
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
