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
 * @param groupSums per service group (see {@link OutageModel#groupKey}): sums of plays over the
 *     recent window (observed), the window and the recovery window (counterfactual)
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
    Map<Integer, double[]> groupSums)
    implements Serializable {

  public static final int RECENT = 0;
  public static final int WINDOW = 1;
  public static final int AFTER = 2;

  /** First hour of the recent-level window for plays of a country (by index). */
  public long recentStart(int country) {
    return country >= 0 && country < recentStarts.length ? recentStarts[country] : recentStart;
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
