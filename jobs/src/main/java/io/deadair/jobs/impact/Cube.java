package io.deadair.jobs.impact;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.deadair.common.contract.Contract;
import io.deadair.common.model.Buckets;
import io.deadair.common.model.PhaseCalendar;
import io.deadair.jobs.read.TableReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The one pass over the plays. A single aggregation (grouping sets) yields three parts, and every
 * later step reads them, never the plays:
 *
 * <ul>
 *   <li>{@code hourly}: plays, minutes, skips per (artist, hour, country, platform, tier);
 *   <li>{@code trackDaily}: plays per (artist, track, UTC day), for releases and royalties;
 *   <li>{@code slotListeners}: plays, minutes, skips per (artist, phase slot, listener), where a
 *       slot is a run of hours with the same phase for every outage ({@link PhaseCalendar}), so
 *       that unique listeners per phase are exact without a second scan.
 * </ul>
 *
 * <p>Only plain sums are aggregated: Spark's listener sketches would force its slower
 * object-based aggregation on every row (measured: four times slower on the sample).
 *
 * <p>Stream counts add a fourth, tiny part: the distinct buckets (start, minutes), from which the
 * job widens each outage to the buckets that overlap it ({@link Buckets}).
 *
 * @param rowCounts input rows by fate: used, rejected (unreadable), outside (in no hour any
 *     outage needs)
 * @param slotListeners the (artist, slot, listener) rows; null for stream counts
 * @param buckets the distinct (bucket_start, bucket_minutes) of stream counts; null for plays
 * @param input the input the cube was made from
 */
