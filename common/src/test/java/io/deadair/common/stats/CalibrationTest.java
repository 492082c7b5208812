package io.deadair.common.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class CalibrationTest {

  @Test
  void sizeClassesFollowTheBounds() {
    assertThat(Calibration.sizeClass(0)).isZero();
    assertThat(Calibration.sizeClass(5)).isEqualTo(1);
    assertThat(Calibration.sizeClass(99.9)).isEqualTo(2);
    assertThat(Calibration.sizeClass(1e9)).isEqualTo(4);
    assertThat(Calibration.normalQuantile(0.95)).isCloseTo(1.959964, within(1e-6));
  }

  @Test
  void overdispersedPlacebosWidenTheirClassOnly() {
    Well19937c rng = new Well19937c(11);
    int n = 4_000;
    double[] expected = new double[2 * n];
    double[] z = new double[2 * n];
    for (int i = 0; i < n; i++) {
      expected[i] = 1_000;
      z[i] = 1.5 * rng.nextGaussian();
      expected[n + i] = 50;
      z[n + i] = rng.nextGaussian();
    }
    Calibration c = Calibration.fit(0.95, expected, z);
    // The 95th percentile of |z| from 4,000 draws has a standard error near 0.05 sd; allow 3.
    assertThat(c.factor(1_000)).as("large windows, true sd 1.5x the model's")
        .isCloseTo(1.5, within(0.08));
    assertThat(c.factor(50)).as("well-modelled class is not narrowed below 1")
        .isCloseTo(1.0, within(0.05));
    assertThat(c.factor(2)).as("empty class takes the pooled factor").isGreaterThan(1.0);
    assertThat(c.halfWidth(1_000, 10)).isCloseTo(1.959964 * c.factor(1_000) * 10,
        within(1e-6));
  }

  @Test
  void tooFewPlacebosLeaveTheModelAlone() {
    Calibration c = Calibration.fit(0.95, new double[] {10, 10}, new double[] {5, -5});
    assertThat(c.factors()).containsOnly(1.0);
  }
}
