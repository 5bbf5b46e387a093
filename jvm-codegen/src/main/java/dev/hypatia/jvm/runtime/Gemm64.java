package dev.hypatia.jvm.runtime;

/**
 * A packed, cache-blocked float64 matrix product {@code C = alpha * A * B + beta * C} over strided
 * storage (BLIS's loop order): panels of B and blocks of A are copied into contiguous per-thread
 * buffers and a register-blocked micro-kernel multiplies them. The micro-kernel is the Vector API's
 * ({@code VectorGemm64}) when {@link VectorSupport#available()}, else {@link ScalarGemm64}. Large
 * products are split across {@link Parallel#threads()} threads by blocks of rows or columns of C.
 *
 * <p>BLAS semantics: {@code beta == 0} overwrites C without reading it (a NaN in C does not
 * propagate), and {@code alpha == 0} or {@code k == 0} only scales C by beta.
 */
public final class Gemm64 {
  /** Rows of A in a packed block (a multiple of every kernel's MR). */
  private static final int MC = 120;

  /** Depth of a packed panel. */
  private static final int KC = 256;

  /** Columns of B in a packed panel (a multiple of every kernel's NR). */
  private static final int NC = 3072;

  /** Fewer flops than this run on one thread. */
  private static final long PARALLEL_FLOPS = 2_000_000L;

  private static final Kernel DEFAULT =
      VectorSupport.available() ? VectorGemm64.create() : ScalarGemm64.INSTANCE;

  private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

  private Gemm64() {}

  /**
   * A strided matrix in a {@code double[]}: element (i, j) is {@code data[offset + i * rowStride +
   * j * colStride]}; strides may be zero or negative.
   *
   * @param data the storage
   * @param offset the position of element (0, 0)
   * @param rowStride the step between rows
   * @param colStride the step between columns
   */
  public record View(double[] data, int offset, int rowStride, int colStride) {
    /** The same elements with rows and columns exchanged (a view). */
    public View transposed() {
      return new View(data, offset, colStride, rowStride);
    }

    /** The view starting at element (i, j). */
    View at(int i, int j) {
      return new View(data, offset + i * rowStride + j * colStride, rowStride, colStride);
    }

    double get(int i, int j) {
      return data[offset + i * rowStride + j * colStride];
    }
  }

  /** A register-blocked micro-kernel and the vector helpers of the matrix-vector path. */
  interface Kernel {
    /** Rows of a packed sliver of A. */
    int mr();

    /** Columns of a packed sliver of B. */
    int nr();

    /**
     * C[0..rows, 0..cols] = alpha * (packed A sliver x packed B sliver) + beta * C (beta == 0
     * overwrites). {@code tile} is scratch of at least mr * nr doubles.
     */
    void multiply(
        int kc,
        double[] ap,
        int pa,
        double[] bp,
        int pb,
        double alpha,
        double beta,
        View c,
        int rows,
        int cols,
        double[] tile);

    /** The sum of x[xOff + p] * y[yOff + p] for p below k. */
    double dot(int k, double[] x, int xOff, double[] y, int yOff);

    /** y[yOff + t] += s * x[xOff + t] for t below n. */
    void axpy(int n, double s, double[] x, int xOff, double[] y, int yOff);
  }

  /**
   * {@code C = alpha * A * B + beta * C} for an m-by-k A, a k-by-n B and an m-by-n C, using the
   * fastest kernel available. Modified: c's elements; not modified: a, b. C must not overlap A or
   * B.
   */
  public static void gemm(int m, int n, int k, double alpha, View a, View b, double beta, View c) {
    gemm(DEFAULT, m, n, k, alpha, a, b, beta, c);
  }

  /** {@link #gemm(int, int, int, double, View, View, double, View)} with a given kernel. */
  static void gemm(
      Kernel kr, int m, int n, int k, double alpha, View a, View b, double beta, View c) {
    if (m <= 0 || n <= 0) {
      return;
    }
    if (k <= 0 || alpha == 0) {
      scale(m, n, beta, c);
    } else if (n == 1) {
      gemv(kr, m, k, alpha, a, b.data, b.offset, b.rowStride, beta, c.data, c.offset, c.rowStride);
    } else if (m == 1) {
      View bt = b.transposed();
      gemv(kr, n, k, alpha, bt, a.data, a.offset, a.colStride, beta, c.data, c.offset, c.colStride);
    } else if (ThinGemm64.gemm(kr instanceof ScalarGemm64, m, n, k, alpha, a, b, beta, c)) {
      return;
    } else if (fill(n, kr.mr()) * fill(m, kr.nr()) > 1.05 * fill(m, kr.mr()) * fill(n, kr.nr())) {
      // Thin products (n = 10) waste less padding with C's rows and columns exchanged.
      split(kr, n, m, k, alpha, b.transposed(), a.transposed(), beta, c.transposed());
    } else {
      split(kr, m, n, k, alpha, a, b, beta, c);
    }
  }

