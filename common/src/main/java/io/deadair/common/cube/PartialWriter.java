package io.deadair.common.cube;

import java.util.Arrays;

/**
 * Writes a cube as one partial per artist bucket. A partial starts with its own small
 * dictionaries (the artists of the bucket, and the platforms and tracks its cells name) and the
 * number of cells of each part, then the cells, in variable-length integers.
 */
final class PartialWriter {

  private final CubeAggregate cube;
  private final int buckets;
  private final int[] bucketOf;
  private final int[] localArtist;
  private final int[][] artistOrder;
  private final int[] artistCount;
  private final BucketDictionary platforms;
  private final BucketDictionary tracks;
  private final ByteSink[] cells;
  private final int[][] sectionCounts;

  PartialWriter(CubeAggregate cube, int buckets) {
    this.cube = cube;
    this.buckets = buckets;
    int artists = cube.artists().size();
    bucketOf = new int[artists];
    localArtist = new int[artists];
    Arrays.fill(localArtist, -1);
    for (int a = 0; a < artists; a++) {
      bucketOf[a] = cube.artists().bucket(a, buckets);
    }
    artistOrder = new int[buckets][];
    artistCount = new int[buckets];
    platforms = new BucketDictionary(buckets, 64);
    tracks = new BucketDictionary(buckets, Math.min(cube.tracks().size(), 1 << 20));
    cells = new ByteSink[buckets];
    sectionCounts = new int[buckets][4];
  }

  byte[][] write() {
    PairTable hourly = cube.hourly();
    for (int p : hourly.entries()) {
      long k1 = hourly.first(p);
      long k2 = hourly.second(p);
      int b = bucketOf[(int) (k1 >>> 32)];
      ByteSink out = start(b, 0);
      out.writeVarLong(artist((int) (k1 >>> 32), b));
      out.writeSignedVarLong((int) k1);
      out.writeVarLong(k2 >>> 40);
      out.writeVarLong(platforms.local((int) ((k2 >>> 8) & 0xFFFFFFFFL), b));
      out.writeVarLong(k2 & 0xFF);
      out.writeAmount(hourly.doubleAt(p, 0));
    }
    PairTable slots = cube.slots();
    for (int p : slots.entries()) {
      int a = (int) slots.first(p);
      int b = bucketOf[a];
      ByteSink out = start(b, 1);
      out.writeVarLong(artist(a, b));
      out.writeVarLong(slots.second(p));
      for (int part = 0; part < 4; part++) {
        out.writeAmount(slots.doubleAt(p, part));
      }
    }
    PairTable listeners = cube.listeners();
    long[] masks = listeners.values();
    for (int p : listeners.entries()) {
      int a = (int) listeners.first(p);
      int b = bucketOf[a];
      ByteSink out = start(b, 2);
      out.writeVarLong(artist(a, b));
      cube.users().writeTo((int) listeners.second(p), out);
      for (int w = 0; w < cube.words(); w++) {
        out.writeVarLong(masks[p + w]);
      }
    }
    PairTable trackDays = cube.trackDays();
    for (int p : trackDays.entries()) {
      long k1 = trackDays.first(p);
      int a = (int) (k1 >>> 32);
      int b = bucketOf[a];
      ByteSink out = start(b, 3);
      out.writeVarLong(artist(a, b));
      out.writeVarLong(tracks.local((int) k1, b));
      out.writeSignedVarLong(trackDays.second(p));
      out.writeAmount(trackDays.doubleAt(p, 0));
    }
    byte[][] partials = new byte[buckets][];
    for (int b = 0; b < buckets; b++) {
      if (cells[b] != null) {
        partials[b] = assemble(b);
      }
    }
    return partials;
  }

  private ByteSink start(int bucket, int section) {
    if (cells[bucket] == null) {
      cells[bucket] = new ByteSink(1024);
    }
    sectionCounts[bucket][section]++;
    return cells[bucket];
  }

  private byte[] assemble(int b) {
    ByteSink head = new ByteSink(256 + cells[b].size());
    head.writeVarLong(artistCount[b]);
    for (int i = 0; i < artistCount[b]; i++) {
      cube.artists().writeTo(artistOrder[b][i], head);
    }
    platforms.writeTo(b, cube.platforms(), head);
    tracks.writeTo(b, cube.tracks(), head);
    for (int section = 0; section < 4; section++) {
      head.writeVarLong(sectionCounts[b][section]);
    }
    byte[] tail = cells[b].toByteArray();
    byte[] headBytes = head.toByteArray();
    byte[] out = Arrays.copyOf(headBytes, headBytes.length + tail.length);
    System.arraycopy(tail, 0, out, headBytes.length, tail.length);
    return out;
  }

  /** The artist's number in its bucket's dictionary. */
  private int artist(int code, int b) {
    int local = localArtist[code];
    if (local < 0) {
      local = artistCount[b]++;
      localArtist[code] = local;
      artistOrder[b] = append(artistOrder[b], local, code);
    }
    return local;
  }

  /**
   * Per bucket, the platforms (or tracks) its cells name, numbered from 1 in the order they
   * come up; 0 is none.
   */
  private static final class BucketDictionary {
    private final KeyIndex ids;
    private int[] local = new int[64];
    private final int[][] order;
    private final int[] count;

    BucketDictionary(int buckets, int expected) {
      ids = new KeyIndex(Math.max(64, expected));
      order = new int[buckets][];
      count = new int[buckets];
    }

    /** 1 + the number in bucket {@code b} of the cube's code {@code code} (1 + its number). */
    int local(int code, int b) {
      if (code == 0) {
        return 0;
      }
      int id = ids.add(b, code);
      if (id == local.length) {
        local = Arrays.copyOf(local, id * 2);
      }
      if (local[id] == 0) {
        local[id] = 1 + count[b]++;
        order[b] = append(order[b], local[id] - 1, code);
      }
      return local[id];
    }

    /** Writes bucket {@code b}'s dictionary: its size, then each value's bytes. */
    void writeTo(int b, BytesIndex values, ByteSink out) {
      out.writeVarLong(count[b]);
      for (int i = 0; i < count[b]; i++) {
        values.writeTo(order[b][i] - 1, out);
      }
    }
  }

  private static int[] append(int[] array, int index, int value) {
    int[] a = array == null ? new int[16] : array;
    if (index == a.length) {
      a = Arrays.copyOf(a, a.length * 2);
    }
    a[index] = value;
    return a;
  }
}
