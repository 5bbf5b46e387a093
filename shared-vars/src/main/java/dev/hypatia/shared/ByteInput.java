package dev.hypatia.shared;

import java.nio.charset.StandardCharsets;

/**
 * A bounds-checked big-endian reader over a whole file's bytes: every read checks what remains, and
 * every count is capped by the bytes left, so a hostile file cannot cause a large allocation.
 */
final class ByteInput {
  private final byte[] bytes;
  private final String source;
  private int pos;

  ByteInput(byte[] bytes, String source) {
    this.bytes = bytes;
    this.source = source;
  }

  int position() {
    return pos;
  }

  int remaining() {
    return bytes.length - pos;
  }

  /** An error naming the source and the current offset. */
  GraphFileException error(String message) {
    return new GraphFileException(source + ": " + message + " (at byte " + pos + ")");
  }

  GraphFileException error(String message, Throwable cause) {
    return new GraphFileException(source + ": " + message + " (at byte " + pos + ")", cause);
  }

  private void need(int n, String what) throws GraphFileException {
    if (n > remaining()) {
      throw error(
          "file is truncated: " + what + " needs " + n + " bytes, only " + remaining() + " remain");
    }
  }

  byte[] raw(int n, String what) throws GraphFileException {
    need(n, what);
    byte[] out = new byte[n];
    System.arraycopy(bytes, pos, out, 0, n);
    pos += n;
    return out;
  }

  int u8(String what) throws GraphFileException {
    need(1, what);
    return bytes[pos++] & 0xff;
  }

  boolean bool(String what) throws GraphFileException {
    int b = u8(what);
    if (b > 1) {
      pos--;
      throw error(what + " must be 0 or 1, got " + b);
    }
    return b == 1;
  }

  int i32(String what) throws GraphFileException {
    need(4, what);
    int v = 0;
    for (int i = 0; i < 4; i++) {
      v = (v << 8) | (bytes[pos++] & 0xff);
    }
    return v;
  }

  long i64(String what) throws GraphFileException {
    need(8, what);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (bytes[pos++] & 0xff);
    }
    return v;
  }

  /** An int in {@code [lo, hi]}. */
  int intIn(String what, int lo, int hi) throws GraphFileException {
    int v = i32(what);
    if (v < lo || v > hi) {
      pos -= 4;
      throw error(what + " " + v + " is out of range [" + lo + ", " + hi + "]");
    }
    return v;
  }

  /**
   * A count of items that each take at least {@code minBytes} bytes in the rest of the file, so the
   * count cannot exceed what the file can hold.
   */
  int count(String what, int minBytes) throws GraphFileException {
    int v = i32(what);
    int left = remaining();
    if (v < 0 || (long) v * minBytes > left) {
      pos -= 4;
      throw error(
          what
              + " "
              + v
              + " is negative or larger than the "
              + left
              + " bytes left in the file allow (truncated or corrupt)");
    }
    return v;
  }

  /** A UTF-8 string: a byte count, then the bytes. */
  String string(String what) throws GraphFileException {
    int n = count(what + " length", 1);
    return new String(raw(n, what), StandardCharsets.UTF_8);
  }
}
