package io.deadair.common.cube;

import java.util.Arrays;

/** A growing byte buffer with variable-length integers, for the cube's partial results. */
public final class ByteSink {

  private byte[] buf;
  private int size;

  public ByteSink(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  private void ensure(int more) {
    if (size + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
    }
  }

  /** An unsigned LEB128 integer (7 bits a byte). */
  public void writeVarLong(long v) {
    ensure(10);
    while ((v & ~0x7FL) != 0) {
      buf[size++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[size++] = (byte) v;
  }

  /** A signed integer in zigzag form, so small negative values stay short. */
  public void writeSignedVarLong(long v) {
    writeVarLong((v << 1) ^ (v >> 63));
  }

  public void writeDouble(double d) {
    ensure(8);
    long bits = Double.doubleToRawLongBits(d);
    for (int i = 0; i < 8; i++) {
      buf[size++] = (byte) (bits >>> (8 * i));
    }
  }

  /** A count: a whole number as a varint (tagged 0), anything else as a double (tagged 1). */
  public void writeAmount(double d) {
    long whole = (long) d;
    if (whole == d && whole >= 0 && whole < (1L << 52)) {
      writeVarLong(whole << 1);
    } else {
      writeVarLong(1);
      writeDouble(d);
    }
  }

  public void writeBytes(byte[] bytes, int offset, int length) {
    writeVarLong(length);
    ensure(length);
    System.arraycopy(bytes, offset, buf, size, length);
    size += length;
  }

  public int size() {
    return size;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }
}
