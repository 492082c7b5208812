package io.deadair.jobs.report;

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
import io.deadair.common.config.ImpactConfig;
import io.deadair.common.contract.Contract;
import io.deadair.common.contract.TableSpec;
import io.deadair.common.domain.Segment;
import io.deadair.common.io.InputException;
import io.deadair.jobs.estimate.Quantiles;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads a run's tables and run.json back and reduces them to the small records the report
 * draws: nothing is estimated again. The tables are read on the driver ({@link TableRows}); the
 * report needs their top rows and a few sums.
 */
public final class ReportLoader {

  /** Rows of the most-affected table, and bars of the emerging chart. */
  static final int MOST_AFFECTED = 25;
  static final int TOP_EMERGING = 15;
  private static final String EMERGING = Segment.EMERGING.label();
  /** More rows than this of a per-outage list stay in the CSV files only. */
  static final int LIST_LIMIT = 5_000;
  private static final String KEY = "\u0000";

  private final Configuration conf;
  private final Path dir;
  private final JsonNode run;
  private final Map<String, List<Row>> inMemory;

  private ReportLoader(Configuration conf, Path dir, JsonNode run,
      Map<String, List<Row>> inMemory) {
    this.conf = conf;
    this.dir = dir;
    this.run = run;
    this.inMemory = inMemory;
  }

  /** Loads the report of the run folder {@code dir} (its tables/, csv/ and run.json). */
  public static Report load(SparkSession spark, String dir) {
    return load(spark, dir, Map.of());
  }

