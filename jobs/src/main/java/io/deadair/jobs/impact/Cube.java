package io.deadair.jobs.impact;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.deadair.common.contract.Contract;
import io.deadair.jobs.read.TableReader;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The one pass over the plays: a compact cube of plays per (artist, hour, country, platform, tier)
 * with minutes, skips and a listener sketch, plus plays per (artist, track, day) for release and
 * royalty questions. Both come out of a single aggregation (grouping sets), so the raw plays are
 * read exactly once; every later step reads the cube.
 *
 * @param hourly the hourly cells of rows that were used
 * @param trackDaily plays per (artist, track, UTC day)
 * @param rowCounts input rows by fate: used, rejected (unreadable), outside (before or after
 *     every window the job needs)
 */
record Cube(Dataset<Row> hourly, Dataset<Row> trackDaily, Map<String, Long> rowCounts,
    String source) {

  static final String USED = "used";

  /** Builds the cube from play events, keeping hours in [fromHour, toHour). */
  static Cube fromPlays(SparkSession spark, String path, long fromHour, long toHour,
      OutputWriter work) {
    TableReader.Read read = TableReader.read(spark, path, Contract.PLAYS,
        raw -> pruneDates(raw, fromHour, toHour));
    read.rows().createOrReplaceTempView("deadair_plays");
    Dataset<Row> cube = spark.sql(String.format("""
        WITH p AS (
          SELECT CASE WHEN _problem IS NOT NULL THEN 'rejected'
                      WHEN floor(unix_seconds(ts) / 3600) < %1$d
                        OR floor(unix_seconds(ts) / 3600) >= %2$d THEN 'outside'
                      ELSE 'used' END AS status, *
          FROM deadair_plays),
        u AS (
          SELECT status,
                 IF(status = 'used', artist_id, NULL) AS artist_id,
                 IF(status = 'used', CAST(floor(unix_seconds(ts) / 3600) AS BIGINT), NULL) AS hour,
                 IF(status = 'used', country, NULL) AS country,
                 IF(status = 'used', platform, NULL) AS platform,
                 IF(status = 'used', tier, NULL) AS tier,
                 IF(status = 'used', track_id, NULL) AS track_id,
                 IF(status = 'used', to_date(ts), NULL) AS day,
                 IF(status = 'used', user_id, NULL) AS user_id,
                 CAST(ms_played AS BIGINT) AS ms_played,
                 IF(reason_end IN ('fwdbtn', 'backbtn'), 1, 0) AS skip,
                 IF(reason_end IS NOT NULL, 1, 0) AS known
          FROM p)
        SELECT status, artist_id, hour, country, platform, tier, track_id, day,
               grouping(hour) AS track_level,
               count(1) AS input_rows,
               CAST(count(1) AS DOUBLE) AS plays,
               CAST(sum(ms_played) AS DOUBLE) AS ms_played,
               CAST(sum(skip) AS DOUBLE) AS skips,
               CAST(sum(known) AS DOUBLE) AS known_reason,
               hll_sketch_agg(user_id, 12) AS listeners
        FROM u
        GROUP BY GROUPING SETS ((status, artist_id, hour, country, platform, tier),
                                (status, artist_id, track_id, day))
        """, fromHour, toHour));
    return materialise(work.work("cube", cube), path);
  }

  /**
   * Builds the cube from stream counts. Buckets of an hour or less fall in the hour they start
   * in; longer buckets (up to a day) are spread evenly over their hours, so that a window covers
   * the buckets that overlap it.
   */
  static Cube fromStreamCounts(SparkSession spark, String path, long fromHour, long toHour,
      OutputWriter work) {
    TableReader.Read read = TableReader.read(spark, path, Contract.STREAM_COUNTS);
    read.rows().createOrReplaceTempView("deadair_counts");
    Dataset<Row> cube = spark.sql(String.format("""
        WITH p AS (
          SELECT CASE WHEN _problem IS NOT NULL THEN 'rejected'
                      WHEN bucket_minutes < 5 OR bucket_minutes > 1440 OR streams < 0
                        THEN 'rejected'
                      WHEN floor(unix_seconds(bucket_start) / 3600) < %1$d
                        OR floor(unix_seconds(bucket_start) / 3600) >= %2$d THEN 'outside'
                      ELSE 'used' END AS status, *,
                 greatest(1, CAST(ceil(bucket_minutes / 60.0) AS INT)) AS span
          FROM deadair_counts),
        e AS (
          SELECT p.*, k FROM p
          LATERAL VIEW explode(sequence(0, IF(status = 'used', span - 1, 0))) s AS k),
        u AS (
          SELECT status,
                 IF(status = 'used', artist_id, NULL) AS artist_id,
                 IF(status = 'used',
                    CAST(floor(unix_seconds(bucket_start) / 3600) AS BIGINT) + k, NULL) AS hour,
                 IF(status = 'used', country, NULL) AS country,
                 CAST(NULL AS STRING) AS platform,
                 IF(status = 'used', tier, NULL) AS tier,
                 IF(status = 'used', track_id, NULL) AS track_id,
                 IF(status = 'used', to_date(bucket_start), NULL) AS day,
                 IF(k = 0, 1, 0) AS input_row,
                 CAST(streams AS DOUBLE) / span AS plays
          FROM e)
        SELECT status, artist_id, hour, country, platform, tier, track_id, day,
               grouping(hour) AS track_level,
               sum(input_row) AS input_rows,
               sum(plays) AS plays,
               CAST(NULL AS DOUBLE) AS ms_played,
               CAST(NULL AS DOUBLE) AS skips,
               CAST(0 AS DOUBLE) AS known_reason,
               CAST(NULL AS BINARY) AS listeners
        FROM u
        GROUP BY GROUPING SETS ((status, artist_id, hour, country, platform, tier),
                                (status, artist_id, track_id, day))
        """, fromHour, toHour));
    return materialise(work.work("cube", cube), path);
  }

  /** Counts the rows by fate and splits the cube, read back from its files, into its parts. */
  private static Cube materialise(Dataset<Row> cube, String source) {
    Dataset<Row> cached = cube;
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put(USED, 0L);
    counts.put("rejected", 0L);
    counts.put("outside", 0L);
    for (Row r : cached.filter(col("track_level").equalTo(0)).groupBy("status")
        .agg(org.apache.spark.sql.functions.sum("input_rows")).collectAsList()) {
      counts.put(r.getString(0), r.getLong(1));
    }
    Dataset<Row> used = cached.filter(col("status").equalTo(USED));
    Dataset<Row> hourly = used.filter(col("track_level").equalTo(0))
        .select("artist_id", "hour", "country", "platform", "tier", "plays", "ms_played",
            "skips", "known_reason", "listeners");
    Dataset<Row> tracks = used.filter(col("track_level").equalTo(1)
            .and(col("track_id").isNotNull()))
        .select("artist_id", "track_id", "day", "plays");
    return new Cube(hourly, tracks, counts, source);
  }

  /** Skips partition folders outside the needed days when the input is partitioned by date. */
  private static Dataset<Row> pruneDates(Dataset<Row> raw, long fromHour, long toHour) {
    if (!Arrays.asList(raw.columns()).contains("date")) {
      return raw;
    }
    String from = java.time.LocalDate.ofEpochDay(Math.floorDiv(fromHour, 24) - 1).toString();
    String to = java.time.LocalDate.ofEpochDay(Math.floorDiv(toHour, 24) + 1).toString();
    return raw.filter(col("date").cast("date").between(lit(from).cast("date"),
        lit(to).cast("date")));
  }

  long usedRows() {
    return rowCounts.getOrDefault(USED, 0L);
  }
}
