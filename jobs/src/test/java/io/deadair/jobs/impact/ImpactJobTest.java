package io.deadair.jobs.impact;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deadair.charts.Formats;
import io.deadair.charts.Html;
import io.deadair.common.config.ImpactConfig;
import io.deadair.common.contract.Contract;
import io.deadair.common.io.InputException;
import io.deadair.common.model.LevelDay;
import io.deadair.jobs.report.ReportJob;
import io.deadair.sample.GeneratorOptions;
import io.deadair.sample.testing.GeneratedData;
import io.deadair.sample.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the whole job on generated data with one severe global outage of known size. */
class ImpactJobTest {

  private static SparkSession spark;
  private static GeneratorOptions data;
  private static Path out;
  private static ImpactJob.Result result;

  @BeforeAll
  static void runJob() {
    spark = SharedSpark.session();
    data = GeneratedData.generate("impact-global-90", new GeneratorOptions("", 300, 35, 20_000,
        GeneratorOptions.defaultUsers(20_000), 3, LocalDate.of(2026, 1, 5), 0,
        List.of("global:3:0.9")));
    out = Path.of("target", "test-out", "impact-global-90").toAbsolutePath();
    result = ImpactJob.run(spark, new ImpactOptions(Optional.of(data.out() + "/plays"),
        Optional.empty(), data.out() + "/artists.parquet", Optional.of(data.out() + "/outages.csv"),
        Optional.of(data.out() + "/releases.parquet"), Optional.empty(), out.toString(),
        worldConfig()), m -> { });
  }

  /** The generated world's scale, as the generator writes it beside the data. */
  private static ImpactConfig worldConfig() {
    return ImpactConfig.load(Path.of(data.out(), ImpactOptions.WORLD_CONFIG));
  }

  @Test
  void aSevereGlobalOutageIsFoundWithTheRightSignAndSize() {
    long removed = spark.read().parquet(data.out() + "/truth/outage_artist_truth.parquet")
        .agg(sum("removed_plays")).first().getLong(0);
    Row all = table("segment_summary").filter(col("segment").equalTo("all")).first();
    double lost = all.<Double>getAs("lost_plays");
    assertThat(lost).as("total lost plays against the %d the generator removed", removed)
        .isBetween(0.9 * removed, 1.1 * removed);
    assertThat((double) removed).as("truth inside the job's own interval for the total")
        .isBetween(all.<Double>getAs("lost_plays_low"), all.<Double>getAs("lost_plays_high"));
    List<Row> top = table("artist_impact").orderBy(col("expected_plays").desc()).limit(10)
        .collectAsList();
    for (Row r : top) {
      assertThat(r.<Double>getAs("lost_pct")).as("share lost by %s", r.<String>getAs("artist_id"))
          .isBetween(60.0, 110.0);
    }
  }

  @Test
  void theRunEndsWithTheOutagesCostAsTheSummaryTableHasIt() {
    Row all = table("segment_summary").filter(col("segment").equalTo("all")).first();
    String lost = String.format(Locale.US, "%,d", Math.round(all.<Double>getAs("lost_plays")));
    assertThat(result.headlines()).as("one line per outage").hasSize(1);
    assertThat(result.headlines().get(0)).startsWith(all.<String>getAs("outage_id") + " (")
        .contains("): " + lost + " plays lost (95 % interval ");
  }

  @Test
  void everyTableIsWrittenWithTheContractsColumns() throws IOException {
    for (String t : List.of("artist_impact", "artist_phase_metrics", "segment_summary",
        "timeline", "artist_timeline", "revenue_by_market", "release_impact", "royalty_risk")) {
      assertThat(table(t).columns()).as(t + " columns")
          .containsExactlyElementsOf(Contract.table(t).orElseThrow().columnNames());
      String header = Files.readAllLines(out.resolve("csv/" + t + ".csv")).get(0);
      assertThat(header).as(t + ".csv header")
          .isEqualTo(String.join(",", Contract.table(t).orElseThrow().columnNames()));
    }
    assertThat(Files.exists(out.resolve("_work"))).as("no working files left").isFalse();
    assertThat(table("segment_summary").select("segment").distinct().count())
        .as("all plus three segments").isEqualTo(4);
  }

