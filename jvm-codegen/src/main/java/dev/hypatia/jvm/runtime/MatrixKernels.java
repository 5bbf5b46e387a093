package dev.hypatia.jvm.runtime;

import dev.hypatia.symbolic.Broadcast;
import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import java.util.Arrays;

/**
 * The matrix products generated code calls for the ops {@code Dot}, {@code Matmul} and {@code
 * Gemm}: the same dtype, shape and values (to float rounding) as their {@code perform}, each
 * returning a new C-contiguous array. Inputs may be any strided views and are never modified.
 * Float64 products, and float32 products whose operands are float32 (or int8/bool, converted
 * exactly), run on the packed kernels {@link Gemm64} and {@link Gemm32} (float32 accumulates in
 * float32, where the interpreter accumulates in double); integer and bool products run a plain loop
 * accumulating in long.
 */
public final class MatrixKernels {
  private MatrixKernels() {}

  /**
   * The number of threads large products are split across.
   *
   * @return at least 1; by default the system property {@code hypatia.threads}, else the number of
   *     available processors
   */
  public static int threads() {
    return Parallel.threads();
  }

  /**
   * Sets the number of threads large products are split across (1 keeps every product on the
   * calling thread). Modified: a global setting, read at each product's start.
   *
   * @throws IllegalArgumentException when {@code n < 1}
   */
  public static void setThreads(int n) {
    Parallel.setThreads(n);
  }

  /**
   * numpy's {@code dot(a, b)} for ranks up to 2, as the op {@code Dot}: a scalar scales the other
   * operand; otherwise a's last axis is summed against b's first. dtype: numpy's promotion.
   *
   * @throws IllegalArgumentException for a rank above 2 or summed axes of different lengths
   */
  public static NDArray dot(NDArray a, NDArray b) {
    if (a.ndim() > 2 || b.ndim() > 2) {
      throw new IllegalArgumentException(
          "dot takes arrays of rank 0, 1 or 2, got ranks " + a.ndim() + " and " + b.ndim());
    }
    DType out = DType.promote(a.dtype(), b.dtype());
    if (a.ndim() == 0 || b.ndim() == 0) {
      return scaled(a, b, out);
    }
    checkAligned(a, a.ndim() - 1, b, 0);
    NDArray x = operand(a, out);
    NDArray y = operand(b, out);
    int m = a.ndim() == 2 ? a.shape(0) : 1;
    int k = b.shape(0);
    int n = b.ndim() == 2 ? b.shape(1) : 1;
    int[] shape = new int[a.ndim() + b.ndim() - 2];
    if (a.ndim() == 2) {
      shape[0] = m;
    }
    if (b.ndim() == 2) {
      shape[shape.length - 1] = n;
    }
    NDArray c = NDArray.zeros(out, shape);
    int[] xs = a.ndim() == 2 ? x.strides() : new int[] {0, x.strides()[0]};
    int[] ys = b.ndim() == 2 ? y.strides() : new int[] {y.strides()[0], 0};
    product(m, n, k, x, x.offset(), xs[0], xs[1], y, y.offset(), ys[0], ys[1], c, 0, n);
    return c;
  }

