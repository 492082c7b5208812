package io.deadair.sample;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.dayofweek;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.hour;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.deadair.sample.testing.GeneratedData;
import io.deadair.sample.testing.SharedSpark;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/** Measures, from the written plays, the properties the generator claims for its service. */
class GeneratorShapeTest {

  private static SparkSession spark;
  private static GeneratorOptions options;
  private static Dataset<Row> plays;

  @BeforeAll
  static void generate() {
    spark = SharedSpark.session();
    options = GeneratedData.quiet();
    plays = spark.read().parquet(options.out() + "/plays").withColumn("local", localTime())
        .cache();
  }

  /** Each play's local wall-clock time in its listener's country. */
  private static Column localTime() {
    Column zone = lit("UTC");
    for (World.Country c : World.COUNTRIES) {
      zone = when(col("country").equalTo(c.code()), lit(c.zone())).otherwise(zone);
    }
    return from_utc_timestamp(col("ts"), zone);
  }

  @Test
  void dailyShapeFollowsLocalHours() {
    long total = plays.count();
    Map<Integer, Long> byHour = new HashMap<>();
    for (Row r : plays.groupBy(hour(col("local")).as("h")).count().collectAsList()) {
      byHour.put(r.getInt(0), r.getLong(1));
    }
    double shapeSum = 0;
    for (double w : World.LOCAL_HOUR_SHAPE) {
      shapeSum += w;
    }
    for (int h = 0; h < 24; h++) {
      double p = World.LOCAL_HOUR_SHAPE[h] / shapeSum;
      double observed = byHour.getOrDefault(h, 0L) / (double) total;
      // Hours are multinomial given the daily counts: relative sd is sqrt((1-p)/(p n)); allow 5.
      double tolerance = 5 * Math.sqrt((1 - p) / (p * total));
      assertThat(observed / p).as("local hour %d share relative to the shape", h)
          .isCloseTo(1.0, within(tolerance));
    }
    assertThat(byHour.get(20)).as("evening peak above the night trough").isGreaterThan(
        5 * byHour.get(4));
  }

  @Test
  void weeklyShapeFollowsLocalWeekdays() {
    // Local days 1..days-2 lie wholly inside the UTC range in every time zone.
    int first = 1;
    int last = options.days() - 2;
    Dataset<Row> inner = plays
        .withColumn("local_day", datediff(to_date(col("local")), lit(options.start().toString())))
        .filter(col("local_day").between(first, last));
    // Releases land on Fridays and lift them on purpose; measure the rhythm without them.
    Dataset<Row> releasing = spark.read().parquet(options.out() + "/releases.parquet")
        .select("artist_id");
    Dataset<Row> perArtist = inner.join(releasing, scalaSeq("artist_id"), "left_anti")
        .groupBy("artist_id")
        .agg(count(lit(1)).as("n"), dayCounts())
        .filter(col("n").geq(50));
    long artists = perArtist.count();
    double[] share = new double[7];
    for (Row r : perArtist.collectAsList()) {
      double n = r.getLong(1);
      for (int w = 0; w < 7; w++) {
        share[w] += r.getLong(2 + w) / n / artists;
      }
    }
    double[] weight = new double[7];
    double norm = 0;
    for (int d = first; d <= last; d++) {
      int w = options.start().plusDays(d).getDayOfWeek().getValue() - 1;
      double x = World.WEEKDAY_SHAPE[w] * (1 + PlayDraws.TREND * ((d + 0.5) / options.days()
          - 0.5));
      weight[w] += x;
      norm += x;
    }
    for (int w = 0; w < 7; w++) {
      double expected = weight[w] / norm;
      // Each artist's weekday share varies by about 15 % (drift and counts); averaged over
      // hundreds of artists that is under 1 %, so 3 % is a wide margin that still sees the
      // 12 % gap between Monday and Friday.
      assertThat(share[w] / expected).as("weekday %d (Monday = 0) relative to the shape; all: %s",
              w, Arrays.toString(share))
          .isCloseTo(1.0, within(0.03));
    }
    assertThat(artists).as("artists with enough plays to measure").isGreaterThan(300);
  }

