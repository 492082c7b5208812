package io.deadair.common.cube;

import java.util.Arrays;

/**
 * Numbers distinct keys of two longs densely (0, 1, 2, ...) in the order they are first seen, so
 * that aggregates can live in plain arrays indexed by that number. Open addressing with linear
 * probing over a power-of-two table, kept at most half full; no boxing, no entry objects.
 */
public final class KeyIndex {

  private int[] table;
  private long[] first;
  private long[] second;
  private int size;
  private int mask;

  /** An index sized for about {@code expected} keys before it has to grow. */
  public KeyIndex(int expected) {
    int capacity = Integer.highestOneBit(Math.max(8, expected) * 2 - 1) * 2;
    table = new int[capacity];
    Arrays.fill(table, -1);
    mask = capacity - 1;
    first = new long[Math.max(8, expected)];
    second = new long[first.length];
  }

  /** The number of the key (a, b), given a new number if it was not seen before. */
  public int add(long a, long b) {
    int slot = (int) mix(a * 0x9E3779B97F4A7C15L + b) & mask;
    while (true) {
      int id = table[slot];
      if (id < 0) {
        return insert(slot, a, b);
      }
      if (first[id] == a && second[id] == b) {
        return id;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** The number of the key (a, b), or -1 when it was never added. */
  public int find(long a, long b) {
    int slot = (int) mix(a * 0x9E3779B97F4A7C15L + b) & mask;
    while (true) {
      int id = table[slot];
      if (id < 0) {
        return -1;
      }
      if (first[id] == a && second[id] == b) {
        return id;
      }
      slot = (slot + 1) & mask;
    }
  }

  private int insert(int slot, long a, long b) {
    int id = size++;
    if (id == first.length) {
      first = Arrays.copyOf(first, id * 2);
      second = Arrays.copyOf(second, id * 2);
    }
    first[id] = a;
    second[id] = b;
    table[slot] = id;
    if (size * 2 > table.length) {
      rehash(table.length * 2);
    }
    return id;
  }

  private void rehash(int capacity) {
    table = new int[capacity];
    Arrays.fill(table, -1);
    mask = capacity - 1;
    for (int id = 0; id < size; id++) {
      int slot = (int) mix(first[id] * 0x9E3779B97F4A7C15L + second[id]) & mask;
      while (table[slot] >= 0) {
        slot = (slot + 1) & mask;
      }
      table[slot] = id;
    }
  }

  /** The Murmur3 64-bit finaliser: spreads every input bit over the low bits used as a slot. */
  static long mix(long x) {
    x ^= x >>> 33;
    x *= 0xff51afd7ed558ccdL;
    x ^= x >>> 33;
    x *= 0xc4ceb9fe1a85ec53L;
    return x ^ (x >>> 33);
  }

  /** How many distinct keys there are; their numbers are 0 to size - 1. */
  public int size() {
    return size;
  }

  /** The first long of key number {@code id}. */
  public long first(int id) {
    return first[id];
  }

  /** The second long of key number {@code id}. */
  public long second(int id) {
    return second[id];
  }
}