  /**
   * numpy's {@code matmul(a, b)}, as the op {@code Matmul}: products over the last two axes with
   * the batch axes broadcast; a 1-D a is a row and a 1-D b a column, their added axis removed from
   * the result. dtype: numpy's promotion.
   *
   * @throws IllegalArgumentException for a scalar operand, misaligned inner axes or batch axes that
   *     do not broadcast
   */
  public static NDArray matmul(NDArray a, NDArray b) {
    if (a.ndim() == 0 || b.ndim() == 0) {
      throw new IllegalArgumentException("matmul does not accept scalars (rank 0); use dot or mul");
    }
    checkAligned(a, a.ndim() - 1, b, Math.max(b.ndim() - 2, 0));
    DType out = DType.promote(a.dtype(), b.dtype());
    NDArray a2 = operand(a, out);
    NDArray b2 = operand(b, out);
    a2 = a2.ndim() == 1 ? a2.newAxis(0) : a2;
    b2 = b2.ndim() == 1 ? b2.newAxis(1) : b2;
    int m = a2.shape(-2);
    int k = a2.shape(-1);
    int n = b2.shape(-1);
    int[] batch = Broadcast.shape(lead(a2.shape()), lead(b2.shape()));
    NDArray as = a2.broadcastTo(concat(batch, m, k));
    NDArray bs = b2.broadcastTo(concat(batch, k, n));
    NDArray c = NDArray.zeros(out, concat(batch, m, n));
    int count = NDArray.sizeOf(batch);
    int[] sa = as.strides();
    int[] sb = bs.strides();
    int nb = batch.length;
    int[] idx = new int[nb];
    for (int t = 0; t < count; t++) {
      int pa = as.offset();
      int pb = bs.offset();
      for (int i = 0; i < nb; i++) {
        pa += idx[i] * sa[i];
        pb += idx[i] * sb[i];
      }
      product(m, n, k, as, pa, sa[nb], sa[nb + 1], bs, pb, sb[nb], sb[nb + 1], c, t * m * n, n);
      for (int i = nb - 1; i >= 0 && ++idx[i] == batch[i]; i--) {
        idx[i] = 0;
      }
    }
    return c.reshape(resultShape(batch, a.ndim(), b.ndim(), m, n));
  }

  /**
   * {@code alpha * dot(a, b) + beta * c}, as the op {@code Gemm} over its inputs {@code (a, b, c,
   * alpha, beta)}: the product rounded to the dtype, each term rounded, then their sum (so {@code
   * beta = 0} still propagates a NaN of c, unlike BLAS). dtype: a's, which b and c share; c
   * broadcasts with the product by numpy's rule.
   *
   * @throws IllegalArgumentException when a is not a matrix, b not a matrix or vector, the dtypes
   *     differ or are not float, a and b do not align, or c and the product do not broadcast
   */
  public static NDArray gemm(NDArray a, NDArray b, NDArray c, NDArray alpha, NDArray beta) {
    DType dtype = a.dtype();
    if (a.ndim() != 2 || b.ndim() < 1 || b.ndim() > 2) {
      throw new IllegalArgumentException(
          "gemm takes a matrix a and a matrix or vector b, got ranks "
              + a.ndim()
              + " and "
              + b.ndim());
    }
    if (!dtype.isFloat() || b.dtype() != dtype || c.dtype() != dtype) {
      throw new IllegalArgumentException(
          "gemm needs a, b and c of one float dtype, got "
              + dtype
              + ", "
              + b.dtype()
              + " and "
              + c.dtype());
    }
    NDArray product = dot(a, b);
    double al = alpha.item();
    double be = beta.item();
    int[] shape = Broadcast.shape(product.shape(), c.shape());
    int[] p = product.broadcastTo(shape).storageIndices();
    int[] q = c.broadcastTo(shape).storageIndices();
    NDArray out = NDArray.zeros(dtype, shape);
    Object pd = product.data();
    Object cd = c.data();
    Object od = out.data();
    boolean f32 = dtype == DType.FLOAT32;
    for (int e = 0; e < p.length; e++) {
      double term = round(f32, al * dtype.getDouble(pd, p[e]));
      double acc = round(f32, be * dtype.getDouble(cd, q[e]));
      dtype.setDouble(od, e, term + acc);
    }
    return out;
  }

  /** {@code v} rounded to float32 when {@code f32}, as storing an elementwise result would. */
  private static double round(boolean f32, double v) {
    return f32 ? (float) v : v;
  }

  private static void checkAligned(NDArray a, int axisA, NDArray b, int axisB) {
    if (a.shape(axisA) != b.shape(axisB)) {
      throw new IllegalArgumentException(
          "shapes "
              + a.shapeString()
              + " and "
              + b.shapeString()
              + " are not aligned: axis "
              + axisA
              + " of the first ("
              + a.shape(axisA)
              + ") differs from axis "
              + axisB
              + " of the second ("
              + b.shape(axisB)
              + ")");
    }
  }

