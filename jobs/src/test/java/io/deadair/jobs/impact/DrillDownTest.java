package io.deadair.jobs.impact;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.deadair.common.config.ImpactConfig;
import io.deadair.common.contract.DrillDownTables;
import io.deadair.sample.GeneratorOptions;
import io.deadair.sample.testing.GeneratedData;
import io.deadair.sample.testing.SharedSpark;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Where the artists lost, on generated data with a global, a regional and a platform outage:
 * the market and label tables add up to artist_impact and agree with the generator's truth.
 */
class DrillDownTest {

  private static SparkSession spark;
  private static GeneratorOptions data;
  private static Path out;

  @BeforeAll
  static void runJob() {
    spark = SharedSpark.session();
    data = GeneratedData.withOutages();
    out = Path.of("target", "test-out", "drill-down").toAbsolutePath();
    ImpactJob.run(spark, new ImpactOptions(Optional.of(data.out() + "/plays"), Optional.empty(),
        data.out() + "/artists.parquet", Optional.of(data.out() + "/outages.csv"),
        Optional.of(data.out() + "/releases.parquet"), Optional.empty(), out.toString(),
        ImpactConfig.load(Path.of(data.out(), ImpactOptions.WORLD_CONFIG)),
        Optional.of(data.out() + "/promotions.csv")), m -> { });
  }

  private static Dataset<Row> table(String name) {
    return spark.read().parquet(out + "/tables/" + name);
  }

  private static Dataset<Row> truth(String name) {
    return spark.read().option("header", "true").option("inferSchema", "true")
        .csv(data.out() + "/truth/" + name + ".csv");
  }

  @Test
  void marketPartsAddUpToEachOutagesArtists() {
    Dataset<Row> parts = table("artist_market_impact").groupBy("outage_id")
        .agg(sum("expected_plays").as("e"), sum("lost_plays").as("l"),
            sum("lost_revenue_usd").as("r"));
    Dataset<Row> artists = table("artist_impact").groupBy("outage_id")
        .agg(sum("expected_plays").as("e"), sum("lost_plays").as("l"),
            sum("lost_revenue_usd").as("r"));
    List<Row> both = parts.join(artists.toDF("outage_id", "ae", "al", "ar"), "outage_id")
        .collectAsList();
    assertThat(both).hasSize(3);
    for (Row r : both) {
      // The same sums in another order: only float rounding may differ.
      assertThat(r.getDouble(1)).as("expected").isCloseTo(r.getDouble(4), within(1e-6));
      assertThat(r.getDouble(2)).as("lost").isCloseTo(r.getDouble(5), within(1e-6));
      assertThat(r.getDouble(3)).as("revenue").isCloseTo(r.getDouble(6), within(1e-9));
    }
    assertThat(table("artist_market_impact").filter(col("in_scope").equalTo(false)
        .and(col("lost_plays").notEqual(0))).count()).as("out of scope, nothing is lost")
        .isZero();
  }

  @Test
  void eachCountrysLossAgreesWithTheTruth() {
    Dataset<Row> measured = table("artist_market_impact").filter(col("in_scope"))
        .groupBy("outage_id", "country").agg(sum("lost_plays").as("lost"),
            sum(col("lost_plays_high").minus(col("lost_plays")).multiply(
                col("lost_plays_high").minus(col("lost_plays")))).as("half_sq"));
    Dataset<Row> truth = truth("outage_market_truth").groupBy("outage_id", "country")
        .agg(sum("removed_plays").as("removed"));
    List<Row> rows = measured.join(truth, new String[] {"outage_id", "country"}, "left")
        .select(col("outage_id"), col("country"), col("lost"), col("half_sq"),
            coalesce(col("removed"), lit(0L)).as("removed")).collectAsList();
    long inside = 0;
    for (Row r : rows) {
      // A country's parts belong to different artists, whose errors are their own: their
      // half-widths add in quadrature.
      double half = Math.sqrt(r.<Double>getAs("half_sq"));
      inside += Math.abs(r.<Double>getAs("lost") - r.<Long>getAs("removed")) <= half ? 1 : 0;
    }
    assertThat(rows).as("the countries in scope of three outages").hasSizeGreaterThan(40);
    // 95 % intervals, seeded data: 85 % or fewer inside would happen under 1 % of the time.
    assertThat((double) inside / rows.size()).as("countries inside their interval")
        .isGreaterThanOrEqualTo(0.85);
  }

