package io.deadair.common.model;

import java.io.Serializable;
import java.util.Map;

/**
 * One window the estimator predicts: a declared outage, or a placebo window before it (same
 * scope, length and hour of day, on a quiet day) used to calibrate the intervals. Hours are epoch
 * hours; ranges are half-open.
 *
 * @param windowId outage id, or outage id + "#p" + days back for a placebo
 * @param outageId the outage it belongs to
 * @param placeboDaysBack 0 for the outage itself
 * @param start first hour of the window
 * @param end hour after the last
 * @param recentStart first hour of the recent-level window of any country (the window ends at
 *     {@code start})
 * @param recentStarts per country index, the first hour of that country's recent-level window:
 *     its local midnight on the day of {@code start}, or earlier to keep a minimum length
 * @param afterEnd hour after the recovery window (which starts at {@code end}); equals end for
 *     placebos
 * @param dayStart first hour of the service-day level's window ({@link LevelReadings}): UTC
 *     midnight of the day {@code start} falls on, or earlier to keep the minimum length
 * @param split the first UTC midnight inside the window, or {@code end} when it crosses none
 * @param bothDays per country index, {first hour, hour after the last} of the in-scope
 *     listeners' local date at {@code start} in that country's clock: the day the level read on
 *     both days belongs to ({@link #onBothDay})
 * @param groupSums per service group (see {@link OutageModel#groupKey}): sums of plays over the
 *     recent window (observed), the window and the recovery window (counterfactual), the
 *     service-day recent window (observed), the window's hours from {@code split}, and the
 *     recent hours on both the listeners' and the service's day (observed), and the window's hours
 *     on both days before and from {@code split}
 */
public record WindowSpec(
    String windowId,
    String outageId,
    int placeboDaysBack,
    long start,
    long end,
    long recentStart,
    long[] recentStarts,
    long afterEnd,
    long dayStart,
    long split,
    long[][] bothDays,
    Map<Integer, double[]> groupSums)
    implements Serializable {

  public static final int RECENT = 0;
  public static final int WINDOW = 1;
  public static final int AFTER = 2;
  public static final int DAY_RECENT = 3;
  public static final int LATE = 4;
  public static final int BOTH_RECENT = 5;
  public static final int BOTH_WINDOW = 6;
  public static final int BOTH_LATE = 7;
  static final int PARTS = 8;

  /**
   * The service-day level's window before hour {@code start}: from its UTC midnight, but at least
   * {@code minHours} long.
   */
  public static long dayStart(long start, int minHours) {
    return Math.min(Math.floorDiv(start, 24) * 24, start - minHours);
  }

  /** The first UTC midnight after {@code start} and before {@code end}, else {@code end}. */
  public static long split(long start, long end) {
    return Math.min(end, (Math.floorDiv(start, 24) + 1) * 24);
  }

  /** The earliest hour any level window (listeners' day or service day) reads. */
  public long earliest() {
    return Math.min(recentStart, dayStart);
  }

  /** First hour of the recent-level window for plays of a country (by index). */
  public long recentStart(int country) {
    return country >= 0 && country < recentStarts.length ? recentStarts[country] : recentStart;
  }

  /**
   * Whether hour {@code h} of a country (by index) counts toward the level read on both days: it
   * falls on the service's day of the window or later ({@code dayStart} on), and on the same local
   * date as the window's in-scope listeners. Plays of a country already on the next local date
   * (or still on the last) carry another day's popularity.
   */
  public boolean onBothDay(int country, long h) {
    return onBothDay(bothDays, dayStart, country, h);
  }

  static boolean onBothDay(long[][] bothDays, long dayStart, int country, long h) {
    if (country < 0 || country >= bothDays[0].length) {
      return h >= dayStart;
    }
    return h >= Math.max(dayStart, bothDays[0][country]) && h < bothDays[1][country];
  }

  public boolean isPlacebo() {
    return placeboDaysBack > 0;
  }

  /** The in-scope groups' counterfactual totals: {in the window, in the recovery window}. */
  public double[] inScopeTotals() {
    double[] t = new double[2];
    groupSums.forEach((g, v) -> {
      if (OutageModel.inScope(g)) {
        t[0] += v[WINDOW];
        t[1] += v[AFTER];
      }
    });
    return t;
  }

  public double sum(int group, int part) {
    double[] s = groupSums.get(group);
    return s == null ? 0 : s[part];
  }
}