  @Test
  void runJsonReconcilesTheRowsRead() throws IOException {
    JsonNode run = new ObjectMapper().readTree(out.resolve("run.json").toFile());
    JsonNode counts = run.path("inputs").path("plays");
    long read = counts.path("rows_read").asLong();
    assertThat(read).as("rows read").isPositive();
    assertThat(counts.path("rows_used").asLong() + counts.path("rows_quarantined")
        .asLong() + counts.path("rows_dropped_outside_windows").asLong()).isEqualTo(read);
    Dataset<Row> plays = spark.read().parquet(data.out() + "/plays");
    assertThat(read).as("date folders far from the outage are skipped, not read")
        .isLessThan(plays.count());
    Row o = spark.read().option("header", "true").csv(data.out() + "/outages.csv").first();
    Instant start = Instant.parse(o.<String>getAs("start"));
    Instant end = Instant.parse(o.<String>getAs("end"));
    long inRange = plays.filter(col("ts").geq(Timestamp.from(start.minus(
            Duration.ofDays(28))))
        .and(col("ts").lt(Timestamp.from(end.plus(Duration.ofHours(24))))))
        .count();
    assertThat(counts.path("rows_used").asLong()).as("plays from 28 days before to 24 h after")
        .isEqualTo(inRange);
    assertThat(run.path("model").path("calibration_factors").size()).isEqualTo(5);
    assertThat(run.path("timings_seconds").size()).isGreaterThan(3);
    for (JsonNode outage : run.path("outages")) {
      // Each outage names the day its artists' levels were read on: the reading whose placebo
      // windows were missed least.
      JsonNode errors = outage.path("artist_level_placebo_error");
      assertThat(errors.size()).isEqualTo(LevelDay.values().length);
      String best = null;
      for (LevelDay d : LevelDay.values()) {
        if (best == null || errors.path(d.label()).asDouble() < errors.path(best).asDouble()) {
          best = d.label();
        }
      }
      assertThat(outage.path("artist_level_day").asText()).isEqualTo(best);
    }
  }

  @Test
  void revenueByMarketAddsUpToTheSegmentTotals() {
    Row all = table("segment_summary").filter(col("segment").equalTo("all")).first();
    Row emerging = table("segment_summary").filter(col("segment").equalTo("emerging")).first();
    Row markets = table("revenue_by_market").agg(sum("lost_plays"), sum("lost_revenue_usd"),
        sum("emerging_lost_revenue_usd"), countDistinct("country")).first();
    // The market weights of each artist sum to 1, so only float rounding may differ.
    assertThat(markets.getDouble(0)).as("lost plays over all markets")
        .isCloseTo(all.<Double>getAs("lost_plays"), within(1e-6 * Math.abs(markets.getDouble(0))));
    assertThat(markets.getDouble(1)).as("lost revenue over all markets")
        .isCloseTo(all.<Double>getAs("lost_revenue_usd"),
            within(1e-6 * Math.abs(markets.getDouble(1))));
    assertThat(markets.getDouble(2)).as("emerging artists' part")
        .isCloseTo(emerging.<Double>getAs("lost_revenue_usd"),
            within(1e-6 * Math.abs(markets.getDouble(1))));
    assertThat(markets.getLong(3)).as("a global outage touches every country").isEqualTo(24);
    assertThat(all.<Double>getAs("lost_revenue_low_usd")).as("revenue interval around the sum")
        .isLessThan(all.<Double>getAs("lost_revenue_usd"));
  }

  @Test
  void artistCardsShowTheTopEmergingArtistsAndAddUpToTheirImpact() {
    List<Row> top = table("artist_impact").filter(col("segment").equalTo("emerging"))
        .orderBy(col("lost_revenue_usd").desc(), col("artist_id")).limit(5).collectAsList();
    Dataset<Row> cards = table("artist_timeline");
    assertThat(cards.select("artist_id").distinct().collectAsList().stream()
        .map(r -> r.getString(0)).sorted().toList())
        .as("one card per top-5 emerging artist by lost revenue")
        .isEqualTo(top.stream().map(r -> r.<String>getAs("artist_id")).sorted().toList());
    Row o = spark.read().option("header", "true").csv(data.out() + "/outages.csv").first();
    Timestamp start = Timestamp.from(Instant.parse(
        o.<String>getAs("start")));
    Timestamp end = Timestamp.from(Instant.parse(
        o.<String>getAs("end")));
    for (Row r : top) {
      Row window = cards.filter(col("artist_id").equalTo(r.<String>getAs("artist_id"))
          .and(col("hour").geq(start)).and(col("hour").lt(end)))
          .agg(sum("observed"), sum("expected")).first();
      assertThat(window.getDouble(0)).as("card's observed plays in the window")
          .isEqualTo((double) r.<Long>getAs("observed_plays"));
      // A global outage has no out-of-scope part, so the hourly expectation sums to the total.
      assertThat(window.getDouble(1)).as("card's expected plays in the window")
          .isCloseTo(r.<Double>getAs("expected_plays"), within(1e-6 * window.getDouble(1)));
    }
  }

