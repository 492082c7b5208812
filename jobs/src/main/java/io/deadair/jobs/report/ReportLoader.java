package io.deadair.jobs.report;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deadair.charts.ReportModel;
import io.deadair.charts.ReportModel.Artist;
import io.deadair.charts.ReportModel.Card;
import io.deadair.charts.ReportModel.Market;
import io.deadair.charts.ReportModel.Outage;
import io.deadair.charts.ReportModel.OutageReport;
import io.deadair.charts.ReportModel.PhaseRates;
import io.deadair.charts.ReportModel.Point;
import io.deadair.charts.ReportModel.Release;
import io.deadair.charts.ReportModel.Report;
import io.deadair.charts.ReportModel.RoyaltyRisk;
import io.deadair.charts.ReportModel.SegmentTotals;
import io.deadair.charts.ReportModel.ShareSpread;
import io.deadair.charts.ReportModel.ShareTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import io.deadair.jobs.spark.DriverPool;

/**
 * Reads a run's tables and run.json back and reduces them, on Spark, to the small records the
 * report draws: nothing is estimated again, and only chart-sized results reach the driver.
 */
public final class ReportLoader {

  /** Rows of the most-affected table, and bars of the emerging chart. */
  static final int MOST_AFFECTED = 25;
  static final int TOP_EMERGING = 15;
  /** More rows than this of a per-outage list stay in the CSV files only. */
  static final int LIST_LIMIT = 5_000;

  private final SparkSession spark;
  private final Path dir;
  private final JsonNode run;

  private ReportLoader(SparkSession spark, Path dir, JsonNode run) {
    this.spark = spark;
    this.dir = dir;
    this.run = run;
  }