  /** The useful fraction of {@code dim} rounded up to a multiple of {@code block}. */
  private static double fill(int dim, int block) {
    return dim / (double) (ceilDiv(dim, block) * block);
  }

  private static int ceilDiv(int x, int y) {
    return (x + y - 1) / y;
  }

  private static void scale(int m, int n, double beta, View c) {
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        int q = c.offset + i * c.rowStride + j * c.colStride;
        c.data[q] = beta == 0 ? 0 : beta * c.data[q];
      }
    }
  }

  /** Splits C into blocks of rows (or of columns when wider) computed on separate threads. */
  private static void split(
      Kernel kr, int m, int n, int k, double alpha, View a, View b, double beta, View c) {
    long flops = 2L * m * n * k;
    boolean byRows = m >= n;
    int unit = byRows ? kr.mr() : kr.nr();
    int units = ceilDiv(byRows ? m : n, unit);
    int tasks = (int) Math.min(Math.min(Parallel.threads(), units), flops / PARALLEL_FLOPS);
    if (tasks <= 1) {
      blocked(kr, m, n, k, alpha, a, b, beta, c);
      return;
    }
    int dim = byRows ? m : n;
    Parallel.run(
        tasks,
        t -> {
          int lo = Math.min(dim, (int) ((long) units * t / tasks) * unit);
          int hi = Math.min(dim, (int) ((long) units * (t + 1) / tasks) * unit);
          if (hi <= lo) {
            return;
          }
          if (byRows) {
            blocked(kr, hi - lo, n, k, alpha, a.at(lo, 0), b, beta, c.at(lo, 0));
          } else {
            blocked(kr, m, hi - lo, k, alpha, a, b.at(0, lo), beta, c.at(0, lo));
          }
        });
  }

  /** The single-threaded packed product (m, n, k all positive). */
  private static void blocked(
      Kernel kr, int m, int n, int k, double alpha, View a, View b, double beta, View c) {
    int mr = kr.mr();
    int nr = kr.nr();
    Buffers buf = BUFFERS.get();
    double[] tile = buf.tile(mr * nr);
    if (m <= MC) {
      // One block of A: B is packed a few slivers at a time and used while still in cache
      // (eight slivers when its rows are contiguous, so that packing reads long runs).
      int nb = b.colStride == 1 ? 8 * nr : nr;
      for (int pc = 0; pc < k; pc += KC) {
        int kc = Math.min(KC, k - pc);
        double[] ap = buf.packedA(ceilDiv(m, mr) * mr * kc);
        packA(a.at(0, pc), m, kc, mr, ap);
        double[] bp = buf.packedB(nb * kc);
        for (int jc = 0; jc < n; jc += nb) {
          int nc = Math.min(nb, n - jc);
          packB(b.at(pc, jc), kc, nc, nr, bp);
          block(kr, kc, m, nc, ap, bp, alpha, pc == 0 ? beta : 1, c.at(0, jc), tile);
        }
      }
      return;
    }
    for (int jc = 0; jc < n; jc += NC) {
      int nc = Math.min(NC, n - jc);
      for (int pc = 0; pc < k; pc += KC) {
        int kc = Math.min(KC, k - pc);
        double[] bp = buf.packedB(ceilDiv(nc, nr) * nr * kc);
        packB(b.at(pc, jc), kc, nc, nr, bp);
        for (int ic = 0; ic < m; ic += MC) {
          int mc = Math.min(MC, m - ic);
          double[] ap = buf.packedA(ceilDiv(mc, mr) * mr * kc);
          packA(a.at(ic, pc), mc, kc, mr, ap);
          block(kr, kc, mc, nc, ap, bp, alpha, pc == 0 ? beta : 1, c.at(ic, jc), tile);
        }
      }
    }
  }

  /** C (mc by nc) = alpha * packed A block * packed B panel + beta * C. */
  private static void block(
      Kernel kr,
      int kc,
      int mc,
      int nc,
      double[] ap,
      double[] bp,
      double alpha,
      double beta,
      View c,
      double[] tile) {
    int mr = kr.mr();
    int nr = kr.nr();
    for (int jr = 0; jr < nc; jr += nr) {
      int cols = Math.min(nr, nc - jr);
      for (int ir = 0; ir < mc; ir += mr) {
        int rows = Math.min(mr, mc - ir);
        kr.multiply(kc, ap, ir * kc, bp, jr * kc, alpha, beta, c.at(ir, jr), rows, cols, tile);
      }
    }
  }

  /** Packs mc rows by kc columns of A as slivers of mr rows, column after column, zero-padded. */
  static void packA(View a, int mc, int kc, int mr, double[] ap) {
    double[] d = a.data;
    for (int i0 = 0; i0 < mc; i0 += mr) {
      int rows = Math.min(mr, mc - i0);
      int q = i0 * kc;
      // Row by row, so that a row-major A is read in order.
      for (int r = 0; r < rows; r++) {
        int s = a.offset + (i0 + r) * a.rowStride;
        for (int p = 0; p < kc; p++) {
          ap[q + p * mr + r] = d[s + p * a.colStride];
        }
      }
      for (int r = rows; r < mr; r++) {
        for (int p = 0; p < kc; p++) {
          ap[q + p * mr + r] = 0;
        }
      }
    }
  }

  /** Packs kc rows by nc columns of B as slivers of nr columns, row after row, zero-padded. */
  static void packB(View b, int kc, int nc, int nr, double[] bp) {
    for (int j0 = 0; j0 < nc; j0 += nr) {
      int cols = Math.min(nr, nc - j0);
      int q = j0 * kc;
      if (b.colStride == 1 || b.rowStride != 1) {
        packRows(b, j0, kc, cols, nr, bp, q);
      } else {
        packColumns(b, j0, kc, cols, nr, bp, q);
      }
    }
  }

  /** One sliver of B row after row (in storage order when B is row-major). */
  private static void packRows(View b, int j0, int kc, int cols, int nr, double[] bp, int q) {
    double[] d = b.data;
    for (int p = 0; p < kc; p++, q += nr) {
      int s = b.offset + p * b.rowStride + j0 * b.colStride;
      for (int j = 0; j < cols; j++) {
        bp[q + j] = d[s + j * b.colStride];
      }
      for (int j = cols; j < nr; j++) {
        bp[q + j] = 0;
      }
    }
  }

  /** One sliver of a column-major B column after column (in storage order). */
  private static void packColumns(View b, int j0, int kc, int cols, int nr, double[] bp, int q) {
    double[] d = b.data;
    for (int j = 0; j < cols; j++) {
      int s = b.offset + (j0 + j) * b.colStride;
      for (int p = 0; p < kc; p++) {
        bp[q + p * nr + j] = d[s + p];
      }
    }
    for (int j = cols; j < nr; j++) {
      for (int p = 0; p < kc; p++) {
        bp[q + p * nr + j] = 0;
      }
    }
  }

  /**
   * out[t] = alpha * sum_p x(t, p) * y[p] + beta * out[t] for t below rows: the matrix-vector
   * product, as row dot products when x's rows are contiguous, else as column updates.
   */
  private static void gemv(
      Kernel kr,
      int rows,
      int k,
      double alpha,
      View x,
      double[] yd,
      int yOff,
      int yStride,
      double beta,
      double[] out,
      int outOff,
      int outStride) {
    Buffers buf = BUFFERS.get();
    double[] y = buf.packedB(k);
    for (int p = 0; p < k; p++) {
      y[p] = yd[yOff + p * yStride];
    }
    double[] acc = buf.packedA(rows);
    if (x.colStride == 1) {
      for (int t = 0; t < rows; t++) {
        acc[t] = kr.dot(k, x.data, x.offset + t * x.rowStride, y, 0);
      }
    } else if (x.rowStride == 1) {
      java.util.Arrays.fill(acc, 0, rows, 0);
      for (int p = 0; p < k; p++) {
        kr.axpy(rows, y[p], x.data, x.offset + p * x.colStride, acc, 0);
      }
    } else {
      for (int t = 0; t < rows; t++) {
        double s = 0;
        for (int p = 0; p < k; p++) {
          s += x.get(t, p) * y[p];
        }
        acc[t] = s;
      }
    }
    for (int t = 0; t < rows; t++) {
      int q = outOff + t * outStride;
      out[q] = beta == 0 ? alpha * acc[t] : alpha * acc[t] + beta * out[q];
    }
  }

  /** Per-thread packing buffers, grown on demand and reused. */
  private static final class Buffers {
    private double[] a = new double[0];
    private double[] b = new double[0];
    private double[] tile = new double[0];

    double[] packedA(int n) {
      if (a.length < n) {
        a = new double[n];
      }
      return a;
    }

    double[] packedB(int n) {
      if (b.length < n) {
        b = new double[n];
      }
      return b;
    }

    double[] tile(int n) {
      if (tile.length < n) {
        tile = new double[n];
      }
      return tile;
    }
  }
}