  /** Plays per local weekday, Monday first; Spark's dayofweek is 1 = Sunday. */
  private static Column[] dayCounts() {
    Column[] out = new Column[7];
    for (int w = 0; w < 7; w++) {
      int sparkDay = (w + 1) % 7 + 1;
      out[w] = sum(when(dayofweek(col("local")).equalTo(sparkDay), 1L).otherwise(0L))
          .as("d" + w);
    }
    return out;
  }

  @Test
  void popularityIsZipfLike() {
    List<Row> top = plays.groupBy("artist_id").count().orderBy(col("count").desc()).limit(200)
        .collectAsList();
    SimpleRegression fit = new SimpleRegression();
    for (int i = 0; i < top.size(); i++) {
      fit.addData(Math.log(i + 1), Math.log(top.get(i).getLong(1)));
    }
    // Drift moves single artists by about 25 % (0.22 in logs); over 200 ranks the slope's
    // standard error is well under 0.05, so 0.15 around the exponent is safe.
    assertThat(fit.getSlope()).as("log plays against log rank")
        .isCloseTo(-ArtistCatalog.ZIPF_EXPONENT, within(0.15));
    long total = plays.count();
    assertThat(top.get(0).getLong(1) / (double) total).as("the biggest artist's share")
        .isBetween(0.08, 0.2);
  }

  @Test
  void emergingArtistsAreManyButSmall() {
    Dataset<Row> artists = spark.read().parquet(options.out() + "/artists.parquet");
    String cutoff = options.start().plusDays(options.days())
        .minusDays(ArtistCatalog.EMERGING_DEBUT_DAYS).toString();
    Dataset<Row> joined = artists.join(plays.groupBy("artist_id").count(), "artist_id", "left")
        .withColumn("recent", col("debut_date").gt(lit(cutoff)));
    long n = artists.count();
    long recent = joined.filter(col("recent")).count();
    assertThat(recent / (double) n).as("share of artists who debuted in the last two years")
        .isBetween(0.25, 0.45);
    Row medians = joined.groupBy().agg(
        org.apache.spark.sql.functions.percentile_approx(
            when(col("recent"), col("count")), lit(0.5), lit(10000)).as("recent"),
        org.apache.spark.sql.functions.percentile_approx(
            when(col("recent").equalTo(false), col("count")), lit(0.5), lit(10000)).as("old"))
        .first();
    assertThat(medians.getLong(0)).as("median plays of a recent debut vs the others")
        .isLessThan(medians.getLong(1));
  }

  @Test
  void premiumShareDiffersByCountryAsConfigured() {
    Dataset<Row> users = plays.groupBy("user_id")
        .agg(first("country").as("country"), first("tier").as("tier"),
            countDistinct("country", "tier").as("combos"));
    assertThat(users.filter(col("combos").gt(1)).count())
        .as("users with more than one country or tier").isZero();
    for (Row r : users.groupBy("country")
        .agg(count(lit(1)).as("n"), sum(when(col("tier").equalTo("premium"), 1L).otherwise(0L))
            .as("premium"))
        .collectAsList()) {
      World.Country c = World.COUNTRIES.get(World.countryIndex(r.getString(0)));
      long n = r.getLong(1);
      double p = c.premiumShare();
      // Tier is a Bernoulli draw per listener: five binomial standard deviations.
      double tolerance = 5 * Math.sqrt(p * (1 - p) / n);
      assertThat(r.getLong(2) / (double) n).as("premium share in %s (%d listeners)", c.code(), n)
          .isCloseTo(p, within(tolerance));
    }
    assertThat(users.select("country").distinct().count()).as("countries with listeners")
        .isGreaterThanOrEqualTo(20);
  }

  @Test
  void skipsAndPlayLengthsLookLikeAPlayLog() {
    Row r = plays.agg(
        sum(when(col("reason_end").isin("fwdbtn", "backbtn"), 1L).otherwise(0L)),
        count(lit(1)),
        sum(when(col("ms_played").lt(0), 1L).otherwise(0L))).first();
    double skipRate = r.getLong(0) / (double) r.getLong(1);
    assertThat(skipRate).as("share of skipped plays").isBetween(0.15, 0.30);
    assertThat(r.getLong(2)).as("negative ms_played").isZero();
  }

  private static Seq<String> scalaSeq(String... names) {
    return CollectionConverters.asScala(List.of(names)).toSeq();
  }
}
