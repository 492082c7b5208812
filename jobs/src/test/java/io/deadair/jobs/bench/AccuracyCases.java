package io.deadair.jobs.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.deadair.jobs.spark.SparkSessions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * For bench/accuracy: joins one run's artist_impact with the generator's truth and adds the naive
 * baseline the targets compare against (per artist, the median of the same hours 1 to 4 weeks
 * earlier), appending one CSV row per (outage, artist) to a results folder.
 *
 * <p>Usage: {@code AccuracyCases DATA_DIR RUN_DIR SEED RESULTS_DIR}
 */
public final class AccuracyCases {

  private AccuracyCases() {}

  public static void main(String[] args) {
    String data = args[0];
    String run = args[1];
    String seed = args[2];
    String results = args[3];
    SparkSession spark = SparkSessions.create("deadair-accuracy");
    try {
      Dataset<Row> plays = spark.read().parquet(data + "/plays");
      List<Row> outages = spark.read().option("header", "true").option("inferSchema", "false")
          .csv(data + "/truth/outages.csv").collectAsList();
      Dataset<Row> naive = null;
      for (Row o : outages) {
        Instant s = Instant.parse(o.getAs("start"));
        Instant e = Instant.parse(o.getAs("end"));
        // Whole hours, as the job reads them.
        long s0 = s.getEpochSecond() / 3600 * 3600;
        long e0 = (e.getEpochSecond() + 3599) / 3600 * 3600;
        List<Column> weeks = new ArrayList<>();
        Column ts = col("ts").cast("long");
        Column any = lit(false);
        for (int w = 1; w <= 4; w++) {
          long back = Duration.ofDays(7L * w).toSeconds();
          Column in = ts.geq(s0 - back).and(ts.lt(e0 - back));
          weeks.add(count(when(in, 1)).as("w" + w));
          any = any.or(in);
        }
        weeks.add(count(when(ts.geq(s0).and(ts.lt(e0)), 1)).as("observed_total"));
        any = any.or(ts.geq(s0).and(ts.lt(e0)));
        Dataset<Row> part = plays.filter(any).groupBy("artist_id")
            .agg(weeks.get(0), weeks.subList(1, weeks.size()).toArray(Column[]::new))
            .selectExpr("artist_id", "w1", "w2", "w3", "w4", "observed_total")
            .withColumn("outage_id", lit(o.<String>getAs("outage_id")))
            .withColumn("severity", lit(Double.parseDouble(o.getAs("severity"))))
            .withColumn("hours", lit((e.getEpochSecond() - s.getEpochSecond()) / 3600.0))
            .withColumn("kind", lit(o.<String>getAs("outage_id").replaceAll("-\\d+$", "")));
        naive = naive == null ? part : naive.unionByName(part);
      }
      Dataset<Row> truth = spark.read().parquet(data + "/truth/outage_artist_truth.parquet");
      Dataset<Row> impact = spark.read().parquet(run + "/tables/artist_impact");
      Dataset<Row> joined = truth.join(impact, new String[] {"outage_id", "artist_id"}, "left")
          .join(naive, new String[] {"outage_id", "artist_id"}, "left")
          .na().fill(0, new String[] {"w1", "w2", "w3", "w4", "observed_total"})
          .selectExpr("'" + seed + "' AS seed", "outage_id", "kind", "hours", "severity",
              "artist_id", "segment", "coalesce(expected_plays, 0) AS expected_plays",
              "counterfactual_plays", "in_scope_plays", "removed_plays",
              "coalesce(lost_plays, 0) AS lost_plays",
              "coalesce(lost_plays_low, 0) AS lost_plays_low",
              "coalesce(lost_plays_high, 0) AS lost_plays_high",
              "w1", "w2", "w3", "w4", "observed_total")
          .selectExpr("*", "sort_array(array(w1, w2, w3, w4)) AS sorted")
          .selectExpr("*", "(sorted[1] + sorted[2]) / 2.0 - observed_total AS naive_lost_plays")
          .drop("sorted", "w1", "w2", "w3", "w4");
      joined.coalesce(1).write().mode(SaveMode.Append).option("header", "true").csv(results);
    } finally {
      spark.stop();
    }
  }
}