  /**
   * Loads the report of the run folder {@code dir}, taking the rows of the tables in
   * {@code inMemory} from there instead of their files (the run that just wrote them).
   */
  public static Report load(SparkSession spark, String dir, Map<String, List<Row>> inMemory) {
    Path root = new Path(dir);
    FileSystem fs = fileSystem(spark, root);
    Path runJson = new Path(root, "run.json");
    try (InputStream in = fs.open(runJson)) {
      return new ReportLoader(spark.sparkContext().hadoopConfiguration(), root,
          new ObjectMapper().readTree(in), inMemory).report(fs);
    } catch (FileNotFoundException e) {
      throw new InputException(dir + " is not a Dead Air run folder: " + runJson
          + " is missing");
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

  private List<Row> table(TableSpec spec) {
    List<Row> rows = inMemory.get(spec.name());
    return rows != null ? rows : TableRows.read(conf, dir, spec);
  }

  private Report report(FileSystem fs) throws IOException {
    JsonNode params = run.path("parameters");
    // A run.json from before a parameter existed reads it at today's default.
    ImpactConfig defaults = ImpactConfig.defaults();
    Map<String, Outage> outages = outages(params.path("after_hours").asInt(defaults.afterHours()));
    List<Row> impact = table(Contract.ARTIST_IMPACT);
    List<Row> phaseMetrics = table(Contract.ARTIST_PHASE_METRICS);
    double minExpected = params.path("min_expected_for_share")
        .asDouble(defaults.minExpectedForShare());
    List<Row> summary = table(Contract.SEGMENT_SUMMARY);
    Map<String, List<Point>> timeline = ReportRecords.byOutage(sorted(filter(
        table(Contract.TIMELINE), r -> "all".equals(r.getAs("series"))),
        Comparator.comparing((Row r) -> r.<String>getAs("outage_id"))
            .thenComparing(r -> r.getTimestamp(r.fieldIndex("hour")))), ReportRecords::point);
    Map<String, List<Release>> releases = ReportRecords.byOutage(limited(emergingFirst(
        table(Contract.RELEASE_IMPACT), "lost_plays")), ReportRecords::release);
    Map<String, List<RoyaltyRisk>> royalty = ReportRecords.byOutage(limited(emergingFirst(
        table(Contract.ROYALTY_RISK), "track_lost_plays_high")), ReportRecords::royaltyRisk);
    Map<String, List<PhaseRates>> phases = phases(impact, phaseMetrics, summary);
    Map<String, List<ShareSpread>> spreads = spreads(impact, minExpected);
    Map<String, List<Artist>> mostAffected = ReportRecords.byOutage(ranked(impact, r -> true,
        MOST_AFFECTED), ReportRecords::artist);
    Map<String, List<Artist>> topEmerging = ReportRecords.byOutage(ranked(impact,
        r -> EMERGING.equals(r.getAs("segment")), TOP_EMERGING), ReportRecords::artist);
    Map<String, List<Market>> markets = ReportRecords.byOutage(table(Contract.REVENUE_BY_MARKET),
        ReportRecords::market);
    Map<String, List<Card>> cards = cards(impact, phaseMetrics, releases);
    Map<String, List<SegmentTotals>> totals =
        ReportRecords.byOutage(summary, ReportRecords::totals);
    Map<String, ShareTest> tests = ReportRecords.tests(summary);
    List<OutageReport> out = new ArrayList<>();
    for (Outage o : outages.values()) {
      String id = o.id();
      out.add(new OutageReport(o, part(timeline, id), part(totals, id),
          Optional.ofNullable(tests.get(id)), part(phases, id), part(spreads, id),
          part(mostAffected, id), part(topEmerging, id), part(markets, id), part(releases, id),
          part(royalty, id), part(cards, id)));
    }
    return new Report(run.path("started").asText(""), Instant.now(),
        run.path("inputs").path("plays").path("path")
            .asText(run.path("inputs").path("stream_counts").path("path").asText("")),
        params.path("confidence").asDouble(defaults.confidence()), minExpected, out, csvFiles(fs),
        notes(run));
  }

  private static <T> List<T> part(Map<String, List<T>> byOutage, String outageId) {
    return byOutage.getOrDefault(outageId, List.of());
  }

  private static List<Row> filter(List<Row> rows, Predicate<Row> keep) {
    return rows.stream().filter(keep).toList();
  }

  private static List<Row> sorted(List<Row> rows, Comparator<Row> order) {
    List<Row> out = new ArrayList<>(rows);
    out.sort(order);
    return out;
  }

  /** The run's warnings, which the report shows under its title. */
  private static List<String> notes(JsonNode run) {
    List<String> notes = new ArrayList<>();
    run.path("warnings").forEach(w -> notes.add(w.asText()));
    return notes;
  }

  /** The outages of run.json, in its order. */
  private Map<String, Outage> outages(int afterHours) {
    Map<String, Outage> out = new LinkedHashMap<>();
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

  private static String key(Row r) {
    return r.<String>getAs("outage_id") + KEY + r.<String>getAs("artist_id");
  }

  /**
   * Plays per hour of each segment in each phase, from the phase metrics; what was expected
   * during the outage is the segment's expected plays over the same hours.
   */
  private static Map<String, List<PhaseRates>> phases(List<Row> impact, List<Row> metrics,
      List<Row> summary) {
    Map<String, String> segments = new HashMap<>();
    impact.forEach(r -> segments.put(key(r), r.getAs("segment")));
    Map<String, Map<String, double[]>> acc = new HashMap<>();
    for (Row r : metrics) {
      String segment = segments.get(key(r));
      if (segment == null) {
        continue;
      }
      double[] v = acc.computeIfAbsent(r.getAs("outage_id"), k -> new HashMap<>())
          .computeIfAbsent(segment + KEY + r.getAs("phase"), k -> new double[2]);
      v[0] += r.<Long>getAs("plays");
      v[1] = r.<Double>getAs("hours");
    }
    Map<String, List<PhaseRates>> out = new HashMap<>();
    for (Row r : summary) {
      String segment = r.getAs("segment");
      if ("all".equals(segment)) {
        continue;
      }
      Map<String, double[]> o = acc.getOrDefault(r.<String>getAs("outage_id"), Map.of());
      double[] during = o.get(segment + KEY + "during");
      if (during != null && during[1] > 0) {
        out.computeIfAbsent(r.getAs("outage_id"), k -> new ArrayList<>()).add(new PhaseRates(
            segment, perHour(o.get(segment + KEY + "before")), perHour(during),
            r.<Double>getAs("expected_plays") / during[1],
            perHour(o.get(segment + KEY + "after"))));
      }
    }
    out.values().forEach(l -> l.sort(Comparator.comparing(p ->
        ReportModel.SEGMENTS.indexOf(p.segment()))));
    return out;
  }

  private static double perHour(double[] playsAndHours) {
    return playsAndHours == null || playsAndHours[1] <= 0 ? 0
        : playsAndHours[0] / playsAndHours[1];
  }

  /**
   * The spread of each segment's shares lost (percentile_approx's quartiles and 5th and 95th
   * percentiles), over the artists with enough expected plays.
   */
  private static Map<String, List<ShareSpread>> spreads(List<Row> impact, double minExpected) {
    Map<String, Map<String, Quantiles>> quantiles = new HashMap<>();
    Map<String, Map<String, double[]>> sums = new HashMap<>();
    for (Row r : impact) {
      Double pct = r.getAs("lost_pct");
      if (pct == null || r.<Double>getAs("expected_plays") < minExpected) {
        continue;
      }
      String o = r.getAs("outage_id");
      String s = r.getAs("segment");
      quantiles.computeIfAbsent(o, k -> new HashMap<>()).computeIfAbsent(s,
          k -> new Quantiles()).add(pct);
      double[] t = sums.computeIfAbsent(o, k -> new HashMap<>()).computeIfAbsent(s,
          k -> new double[2]);
      t[0]++;
      t[1] += pct;
    }
    Map<String, List<ShareSpread>> out = new HashMap<>();
    quantiles.forEach((o, bySegment) -> bySegment.forEach((s, q) -> {
      double[] t = sums.get(o).get(s);
      out.computeIfAbsent(o, k -> new ArrayList<>()).add(new ShareSpread(s, (long) t[0],
          q.query(0.05), q.query(0.25), q.query(0.5), q.query(0.75), q.query(0.95),
          t[1] / t[0]));
    }));
    out.values().forEach(l -> l.sort(Comparator.comparing(s ->
        ReportModel.SEGMENTS.indexOf(s.segment()))));
    return out;
  }

  /** The top {@code n} rows of each outage by lost revenue (ties by artist id). */
  private static List<Row> ranked(List<Row> impact, Predicate<Row> keep, int n) {
    List<Row> rows = sorted(filter(impact, keep), Comparator
        .comparing((Row r) -> r.<String>getAs("outage_id"))
        .thenComparing(r -> -r.<Double>getAs("lost_revenue_usd"))
        .thenComparing(r -> r.<String>getAs("artist_id")));
    List<Row> out = new ArrayList<>();
    Map<String, Integer> taken = new HashMap<>();
    for (Row r : rows) {
      if (taken.merge(r.getAs("outage_id"), 1, Integer::sum) <= n) {
        out.add(r);
      }
    }
    return out;
  }

  /** Emerging artists' rows first, each part by {@code column} descending, then artist id. */
  private static List<Row> emergingFirst(List<Row> rows, String column) {
    return sorted(rows, Comparator.comparing((Row r) -> EMERGING.equals(r.getAs("segment"))
            ? 0 : 1)
        .thenComparing((Row r) -> r.<Double>getAs(column),
            Comparator.nullsLast(Comparator.reverseOrder()))
        .thenComparing(r -> r.<String>getAs("artist_id")));
  }

  private static List<Row> limited(List<Row> rows) {
    return rows.size() <= LIST_LIMIT ? rows : rows.subList(0, LIST_LIMIT);
  }

  /**
   * The artist cards: each highlighted artist's series, impact, normal week (168 h at the
   * baseline's plays per hour) and colliding releases; emerging artists first, by lost revenue.
   */
  private Map<String, List<Card>> cards(List<Row> impact, List<Row> metrics,
      Map<String, List<Release>> releases) {
    List<Row> series = sorted(table(Contract.ARTIST_TIMELINE), Comparator
        .comparing((Row r) -> r.<String>getAs("outage_id"))
        .thenComparing(r -> r.<String>getAs("artist_id"))
        .thenComparing(r -> r.getTimestamp(r.fieldIndex("hour"))));
    Map<String, List<Point>> points = ReportRecords.byKey(series, ReportLoader::key,
        ReportRecords::point);
    Set<String> chosen = new HashSet<>(points.keySet());
    Map<String, Double> perHour = new HashMap<>();
    for (Row r : metrics) {
      if ("before".equals(r.getAs("phase")) && chosen.contains(key(r))) {
        perHour.put(key(r), r.getAs("plays_per_hour"));
      }
    }
    Map<String, List<Card>> out = new HashMap<>();
    for (Row r : impact) {
      String key = key(r);
      if (!chosen.contains(key)) {
        continue;
      }
      Artist a = ReportRecords.artist(r);
      String id = r.getAs("outage_id");
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
