package io.deadair.common.stats;

/**
 * An artist's current level relative to its baseline share, shrunk toward 1 by a Gamma prior so
 * that sparse artists borrow strength from their segment instead of trusting a handful of plays.
 *
 * <p>With {@code observed} plays where the baseline share predicts {@code base}, and a prior
 * Gamma(k, k) on the level (mean 1, variance {@code tau2} = 1/k), the Poisson-Gamma posterior has
 * mean {@code (observed + k) / (base + k)} and variance {@code (observed + k) / (base + k)^2}.
 *
 * @param level the posterior mean level
 * @param variance its posterior variance
 */
public record LevelEstimate(double level, double variance) {

  /** The smallest prior variance used, so that k stays finite when artists barely drift. */
  public static final double MIN_TAU2 = 1e-3;

  public static LevelEstimate of(double observed, double base, double tau2) {
    if (observed < 0 || base < 0) {
      throw new IllegalArgumentException("Counts must be 0 or more: " + observed + ", " + base);
    }
    double k = 1 / Math.max(MIN_TAU2, tau2);
    double level = (observed + k) / (base + k);
    return new LevelEstimate(level, (observed + k) / ((base + k) * (base + k)));
  }

  /**
   * The level of the next day, read from {@code observed} plays where the baseline share predicts
   * {@code base}, with this level as the prior mean: popularity carries over from one day to the
   * next, and {@code tau2} bounds how far it moves. The posterior of the ratio of the new level to
   * this one, times this one; its variance adds this level's own.
   */
  public LevelEstimate then(double observed, double base, double tau2) {
    LevelEstimate ratio = of(observed, level * base, tau2);
    double l = level * ratio.level;
    double v = level * level * ratio.variance + ratio.level * ratio.level * variance
        + variance * ratio.variance;
    return new LevelEstimate(l, v);
  }

  /**
   * Expected plays in a window whose baseline-share prediction is {@code windowBase}, and the
   * standard deviation of the realised count around it: Poisson noise plus the level's own error.
   */
  public Prediction predict(double windowBase) {
    double expected = level * windowBase;
    return new Prediction(expected, Math.sqrt(expected + windowBase * windowBase * variance));
  }

  /** Expected plays and the standard deviation of the realised count. */
  public record Prediction(double expected, double sd) {}

  /**
   * Method-of-moments prior variance from (observed, base) pairs: the variance of observed/base
   * around 1 minus what Poisson noise alone explains, floored at {@link #MIN_TAU2}.
   */
  public static double priorVariance(double sumSquaredExcess, double sumInverseBase, long n) {
    if (n == 0) {
      return MIN_TAU2;
    }
    return Math.max(MIN_TAU2, (sumSquaredExcess - sumInverseBase) / n);
  }
}
