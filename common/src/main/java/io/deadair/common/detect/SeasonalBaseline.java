package io.deadair.common.detect;

import java.util.Arrays;

/**
 * What a series of counts should have held in each bucket, learned without that bucket: a
 * time-of-day shape, times a day-of-the-week factor, times a level.
 *
 * <ul>
 *   <li>The shape of slot {@code s} is the mean, over the other days of the same kind (working
 *       days, or the weekend: people wake later), of their count in slot {@code s} divided by
 *       their level and weekday factor. On the day clocks change it is the
 *       lower of the two slots a bucket may follow ({@link DayClock}): a drop must be one on
 *       either clock.
 *   <li>The factor of a weekday is the other days of that weekday: their counts over their
 *       level and shape. A weekend that starts at local midnight is a step a smooth level could
 *       only follow hours late.
 *   <li>The level of a bucket is the counts over the shape's and factor's in the 24 hours
 *       around it, leaving out the hour on either side of it: it drifts without a step at a
 *       midnight that would be wrong for a country of several zones, and a short drop does not
 *       lower its own expectation.
 * </ul>
 *
 * <p>Masked buckets (outside the data, or already found to hold an outage or its rebound)
 * teach nothing, so a long outage, once found, cannot hide in its own level either.
 *
 * <p>The dispersion is how much more the counts scatter around the expectation than Poisson
 * counts would: the mean squared Pearson residual, at the bucket and at the hour, whichever is
 * larger, and never below 1. The hourly one catches misfit that lasts, which a scan summing
 * buckets would otherwise take for a drop.
 */
public final class SeasonalBaseline {

  /** Residuals beyond this many squared standard deviations count as this many (winsorised). */
  private static final double CAP = 25;
  private static final int ROUNDS = 3;
  /** Other days of a kind (working days, weekend days) its own shape needs. */
  static final int MIN_DAYS_OF_KIND = 3;

  /** The expectation of every bucket (0 where it cannot be learned) and the dispersion. */
  public record Fit(double[] expected, double dispersion) {}

  private SeasonalBaseline() {}

  /**
   * Fits {@code counts}, whose buckets fall in days and slots as {@code clock} says, ignoring
   * the buckets {@code masked} marks; {@code hourBuckets} buckets make an hour.
   */
  public static Fit fit(double[] counts, boolean[] masked, DayClock clock, int hourBuckets) {
    int n = counts.length;
    double[] shape = ones(n);
    double[] week = ones(n);
    double[] level = level(counts, masked, shape, clock.slots(), hourBuckets);
    for (int round = 0; round < ROUNDS; round++) {
      shape = shape(counts, masked, clock, times(level, week));
      week = weekdays(counts, masked, clock, times(level, shape));
      level = level(counts, masked, times(shape, week), clock.slots(), hourBuckets);
    }
    double[] expected = times(times(level, shape), week);
    double dispersion = Math.max(1, Math.max(dispersion(counts, expected, masked, 1),
        dispersion(counts, expected, masked, hourBuckets)));
    return new Fit(expected, dispersion);
  }

  private static double[] ones(int n) {
    double[] out = new double[n];
    Arrays.fill(out, 1);
    return out;
  }

  private static double[] times(double[] a, double[] b) {
    double[] out = new double[a.length];
    for (int t = 0; t < out.length; t++) {
      out[t] = a[t] * b[t];
    }
    return out;
  }

  /**
   * Per bucket, its day of the week's factor, learned from the other days of that weekday:
   * their counts over {@code fitted} (the level times the shape). A weekend that starts at
   * local midnight is a step the 24-hour level could only follow hours late.
   */
  private static double[] weekdays(double[] counts, boolean[] masked, DayClock clock,
      double[] fitted) {
    double[] dayY = new double[clock.days()];
    double[] dayE = new double[clock.days()];
    int[] dayOfWeek = new int[clock.days()];
    double[] weekY = new double[7];
    double[] weekE = new double[7];
    for (int t = 0; t < counts.length; t++) {
      int d = clock.day()[t];
      dayOfWeek[d] = clock.weekday()[t];
      if (!masked[t]) {
        dayY[d] += counts[t];
        dayE[d] += fitted[t];
        weekY[clock.weekday()[t]] += counts[t];
        weekE[clock.weekday()[t]] += fitted[t];
      }
    }
    double[] out = new double[counts.length];
    for (int t = 0; t < counts.length; t++) {
      int d = clock.day()[t];
      int w = dayOfWeek[d];
      double e = weekE[w] - dayE[d];
      out[t] = e > 0 && weekY[w] - dayY[d] > 0 ? (weekY[w] - dayY[d]) / e : 1;
    }
    return out;
  }

