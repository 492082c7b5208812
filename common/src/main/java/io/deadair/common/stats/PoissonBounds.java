package io.deadair.common.stats;

import org.apache.commons.math3.distribution.GammaDistribution;

/** Exact (Garwood) confidence bounds for the mean of a Poisson count. */
public final class PoissonBounds {

  private PoissonBounds() {}

  /** The lower bound of the two-sided interval at {@code confidence} for an observed count. */
  public static double lower(long count, double confidence) {
    if (count == 0) {
      return 0;
    }
    double alpha = 1 - confidence;
    return chiSquared(2.0 * count).inverseCumulativeProbability(alpha / 2) / 2;
  }

  /** The upper bound of the two-sided interval at {@code confidence} for an observed count. */
  public static double upper(long count, double confidence) {
    double alpha = 1 - confidence;
    return chiSquared(2.0 * count + 2).inverseCumulativeProbability(1 - alpha / 2) / 2;
  }

  /**
   * The chi-squared distribution with {@code dof} degrees of freedom, as the gamma distribution
   * it is (shape dof / 2, scale 2), built without a random generator: ChiSquaredDistribution
   * seeds a new one for its inner gamma whatever it is given, which costs more than the quantile.
   */
  private static GammaDistribution chiSquared(double dof) {
    return new GammaDistribution(null, dof / 2, 2);
  }
}
