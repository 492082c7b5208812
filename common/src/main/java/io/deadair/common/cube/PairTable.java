package io.deadair.common.cube;

import java.util.Arrays;

/**
 * An aggregation table keyed by two longs, each entry holding a few long values (counts as
 * double bits, or bit masks) next to its key. Entries sit densely in the order they were first
 * seen; a small open-addressing index of entry numbers (linear probing, power-of-two, at most
 * half full) finds them. A lookup that misses the CPU caches costs two memory reads: the index
 * slot and the entry, whose keys and values share a cache line.
 */
public final class PairTable {

  private final int stride;
  private int[] index;
  private int mask;
  private long[] entries;
  private int size;

  /**
   * @param width values per entry
   * @param expected entries it should hold before it has to grow
   */
  public PairTable(int width, int expected) {
    this.stride = 2 + width;
    int n = Math.max(8, expected);
    index = new int[Integer.highestOneBit(n * 2 - 1) * 2];
    Arrays.fill(index, -1);
    mask = index.length - 1;
    entries = new long[n * stride];
  }

  private static int slot(long a, long b, int mask) {
    return (int) KeyIndex.mix(a * 0x9E3779B97F4A7C15L + b) & mask;
  }

  /**
   * The position of the entry (a, b) in {@link #values()}, made with zero values if it is new.
   * The array may be replaced when an entry is made: fetch it after this call.
   */
  public int entry(long a, long b) {
    int slot = slot(a, b, mask);
    while (true) {
      int id = index[slot];
      if (id < 0) {
        return insert(slot, a, b);
      }
      int p = id * stride;
      if (entries[p] == a && entries[p + 1] == b) {
        return p + 2;
      }
      slot = (slot + 1) & mask;
    }
  }

  private int insert(int slot, long a, long b) {
    int id = size++;
    int p = id * stride;
    if (p + stride > entries.length) {
      entries = Arrays.copyOf(entries, entries.length * 2);
    }
    entries[p] = a;
    entries[p + 1] = b;
    index[slot] = id;
    if (size * 2 > index.length) {
      rehash();
    }
    return p + 2;
  }

  private void rehash() {
    index = new int[index.length * 2];
    Arrays.fill(index, -1);
    mask = index.length - 1;
    for (int id = 0; id < size; id++) {
      int p = id * stride;
      int slot = slot(entries[p], entries[p + 1], mask);
      while (index[slot] >= 0) {
        slot = (slot + 1) & mask;
      }
      index[slot] = id;
    }
  }

  /** Adds {@code v} to value {@code k} (a double) of entry (a, b). */
  public void add(long a, long b, int k, double v) {
    int i = entry(a, b) + k;
    entries[i] = Double.doubleToRawLongBits(Double.longBitsToDouble(entries[i]) + v);
  }

  /** The backing array: at position p of an entry, its values p .. p + width - 1. */
  public long[] values() {
    return entries;
  }

  public int size() {
    return size;
  }

  /** The positions of every entry's first value, in the order entries were made. */
  public int[] entries() {
    int[] out = new int[size];
    for (int id = 0; id < size; id++) {
      out[id] = id * stride + 2;
    }
    return out;
  }

  /** The first key of the entry whose values start at {@code p}. */
  public long first(int p) {
    return entries[p - 2];
  }

  /** The second key of the entry whose values start at {@code p}. */
  public long second(int p) {
    return entries[p - 1];
  }

  /** Value {@code k} of the entry at {@code p}, as a double. */
  public double doubleAt(int p, int k) {
    return Double.longBitsToDouble(entries[p + k]);
  }
}