  /**
   * The operand in the storage the kernel for {@code out} reads: itself when its dtype is {@code
   * out} or out is discrete, else an exact converted copy.
   */
  private static NDArray operand(NDArray x, DType out) {
    return out.isFloat() && x.dtype() != out ? x.astype(out) : x;
  }

  /** dot with a scalar operand: every element of the other times it. */
  private static NDArray scaled(NDArray a, NDArray b, DType out) {
    int[] shape = a.ndim() == 0 ? b.shape() : a.shape();
    NDArray c = NDArray.zeros(out, shape);
    int[] pa = a.broadcastTo(shape).storageIndices();
    int[] pb = b.broadcastTo(shape).storageIndices();
    DType da = a.dtype();
    DType db = b.dtype();
    Object cd = c.data();
    for (int e = 0; e < pa.length; e++) {
      if (out.isFloat()) {
        out.setDouble(cd, e, da.getDouble(a.data(), pa[e]) * db.getDouble(b.data(), pb[e]));
      } else {
        out.setLong(cd, e, da.getLong(a.data(), pa[e]) * db.getLong(b.data(), pb[e]));
      }
    }
    return c;
  }

  /**
   * c[cOff + i*cRs + j] = sum_p a(i, p) * b(p, j) for an m-by-k a and a k-by-n b given by offset
   * and strides into their storage; c is of the output dtype (a and b share it when it is float).
   */
  private static void product(
      int m,
      int n,
      int k,
      NDArray a,
      int aOff,
      int aRs,
      int aCs,
      NDArray b,
      int bOff,
      int bRs,
      int bCs,
      NDArray c,
      int cOff,
      int cRs) {
    switch (c.dtype()) {
      case FLOAT64 ->
          Gemm64.gemm(
              m,
              n,
              k,
              1,
              new Gemm64.View((double[]) a.data(), aOff, aRs, aCs),
              new Gemm64.View((double[]) b.data(), bOff, bRs, bCs),
              0,
              new Gemm64.View((double[]) c.data(), cOff, cRs, 1));
      case FLOAT32 ->
          Gemm32.gemm(
              m,
              n,
              k,
              1,
              new Gemm32.View((float[]) a.data(), aOff, aRs, aCs),
              new Gemm32.View((float[]) b.data(), bOff, bRs, bCs),
              0,
              new Gemm32.View((float[]) c.data(), cOff, cRs, 1));
      default -> longProduct(m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, cRs);
    }
  }

  /** The integer and bool product: sums in long, stored with the output dtype's cast. */
  private static void longProduct(
      int m,
      int n,
      int k,
      NDArray a,
      int aOff,
      int aRs,
      int aCs,
      NDArray b,
      int bOff,
      int bRs,
      int bCs,
      NDArray c,
      int cOff,
      int cRs) {
    DType da = a.dtype();
    DType db = b.dtype();
    Object ad = a.data();
    Object bd = b.data();
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        long s = 0;
        for (int p = 0; p < k; p++) {
          s += da.getLong(ad, aOff + i * aRs + p * aCs) * db.getLong(bd, bOff + p * bRs + j * bCs);
        }
        c.dtype().setLong(c.data(), cOff + i * cRs + j, s);
      }
    }
  }

  private static int[] lead(int[] shape) {
    return Arrays.copyOf(shape, shape.length - 2);
  }

  private static int[] concat(int[] batch, int x, int y) {
    int[] out = Arrays.copyOf(batch, batch.length + 2);
    out[batch.length] = x;
    out[batch.length + 1] = y;
    return out;
  }

  /** The batch shape, then m unless a was 1-D, then n unless b was 1-D. */
  private static int[] resultShape(int[] batch, int ndimA, int ndimB, int m, int n) {
    int[] out = Arrays.copyOf(batch, batch.length + (ndimA > 1 ? 1 : 0) + (ndimB > 1 ? 1 : 0));
    int i = batch.length;
    if (ndimA > 1) {
      out[i++] = m;
    }
    if (ndimB > 1) {
      out[i] = n;
    }
    return out;
  }
}