  @Test
  void theRunWritesTheReportWithEveryKindOfChart() throws IOException {
    Path report = out.resolve("report");
    String html = Files.readString(report.resolve("index.html"));
    for (String kind : List.of("timeline", "phases", "share-lost", "emerging", "markets",
        "card-1")) {
      assertThat(report.resolve("charts/o1-" + kind + ".png")).as(kind + " PNG").isNotEmptyFile();
      assertThat(report.resolve("charts/o1-" + kind + ".svg")).as(kind + " SVG").isNotEmptyFile();
      assertThat(html).as(kind + " in the page").contains("src=\"charts/o1-" + kind + ".png\"");
    }
    Row all = table("segment_summary").filter(col("segment").equalTo("all")).first();
    assertThat(html).as("headline lost plays from segment_summary")
        .contains(Formats.plays(all.<Double>getAs("lost_plays")));
    long cards = table("artist_timeline").select("artist_id").distinct().count();
    assertThat(html.split("class=\"card\"", -1).length - 1).as("one card per highlighted artist")
        .isEqualTo((int) cards);
    Row top = table("artist_impact").orderBy(col("lost_revenue_usd").desc(), col("artist_id"))
        .first();
    assertThat(html).as("the most affected artist is in the table")
        .contains(Html.esc(top.<String>getAs("artist_name")));
  }

