package io.deadair.sample;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.deadair.sample.testing.GeneratedData;
import io.deadair.sample.testing.SharedSpark;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/** Checks the ground truth against the written plays, exactly, for every (outage, artist). */
class GeneratorTruthTest {

  private static SparkSession spark;
  private static GeneratorOptions options;
  private static Dataset<Row> plays;
  private static Dataset<Row> truth;
  private static List<Row> outages;

  @BeforeAll
  static void generate() {
    spark = SharedSpark.session();
    options = GeneratedData.withOutages();
    plays = spark.read().parquet(options.out() + "/plays").cache();
    truth = spark.read().parquet(options.out() + "/truth/outage_artist_truth.parquet").cache();
    outages = spark.read().option("header", "true").option("inferSchema", "true")
        .csv(options.out() + "/truth/outages.csv").collectAsList();
  }

  /** Observed plays per (outage, artist) in [from + startShift, to + endShift). */
  private static Dataset<Row> observed(String name, boolean after) {
    Dataset<Row> out = null;
    for (Row o : outages) {
      Column from = col("ts").cast("long");
      long start = instant(o, "start");
      long end = instant(o, "end");
      Column inside = after
          ? from.geq(end).and(from.lt(end + OutagePlan.AFTER.toSeconds()))
          : from.geq(start).and(from.lt(end));
      Dataset<Row> part = plays.filter(inside).groupBy("artist_id").agg(count(lit(1)).as(name))
          .withColumn("outage_id", lit(o.<String>getAs("outage_id")));
      out = out == null ? part : out.unionByName(part);
    }
    return out;
  }

  private static long instant(Row o, String field) {
    Object v = o.getAs(field);
    return v instanceof Timestamp t ? t.toInstant().getEpochSecond()
        : Instant.parse(v.toString()).getEpochSecond();
  }

  @Test
  void playsInTheWindowAreCounterfactualMinusRemoved() {
    Dataset<Row> joined = truth.join(observed("in_window", false),
            scalaSeq("outage_id", "artist_id"), "left")
        .na().fill(0L, new String[] {"in_window"});
    Dataset<Row> wrong = joined.filter(
        col("in_window").notEqual(col("counterfactual_plays").minus(col("removed_plays"))));
    assertThat(wrong.count()).as("(outage, artist) pairs where plays in the window differ from"
        + " counterfactual - removed; e.g. %s", wrong.limit(3).collectAsList()).isZero();
    assertThat(truth.agg(sum("removed_plays")).first().getLong(0)).as("plays removed in all")
        .isGreaterThan(1_000);
  }

  @Test
  void reboundPlaysAreFoundAfterTheWindow() {
    Dataset<Row> joined = truth.join(observed("after", true),
            scalaSeq("outage_id", "artist_id"), "left")
        .na().fill(0L, new String[] {"after"});
    Dataset<Row> wrong = joined.filter(col("after")
        .notEqual(col("after_counterfactual_plays").plus(col("rebound_plays"))));
    assertThat(wrong.count()).as("pairs where plays after the window differ from"
        + " after_counterfactual + rebound; e.g. %s", wrong.limit(3).collectAsList()).isZero();
  }

  @Test
  void severityAndReboundShareHoldInEveryOutage() {
    for (Row o : outages) {
      long inScope = o.<Number>getAs("in_scope_plays").longValue();
      long removed = o.<Number>getAs("removed_plays").longValue();
      long rebound = o.<Number>getAs("rebound_plays").longValue();
      double severity = o.<Number>getAs("severity").doubleValue();
      double share = o.<Number>getAs("rebound_share").doubleValue();
      String id = o.getAs("outage_id");
      // Removal and rebound are Bernoulli draws per play: five binomial standard deviations.
      assertThat(removed / (double) inScope).as("removed share of in-scope plays in %s", id)
          .isCloseTo(severity, within(5 * Math.sqrt(severity * (1 - severity) / inScope)));
      assertThat(rebound / (double) removed).as("rebound share of removed plays in %s", id)
          .isCloseTo(share, within(5 * Math.sqrt(share * (1 - share) / removed)));
    }
  }

  @Test
  void partialOutagesLeaveTheRestOfTheServiceAlone() {
    Row regional = outages.stream().filter(o -> o.<String>getAs("outage_id")
        .startsWith("regional")).findFirst().orElseThrow();
    long inScope = regional.<Number>getAs("in_scope_plays").longValue();
    long all = regional.<Number>getAs("counterfactual_plays").longValue();
    assertThat(inScope).as("regional outage: in-scope plays").isPositive().isLessThan(all / 2);
    String[] countries = regional.<String>getAs("countries").split(";");
    long start = instant(regional, "start");
    long end = instant(regional, "end");
    Row byScope = plays.filter(col("ts").cast("long").between(start, end - 1)).agg(
        sum(when(col("country").isin((Object[]) countries), 1L).otherwise(0L)),
        count(lit(1))).first();
    long observedIn = byScope.getLong(0);
    long observedOut = byScope.getLong(1) - observedIn;
    long removed = regional.<Number>getAs("removed_plays").longValue();
    assertThat(observedIn).as("plays left inside the regional scope")
        .isEqualTo(inScope - removed);
    assertThat(observedOut).as("plays outside the scope are untouched")
        .isEqualTo(all - inScope);
  }

  @Test
  void everyArtistHasATruthRowForEveryOutage() {
    assertThat(truth.count()).as("truth rows").isEqualTo((long) options.artists()
        * outages.size());
    assertThat(truth.filter(col("removed_plays").gt(col("in_scope_plays"))).count())
        .as("rows removing more than was in scope").isZero();
  }

  private static Seq<String> scalaSeq(String... names) {
    return CollectionConverters.asScala(List.of(names)).toSeq();
  }
}
