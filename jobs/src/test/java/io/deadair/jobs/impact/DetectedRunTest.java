package io.deadair.jobs.impact;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deadair.common.config.ImpactConfig;
import io.deadair.sample.GeneratorOptions;
import io.deadair.sample.testing.GeneratedData;
import io.deadair.sample.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs with outages found in the data: with and without an incident log, and on data with no
 * outage at all.
 */
class DetectedRunTest {

  private static SparkSession spark;
  private static GeneratorOptions data;
  private static Path declaredOut;
  private static Path foundOut;
  private static ImpactJob.Result found;

  @BeforeAll
  static void runBoth() {
    spark = SharedSpark.session();
    data = GeneratedData.withOutages();
    declaredOut = Path.of("target", "test-out", "detected-declared").toAbsolutePath();
    foundOut = Path.of("target", "test-out", "detected-found").toAbsolutePath();
    ImpactJob.run(spark, options(Optional.of(data.out() + "/outages.csv"), declaredOut), m -> { });
    found = ImpactJob.run(spark, options(Optional.empty(), foundOut), m -> { });
  }

  private static ImpactOptions options(Optional<String> outages, Path out) {
    return new ImpactOptions(Optional.of(data.out() + "/plays"), Optional.empty(),
        data.out() + "/artists.parquet", outages, Optional.of(data.out() + "/releases.parquet"),
        Optional.empty(), out.toString(), ImpactConfig.defaults());
  }

  @Test
  void everyDeclaredOutageIsFoundWithinTenMinutesOfItsEdgesAndMatched() {
    List<Row> declared = spark.read().option("header", "true").csv(data.out() + "/outages.csv")
        .orderBy("start").collectAsList();
    List<Row> rows = spark.read().parquet(declaredOut + "/tables/detected_outages")
        .orderBy("start").collectAsList();
    assertThat(rows).hasSameSizeAs(declared);
    for (int i = 0; i < rows.size(); i++) {
      Row d = declared.get(i);
      Row f = rows.get(i);
      assertThat(f.<String>getAs("matches_outage_id")).isEqualTo(d.getAs("outage_id"));
      assertThat(minutesBetween(d.getAs("start"), f.getAs("start"))).isLessThanOrEqualTo(10);
      assertThat(minutesBetween(d.getAs("end"), f.getAs("end"))).isLessThanOrEqualTo(10);
      assertThat(f.<String>getAs("countries")).isEqualTo(d.getAs("countries"));
      assertThat(f.<String>getAs("platforms")).isEqualTo(d.getAs("platforms"));
    }
  }

  @Test
  void runJsonSaysWhatTheDataShowsForEachDeclaredOutage() throws IOException {
    JsonNode detection = new ObjectMapper().readTree(declaredOut.resolve("run.json").toFile())
        .get("detection");
    assertThat(detection.get("bucket_minutes").asInt()).isEqualTo(5);
    JsonNode first = detection.get("declared_against_data").get(0);
    assertThat(first.get("detected_id").asText()).startsWith("d-");
    assertThat(first.get("data_start").asText()).isNotEmpty();
    assertThat(first.get("mismatches")).isEmpty();
  }

  @Test
  void withoutAnIncidentLogTheWindowsFoundAreMeasuredAndEveryTableIsWritten() throws IOException {
    assertThat(tables(foundOut)).isEqualTo(tables(declaredOut));
    List<String> ids = spark.read().parquet(foundOut + "/tables/artist_impact")
        .select("outage_id").distinct().orderBy("outage_id").collectAsList().stream()
        .map(r -> r.getString(0)).toList();
    assertThat(ids).containsExactly("d-1", "d-2", "d-3");
    assertThat(found.headlines()).hasSize(3);
    assertThat(Files.exists(foundOut.resolve("report/index.html"))).isTrue();
    // The same windows to the bucket, so the same plays lost, up to the bucket edges.
    double declared = lostPlays(declaredOut);
    assertThat(lostPlays(foundOut)).isBetween(0.95 * declared, 1.05 * declared);
  }

  @Test
  void dataWithoutOutagesSaysSoInOneLineAndStillWritesTheDetectionTables() {
    GeneratorOptions quiet = GeneratedData.quiet();
    Path out = Path.of("target", "test-out", "detected-none").toAbsolutePath();
    ImpactJob.Result r = ImpactJob.run(spark, new ImpactOptions(
        Optional.of(quiet.out() + "/plays"), Optional.empty(), quiet.out() + "/artists.parquet",
        Optional.empty(), Optional.empty(), Optional.empty(), out.toString(),
        ImpactConfig.defaults()), m -> { });
    assertThat(r.headlines()).isEmpty();
    assertThat(r.nothingFound()).startsWith("no outage declared and none found in the data")
        .doesNotContain("\n");
    assertThat(spark.read().parquet(out + "/tables/detected_outages").count()).isZero();
    assertThat(spark.read().parquet(out + "/tables/service_series").count()).isPositive();
    assertThat(Files.exists(out.resolve("run.json"))).isTrue();
  }

  private static long minutesBetween(Object a, Object b) {
    return Math.abs(Duration.between(instant(a), instant(b)).toMinutes());
  }

  private static Instant instant(Object v) {
    return v instanceof Timestamp t ? t.toInstant() : Instant.parse(v.toString());
  }

  private static double lostPlays(Path out) {
    return spark.read().parquet(out + "/tables/segment_summary")
        .filter(col("segment").equalTo("all")).agg(sum(
            "lost_plays")).first().getDouble(0);
  }

  private static List<String> tables(Path out) throws IOException {
    try (Stream<Path> s = Files.list(out.resolve("tables"))) {
      return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }
}
