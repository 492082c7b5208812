package io.deadair.common.detect;

import io.deadair.common.cube.CubeCodes;
import io.deadair.common.cube.ServiceBuckets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The fine service series laid on one grid: per (country, platform) part, plays in every bucket
 * from UTC midnight of the first day with plays to the end of the last, so that bucket {@code t}
 * is slot {@code t % slotsPerDay()} of day {@code t / slotsPerDay()}. Buckets before the first
 * play and after the last are outside the data ({@link #inData}).
 */
public final class ServiceSeries {

  /** One part of the service: a country (null when the input gives none) and a platform. */
  public record Part(String country, String platform) {}

  private final int stepMinutes;
  private final long firstMinute;
  private final int firstInData;
  private final int endInData;
  private final List<Part> parts;
  private final double[][] plays;

  private ServiceSeries(int stepMinutes, long firstMinute, int firstInData, int endInData,
      List<Part> parts, double[][] plays) {
    this.stepMinutes = stepMinutes;
    this.firstMinute = firstMinute;
    this.firstInData = firstInData;
    this.endInData = endInData;
    this.parts = List.copyOf(parts);
    this.plays = plays;
  }

  /**
   * Lays {@code buckets} on a grid of {@code stepMinutes}-minute buckets (a divisor of a day);
   * a cell whose start is not on the grid counts in the bucket it starts in. Empty when there
   * are no plays.
   */
  public static ServiceSeries of(ServiceBuckets buckets, int stepMinutes) {
    if (1440 % stepMinutes != 0) {
      throw new IllegalArgumentException("a bucket must divide a day, not " + stepMinutes);
    }
    long[] range = {Long.MAX_VALUE, Long.MIN_VALUE};
    Map<Part, Integer> index = new HashMap<>();
    List<Part> parts = new ArrayList<>();
    buckets.forEach(c -> {
      range[0] = Math.min(range[0], c.startMinute());
      range[1] = Math.max(range[1], c.startMinute());
      index.computeIfAbsent(new Part(CubeCodes.COUNTRIES.get(c.country()), c.platform()), p -> {
        parts.add(p);
        return parts.size() - 1;
      });
    });
    if (parts.isEmpty()) {
      return new ServiceSeries(stepMinutes, 0, 0, 0, List.of(), new double[0][0]);
    }
    long first = Math.floorDiv(range[0], 1440) * 1440;
    int length = (int) ((Math.floorDiv(range[1], 1440) + 1) * 1440 - first) / stepMinutes;
    double[][] plays = new double[parts.size()][length];
    buckets.forEach(c -> {
      int part = index.get(new Part(CubeCodes.COUNTRIES.get(c.country()), c.platform()));
      plays[part][(int) ((c.startMinute() - first) / stepMinutes)] += c.plays();
    });
    int firstIn = (int) ((range[0] - first) / stepMinutes);
    int endIn = (int) ((range[1] - first) / stepMinutes) + 1;
    return new ServiceSeries(stepMinutes, first, firstIn, endIn, parts, plays);
  }

  /** A series with no part, for a detection that did not search. */
  public static ServiceSeries none() {
    return new ServiceSeries(60, 0, 0, 0, List.of(), new double[0][0]);
  }

  public int stepMinutes() {
    return stepMinutes;
  }

  public int slotsPerDay() {
    return 1440 / stepMinutes;
  }

  /** How many buckets the grid has. */
  public int length() {
    return parts.isEmpty() ? 0 : plays[0].length;
  }

  public boolean isEmpty() {
    return parts.isEmpty();
  }

  /** Whether bucket {@code t} lies between the first and the last bucket with plays. */
  public boolean inData(int t) {
    return t >= firstInData && t < endInData;
  }

  /** The start of bucket {@code t}. */
  public Instant start(int t) {
    return Instant.ofEpochSecond((firstMinute + (long) t * stepMinutes) * 60);
  }

  public List<Part> parts() {
    return parts;
  }

  /** The plays of one part, bucket by bucket (the series itself, not a copy). */
  public double[] plays(int part) {
    return plays[part];
  }

  /** The plays of the parts {@code chosen} accepts, summed bucket by bucket. */
  public double[] sum(IntPredicate chosen) {
    double[] out = new double[length()];
    for (int p = 0; p < parts.size(); p++) {
      if (chosen.test(p)) {
        double[] s = plays[p];
        for (int t = 0; t < out.length; t++) {
          out[t] += s[t];
        }
      }
    }
    return out;
  }

  /** Every play of one part. */
  public double total(int part) {
    double sum = 0;
    for (double v : plays[part]) {
      sum += v;
    }
    return sum;
  }
}
