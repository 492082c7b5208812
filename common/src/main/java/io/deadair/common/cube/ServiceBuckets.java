package io.deadair.common.cube;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The whole service's plays per (country, platform, bucket) over every usable row of the input,
 * whether or not an outage's window needs its hour: the fine series outages are found in. Plays
 * fall in {@link #PLAY_MINUTES}-minute buckets; stream counts keep their own buckets, each under
 * its start. Platforms are numbered here (0 for none); cells live in a {@link PairTable}, so a
 * month of 5-minute cells costs tens of megabytes on the driver, not hundreds.
 */
public final class ServiceBuckets {

  /** The length of a play bucket. */
  public static final int PLAY_MINUTES = 5;

  private final PairTable cells = new PairTable(1, 1 << 10);
  private final List<String> platforms = new ArrayList<>(List.of(""));
  private final Map<String, Integer> platformCodes = new HashMap<>();

  /** One cell: a country code ({@link CubeCodes}), a platform or null, the bucket's start. */
  public record Cell(int country, String platform, long startMinute, double plays) {}

  /** The start, in minutes since the epoch, of the play bucket holding instant {@code micros}. */
  public static long playBucket(long micros) {
    long minute = Math.floorDiv(micros, 60_000_000L);
    return minute - Math.floorMod(minute, PLAY_MINUTES);
  }

  /** Adds plays of a (country, platform) part to the bucket starting at {@code startMinute}. */
  public void add(int country, String platform, long startMinute, double plays) {
    cells.add(key(country, platformCode(platform)), startMinute, 0, plays);
  }

  private static long key(int country, int platform) {
    return ((long) country << 32) | platform;
  }

  private int platformCode(String platform) {
    if (platform == null) {
      return 0;
    }
    return platformCodes.computeIfAbsent(platform, p -> {
      platforms.add(p);
      return platforms.size() - 1;
    });
  }

  /** Adds another part of the input's buckets. */
  public void merge(ServiceBuckets other) {
    int[] code = new int[other.platforms.size()];
    for (int i = 1; i < code.length; i++) {
      code[i] = platformCode(other.platforms.get(i));
    }
    PairTable o = other.cells;
    for (int p : o.entries()) {
      long k = o.first(p);
      cells.add(key((int) (k >>> 32), code[(int) k]), o.second(p), 0, o.doubleAt(p, 0));
    }
  }

  /** Every cell, in the order it was first seen. */
  public void forEach(Consumer<Cell> each) {
    for (int p : cells.entries()) {
      long k = cells.first(p);
      String platform = (int) k == 0 ? null : platforms.get((int) k);
      each.accept(new Cell((int) (k >>> 32), platform, cells.second(p), cells.doubleAt(p, 0)));
    }
  }

  public int size() {
    return cells.size();
  }

  /** The plays of every cell together. */
  public double total() {
    double sum = 0;
    for (int p : cells.entries()) {
      sum += cells.doubleAt(p, 0);
    }
    return sum;
  }

  void writeTo(ByteSink out) {
    out.writeVarLong(platforms.size() - 1);
    for (String p : platforms.subList(1, platforms.size())) {
      byte[] b = p.getBytes(StandardCharsets.UTF_8);
      out.writeBytes(b, 0, b.length);
    }
    out.writeVarLong(cells.size());
    for (int p : cells.entries()) {
      long k = cells.first(p);
      out.writeVarLong(k >>> 32);
      out.writeVarLong((int) k);
      out.writeSignedVarLong(cells.second(p));
      out.writeAmount(cells.doubleAt(p, 0));
    }
  }

  static ServiceBuckets readFrom(ByteSource in) {
    ServiceBuckets b = new ServiceBuckets();
    long np = in.readVarLong();
    for (long i = 0; i < np; i++) {
      int off = in.readBytesOffset();
      b.platformCode(new String(in.buffer(), off, in.lastLength(), StandardCharsets.UTF_8));
    }
    long n = in.readVarLong();
    for (long i = 0; i < n; i++) {
      int country = in.readVarInt();
      int platform = in.readVarInt();
      b.cells.add(key(country, platform), in.readSignedVarLong(), 0, in.readAmount());
    }
    return b;
  }
}