record Cube(Dataset<Row> hourly, Dataset<Row> trackDaily, Dataset<Row> slotListeners,
    Map<String, Long> rowCounts, String source, Dataset<Row> buckets, TableReader.Read input) {

  static final String USED = "used";
  private static final String SLOTS_VIEW = "deadair_hour_slots";

  /** Builds the cube from play events, keeping the hours of the calendar's slots. */
  static Cube fromPlays(SparkSession spark, String path, PhaseCalendar calendar,
      OutputWriter work) {
    TableReader.Read read = TableReader.read(spark, path, Contract.PLAYS,
        raw -> pruneDates(raw, calendar));
    read.rows().createOrReplaceTempView("deadair_plays");
    registerSlots(spark, calendar);
    Dataset<Row> cube = spark.sql("""
        WITH h AS (
          SELECT *, CAST(floor(unix_seconds(ts) / 3600) AS BIGINT) AS ts_hour FROM deadair_plays),
        p AS (
          SELECT /*+ BROADCAST(s) */
                 CASE WHEN h._reason IS NOT NULL THEN 'rejected'
                      WHEN s.slot IS NULL THEN 'outside'
                      ELSE 'used' END AS status, h.*, s.slot
          FROM h LEFT JOIN %1$s s ON h.ts_hour = s.hour),
        u AS (
          SELECT status,
                 IF(status = 'used', artist_id, NULL) AS artist_id,
                 IF(status = 'used', ts_hour, NULL) AS hour,
                 IF(status = 'used', country, NULL) AS country,
                 IF(status = 'used', platform, NULL) AS platform,
                 IF(status = 'used', tier, NULL) AS tier,
                 IF(status = 'used', track_id, NULL) AS track_id,
                 IF(status = 'used', to_date(ts), NULL) AS day,
                 IF(status = 'used', slot, NULL) AS slot,
                 IF(status = 'used', user_id, NULL) AS user_id,
                 CAST(ms_played AS BIGINT) AS ms_played,
                 IF(reason_end IN ('fwdbtn', 'backbtn'), 1, 0) AS skip,
                 IF(reason_end IS NOT NULL, 1, 0) AS known
          FROM p)
        SELECT status, artist_id, hour, country, platform, tier, track_id, day, slot, user_id,
               CASE WHEN grouping(hour) = 0 THEN 0 WHEN grouping(track_id) = 0 THEN 1
                    ELSE 2 END AS level,
               count(1) AS input_rows,
               CAST(count(1) AS DOUBLE) AS plays,
               CAST(sum(ms_played) AS DOUBLE) AS ms_played,
               CAST(sum(skip) AS DOUBLE) AS skips,
               CAST(sum(known) AS DOUBLE) AS known_reason
        FROM u
        GROUP BY GROUPING SETS ((status, artist_id, hour, country, platform, tier),
                                (status, artist_id, track_id, day),
                                (status, artist_id, slot, user_id))
        """.formatted(SLOTS_VIEW));
    return materialise(work.work("cube", cube), read, false);
  }

  /**
   * Builds the cube from stream counts. Buckets of an hour or less fall in the hour they start
   * in; longer buckets (up to a day) are spread evenly over their hours, so that a window covers
   * the buckets that overlap it. Counts carry no listener and their phases are only known once
   * the buckets are (the job rebuilds slot rows from the hourly part), so there is no slot part.
   * The calendar must already allow for widened windows ({@link Buckets#padded}).
   */
  static Cube fromStreamCounts(SparkSession spark, String path, PhaseCalendar calendar,
      OutputWriter work) {
    TableReader.Read read = TableReader.read(spark, path, Contract.STREAM_COUNTS);
    read.rows().createOrReplaceTempView("deadair_counts");
    registerSlots(spark, calendar);
    Dataset<Row> cube = spark.sql("""
        WITH b AS (
          SELECT *,
                 _reason IS NOT NULL AS bad,
                 greatest(1, CAST(ceil(bucket_minutes / 60.0) AS INT)) AS span
          FROM deadair_counts),
        e AS (
          SELECT b.*, k,
                 CAST(floor(unix_seconds(bucket_start) / 3600) AS BIGINT) + k AS ts_hour
          FROM b LATERAL VIEW explode(sequence(0, IF(bad, 0, span - 1))) x AS k),
        p AS (
          SELECT /*+ BROADCAST(s) */
                 CASE WHEN e.bad THEN 'rejected'
                      WHEN s.slot IS NULL THEN 'outside'
                      ELSE 'used' END AS status, e.*, s.slot
          FROM e LEFT JOIN %1$s s ON e.ts_hour = s.hour),
        u AS (
          SELECT status,
                 IF(status = 'used', artist_id, NULL) AS artist_id,
                 IF(status = 'used', ts_hour, NULL) AS hour,
                 IF(status = 'used', country, NULL) AS country,
                 CAST(NULL AS STRING) AS platform,
                 IF(status = 'used', tier, NULL) AS tier,
                 IF(status = 'used', track_id, NULL) AS track_id,
                 IF(status = 'used', to_date(bucket_start + make_interval(0, 0, 0, 0, k)), NULL)
                   AS day,
                 IF(status = 'used', bucket_start, NULL) AS bucket_start,
                 IF(status = 'used', bucket_minutes, NULL) AS bucket_minutes,
                 IF(k = 0, 1, 0) AS input_row,
                 CAST(streams AS DOUBLE) / span AS plays
          FROM p)
        SELECT status, artist_id, hour, country, platform, tier, track_id, day,
               CAST(NULL AS INT) AS slot, CAST(NULL AS STRING) AS user_id,
               bucket_start, bucket_minutes,
               CASE WHEN grouping(hour) = 0 THEN 0 WHEN grouping(track_id) = 0 THEN 1
                    ELSE 3 END AS level,
               sum(input_row) AS input_rows,
               sum(plays) AS plays,
               CAST(NULL AS DOUBLE) AS ms_played,
               CAST(NULL AS DOUBLE) AS skips,
               CAST(0 AS DOUBLE) AS known_reason
        FROM u
        GROUP BY GROUPING SETS ((status, artist_id, hour, country, platform, tier),
                                (status, artist_id, track_id, day),
                                (status, bucket_start, bucket_minutes))
        """.formatted(SLOTS_VIEW));
    return materialise(work.work("cube", cube), read, true);
  }

  /** A small table of (hour, slot) for every hour some outage needs, joined by broadcast. */
  private static void registerSlots(SparkSession spark, PhaseCalendar calendar) {
    hourSlots(spark, calendar).createOrReplaceTempView(SLOTS_VIEW);
  }

  /** One row per (hour, slot) of the calendar. */
  static Dataset<Row> hourSlots(SparkSession spark, PhaseCalendar calendar) {
    StructType schema = new StructType().add("hour", DataTypes.LongType)
        .add("slot", DataTypes.IntegerType);
    List<Row> rows = new ArrayList<>();
    for (PhaseCalendar.Slot s : calendar.slots()) {
      for (long h = s.start(); h < s.end(); h++) {
        rows.add(RowFactory.create(h, s.index()));
      }
    }
    return spark.createDataFrame(rows, schema);
  }

  /** Counts the rows by fate and splits the cube, read back from its files, into its parts. */
  private static Cube materialise(Dataset<Row> cube, TableReader.Read read, boolean isCounts) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put(USED, 0L);
    counts.put("rejected", 0L);
    counts.put("outside", 0L);
    for (Row r : cube.filter(col("level").equalTo(0)).groupBy("status")
        .agg(org.apache.spark.sql.functions.sum("input_rows")).collectAsList()) {
      counts.put(r.getString(0), r.getLong(1));
    }
    Dataset<Row> used = cube.filter(col("status").equalTo(USED));
    Dataset<Row> hourly = used.filter(col("level").equalTo(0))
        .select("artist_id", "hour", "country", "platform", "tier", "plays", "ms_played",
            "skips", "known_reason");
    Dataset<Row> tracks = used.filter(col("level").equalTo(1)
            .and(col("track_id").isNotNull()))
        .select("artist_id", "track_id", "day", "plays");
    Dataset<Row> slots = isCounts ? null : used.filter(col("level").equalTo(2))
        .select("artist_id", "slot", "user_id", "plays", "ms_played", "skips", "known_reason");
    Dataset<Row> buckets = isCounts ? used.filter(col("level").equalTo(3))
        .select("bucket_start", "bucket_minutes") : null;
    return new Cube(hourly, tracks, slots, counts, read.path(), buckets, read);
  }

  /** Skips partition folders outside the needed days when the input is partitioned by date. */
  private static Dataset<Row> pruneDates(Dataset<Row> raw, PhaseCalendar calendar) {
    if (!Arrays.asList(raw.columns()).contains("date")) {
      return raw;
    }
    String from = java.time.LocalDate.ofEpochDay(
        Math.floorDiv(calendar.firstHour(), 24) - 1).toString();
    String to = java.time.LocalDate.ofEpochDay(
        Math.floorDiv(calendar.endHour(), 24) + 1).toString();
    return raw.filter(col("date").cast("date").between(lit(from).cast("date"),
        lit(to).cast("date")));
  }

  /**
   * The unusable rows as quarantine rows. Clean inputs cost nothing: only when the pass found
   * unusable rows does this read the input a second time, for those rows alone.
   */
  Dataset<Row> quarantine() {
    return input.quarantine();
  }

  long usedRows() {
    return rowCounts.getOrDefault(USED, 0L);
  }
}
