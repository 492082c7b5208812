package io.deadair.common.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeasonalBaselineTest {

  @Test
  void poissonCountsFitTheirMeanWithDispersionNearOne() {
    ServiceSeries s = new SyntheticService(400, 21).flatWeek().series(3);
    double[] y = s.sum(p -> true);
    boolean[] mask = new boolean[y.length];
    SeasonalBaseline.Fit fit = SeasonalBaseline.fit(y, mask, DayClock.of(s, null), 12);
    double seen = 0;
    double expected = 0;
    for (int t = 0; t < y.length; t++) {
      seen += y[t];
      expected += fit.expected()[t];
    }
    // Over 6,048 buckets of about 400 plays the totals agree to a fraction of a percent.
    assertThat(expected / seen).isBetween(0.995, 1.005);
    // The mean squared Pearson residual of Poisson counts is 1; with 504 hourly blocks it
    // scatters by about sqrt(2 / 504) = 0.06, and the shape's own error adds a little.
    assertThat(fit.dispersion()).isBetween(1.0, 1.25);
  }

  @Test
  void aStepTheLevelCannotFollowShowsInTheDispersion() {
    // Weekends 11 % up at local midnight: the 24-hour level lags the step by a few hours, and
    // the hourly residuals there are several standard deviations, which the dispersion keeps.
    ServiceSeries s = new SyntheticService(400, 21).series(3);
    double[] y = s.sum(p -> true);
    SeasonalBaseline.Fit fit = SeasonalBaseline.fit(y, new boolean[y.length],
        DayClock.of(s, null), 12);
    assertThat(fit.dispersion()).isGreaterThan(1.3);
  }

  @Test
  void aMaskedDropDoesNotLowerItsExpectation() {
    ServiceSeries clean = new SyntheticService(400, 21).series(4);
    ServiceSeries dropped = new SyntheticService(400, 21)
        .drop(null, null, "2026-02-16T08:00:00Z", "2026-02-16T14:00:00Z", 0.9).series(4);
    // The series starts at midnight of its first day, START: day 14, 08:00, in 5-minute buckets.
    int from = 14 * 288 + 8 * 12;
    int to = from + 72;
    boolean[] mask = new boolean[dropped.length()];
    for (int t = from; t < to; t++) {
      mask[t] = true;
    }
    double[] a = SeasonalBaseline.fit(clean.sum(p -> true), new boolean[mask.length],
        DayClock.of(clean, null), 12).expected();
    double[] b = SeasonalBaseline.fit(dropped.sum(p -> true), mask, DayClock.of(dropped, null),
        12).expected();
    double ea = 0;
    double eb = 0;
    for (int t = from; t < to; t++) {
      ea += a[t];
      eb += b[t];
    }
    // Same seed, same plays outside the drop: the masked fit expects what the clean one does,
    // within the few percent its level loses by leaving six hours out.
    assertThat(eb / ea).isBetween(0.97, 1.03);
  }
}
