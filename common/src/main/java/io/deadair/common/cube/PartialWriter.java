package io.deadair.common.cube;

import java.util.Arrays;

/**
 * Writes a cube as one partial per artist bucket. A partial starts with its own small
 * dictionaries (the artists of the bucket, and the platforms, tracks and listeners its cells
 * name) and the number of cells of each part, then the cells, in variable-length integers. Each
 * part's entries are first ordered by bucket, so that every bucket is written in one go and its
 * dictionaries are plain arrays indexed by the cube's codes.
 */
final class PartialWriter {

  private final CubeAggregate cube;
  private final int buckets;
  private final int[] bucketOf;
  private final Dictionary artists;
  private final Dictionary platforms;
  private final Dictionary tracks;
  private final Dictionary users;

  PartialWriter(CubeAggregate cube, int buckets) {
    this.cube = cube;
    this.buckets = buckets;
    int n = cube.artists().size();
    bucketOf = new int[n];
    for (int a = 0; a < n; a++) {
      bucketOf[a] = cube.artists().bucket(a, buckets);
    }
    artists = new Dictionary(n);
    platforms = new Dictionary(cube.platforms().size() + 1);
    tracks = new Dictionary(cube.tracks().size() + 1);
    users = new Dictionary(cube.users().size() + 1);
  }

  /**
   * The codes of one bucket's dictionary: entry numbers in the order codes come up, from an
   * array indexed by code that a stamp marks as belonging to the current bucket (so it is never
   * cleared between buckets).
   */
  private static final class Dictionary {
    private final int[] local;
    private final int[] stamp;
    private int[] order = new int[64];
    private int count;
    private int bucket = -1;

    Dictionary(int codes) {
      local = new int[codes];
      stamp = new int[codes];
    }

    void start(int b) {
      bucket = b;
      count = 0;
    }

    /** The entry number of {@code code} in the current bucket's dictionary. */
    int local(int code) {
      if (stamp[code] != bucket + 1) {
        stamp[code] = bucket + 1;
        local[code] = count;
        if (count == order.length) {
          order = Arrays.copyOf(order, count * 2);
        }
        order[count++] = code;
      }
      return local[code];
    }

    /** 1 + the entry number, with 0 kept for none (code 0). */
    int localOrNone(int code) {
      return code == 0 ? 0 : 1 + local(code);
    }

    /** Writes the bucket's dictionary: its size, then each value's bytes. */
    void writeTo(BytesIndex values, int offset, ByteSink out) {
      out.writeVarLong(count);
      for (int i = 0; i < count; i++) {
        values.writeTo(order[i] - offset, out);
      }
    }
  }

  byte[][] write() {
    int[][] hourly = byBucket(cube.hourly(), true);
    int[][] slots = byBucket(cube.slots(), false);
    int[][] listeners = byBucket(cube.listeners(), false);
    int[][] trackDays = byBucket(cube.trackDays(), true);
    byte[][] partials = new byte[buckets][];
    for (int b = 0; b < buckets; b++) {
      if (hourly[b].length + slots[b].length + listeners[b].length + trackDays[b].length > 0) {
        partials[b] = partial(b, hourly[b], slots[b], listeners[b], trackDays[b]);
      }
    }
    return partials;
  }

  /** Bucket {@code b}'s partial: its dictionaries and cell counts, then its cells. */
  private byte[] partial(int b, int[] hourly, int[] slots, int[] listeners, int[] trackDays) {
    for (Dictionary d : new Dictionary[] {artists, platforms, tracks, users}) {
      d.start(b);
    }
    ByteSink cells = new ByteSink(1024);
    writeHourly(hourly, cells);
    writeSlots(slots, cells);
    writeListeners(listeners, cells);
    writeTrackDays(trackDays, cells);
    ByteSink head = new ByteSink(256 + cells.size());
    artists.writeTo(cube.artists(), 0, head);
    platforms.writeTo(cube.platforms(), 1, head);
    tracks.writeTo(cube.tracks(), 1, head);
    users.writeTo(cube.users(), 1, head);
    head.writeVarLong(hourly.length);
    head.writeVarLong(slots.length);
    head.writeVarLong(listeners.length);
    head.writeVarLong(trackDays.length);
    byte[] tail = cells.toByteArray();
    byte[] headBytes = head.toByteArray();
    byte[] out = Arrays.copyOf(headBytes, headBytes.length + tail.length);
    System.arraycopy(tail, 0, out, headBytes.length, tail.length);
    return out;
  }

  private void writeHourly(int[] entries, ByteSink cells) {
    PairTable hourly = cube.hourly();
    for (int p : entries) {
      long k1 = hourly.first(p);
      long k2 = hourly.second(p);
      cells.writeVarLong(artists.local((int) (k1 >>> 32)));
      cells.writeSignedVarLong((int) k1);
      cells.writeVarLong(k2 >>> 40);
      cells.writeVarLong(platforms.localOrNone((int) ((k2 >>> 8) & 0xFFFFFFFFL)));
      cells.writeVarLong(k2 & 0xFF);
      cells.writeAmount(hourly.doubleAt(p, 0));
    }
  }

  private void writeSlots(int[] entries, ByteSink cells) {
    PairTable slots = cube.slots();
    for (int p : entries) {
      cells.writeVarLong(artists.local((int) slots.first(p)));
      cells.writeVarLong(slots.second(p));
      for (int part = 0; part < 4; part++) {
        cells.writeAmount(slots.doubleAt(p, part));
      }
    }
  }

  private void writeListeners(int[] entries, ByteSink cells) {
    PairTable listeners = cube.listeners();
    long[] masks = listeners.values();
    int words = cube.words();
    for (int p : entries) {
      cells.writeVarLong(artists.local((int) listeners.first(p)));
      cells.writeVarLong(users.localOrNone(1 + (int) listeners.second(p)));
      for (int w = 0; w < words; w++) {
        cells.writeVarLong(masks[p + w]);
      }
    }
  }

  private void writeTrackDays(int[] entries, ByteSink cells) {
    PairTable trackDays = cube.trackDays();
    for (int p : entries) {
      long k1 = trackDays.first(p);
      cells.writeVarLong(artists.local((int) (k1 >>> 32)));
      cells.writeVarLong(tracks.localOrNone((int) k1));
      cells.writeSignedVarLong(trackDays.second(p));
      cells.writeAmount(trackDays.doubleAt(p, 0));
    }
  }

  /** The positions of a part's entries, per bucket, in table order (a counting sort). */
  private int[][] byBucket(PairTable table, boolean packed) {
    int[] entries = table.entries();
    int[] count = new int[buckets];
    int[] bucket = new int[entries.length];
    for (int i = 0; i < entries.length; i++) {
      long k = table.first(entries[i]);
      bucket[i] = bucketOf[(int) (packed ? k >>> 32 : k)];
      count[bucket[i]]++;
    }
    int[][] out = new int[buckets][];
    for (int b = 0; b < buckets; b++) {
      out[b] = new int[count[b]];
      count[b] = 0;
    }
    for (int i = 0; i < entries.length; i++) {
      out[bucket[i]][count[bucket[i]]++] = entries[i];
    }
    return out;
  }
}