  @Test
  void eachLabelsLossAgreesWithTheTruth() {
    Dataset<Row> artists = spark.read().parquet(data.out() + "/artists.parquet")
        .select(col("artist_id"), coalesce(col("label_id"),
            lit(DrillDownTables.INDEPENDENT)).as("label_id"));
    List<Row> rows = truth("outage_artist_truth").join(artists, "artist_id")
        .groupBy("outage_id", "label_id").agg(sum("removed_plays").as("removed"))
        .join(table("label_impact"), new String[] {"outage_id", "label_id"}).collectAsList();
    long inside = rows.stream().filter(r -> r.<Double>getAs("lost_plays_low")
        <= r.<Long>getAs("removed") && r.<Long>getAs("removed")
        <= r.<Double>getAs("lost_plays_high")).count();
    assertThat(rows).as("11 labels and the independents in each of 3 outages").hasSize(36);
    // 95 % intervals over 36 labels, seeded: 30 or fewer inside would happen about 3 % of the
    // time if they were right.
    assertThat(inside).as("labels inside their interval").isGreaterThan(30);
    double lost = rows.stream().mapToDouble(r -> r.<Double>getAs("lost_plays")).sum();
    double removed = rows.stream().mapToDouble(r -> r.<Long>getAs("removed")).sum();
    assertThat(lost).as("every label's loss together").isCloseTo(removed, within(0.05 * removed));
  }

  @Test
  void dailyPlaysWithTheLossPutBackAddUpAndMatchTheTruth() {
    Row totals = table("artist_daily_adjusted").agg(sum("observed_plays"), sum("lost_plays"))
        .first();
    long plays = spark.read().parquet(data.out() + "/plays").count();
    assertThat(totals.getDouble(0)).as("every play is on its day").isEqualTo((double) plays);
    double lost = table("artist_impact").agg(sum("lost_plays")).first().getDouble(0);
    assertThat(totals.getDouble(1)).as("every window's loss is put back")
        .isCloseTo(lost, within(1e-6));
    long removed = truth("outage_artist_truth").agg(sum("removed_plays")).first().getLong(0);
    // The job's total loss is within a few % of the truth on this data (ImpactJobTest); the
    // daily table only moves it to its days.
    assertThat(totals.getDouble(1)).isCloseTo(removed, within(0.05 * removed));
    assertThat(table("track_daily_adjusted").count()).as("tracks followed").isPositive();
  }

  @Test
  void promotionsThatMetAnOutageAreListed() {
    Dataset<Row> promotions = spark.read().option("header", "true")
        .csv(data.out() + "/promotions.csv");
    Dataset<Row> listed = table("promotion_impact");
    assertThat(listed.count()).isPositive();
    assertThat(listed.select("promotion_id").distinct().count())
        .isLessThanOrEqualTo(promotions.count());
    assertThat(listed.filter(col("overlap_hours").equalTo(0)
        .and(col("lost_plays").notEqual(0))).count()).as("no overlap, no loss").isZero();
  }

  @Test
  void playsWithoutSourceAndArtistsWithoutLabelsStillGetEveryTable() {
    Path plain = Path.of("target", "test-out", "drill-down-plain").toAbsolutePath();
    spark.read().parquet(data.out() + "/plays").drop("source").write().mode("overwrite")
        .parquet(plain + "/in/plays");
    spark.read().parquet(data.out() + "/artists.parquet").drop("label_id", "label_name")
        .write().mode("overwrite").parquet(plain + "/in/artists");
    ImpactJob.Result r = ImpactJob.run(spark, new ImpactOptions(
        Optional.of(plain + "/in/plays"), Optional.empty(), plain + "/in/artists",
        Optional.of(data.out() + "/outages.csv"), Optional.empty(), Optional.empty(),
        plain + "/out", ImpactConfig.load(Path.of(data.out(), ImpactOptions.WORLD_CONFIG))),
        m -> { });
    assertThat(r.rows()).as("every table written").containsKeys("artist_market_impact",
        "label_impact", "promotion_impact", "artist_daily_adjusted", "track_daily_adjusted");
    Dataset<Row> impact = spark.read().parquet(plain + "/out/tables/artist_impact");
    assertThat(impact.filter(col("lost_plays_playlist").isNotNull()).count())
        .as("no source, no split").isZero();
    assertThat(spark.read().parquet(plain + "/out/tables/label_impact")
        .select("label_id").distinct().collectAsList()).as("everyone is independent")
        .containsExactly(RowFactory.create(DrillDownTables.INDEPENDENT));
    assertThat(spark.read().parquet(plain + "/out/tables/segment_summary")
        .filter(col("playlist_lost_pct").isNotNull()).count()).isZero();
  }
}