  /**
   * Per bucket, the leave-its-day-out mean of the other days' counts over their level in its
   * slot, over the days of its kind (working days, or Saturday and Sunday) when at least
   * {@link #MIN_DAYS_OF_KIND} others are of that kind, else over every other day (the lower of
   * its two slots on a day the clocks change).
   */
  private static double[] shape(double[] counts, boolean[] masked, DayClock clock,
      double[] level) {
    int slots = clock.slots();
    double[][] total = new double[2][slots];
    int[][] n = new int[2][slots];
    double[][] own = new double[clock.days()][slots];
    int[][] ownN = new int[clock.days()][slots];
    int[] kind = new int[clock.days()];
    for (int t = 0; t < counts.length; t++) {
      int d = clock.day()[t];
      int s = clock.slot()[t];
      kind[d] = clock.weekday()[t] >= 5 ? 1 : 0;
      if (!masked[t] && level[t] > 0) {
        total[kind[d]][s] += counts[t] / level[t];
        n[kind[d]][s]++;
        own[d][s] += counts[t] / level[t];
        ownN[d][s]++;
      }
    }
    double[] out = new double[counts.length];
    for (int t = 0; t < counts.length; t++) {
      int d = clock.day()[t];
      out[t] = Math.min(slotMean(total, n, kind[d], own[d], ownN[d], clock.slot()[t]),
          slotMean(total, n, kind[d], own[d], ownN[d], clock.otherSlot()[t]));
    }
    return out;
  }

  /** The mean of slot {@code s} over the other days of {@code kind}, or of every kind. */
  private static double slotMean(double[][] total, int[][] n, int kind, double[] own,
      int[] ownN, int s) {
    int others = n[kind][s] - ownN[s];
    if (others >= MIN_DAYS_OF_KIND) {
      return (total[kind][s] - own[s]) / others;
    }
    int all = n[0][s] + n[1][s] - ownN[s];
    return all == 0 ? 0 : (total[0][s] + total[1][s] - own[s]) / all;
  }

  /**
   * Per bucket, the unmasked counts over the unmasked shape in the {@code window} buckets
   * around it, less the hour on either side of it.
   */
  private static double[] level(double[] counts, boolean[] masked, double[] shape, int window,
      int hourBuckets) {
    int n = counts.length;
    double[] cy = new double[n + 1];
    double[] cs = new double[n + 1];
    for (int t = 0; t < n; t++) {
      cy[t + 1] = cy[t] + (masked[t] ? 0 : counts[t]);
      cs[t + 1] = cs[t] + (masked[t] ? 0 : shape[t]);
    }
    double[] out = new double[n];
    int half = window / 2;
    for (int t = 0; t < n; t++) {
      // Near either end of the series the window keeps its length, moved inside it.
      int a = Math.max(0, Math.min(t - half, n - window - 1));
      int b = Math.min(n, a + window + 1);
      int c = Math.max(a, t - hourBuckets);
      int d = Math.min(b, t + hourBuckets + 1);
      double y = cy[b] - cy[a] - (cy[d] - cy[c]);
      double s = cs[b] - cs[a] - (cs[d] - cs[c]);
      out[t] = s > 0 ? y / s : 0;
    }
    return out;
  }

  /**
   * The mean squared Pearson residual over blocks of {@code width} buckets none of which is
   * masked, each block expecting at least one play; 1 when no block qualifies.
   */
  static double dispersion(double[] counts, double[] expected, boolean[] masked, int width) {
    double sum = 0;
    int n = 0;
    for (int b = 0; b + width <= counts.length; b += width) {
      double y = 0;
      double e = 0;
      boolean clean = true;
      for (int t = b; t < b + width && clean; t++) {
        clean = !masked[t];
        y += counts[t];
        e += expected[t];
      }
      if (clean && e >= 1) {
        sum += Math.min(CAP, (y - e) * (y - e) / e);
        n++;
      }
    }
    return n == 0 ? 1 : sum / n;
  }
}
