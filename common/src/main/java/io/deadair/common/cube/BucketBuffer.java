package io.deadair.common.cube;

/**
 * The service cells of the one bucket the pass is in, in a plain array by (country, platform),
 * added to the table only when the pass moves to another bucket. Play files are written in time
 * order, so most plays cost an array increment instead of a hash lookup; out of order they cost
 * a flush of one cell, no more than the lookup. Counts are whole numbers, so the sums are exact
 * in any order.
 */
final class BucketBuffer {

  /** Platform codes below this are buffered; others (rare) go to the table directly. */
  private static final int PLATFORMS = 16;

  private final int countries = CubeCodes.COUNTRIES.size();
  private final double[] plays = new double[countries * PLATFORMS];
  private final boolean[] touched = new boolean[plays.length];
  private final int[] order = new int[plays.length];
  private int count;
  private long bucket = Long.MIN_VALUE;

  static long key(int country, int platform) {
    return ((long) country << 32) | platform;
  }

  void add(PairTable table, int country, int platform, long startMinute, double v) {
    if (platform >= PLATFORMS || country >= countries) {
      table.add(key(country, platform), startMinute, 0, v);
      return;
    }
    if (startMinute != bucket) {
      flush(table);
      bucket = startMinute;
    }
    int i = country * PLATFORMS + platform;
    if (!touched[i]) {
      touched[i] = true;
      order[count++] = i;
    }
    plays[i] += v;
  }

  /** Adds the open bucket's cells to {@code table} and empties it. */
  void flush(PairTable table) {
    for (int k = 0; k < count; k++) {
      int i = order[k];
      table.add(key(i / PLATFORMS, i % PLATFORMS), bucket, 0, plays[i]);
      plays[i] = 0;
      touched[i] = false;
    }
    count = 0;
  }
}
