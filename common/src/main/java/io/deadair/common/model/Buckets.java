package io.deadair.common.model;

import io.deadair.common.domain.OutageWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Pre-aggregated counts come in buckets (5 minutes to a day). A bucket that overlaps an outage
 * cannot be split into its part before, during and after the outage, so the outage is measured
 * over every bucket that overlaps it: its window is widened to their edges.
 */
public final class Buckets {

  /** The longest bucket the contract accepts. */
  public static final Duration MAX = Duration.ofDays(1);

  private Buckets() {}

  /** One bucket of the input: {@code [start, start + minutes)}. */
  public record Bucket(Instant start, int minutes) {
    public Instant end() {
      return start.plusSeconds(60L * minutes);
    }
  }

  /** The outage widened to the edges of the buckets that overlap it (unchanged if none do). */
  public static OutageWindow widen(OutageWindow o, List<Bucket> buckets) {
    Instant start = o.start();
    Instant end = o.end();
    for (Bucket b : buckets) {
      if (b.start().isBefore(o.end()) && b.end().isAfter(o.start())) {
        start = b.start().isBefore(start) ? b.start() : start;
        end = b.end().isAfter(end) ? b.end() : end;
      }
    }
    return start.equals(o.start()) && end.equals(o.end()) ? o : o.withWindow(start, end);
  }

  /** The longest bucket in whole hours (at least 1). */
  public static int longestHours(List<Bucket> buckets) {
    int minutes = buckets.stream().mapToInt(Bucket::minutes).max().orElse(60);
    return Math.max(1, (minutes + 59) / 60);
  }

  public static List<OutageWindow> widen(List<OutageWindow> outages, List<Bucket> buckets) {
    List<OutageWindow> out = new ArrayList<>();
    for (OutageWindow o : outages) {
      out.add(widen(o, buckets));
    }
    return out;
  }

  /**
   * The outages padded by the longest bucket on each side: every hour a widened window could
   * need, known before the counts are read.
   */
  public static List<OutageWindow> padded(List<OutageWindow> outages) {
    List<OutageWindow> out = new ArrayList<>();
    for (OutageWindow o : outages) {
      out.add(o.withWindow(o.start().minus(MAX), o.end().plus(MAX)));
    }
    return out;
  }
}
