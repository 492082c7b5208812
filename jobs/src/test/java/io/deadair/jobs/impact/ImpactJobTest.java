package io.deadair.jobs.impact;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deadair.common.config.ImpactConfig;
import io.deadair.common.contract.Contract;
import io.deadair.sample.GeneratorOptions;
import io.deadair.sample.testing.GeneratedData;
import io.deadair.sample.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the whole job on generated data with one severe global outage of known size. */
class ImpactJobTest {

  private static SparkSession spark;
  private static GeneratorOptions data;
  private static Path out;

  @BeforeAll
  static void runJob() {
    spark = SharedSpark.session();
    data = GeneratedData.generate("impact-global-90", new GeneratorOptions("", 300, 35, 20_000,
        GeneratorOptions.defaultUsers(20_000), 3, LocalDate.of(2026, 1, 5), 0,
        List.of("global:3:0.9")));
    out = Path.of("target", "test-out", "impact-global-90").toAbsolutePath();
    ImpactJob.run(spark, new ImpactOptions(Optional.of(data.out() + "/plays"), Optional.empty(),
        data.out() + "/artists.parquet", data.out() + "/outages.csv",
        Optional.of(data.out() + "/releases.parquet"), Optional.empty(), out.toString(),
        ImpactConfig.defaults()), m -> { });
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
  void everyTableIsWrittenWithTheContractsColumns() throws IOException {
    for (String t : List.of("artist_impact", "artist_phase_metrics", "segment_summary",
        "timeline", "release_impact", "royalty_risk")) {
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
    assertThat(counts.path("rows_used").asLong() + counts.path("rows_rejected_unreadable")
        .asLong() + counts.path("rows_dropped_outside_windows").asLong()).isEqualTo(read);
    Dataset<Row> plays = spark.read().parquet(data.out() + "/plays");
    assertThat(read).as("date folders far from the outage are skipped, not read")
        .isLessThan(plays.count());
    Row o = spark.read().option("header", "true").csv(data.out() + "/outages.csv").first();
    java.time.Instant start = java.time.Instant.parse(o.<String>getAs("start"));
    java.time.Instant end = java.time.Instant.parse(o.<String>getAs("end"));
    long inRange = plays.filter(col("ts").geq(java.sql.Timestamp.from(start.minus(
            java.time.Duration.ofDays(28))))
        .and(col("ts").lt(java.sql.Timestamp.from(end.plus(java.time.Duration.ofHours(24))))))
        .count();
    assertThat(counts.path("rows_used").asLong()).as("plays from 28 days before to 24 h after")
        .isEqualTo(inRange);
    assertThat(run.path("model").path("calibration_factors").size()).isEqualTo(5);
    assertThat(run.path("timings_seconds").size()).isGreaterThan(3);
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

  private static Dataset<Row> table(String name) {
    return spark.read().parquet(out.resolve("tables/" + name).toString());
  }
}
