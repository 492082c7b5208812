package io.deadair.jobs.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.deadair.common.domain.OutageWindow;
import io.deadair.common.domain.Scope;
import io.deadair.common.model.ArtistResult.WindowStat;
import io.deadair.common.model.HourSet;
import io.deadair.common.model.LevelReadings;
import io.deadair.common.model.OutageModel;
import io.deadair.common.model.WindowPrediction;
import io.deadair.common.stats.Calibration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * The calibration step on placebo windows made in memory, without Spark: the factor that widens
 * the intervals, and the service model's error beyond the artists' variances.
 */
class IntervalCalibrationTest {

  private static final double EXPECTED = 200;
  private static final double SD = 10;

  /** A placebo window whose in-scope plays miss the prediction by {@code z} standard deviations. */
  private static void addPlacebo(IntervalCalibration.Placebos p, double z) {
    WindowStat w = new WindowStat(1, 0, 0, EXPECTED + z * SD, 0, 0, 0, 0, 0, 0,
        new LevelReadings(0, 0, 0, 0, 0, 0, 0, 0, 0), Map.of(), List.of());
    p.add(0, w, new WindowPrediction(1, EXPECTED, SD, 0, 0));
  }

  /**
   * Placebo errors {@code spread} times the model's, as a grid of exact quantiles of
   * |N(0, spread²)|, with alternating signs.
   */
  private static IntervalCalibration.Placebos placebos(double spread, int n, int from, int to) {
    NormalDistribution normal = new NormalDistribution(0, spread);
    IntervalCalibration.Placebos p = new IntervalCalibration.Placebos();
    for (int i = from; i < to; i++) {
      double z = normal.inverseCumulativeProbability(0.5 + 0.5 * (i + 0.5) / n);
      addPlacebo(p, i % 2 == 0 ? z : -z);
    }
    return p;
  }

  @Test
  void placebosTwiceAsWideAsTheModelSaysDoubleTheIntervals() {
    Calibration c = IntervalCalibration.calibration(placebos(2, 2000, 0, 2000), 0.95);

    // A grid of 2,000 exact quantiles, read by percentile_approx (rank error 1/10,000), puts the
    // 95 % point of |z| within 0.5 % of 2 x 1.96.
    assertThat(c.factor(EXPECTED)).isCloseTo(2.0, within(0.01));
    assertThat(c.factor(1)).as("too few placebos of that size: the pooled factor")
        .isCloseTo(2.0, within(0.01));
  }

  @Test
  void placebosNarrowerThanTheModelSaysNeverNarrowTheIntervals() {
    Calibration c = IntervalCalibration.calibration(placebos(0.5, 2000, 0, 2000), 0.95);

    assertThat(c.factor(EXPECTED)).isEqualTo(1.0);
  }

  @Test
  void placebosMergedFromPartsCalibrateAsTheWhole() {
    IntervalCalibration.Placebos merged = placebos(2, 2000, 0, 700)
        .merge(placebos(2, 2000, 700, 2000));

    assertThat(IntervalCalibration.calibration(merged, 0.95).factor(EXPECTED))
        .isEqualTo(IntervalCalibration.calibration(placebos(2, 2000, 0, 2000), 0.95)
            .factor(EXPECTED));
    assertThat(merged.windows.get("0|1")).as("observed, expected, variance summed")
        .hasSize(3);
    assertThat(merged.windows.get("0|1")[1]).isCloseTo(2000 * EXPECTED, within(1e-6));
  }

  @Test
  void serviceErrorIsWhatPlaceboTotalsStrayBeyondTheArtistsOwnVariance() {
    OutageModel model = new OutageModel(new OutageWindow("o1",
        Instant.parse("2026-03-03T10:00:00Z"), Instant.parse("2026-03-03T12:00:00Z"),
        Scope.all(), Scope.all(), ""), 0, new HourSet(List.of()), Map.of(), List.of());
    Map<String, double[]> windows = new HashMap<>();
    // Two placebo windows off by +10 % and -10 % of 1,000 expected plays, with a summed
    // variance of 2,000: 0.1² - 2,000 / 1,000² = 0.008 each, so the error is sqrt(0.008).
    windows.put("0|1", new double[] {1100, 1000, 2000});
    windows.put("0|2", new double[] {900, 1000, 2000});

    assertThat(IntervalCalibration.serviceError(windows, List.of(model)).get("o1"))
        .isCloseTo(Math.sqrt(0.008), within(1e-12));

    // Placebos the artists' variance explains fully leave no error of the model's own.
    windows.put("0|1", new double[] {1010, 1000, 2000});
    windows.put("0|2", new double[] {990, 1000, 2000});
    assertThat(IntervalCalibration.serviceError(windows, List.of(model)).get("o1")).isZero();
  }
}