  /** Loads the report of the run folder {@code dir} (its tables/, csv/ and run.json). */
  public static Report load(SparkSession spark, String dir) {
    Path root = new Path(dir);
    FileSystem fs = fileSystem(spark, root);
    Path runJson = new Path(root, "run.json");
    try (InputStream in = fs.open(runJson)) {
      return new ReportLoader(spark, root, new ObjectMapper().readTree(in)).report(fs);
    } catch (java.io.FileNotFoundException e) {
      throw new io.deadair.jobs.read.InputException(dir + " is not a Dead Air run folder: "
          + runJson + " is missing");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + runJson + ": " + e.getMessage(), e);
    }
  }

  static FileSystem fileSystem(SparkSession spark, Path p) {
    try {
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open " + p + ": " + e.getMessage(), e);
    }
  }

  private Report report(FileSystem fs) throws IOException {
    JsonNode params = run.path("parameters");
    Map<String, Outage> outages = outages(params.path("after_hours").asInt(24));
    Dataset<Row> impact = table("artist_impact");
    double minExpected = params.path("min_expected_for_share").asDouble(5);
    // Each part is a few small Spark jobs whose planning on the driver can overlap another's.
    try (DriverPool pool = new DriverPool("deadair-report", 3)) {
      Future<Map<String, List<Point>>> timeline = pool.submit(() -> ReportRecords.byOutage(
          table("timeline").filter(col("series").equalTo("all")).orderBy("outage_id", "hour")
              .collectAsList(), ReportRecords::point));
      // segment_summary has at most four rows per outage.
      List<Row> summary = table("segment_summary").collectAsList();
      Future<Map<String, List<PhaseRates>>> phases = pool.submit(() -> phases(impact, summary));
      Future<Map<String, List<ShareSpread>>> spreads =
          pool.submit(() -> spreads(impact, minExpected));
      Future<Map<String, List<Artist>>> mostAffected = pool.submit(() -> ReportRecords.byOutage(
          ranked(impact, MOST_AFFECTED).collectAsList(), ReportRecords::artist));
      Future<Map<String, List<Artist>>> topEmerging = pool.submit(() -> ReportRecords.byOutage(
          ranked(impact.filter(col("segment").equalTo("emerging")), TOP_EMERGING)
              .collectAsList(), ReportRecords::artist));
      Future<Map<String, List<Market>>> markets = pool.submit(() -> ReportRecords.byOutage(
          table("revenue_by_market").collectAsList(), ReportRecords::market));
      Future<Map<String, List<Release>>> releases = pool.submit(() -> ReportRecords.byOutage(
          emergingFirst(table("release_impact"), col("lost_plays").desc_nulls_last())
              .limit(LIST_LIMIT).collectAsList(), ReportRecords::release));
      Future<Map<String, List<RoyaltyRisk>>> royalty = pool.submit(() -> ReportRecords.byOutage(
          emergingFirst(table("royalty_risk"), col("track_lost_plays_high").desc())
              .limit(LIST_LIMIT).collectAsList(), ReportRecords::royaltyRisk));
      Future<Map<String, List<Card>>> cards =
          pool.submit(() -> cards(impact, DriverPool.get(releases)));
      Map<String, List<SegmentTotals>> totals =
          ReportRecords.byOutage(summary, ReportRecords::totals);
      Map<String, ShareTest> tests = ReportRecords.tests(summary);
      List<OutageReport> out = new ArrayList<>();
      for (Outage o : outages.values()) {
        String id = o.id();
        out.add(new OutageReport(o, part(timeline, id),
            totals.getOrDefault(id, List.of()), Optional.ofNullable(tests.get(id)),
            part(phases, id),
            part(spreads, id), part(mostAffected, id), part(topEmerging, id),
            part(markets, id), part(releases, id), part(royalty, id), part(cards, id)));
      }
      return new Report(run.path("started").asText(""), Instant.now(),
          run.path("inputs").path("plays").path("path")
              .asText(run.path("inputs").path("stream_counts").path("path").asText("")),
          params.path("confidence").asDouble(0.95), minExpected, out, csvFiles(fs),
          notes(run));
    }
  }

  /** The run's warnings, which the report shows under its title. */
  private static List<String> notes(JsonNode run) {
    List<String> notes = new ArrayList<>();
    run.path("warnings").forEach(w -> notes.add(w.asText()));
    return notes;
  }

  /** One outage's part of a per-outage result. */
  private static <T> List<T> part(Future<Map<String, List<T>>> f, String outageId) {
    return DriverPool.get(f).getOrDefault(outageId, List.of());
  }

  private Dataset<Row> table(String name) {
    Path p = new Path(dir, "tables/" + name);
    try {
      if (!fileSystem(spark, p).exists(p)) {
        throw new io.deadair.jobs.read.InputException(p + " is missing: " + dir + " is not a"
            + " complete run of this version of Dead Air; run it again to draw its report");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + p + ": " + e.getMessage(), e);
    }
    return spark.read().parquet(p.toString());
  }

  /** The outages of run.json, in its order. */
  private Map<String, Outage> outages(int afterHours) {
    Map<String, Outage> out = new java.util.LinkedHashMap<>();
    for (JsonNode o : run.path("outages")) {
      Instant start = Instant.parse(o.path("start").asText());
      Instant end = Instant.parse(o.path("end").asText());
      Instant from = o.has("measured_from") ? Instant.parse(o.path("measured_from").asText())
          : start;
      Instant to = o.has("measured_to") ? Instant.parse(o.path("measured_to").asText()) : end;
      out.put(o.path("outage_id").asText(), new Outage(o.path("outage_id").asText(), start, end,
          from, to, to.plus(Duration.ofHours(afterHours)), o.path("countries").asText("*"),
          o.path("platforms").asText("*"), o.path("description").asText("")));
    }
    return out;
  }

  /**
   * Plays per hour of each segment in each phase, from the phase metrics; what was expected
   * during the outage is the segment's expected plays over the same hours.
   */
  private Map<String, List<PhaseRates>> phases(Dataset<Row> impact, List<Row> summary) {
    Map<String, Map<String, double[]>> acc = new HashMap<>();
    for (Row r : table("artist_phase_metrics")
        .join(impact.select("outage_id", "artist_id", "segment"),
            new String[] {"outage_id", "artist_id"})
        .groupBy("outage_id", "segment", "phase")
        .agg(sum("plays"), first("hours")).collectAsList()) {
      double[] v = acc.computeIfAbsent(r.getString(0), k -> new HashMap<>())
          .computeIfAbsent(r.getString(1), k -> new double[5]);
      double perHour = r.getDouble(4) > 0 ? r.getLong(3) / r.getDouble(4) : 0;
      switch (r.getString(2)) {
        case "before" -> v[0] = perHour;
        case "during" -> {
          v[1] = perHour;
          v[3] = r.getDouble(4);
        }
        default -> v[2] = perHour;
      }
    }
    Map<String, List<PhaseRates>> out = new HashMap<>();
    for (Row r : summary) {
      if ("all".equals(r.getAs("segment"))) {
        continue;
      }
      double[] v = acc.getOrDefault(r.<String>getAs("outage_id"), Map.of())
          .get(r.<String>getAs("segment"));
      if (v != null && v[3] > 0) {
        out.computeIfAbsent(r.getAs("outage_id"), k -> new ArrayList<>()).add(new PhaseRates(
            r.getAs("segment"), v[0], v[1], r.<Double>getAs("expected_plays") / v[3], v[2]));
      }
    }
    out.values().forEach(l -> l.sort(Comparator.comparing(p ->
        ReportModel.SEGMENTS.indexOf(p.segment()))));
    return out;
  }

  private static Map<String, List<ShareSpread>> spreads(Dataset<Row> impact, double minExpected) {
    Map<String, List<ShareSpread>> out = new HashMap<>();
    for (Row r : impact.filter(col("expected_plays").geq(minExpected)
            .and(col("lost_pct").isNotNull()))
        .groupBy("outage_id", "segment")
        .agg(count(lit(1)), percentile_approx(col("lost_pct"), array(lit(0.05), lit(0.25),
            lit(0.5), lit(0.75), lit(0.95)), lit(10_000)), avg("lost_pct"))
        .collectAsList()) {
      List<Double> q = r.getList(3);
      out.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(new ShareSpread(
          r.getString(1), r.getLong(2), q.get(0), q.get(1), q.get(2), q.get(3), q.get(4),
          r.getDouble(4)));
    }
    out.values().forEach(l -> l.sort(Comparator.comparing(s ->
        ReportModel.SEGMENTS.indexOf(s.segment()))));
    return out;
  }

  /** The top {@code n} rows of each outage by lost revenue (ties by artist id). */
  private static Dataset<Row> ranked(Dataset<Row> impact, int n) {
    return impact.withColumn("rank", row_number().over(Window.partitionBy("outage_id")
            .orderBy(col("lost_revenue_usd").desc(), col("artist_id"))))
        .filter(col("rank").leq(n)).orderBy("outage_id", "rank");
  }

  /** Emerging artists' rows first, each part in {@code order}, then by artist id. */
  private static Dataset<Row> emergingFirst(Dataset<Row> t, org.apache.spark.sql.Column order) {
    return t.orderBy(org.apache.spark.sql.functions.when(col("segment").equalTo("emerging"), 0)
        .otherwise(1), order, col("artist_id"));
  }

  /**
   * The artist cards: each highlighted artist's series, impact, normal week (168 h at the
   * baseline's plays per hour) and colliding releases; emerging artists first, by lost revenue.
   */
  private Map<String, List<Card>> cards(Dataset<Row> impact,
      Map<String, List<Release>> releases) {
    Dataset<Row> series = table("artist_timeline");
    Dataset<Row> chosen = series.select("outage_id", "artist_id").distinct();
    String[] on = {"outage_id", "artist_id"};
    Map<String, List<Point>> points = ReportRecords.byKey(
        series.orderBy("outage_id", "artist_id", "hour").collectAsList(),
        r -> r.getAs("outage_id") + "\u0000" + r.getAs("artist_id"), ReportRecords::point);
    Map<String, Double> perHour = new HashMap<>();
    for (Row r : table("artist_phase_metrics").filter(col("phase").equalTo("before"))
        .join(chosen, on).select("outage_id", "artist_id", "plays_per_hour").collectAsList()) {
      perHour.put(r.getString(0) + "\u0000" + r.getString(1), r.getDouble(2));
    }
    Map<String, List<Card>> out = new HashMap<>();
    for (Row r : impact.join(chosen, on).collectAsList()) {
      Artist a = ReportRecords.artist(r);
      String id = r.getAs("outage_id");
      String key = id + "\u0000" + a.artistId();
      out.computeIfAbsent(id, k -> new ArrayList<>()).add(new Card(a,
          points.getOrDefault(key, List.of()), 168 * perHour.getOrDefault(key, 0.0),
          releases.getOrDefault(id, List.of()).stream()
              .filter(x -> x.artistId().equals(a.artistId())).toList()));
    }
    out.values().forEach(l -> l.sort(Comparator.comparing((Card c) -> !c.artist().emerging())
        .thenComparing(c -> -c.artist().lostRevenue())
        .thenComparing(c -> c.artist().artistId())));
    return out;
  }

  private List<String> csvFiles(FileSystem fs) throws IOException {
    List<String> out = new ArrayList<>();
    Path csv = new Path(dir, "csv");
    if (fs.exists(csv)) {
      for (FileStatus s : fs.listStatus(csv)) {
        if (s.getPath().getName().endsWith(".csv")) {
          out.add(s.getPath().getName());
        }
      }
    }
    out.sort(null);
    return out;
  }
}
