package io.deadair.common.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class LevelEstimateTest {

  @Test
  void sparseArtistsAreShrunkTowardTheirBaselineShare() {
    LevelEstimate sparse = LevelEstimate.of(0, 1, 0.05);
    assertThat(sparse.level()).as("no play where one was expected, prior k = 20")
        .isCloseTo(20.0 / 21.0, within(1e-12));
    LevelEstimate busy = LevelEstimate.of(2_000, 1_000, 0.05);
    assertThat(busy.level()).as("thousands of plays speak for themselves")
        .isCloseTo(2_020.0 / 1_020.0, within(1e-12));
    assertThat(busy.variance()).isCloseTo(2_020.0 / (1_020.0 * 1_020.0), within(1e-15));
  }

  @Test
  void predictionAddsLevelErrorToCountNoise() {
    LevelEstimate l = LevelEstimate.of(100, 100, 0.05);
    LevelEstimate.Prediction p = l.predict(50);
    assertThat(p.expected()).isCloseTo(50.0, within(1e-9));
    assertThat(p.sd()).as("sd above Poisson alone")
        .isCloseTo(Math.sqrt(50 + 2500 * l.variance()), within(1e-12))
        .isGreaterThan(Math.sqrt(50));
  }

  @Test
  void theNextDaysLevelStartsFromTodaysNotFromTheBaseline() {
    LevelEstimate today = LevelEstimate.of(300, 200, 1);
    LevelEstimate quiet = today.then(0, 0, 0.05);
    assertThat(quiet.level()).as("nothing read yet: today's level carries over, not 1")
        .isCloseTo(301.0 / 201.0, within(1e-12));
    assertThat(quiet.variance()).as("today's variance plus the prior's, worked by hand")
        .isCloseTo(Math.pow(301.0 / 201, 2) * 0.05 + today.variance() * 1.05, within(1e-12));
    // 30 plays where today's level predicts 301/201 * 10: the ratio's posterior with k = 20.
    LevelEstimate read = today.then(30, 10, 0.05);
    assertThat(read.level()).isCloseTo(301.0 / 201 * 50 / (3010.0 / 201 + 20), within(1e-12));
  }

  @Test
  void priorVarianceIsRecoveredFromGammaPoissonDraws() {
    Well19937c rng = new Well19937c(7);
    double tau2 = 0.06;
    int n = 20_000;
    double base = 200;
    GammaDistribution levels = new GammaDistribution(rng, 1 / tau2, tau2);
    double sumSq = 0;
    double sumInv = 0;
    for (int i = 0; i < n; i++) {
      long o = new PoissonDistribution(rng, base * levels.sample(), 1e-12, 10_000).sample();
      sumSq += Math.pow(o / base - 1, 2);
      sumInv += 1 / base;
    }
    // The moment estimator's sd is about sqrt(2) (tau2 + 1/base) / sqrt(n) = 0.0006; allow 5.
    assertThat(LevelEstimate.priorVariance(sumSq, sumInv, n)).isCloseTo(tau2, within(0.003));
    assertThat(LevelEstimate.priorVariance(0, 10, 5)).as("floored")
        .isEqualTo(LevelEstimate.MIN_TAU2);
  }
}
