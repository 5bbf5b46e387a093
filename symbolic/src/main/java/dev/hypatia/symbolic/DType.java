package dev.hypatia.symbolic;

/**
 * The element types of tensors, with numpy's promotion rules.
 *
 * <p>Each dtype names the Java primitive array that stores its elements: float64 {@code double[]},
 * float32 {@code float[]}, int64 {@code long[]}, int32 {@code int[]}, int8 {@code byte[]}, bool
 * {@code boolean[]}. Reads and writes through {@link #getDouble}, {@link #getLong}, {@link
 * #setDouble} and {@link #setLong} convert as a C cast does (float to int truncates toward zero,
 * narrowing integers wrap around, any non-zero value is true).
 */
public enum DType {
  FLOAT64("float64", Kind.FLOAT, 8),
  FLOAT32("float32", Kind.FLOAT, 4),
  INT64("int64", Kind.INT, 8),
  INT32("int32", Kind.INT, 4),
  INT8("int8", Kind.INT, 1),
  BOOL("bool", Kind.BOOL, 1);

  /** The kind of a dtype: numpy's 'f', 'i' and 'b'. */
  public enum Kind {
    BOOL,
    INT,
    FLOAT
  }

  private final String numpyName;
  private final Kind kind;
  private final int itemSize;

  DType(String numpyName, Kind kind, int itemSize) {
    this.numpyName = numpyName;
    this.kind = kind;
    this.itemSize = itemSize;
  }

  /** The numpy name, such as {@code "float64"}. */
  @Override
  public String toString() {
    return numpyName;
  }

  /** The kind: bool, integer or floating point. */
  public Kind kind() {
    return kind;
  }

  /** Bytes per element. */
  public int itemSize() {
    return itemSize;
  }

  /** Whether this is float64 or float32. */
  public boolean isFloat() {
    return kind == Kind.FLOAT;
  }

  /** Whether this is a signed integer type (bool is not). */
  public boolean isInteger() {
    return kind == Kind.INT;
  }

  /** Whether this is bool. */
  public boolean isBool() {
    return kind == Kind.BOOL;
  }

  /** Whether elements are read and computed as {@code long} (integers and bool). */
  public boolean isDiscrete() {
    return kind != Kind.FLOAT;
  }

  /** The dtype whose numpy name is {@code name}. */
  public static DType fromName(String name) {
    for (DType d : values()) {
      if (d.numpyName.equals(name)) {
        return d;
      }
    }
    throw new IllegalArgumentException("unknown dtype '" + name + "'");
  }

  /**
   * numpy's promotion of two array dtypes: the smallest type that holds both. bool promotes to
   * anything; int8 with float32 is float32; int32 or int64 with float32 is float64, as numpy does
   * for arrays.
   */
  public static DType promote(DType a, DType b) {
    if (a == b) {
      return a;
    }
    if (a.kind == b.kind) {
      return a.itemSize >= b.itemSize ? a : b;
    }
    DType lo = a.kind.ordinal() < b.kind.ordinal() ? a : b;
    DType hi = lo == a ? b : a;
    if (lo.kind == Kind.BOOL) {
      return hi;
    }
    // lo is an integer, hi a float: float32 keeps only integers of up to 16 bits exactly.
    return hi == FLOAT32 && lo.itemSize <= 2 ? FLOAT32 : FLOAT64;
  }

  /** {@link #promote(DType, DType)} over any number of dtypes (at least one). */
  public static DType promote(DType first, DType... rest) {
    DType d = first;
    for (DType r : rest) {
      d = promote(d, r);
    }
    return d;
  }

  /**
   * The float dtype that unary float functions (exp, sin, ...) return for this input: float dtypes
   * stay, bool and int8 become float32, wider integers float64 (Theano's upgrade_to_float; numpy
   * would give float16 for bool and int8, which Hypatia lacks).
   */
  public DType toFloat() {
    return switch (this) {
      case FLOAT64, FLOAT32 -> this;
      case BOOL, INT8 -> FLOAT32;
      case INT32, INT64 -> FLOAT64;
    };
  }

  /** A new zeroed Java array of this dtype's storage type with {@code n} elements. */
  public Object allocate(int n) {
    return switch (this) {
      case FLOAT64 -> new double[n];
      case FLOAT32 -> new float[n];
      case INT64 -> new long[n];
      case INT32 -> new int[n];
      case INT8 -> new byte[n];
      case BOOL -> new boolean[n];
    };
  }

  /** Element {@code i} of {@code data} (this dtype's storage array) as a double. */
  public double getDouble(Object data, int i) {
    return switch (this) {
      case FLOAT64 -> ((double[]) data)[i];
      case FLOAT32 -> ((float[]) data)[i];
      case INT64 -> ((long[]) data)[i];
      case INT32 -> ((int[]) data)[i];
      case INT8 -> ((byte[]) data)[i];
      case BOOL -> ((boolean[]) data)[i] ? 1.0 : 0.0;
    };
  }

  /** Element {@code i} of {@code data} as a long (floats truncate toward zero). */
  public long getLong(Object data, int i) {
    return switch (this) {
      case FLOAT64 -> (long) ((double[]) data)[i];
      case FLOAT32 -> (long) ((float[]) data)[i];
      case INT64 -> ((long[]) data)[i];
      case INT32 -> ((int[]) data)[i];
      case INT8 -> ((byte[]) data)[i];
      case BOOL -> ((boolean[]) data)[i] ? 1L : 0L;
    };
  }

  /**
   * Stores {@code v} as element {@code i} of {@code data}, converting as a C cast. Modified: data.
   */
  public void setDouble(Object data, int i, double v) {
    switch (this) {
      case FLOAT64 -> ((double[]) data)[i] = v;
      case FLOAT32 -> ((float[]) data)[i] = (float) v;
      case INT64 -> ((long[]) data)[i] = (long) v;
      case INT32 -> ((int[]) data)[i] = (int) (long) v;
      case INT8 -> ((byte[]) data)[i] = (byte) (long) v;
      case BOOL -> ((boolean[]) data)[i] = v != 0.0;
    }
  }

  /**
   * Stores {@code v} as element {@code i} of {@code data}, wrapping narrow integers. Modified:
   * data.
   */
  public void setLong(Object data, int i, long v) {
    switch (this) {
      case FLOAT64 -> ((double[]) data)[i] = v;
      case FLOAT32 -> ((float[]) data)[i] = v;
      case INT64 -> ((long[]) data)[i] = v;
      case INT32 -> ((int[]) data)[i] = (int) v;
      case INT8 -> ((byte[]) data)[i] = (byte) v;
      case BOOL -> ((boolean[]) data)[i] = v != 0L;
    }
  }

  /** The length of a storage array of this dtype. */
  public int length(Object data) {
    return java.lang.reflect.Array.getLength(data);
  }
}
