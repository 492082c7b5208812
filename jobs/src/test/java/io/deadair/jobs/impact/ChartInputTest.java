package io.deadair.jobs.impact;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deadair.common.config.ImpactConfig;
import io.deadair.sample.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who counts as emerging on daily stream counts: a chart (every artist far above an emerging
 * artist's day) has none, whichever rule is set; the same artists at a hundredth of the streams
 * are small enough, and those with a recent debut are emerging.
 */
class ChartInputTest {

  private static final int ARTISTS = 40;
  private static SparkSession spark;

  @TempDir static Path tmp;

  @BeforeAll
  static void start() {
    spark = SharedSpark.session();
  }

  /**
   * Daily counts of {@code ARTISTS} artists over 45 days, artist i with about 20,000 × (1 + i)
   * streams a day divided by {@code divisor}; every other artist debuted in 2025, the rest have
   * no debut date.
   */
  private static Path counts(String name, int divisor) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    Random random = new Random(7);
    List<String> rows = new ArrayList<>(List.of("bucket_start,bucket_minutes,artist_id,streams"));
    for (int d = 0; d < 45; d++) {
      LocalDate day = LocalDate.of(2026, 1, 1).plusDays(d);
      for (int i = 0; i < ARTISTS; i++) {
        long streams = Math.round(20_000.0 * (1 + i) * (0.9 + 0.2 * random.nextDouble())
            / divisor);
        rows.add(String.format(Locale.ROOT, "%sT00:00:00Z,1440,a%02d,%d", day, i, streams));
      }
    }
    Files.write(dir.resolve("counts.csv"), rows);
    List<String> artists = new ArrayList<>(List.of("artist_id,name,debut_date"));
    for (int i = 0; i < ARTISTS; i++) {
      artists.add(String.format(Locale.ROOT, "a%02d,Artist %d,%s", i, i,
          i % 2 == 0 ? "2025-06-01" : ""));
    }
    Files.write(dir.resolve("artists.csv"), artists);
    Files.writeString(dir.resolve("outages.csv"), "outage_id,start,end,countries,platforms,"
        + "description\nday,2026-02-10T00:00:00Z,2026-02-11T00:00:00Z,*,*,a whole day\n");
    return dir;
  }

  private static Path run(Path dir, ImpactConfig config) {
    Path out = dir.resolve("out-" + (config.segments().relative() ? "relative" : "absolute"));
    ImpactJob.run(spark, new ImpactOptions(Optional.empty(),
        Optional.of(dir.resolve("counts.csv").toString()), dir.resolve("artists.csv").toString(),
        Optional.of(dir.resolve("outages.csv").toString()), Optional.empty(), Optional.empty(),
        out.toString(), config), m -> { });
    return out;
  }

  private static JsonNode runJson(Path out) throws IOException {
    return new ObjectMapper().readTree(out.resolve("run.json").toFile());
  }

  private static long emerging(Path out) {
    return spark.read().parquet(out + "/tables/artist_impact")
        .filter(col("segment").equalTo("emerging")).count();
  }

  @Test
  void aChartHasNoEmergingArtistsWhicheverRuleIsSet() throws IOException {
    Path chart = counts("chart", 1);
    for (ImpactConfig config : List.of(ImpactConfig.defaults(),
        ImpactConfig.fromMap(Map.of("segment.rule", "relative"), "test"))) {
      Path out = run(chart, config);
      JsonNode run = runJson(out);
      JsonNode basis = run.path("outages").get(0).path("segments");
      assertThat(basis.path("looks_like_a_chart").asBoolean()).as("chart").isTrue();
      assertThat(basis.path("artists_without_debut").asLong()).as("half lack a debut date")
          .isEqualTo(ARTISTS / 2);
      assertThat(run.path("notes").toString()).contains("looks like a chart")
          .contains("20 of 40 artists have no debut date");
      assertThat(emerging(out)).as("emerging artists on a chart").isZero();
    }
  }

  @Test
  void smallArtistsWithARecentDebutAreEmerging() throws IOException {
    Path out = run(counts("small", 100), ImpactConfig.defaults());
    JsonNode basis = runJson(out).path("outages").get(0).path("segments");
    assertThat(basis.path("looks_like_a_chart").asBoolean()).isFalse();
    // 250,000 plays per 28 days is 8,929 a day: at about 200 × (1 + i) a day, all 40 artists
    // are below it; the 20 with a recent debut are emerging, the 20 without one are not.
    assertThat(emerging(out)).isEqualTo(ARTISTS / 2);
  }
}
