package io.deadair.common.stats;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/** Exact (Garwood) confidence bounds for the mean of a Poisson count. */
public final class PoissonBounds {

  private PoissonBounds() {}

  /** The lower bound of the two-sided interval at {@code confidence} for an observed count. */
  public static double lower(long count, double confidence) {
    if (count == 0) {
      return 0;
    }
    double alpha = 1 - confidence;
    // No random generator: building one per call costs more than the quantile itself.
    return new ChiSquaredDistribution(null, 2.0 * count).inverseCumulativeProbability(alpha / 2)
        / 2;
  }

  /** The upper bound of the two-sided interval at {@code confidence} for an observed count. */
  public static double upper(long count, double confidence) {
    double alpha = 1 - confidence;
    return new ChiSquaredDistribution(null, 2.0 * count + 2)
        .inverseCumulativeProbability(1 - alpha / 2) / 2;
  }
}
