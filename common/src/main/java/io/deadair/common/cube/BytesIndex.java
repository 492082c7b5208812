package io.deadair.common.cube;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Numbers distinct byte strings (UTF-8 ids) densely in the order they are first seen, keeping
 * their bytes in one growing arena instead of one object per string. The cube's dictionaries of
 * artists, tracks, listeners and platforms.
 */
public final class BytesIndex {

  private int[] table;
  private int[] hashes;
  private int mask;
  private byte[] arena = new byte[1 << 12];
  private int used;
  private int[] starts = new int[64];
  private int size;

  public BytesIndex() {
    table = new int[64];
    Arrays.fill(table, -1);
    hashes = new int[64];
    mask = table.length - 1;
  }

  /** The number of {@code bytes[offset, offset + length)}, given a new one if it is new. */
  public int add(byte[] bytes, int offset, int length) {
    int h = hash(bytes, offset, length);
    int slot = h & mask;
    while (true) {
      int id = table[slot];
      if (id < 0) {
        return insert(slot, h, bytes, offset, length);
      }
      if (hashes[id] == h && equalsAt(id, bytes, offset, length)) {
        return id;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** The number of a whole array's bytes. */
  public int add(byte[] bytes) {
    return add(bytes, 0, bytes.length);
  }

  /** The number of a string's UTF-8 bytes. */
  public int add(String s) {
    return add(s.getBytes(StandardCharsets.UTF_8));
  }

  private boolean equalsAt(int id, byte[] bytes, int offset, int length) {
    int start = starts[id];
    return starts[id + 1] - start == length
        && Arrays.equals(arena, start, start + length, bytes, offset, offset + length);
  }

  private int insert(int slot, int h, byte[] bytes, int offset, int length) {
    int id = size++;
    if (size + 1 >= starts.length) {
      starts = Arrays.copyOf(starts, starts.length * 2);
      hashes = Arrays.copyOf(hashes, starts.length);
    }
    if (used + length > arena.length) {
      arena = Arrays.copyOf(arena, Math.max(arena.length * 2, used + length));
    }
    System.arraycopy(bytes, offset, arena, used, length);
    starts[id] = used;
    used += length;
    starts[id + 1] = used;
    hashes[id] = h;
    table[slot] = id;
    if (size * 2 > table.length) {
      rehash();
    }
    return id;
  }

  private void rehash() {
    table = new int[table.length * 2];
    Arrays.fill(table, -1);
    mask = table.length - 1;
    for (int id = 0; id < size; id++) {
      int slot = hashes[id] & mask;
      while (table[slot] >= 0) {
        slot = (slot + 1) & mask;
      }
      table[slot] = id;
    }
  }

  /** FNV-1a over the bytes, finished by a mix so that short ids spread over the table. */
  static int hash(byte[] bytes, int offset, int length) {
    long h = 0xcbf29ce484222325L;
    for (int i = offset; i < offset + length; i++) {
      h = (h ^ bytes[i]) * 0x100000001b3L;
    }
    return (int) KeyIndex.mix(h);
  }

  public int size() {
    return size;
  }

  /** The bucket of string number {@code id}, as {@link CubeBuckets} computes it from its bytes. */
  int bucket(int id, int buckets) {
    return Math.floorMod(hashes[id], buckets);
  }

  /** Writes string number {@code id} as a length and its bytes. */
  void writeTo(int id, ByteSink out) {
    out.writeBytes(arena, starts[id], starts[id + 1] - starts[id]);
  }

  /** String number {@code id}. */
  public String string(int id) {
    return new String(arena, starts[id], starts[id + 1] - starts[id], StandardCharsets.UTF_8);
  }

  /** The bytes of string number {@code id}. */
  public byte[] bytes(int id) {
    return Arrays.copyOfRange(arena, starts[id], starts[id + 1]);
  }
}
