package io.deadair.common.cube;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the pass learns about the whole input besides the artists' cells: rows by fate, the
 * service's plays per (country, platform, hour) for the service model and the checks against
 * the outages, and, for stream counts, the distinct buckets. Small; summed over every split.
 */
public final class PassTotals {

  /** A (country, platform, epoch hour) cell of the service series; platform may be null. */
  public record ServiceCell(int country, String platform, long hour) {}

  /** A distinct stream-count bucket: its start (epoch seconds) and length in minutes. */
  public record Bucket(long startSecond, int minutes) {}

  private long used;
  private long rejected;
  private long outside;
  /** Sorted, so that whatever reads it sums in the same order on every run. */
  private final Map<ServiceCell, Double> service = new TreeMap<>(Comparator
      .comparingInt(ServiceCell::country)
      .thenComparing(ServiceCell::platform, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparingLong(ServiceCell::hour));
  private ServiceBuckets fine = new ServiceBuckets();
  private final Map<Bucket, Boolean> buckets = new TreeMap<>(
      (x, y) -> x.startSecond != y.startSecond ? Long.compare(x.startSecond, y.startSecond)
          : Integer.compare(x.minutes, y.minutes));

  public void countRejected() {
    rejected++;
  }

  public void countOutside() {
    outside++;
  }

  public void addBucket(long startSecond, int minutes) {
    buckets.put(new Bucket(startSecond, minutes), Boolean.TRUE);
  }

  /** Adds a cube's used rows and its service series, before the cube is handed on. */
  public void absorb(CubeAggregate cube) {
    used += cube.usedRows();
    PairTable hourly = cube.hourly();
    String[] platforms = new String[cube.platforms().size() + 1];
    for (int p = 1; p < platforms.length; p++) {
      platforms[p] = cube.platforms().string(p - 1);
    }
    long firstHour = cube.layout().firstHour();
    // Summed per (country, platform, hour) in a table first: cells far outnumber service cells.
    PairTable sums = new PairTable(1, 1 << 12);
    for (int p : hourly.entries()) {
      long k1 = hourly.first(p);
      long k2 = hourly.second(p);
      sums.add(k2 >>> 8, (int) k1, 0, hourly.doubleAt(p, 0));
    }
    for (int p : sums.entries()) {
      long k = sums.first(p);
      ServiceCell cell = new ServiceCell((int) (k >>> 32), platforms[(int) (k & 0xFFFFFFFFL)],
          firstHour + (int) sums.second(p));
      service.merge(cell, sums.doubleAt(p, 0), Double::sum);
    }
    PairTable cells = cube.serviceBuckets();
    for (int p : cells.entries()) {
      long k = cells.first(p);
      fine.add((int) (k >>> 32), platforms[(int) (k & 0xFFFFFFFFL)], cells.second(p),
          cells.doubleAt(p, 0));
    }
  }

  /** Adds another split's totals. */
  public void merge(PassTotals other) {
    used += other.used;
    rejected += other.rejected;
    outside += other.outside;
    other.service.forEach((k, v) -> service.merge(k, v, Double::sum));
    fine.merge(other.fine);
    buckets.putAll(other.buckets);
  }

  public long used() {
    return used;
  }

  public long rejected() {
    return rejected;
  }

  public long outside() {
    return outside;
  }

  /** The rows read, by what became of them: used, rejected (unusable) and outside the windows. */
  public Map<String, Long> rowCounts() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("used", used);
    m.put("rejected", rejected);
    m.put("outside", outside);
    return m;
  }

  public Map<ServiceCell, Double> service() {
    return service;
  }

  /** The whole service's plays in fine buckets, over every usable row. */
  public ServiceBuckets fine() {
    return fine;
  }

  public List<Bucket> buckets() {
    return new ArrayList<>(buckets.keySet());
  }

  /** Writes the totals as bytes, to travel with the partial cubes. */
  public byte[] toBytes() {
    ByteSink out = new ByteSink(64 + 24 * service.size());
    out.writeVarLong(used);
    out.writeVarLong(rejected);
    out.writeVarLong(outside);
    out.writeVarLong(service.size());
    for (Map.Entry<ServiceCell, Double> e : service.entrySet()) {
      ServiceCell c = e.getKey();
      out.writeVarLong(c.country());
      byte[] p = c.platform() == null ? null
          : c.platform().getBytes(StandardCharsets.UTF_8);
      out.writeVarLong(p == null ? 0 : 1);
      if (p != null) {
        out.writeBytes(p, 0, p.length);
      }
      out.writeSignedVarLong(c.hour());
      out.writeAmount(e.getValue());
    }
    out.writeVarLong(buckets.size());
    for (Bucket b : buckets.keySet()) {
      out.writeSignedVarLong(b.startSecond());
      out.writeVarLong(b.minutes());
    }
    fine.writeTo(out);
    return out.toByteArray();
  }

  public static PassTotals fromBytes(byte[] bytes) {
    ByteSource in = new ByteSource(bytes);
    PassTotals t = new PassTotals();
    t.used = in.readVarLong();
    t.rejected = in.readVarLong();
    t.outside = in.readVarLong();
    long n = in.readVarLong();
    Map<String, String> interned = new HashMap<>();
    for (long i = 0; i < n; i++) {
      int country = in.readVarInt();
      String platform = null;
      if (in.readVarLong() == 1) {
        int off = in.readBytesOffset();
        String p = new String(in.buffer(), off, in.lastLength(),
            StandardCharsets.UTF_8);
        platform = interned.computeIfAbsent(p, k -> k);
      }
      long hour = in.readSignedVarLong();
      t.service.merge(new ServiceCell(country, platform, hour), in.readAmount(), Double::sum);
    }
    long nb = in.readVarLong();
    for (long i = 0; i < nb; i++) {
      t.addBucket(in.readSignedVarLong(), in.readVarInt());
    }
    t.fine = ServiceBuckets.readFrom(in);
    return t;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PassTotals t && used == t.used && rejected == t.rejected
        && outside == t.outside && service.equals(t.service) && buckets.equals(t.buckets);
  }

  @Override
  public int hashCode() {
    return Objects.hash(used, rejected, outside, service.size());
  }
}
