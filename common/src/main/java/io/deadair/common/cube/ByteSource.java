package io.deadair.common.cube;

/** Reads what a {@link ByteSink} wrote, in the same order. */
public final class ByteSource {

  private final byte[] buf;
  private int pos;

  public ByteSource(byte[] buf) {
    this(buf, 0);
  }

  /** Reads {@code buf} from {@code offset} on. */
  public ByteSource(byte[] buf, int offset) {
    this.buf = buf;
    this.pos = offset;
  }

  public long readVarLong() {
    long v = 0;
    int shift = 0;
    while (true) {
      byte b = buf[pos++];
      v |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return v;
      }
      shift += 7;
    }
  }

  public int readVarInt() {
    return (int) readVarLong();
  }

  public long readSignedVarLong() {
    long v = readVarLong();
    return (v >>> 1) ^ -(v & 1);
  }

  public double readDouble() {
    long bits = 0;
    for (int i = 0; i < 8; i++) {
      bits |= (long) (buf[pos++] & 0xFF) << (8 * i);
    }
    return Double.longBitsToDouble(bits);
  }

  public double readAmount() {
    long tag = readVarLong();
    return (tag & 1) == 0 ? (double) (tag >>> 1) : readDouble();
  }

  /** The offset of the next length-prefixed byte string in {@link #buffer()}; skips past it. */
  public int readBytesOffset() {
    int length = readVarInt();
    int start = pos;
    pos += length;
    lastLength = length;
    return start;
  }

  private int lastLength;

  /** The length of the byte string {@link #readBytesOffset} last skipped. */
  public int lastLength() {
    return lastLength;
  }

  public byte[] buffer() {
    return buf;
  }

  public boolean hasMore() {
    return pos < buf.length;
  }
}