  @Test
  void reportFromTheTablesRendersTheSamePageAgain() throws IOException {
    Path page = out.resolve("report/index.html");
    String before = Files.readString(page).replaceAll("Generated [^<]*UTC", "");
    ReportJob.render(spark, out.toString());
    String after = Files.readString(page).replaceAll("Generated [^<]*UTC", "");
    assertThat(after).as("re-rendered from tables/ and run.json").isEqualTo(before);
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no temporary report folder left").noneMatch(n -> n.startsWith(".report"));
    }
  }

  @Test
  void reportFromAnIncompleteRunSaysWhatIsMissing(@TempDir Path dir)
      throws IOException {
    Files.copy(out.resolve("run.json"), dir.resolve("run.json"));
    Files.createDirectories(dir.resolve("tables"));
    assertThatThrownBy(() -> ReportJob.render(spark, dir.toString()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("tables/").hasMessageContaining("is missing");
    assertThat(dir.resolve("report")).as("nothing half-written").doesNotExist();
  }

  @Test
  void phasesSeeTheDropAndTheTimelineShowsIt() {
    Dataset<Row> phases = table("artist_phase_metrics").filter(col("artist_id")
        .equalTo("a00000"));
    double before = phases.filter(col("phase").equalTo("before")).first()
        .<Double>getAs("plays_per_hour");
    double during = phases.filter(col("phase").equalTo("during")).first()
        .<Double>getAs("plays_per_hour");
    assertThat(during).as("plays per hour during against before").isLessThan(0.5 * before);
    Row peak = table("timeline").filter(col("series").equalTo("all"))
        .orderBy(col("expected").minus(col("observed")).desc()).first();
    assertThat(peak.<Double>getAs("observed")).as("observed below the band at the worst hour")
        .isLessThan(peak.<Double>getAs("low"));
  }

  @Test
  void phaseListenersArePlainDistinctCountsOfTheRawPlays() {
    Row o = spark.read().option("header", "true").csv(data.out() + "/outages.csv").first();
    long w0 = Instant.parse(o.<String>getAs("start")).getEpochSecond() / 3600;
    long w1 = (Instant.parse(o.<String>getAs("end")).getEpochSecond() + 3599) / 3600;
    Dataset<Row> plays = spark.read().parquet(data.out() + "/plays")
        .withColumn("h", floor(unix_seconds(col("ts")).divide(3600)));
    Map<String, long[]> phases = Map.of("before", new long[] {w0 - 28 * 24, w0},
        "during", new long[] {w0, w1}, "after", new long[] {w1, w1 + 24});
    for (String artist : List.of("a00000", "a00007", "a00060")) {
      for (Map.Entry<String, long[]> p : phases.entrySet()) {
        Row want = plays.filter(col("artist_id").equalTo(artist)
                .and(col("h").geq(p.getValue()[0])).and(col("h").lt(p.getValue()[1])))
            .agg(count(lit(1)), countDistinct(col("user_id"))).first();
        List<Row> rows = table("artist_phase_metrics").filter(col("artist_id").equalTo(artist)
            .and(col("phase").equalTo(p.getKey()))).collectAsList();
        if (rows.isEmpty()) {
          assertThat(want.getLong(0)).as("%s %s has plays but no row", artist, p.getKey())
              .isZero();
          continue;
        }
        Row got = rows.get(0);
        assertThat(got.<Long>getAs("plays")).as("%s %s plays", artist, p.getKey())
            .isEqualTo(want.getLong(0));
        assertThat(got.<Long>getAs("unique_listeners")).as("%s %s listeners", artist, p.getKey())
            .isEqualTo(want.getLong(1));
      }
    }
  }

  /** Aggregates the generated plays into counts of {@code minutes} and runs the job on them. */
  private static Path runOnCounts(int minutes) {
    String name = "impact-global-90-counts-" + minutes;
    Path counts = Path.of("target", "test-data", name).toAbsolutePath();
    long seconds = 60L * minutes;
    spark.read().parquet(data.out() + "/plays")
        .withColumn("bucket_start", expr("timestamp_seconds(floor(unix_seconds(ts) / " + seconds
            + ") * " + seconds + ")"))
        .groupBy("bucket_start", "artist_id", "track_id", "country", "tier")
        .agg(count(lit(1)).as("streams"))
        .withColumn("bucket_minutes", lit(minutes))
        .write().mode("overwrite").parquet(counts.toString());
    Path countsOut = Path.of("target", "test-out", name).toAbsolutePath();
    ImpactJob.run(spark, new ImpactOptions(Optional.empty(), Optional.of(counts.toString()),
        data.out() + "/artists.parquet", Optional.of(data.out() + "/outages.csv"), Optional.empty(),
        Optional.empty(), countsOut.toString(), worldConfig()), m -> { });
    return countsOut;
  }

  private static Dataset<Row> tableIn(Path run, String name) {
    return spark.read().parquet(run.resolve("tables/" + name).toString());
  }

  @Test
  void streamCountsInQuarterHourBucketsFindTheSameLoss() {
    Path countsOut = runOnCounts(15);
    double fromPlays = table("segment_summary").filter(col("segment").equalTo("all")).first()
        .<Double>getAs("lost_plays");
    double fromCounts = tableIn(countsOut, "segment_summary").filter(col("segment")
        .equalTo("all")).first().<Double>getAs("lost_plays");
    // Counts lose only the platform, which a global outage does not need, and quarter hours
    // fall in whole hours: the same cells, so the loss must agree up to rounding.
    assertThat(fromCounts).as("lost plays from counts against from plays")
        .isCloseTo(fromPlays, Percentage.withPercentage(0.5));
    assertThat(tableIn(countsOut, "detected_outages").select("matches_outage_id")
        .collectAsList()).as("counts are searched in their own quarter hours")
        .extracting(r -> r.getString(0)).containsExactly("global-1");
    Dataset<Row> phases = tableIn(countsOut, "artist_phase_metrics");
    assertThat(phases.filter(col("unique_listeners").isNotNull()).count())
        .as("counts carry no listeners").isZero();
    assertThat(phases.filter(col("phase").equalTo("during")).agg(sum("plays")).first().getLong(0))
        .as("plays during, from counts and from plays")
        .isEqualTo(table("artist_phase_metrics").filter(col("phase").equalTo("during"))
            .agg(sum("plays")).first().getLong(0));
  }

  @Test
  void dailyCountsMeasureTheOutageOverItsWholeDay() throws IOException {
    Path countsOut = runOnCounts(1440);
    assertThat(tableIn(countsOut, "artist_phase_metrics").filter(col("phase").equalTo("during"))
        .select("hours").distinct().collectAsList()).as("the during phase is the whole day")
        .extracting(r -> r.getDouble(0)).containsExactly(24.0);
    long removed = spark.read().parquet(data.out() + "/truth/outage_artist_truth.parquet")
        .agg(sum("removed_plays")).first().getLong(0);
    Row all = tableIn(countsOut, "segment_summary").filter(col("segment").equalTo("all"))
        .first();
    // A day's count hides when in the day the plays went missing, and its level can only be
    // compared with whole days before it, so the estimate is much less precise than from hours:
    // the check is that the truth lies inside the job's own calibrated interval, and the sign.
    assertThat((double) removed).as("truth inside the interval from daily counts")
        .isBetween(all.<Double>getAs("lost_plays_low"), all.<Double>getAs("lost_plays_high"));
    assertThat(all.<Double>getAs("lost_plays")).as("a loss, not a gain").isPositive();
    JsonNode run = new ObjectMapper().readTree(countsOut.resolve("run.json").toFile());
    assertThat(run.path("detection").path("skipped").asText())
        .as("daily counts cannot be searched for outages, and the run says so")
        .contains("buckets of 1440 minutes are too coarse");
    assertThat(run.path("warnings").toString()).contains("were not checked against the data");
    JsonNode outage = run.path("outages").get(0);
    assertThat(outage.path("measured_from").asText()).endsWith("T00:00:00Z");
    assertThat(outage.path("measured_to").asText()).endsWith("T00:00:00Z");
  }

  private static Dataset<Row> table(String name) {
    return spark.read().parquet(out.resolve("tables/" + name).toString());
  }
}
