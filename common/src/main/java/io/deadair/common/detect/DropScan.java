package io.deadair.common.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds runs of buckets where a count series falls well below its expectation: a one-sided
 * CUSUM of the quasi-Poisson log-likelihood ratio of "plays fell by {@code drop}" against "plays
 * as expected". Each bucket adds {@code (y ln(1 - drop) + drop E) / dispersion}; the sum restarts
 * at zero whenever it would go below. A run is found when the sum reaches the threshold; it
 * starts after the sum last left zero and ends at its peak, where the drop stopped.
 */
public final class DropScan {

  /** Buckets {@code [start, end)} and the height of the CUSUM's peak. */
  public record Run(int start, int end, double score) {}

  private DropScan() {}

  /**
   * The runs of {@code counts} below {@code expected}, scanning only the buckets that are
   * {@code scanned}; a bucket not scanned restarts the sum.
   */
  public static List<Run> runs(double[] counts, double[] expected, boolean[] scanned,
      double dispersion, double drop, double threshold) {
    double logKeep = Math.log(1 - drop);
    List<Run> out = new ArrayList<>();
    double sum = 0;
    int start = -1;
    double peak = 0;
    int peakEnd = -1;
    for (int t = 0; t <= counts.length; t++) {
      boolean open = t < counts.length && scanned[t] && expected[t] > 0;
      double next = open ? sum + (counts[t] * logKeep + drop * expected[t]) / dispersion : 0;
      if (next <= 0) {
        if (peak >= threshold) {
          out.add(new Run(start, peakEnd, peak));
        }
        sum = 0;
        peak = 0;
        start = -1;
        continue;
      }
      if (start < 0) {
        start = t;
      }
      sum = next;
      if (sum > peak) {
        peak = sum;
        peakEnd = t + 1;
      }
    }
    return out;
  }

  /**
   * The generalised log-likelihood ratio of a drop over buckets {@code [start, end)}, with the
   * drop set to the one observed: {@code (Y ln(Y / E) - Y + E) / dispersion} when fewer plays
   * came than expected, else 0.
   */
  public static double score(double observed, double expected, double dispersion) {
    if (observed >= expected || expected <= 0) {
      return 0;
    }
    double yLogY = observed > 0 ? observed * Math.log(observed / expected) : 0;
    return (yLogY - observed + expected) / dispersion;
  }
}
