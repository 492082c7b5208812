package io.deadair.jobs.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.deadair.common.domain.OutageWindow;
import io.deadair.common.domain.Scope;
import io.deadair.common.domain.Segment;
import io.deadair.common.domain.SegmentRule;
import io.deadair.common.model.ArtistResult;
import io.deadair.common.model.ArtistResult.OutageResult;
import io.deadair.common.model.ArtistResult.WindowStat;
import io.deadair.common.model.Fitted;
import io.deadair.common.model.HourSet;
import io.deadair.common.model.LevelDay;
import io.deadair.common.model.LevelReadings;
import io.deadair.common.model.OutageModel;
import io.deadair.common.model.WindowSpec;
import io.deadair.sample.testing.SharedSpark;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

/**
 * Across artists: expectations scaled to the service model's totals window by window, and each
 * outage's level day chosen on its placebo windows.
 */
class EstimatesTest {

  private static final Instant START = Instant.parse("2026-03-03T10:00:00Z");
  private static final long W0 = START.getEpochSecond() / 3600;

  /** An artist on its baseline share today (recent plays as predicted, so its level is 1). */
  private static ArtistResult artist(String id, double inBase, double afterBase) {
    WindowStat w = new WindowStat(0, 50, 50, 0, inBase, 0, 0, afterBase, 1_000, 0.004,
        new LevelReadings(50, 50, 0, 0, 50, 50, 0, 0, 0), Map.of(), List.of());
    return new ArtistResult(id, null, 1_000, new OutageResult[] {new OutageResult(List.of(w),
        List.of(), W0, null, List.of(), 0, List.of(), 0)});
  }

  @Test
  void eachWindowsPredictionsAddUpToTheServiceTotal() {
    OutageWindow o = new OutageWindow("o1", START, START.plusSeconds(7200), Scope.all(),
        Scope.all(), "");
    // The service model expects 240 plays in scope in the window and 80 in the recovery window.
    WindowSpec window = new WindowSpec("o1", "o1", 0, W0, W0 + 2, W0 - 10, new long[] {W0 - 10},
        W0 + 26, W0 - 10, W0 + 2, new long[][] {{W0 - 10}, {W0 + 14}},
        Map.of(OutageModel.groupKey(0, true), new double[] {500, 240, 80, 500, 0}));
    OutageModel model = new OutageModel(o, W0 - 28 * 24, new HourSet(List.of()), Map.of(),
        List.of(window));
    Fitted fitted = new Fitted(List.of(model), List.of(new SegmentRule(100, 10_000, 2)),
        List.of(LocalDate.of(2026, 3, 3)), Map.of(), List.of(), Map.of(), null);
    JavaRDD<ArtistResult> results = JavaSparkContext.fromSparkContext(
        SharedSpark.session().sparkContext()).parallelize(List.of(artist("a", 100, 40),
        artist("b", 60, 60)), 2);

    // Levels of 1: the artists expect 100 + 60 = 160 in the window and 40 + 60 = 100 after it,
    // so the factors are 240 / 160 and 80 / 100; each artist keeps its share of the total.
    Map<String, double[]> scales = Estimates.scales(results, fitted);
    assertThat(scales.get(Fitted.windowKey(0, 0))).containsExactly(new double[] {1.5, 0.8},
        within(1e-9));
    WindowStat a = results.first().outages()[0].outageWindow();
    assertThat(fitted.withScales(scales).predict(0, a, Segment.EMERGING).expectedIn())
        .isCloseTo(150, within(1e-9));
  }

  /**
   * A placebo window in which the artist played {@code observed} in scope, where its listeners'
   * day reads a level of 1, the service's day {@code serviceLevel} and both days a level between
   * (hundreds of plays each, so the prior barely moves any).
   */
  private static ArtistResult placeboArtist(String id, double observed, double serviceLevel) {
    WindowStat placebo = new WindowStat(1, 400, 400, observed, 100, 0, 0, 0, 1_000, 0.004,
        new LevelReadings(400 * serviceLevel, 400, 0, 0, 200 * (1 + serviceLevel), 400, 0, 0,
            0),
        Map.of(), List.of());
    return new ArtistResult(id, null, 1_000, new OutageResult[] {new OutageResult(
        List.of(placebo), List.of(), W0, null, List.of(), 0, List.of(), 0)});
  }

  @Test
  void eachOutageKeepsTheLevelDayThatPredictedItsPlacebosBetter() {
    OutageWindow o = new OutageWindow("o1", START, START.plusSeconds(7200), Scope.all(),
        Scope.all(), "");
    OutageModel model = new OutageModel(o, W0 - 28 * 24, new HourSet(List.of()), Map.of(),
        List.of());
    Fitted fitted = new Fitted(List.of(model), List.of(new SegmentRule(100, 10_000, 2)),
        List.of(LocalDate.of(2026, 3, 3)), Map.of(), List.of(), Map.of(), null)
        .withTau2(Map.of(Segment.EMERGING, 1.0));
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(SharedSpark.session().sparkContext());

    // The artists played 130 and 70 where their listeners' day expected 100 each: the service
    // day's levels (1.3, 0.7) saw both coming.
    JavaRDD<ArtistResult> moved = sc.parallelize(List.of(placeboArtist("a", 130, 1.3),
        placeboArtist("b", 70, 0.7)), 2);
    double[][] error = LevelDays.placeboError(moved, fitted);
    assertThat(error[0][LevelDay.LISTENERS.ordinal()]).as("30^2 + 30^2")
        .isCloseTo(1800, within(1e-9));
    assertThat(error[0][LevelDay.SERVICE.ordinal()]).as("off by the prior's pull only")
        .isLessThan(0.1);
    assertThat(error[0][LevelDay.BOTH.ordinal()]).as("half way: about 15^2 + 15^2")
        .isCloseTo(450, within(5.0));
    assertThat(LevelDays.choose(error)).containsExactly(LevelDay.SERVICE);

    // The same service-day readings when the artists played as their listeners' day expected.
    JavaRDD<ArtistResult> steady = sc.parallelize(List.of(placeboArtist("a", 100, 1.3),
        placeboArtist("b", 100, 0.7)), 2);
    assertThat(LevelDays.choose(LevelDays.placeboError(steady, fitted)))
        .containsExactly(LevelDay.LISTENERS);
  }
}
