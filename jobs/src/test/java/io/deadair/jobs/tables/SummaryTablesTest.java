package io.deadair.jobs.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.deadair.common.domain.OutageWindow;
import io.deadair.common.domain.Scope;
import io.deadair.common.domain.Segment;
import io.deadair.common.model.ArtistImpact;
import io.deadair.common.model.ArtistResult.WindowStat;
import io.deadair.common.model.HourSet;
import io.deadair.common.model.LevelReadings;
import io.deadair.common.model.MarketPart;
import io.deadair.common.model.OutageModel;
import io.deadair.common.model.WindowPrediction;
import io.deadair.common.revenue.RateCard;
import io.deadair.common.stats.Calibration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The summary tables from sums made in memory, without Spark: what each artist adds to its
 * outage's sums, how partial sums merge, and the rows segment_summary and revenue_by_market
 * make of them. Every expected figure is worked by hand from the artists below.
 */
class SummaryTablesTest {

  private static final int EMERGING = 1 + Segment.EMERGING.ordinal();
  private static final int ESTABLISHED = 1 + Segment.ESTABLISHED.ordinal();
  private static final List<OutageModel> MODELS = List.of(new OutageModel(new OutageWindow("o1",
      Instant.parse("2026-03-03T10:00:00Z"), Instant.parse("2026-03-03T12:00:00Z"), Scope.all(),
      Scope.all(), ""), 0, new HourSet(List.of()), Map.of(), List.of()));

  /** An artist that played {@code observed} of {@code expected} in scope, in one market. */
  private static WindowStat window(double observed, String market, double usdPerPlay) {
    return new WindowStat(0, 0, 0, observed, 0, 0, 0, 0, 0, usdPerPlay,
        new LevelReadings(0, 0, 0, 0, 0, 0, 0, 0, 0), Map.of(), List.of(new MarketPart(
            market.split("\\|")[0], "ios", market.split("\\|")[1], true, 1.0, observed,
            usdPerPlay)));
  }

  private static WindowPrediction prediction(double expected) {
    return new WindowPrediction(1, expected, 0, 0, 0);
  }

  /** Adds one artist to {@code sums} as SummaryTables.add does, with a half-width {@code half}. */
  private static void add(OutageSums sums, int series, double observed, double expected,
      double half, String market, double usdPerPlay) {
    WindowStat w = window(observed, market, usdPerPlay);
    WindowPrediction p = prediction(expected);
    ArtistImpact a = ArtistImpact.of(w, p, half);
    sums.addImpact(a, p, series, 50);
    sums.addMarkets(w, p.expectedIn(), series == EMERGING);
  }

  /** Two emerging artists (lost 40 and 10 plays) and an established one (lost 60). */
  private static OutageSums sums() {
    OutageSums s = new OutageSums(0, 2);
    add(s, EMERGING, 60, 100, 30, "DE|premium", 0.01);
    add(s, EMERGING, 30, 40, 40, "DE|free", 0.002);
    add(s, ESTABLISHED, 940, 1000, 0, "US|premium", 0.005);
    return s;
  }

  @Test
  void segmentSummaryAddsArtistsAndTheirHalfWidthsInQuadrature() {
    List<Row> rows = SummaryTables.segmentSummary(new OutageSums[] {sums()}, MODELS,
        Map.of("o1", 0.0), Map.of(), 0.95);

    Row all = row(rows, "all");
    assertThat(all.<Long>getAs(2)).isEqualTo(3L);
    assertThat(all.<Double>getAs(3)).as("expected").isCloseTo(1140, within(1e-9));
    assertThat(all.<Double>getAs(4)).as("lost").isCloseTo(110, within(1e-9));
    assertThat(all.<Double>getAs(5)).as("lost - sqrt(30² + 40²)").isCloseTo(60, within(1e-9));
    assertThat(all.<Double>getAs(6)).isCloseTo(160, within(1e-9));
    Row emerging = row(rows, Segment.EMERGING.label());
    assertThat(emerging.<Double>getAs(4)).isCloseTo(50, within(1e-9));
    assertThat(emerging.<Double>getAs(7)).as("50 of 140 expected").isCloseTo(50.0 / 140 * 100,
        within(1e-9));
    assertThat(emerging.<Double>getAs(9)).as("40 x 0.01 + 10 x 0.002")
        .isCloseTo(0.42, within(1e-12));
    assertThat(rows).extracting(r -> r.<String>getAs(1)).doesNotContain(Segment.MID.label());
  }

  @Test
  void theServiceModelsErrorWidensTheIntervalOnTheExpectationInScope() {
    List<Row> rows = SummaryTables.segmentSummary(new OutageSums[] {sums()}, MODELS,
        Map.of("o1", 0.01), Map.of(), 0.95);

    // sqrt(30² + 40² + (0.01 x 1.96 x 1140)²), with 1,140 plays expected in scope.
    double extra = 0.01 * Calibration.normalQuantile(0.95) * 1140;
    assertThat(row(rows, "all").<Double>getAs(6)).isCloseTo(110 + Math.hypot(50, extra),
        within(1e-9));
  }

  @Test
  void sumsMergedFromPartsEqualTheSumsOfTheWhole() {
    OutageSums first = new OutageSums(0, 2);
    add(first, EMERGING, 60, 100, 30, "DE|premium", 0.01);
    OutageSums second = new OutageSums(0, 2);
    add(second, EMERGING, 30, 40, 40, "DE|free", 0.002);
    add(second, ESTABLISHED, 940, 1000, 0, "US|premium", 0.005);
    OutageSums whole = sums();

    OutageSums merged = first.merge(second);
    for (int s = 0; s < OutageSums.SERIES; s++) {
      assertThat(merged.totals[s]).containsExactly(whole.totals[s], within(1e-12));
    }
    assertThat(merged.markets.keySet()).isEqualTo(whole.markets.keySet());
  }

  @Test
  void revenueByMarketValuesEachMarketsLossOnTheRateCard() {
    RateCard rates = new RateCard().put("*", "*", 0.004).put("DE", "premium", 0.01);
    List<Row> rows = SummaryTables.revenueByMarket(new OutageSums[] {sums()}, MODELS, rates);

    assertThat(rows).hasSize(3);
    Row dePremium = rows.stream().filter(r -> r.getString(1).equals("DE")
        && r.getString(2).equals("premium")).findFirst().orElseThrow();
    assertThat(dePremium.getDouble(3)).isCloseTo(40, within(1e-12));
    assertThat(dePremium.getDouble(4)).isCloseTo(0.4, within(1e-12));
    assertThat(dePremium.getDouble(5)).as("all of it emerging").isCloseTo(0.4, within(1e-12));
    Row us = rows.stream().filter(r -> r.getString(1).equals("US")).findFirst().orElseThrow();
    assertThat(us.getDouble(4)).as("fallback rate").isCloseTo(60 * 0.004, within(1e-12));
    assertThat(us.getDouble(5)).as("established only").isZero();
  }

  @Test
  void cardsGoToTheEmergingArtistsWhoLostMostThenToThoseListed() {
    OutageSums s = new OutageSums(0, 2);
    s.offerCard(1.0, "a3");
    s.offerCard(5.0, "a1");
    s.offerCard(3.0, "a2");
    s.listed.add("z9");
    s.listed.add("a1");

    assertThat(s.cardArtists()).containsExactly("a1", "a2", "z9");
  }

  private static Row row(List<Row> rows, String series) {
    return rows.stream().filter(r -> r.getString(1).equals(series)).findFirst().orElseThrow();
  }
}
