package io.deadair.jobs.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deadair.charts.ReportModel.Artist;
import io.deadair.charts.ReportModel.Card;
import io.deadair.charts.ReportModel.DetectionReport;
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
import io.deadair.common.contract.DrillDownTables;
import io.deadair.common.contract.OutputTables;
import io.deadair.common.contract.TableSpec;
import io.deadair.common.io.InputException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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

  /**
   * The rows {@code keep} keeps of a table this version added, or none in a run folder made
   * before it existed.
   */
  private List<Row> newerTable(TableSpec spec, Predicate<Row> keep) {
    List<Row> rows = inMemory.get(spec.name());
    if (rows != null) {
      return RowLists.filter(rows, keep);
    }
    try {
      return fileSystem(dir).exists(new Path(dir, "tables/" + spec.name()))
          ? TableRows.read(conf, dir, spec, keep) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + dir + ": " + e.getMessage(), e);
    }
  }

  private FileSystem fileSystem(Path p) throws IOException {
    return p.getFileSystem(conf);
  }

  private Report report(FileSystem fs) throws IOException {
    JsonNode params = run.path("parameters");
    // A run.json from before a parameter existed reads it at today's default.
    ImpactConfig defaults = ImpactConfig.defaults();
    double minExpected = params.path("min_expected_for_share")
        .asDouble(defaults.minExpectedForShare());
    List<OutageReport> outages = outageReports(
        outages(params.path("after_hours").asInt(defaults.afterHours())), minExpected);
    return new Report(run.path("started").asText(""), Instant.now(),
        run.path("inputs").path("plays").path("path")
            .asText(run.path("inputs").path("stream_counts").path("path").asText("")),
        params.path("confidence").asDouble(defaults.confidence()), minExpected, outages,
        csvFiles(fs), notes(run), detection(fs));
  }

  /** What the detector found; absent from a run folder made before it existed. */
  private Optional<DetectionReport> detection(FileSystem fs) throws IOException {
    JsonNode detection = run.path("detection");
    String found = OutputTables.DETECTED_OUTAGES.name();
    if (detection.isMissingNode() || detection.has("skipped")
        || !inMemory.containsKey(found) && !fs.exists(new Path(dir, "tables/" + found))) {
      return Optional.empty();
    }
    return Optional.of(DetectionRecords.of(table(OutputTables.DETECTED_OUTAGES),
        table(OutputTables.SERVICE_SERIES), detection));
  }

  /** Each outage's part of every table, as the report's records. */
  private List<OutageReport> outageReports(Map<String, Outage> outages, double minExpected) {
    List<Row> impact = table(OutputTables.ARTIST_IMPACT);
    List<Row> phaseMetrics = table(OutputTables.ARTIST_PHASE_METRICS);
    List<Row> summary = table(OutputTables.SEGMENT_SUMMARY);
    Map<String, List<Release>> releases = ReportRecords.byOutage(RowLists.limited(
        RowLists.emergingFirst(table(OutputTables.RELEASE_IMPACT), "lost_plays")),
        ReportRecords::release);
    Map<String, List<RoyaltyRisk>> royalty = ReportRecords.byOutage(RowLists.limited(
        RowLists.emergingFirst(table(OutputTables.ROYALTY_RISK), "track_lost_plays_high")),
        ReportRecords::royaltyRisk);
    Map<String, List<Point>> timeline = serviceTimeline();
    Map<String, List<SegmentTotals>> totals =
        ReportRecords.byOutage(summary, ReportRecords::totals);
    Map<String, ShareTest> tests = ReportRecords.tests(summary);
    Map<String, List<PhaseRates>> phases = SegmentFigures.phases(impact, phaseMetrics, summary);
    Map<String, List<ShareSpread>> spreads = SegmentFigures.spreads(impact, minExpected);
    Map<String, List<Artist>> mostAffected = ReportRecords.byOutage(
        RowLists.ranked(impact, r -> true, MOST_AFFECTED), ReportRecords::artist);
    Map<String, List<Artist>> topEmerging = ReportRecords.byOutage(RowLists.ranked(impact,
        r -> RowLists.EMERGING.equals(r.getAs("segment")), TOP_EMERGING), ReportRecords::artist);
    Map<String, List<Market>> markets = ReportRecords.byOutage(
        table(OutputTables.REVENUE_BY_MARKET), ReportRecords::market);
    Map<String, List<Card>> cards = ArtistCards.of(table(OutputTables.ARTIST_TIMELINE), impact,
        phaseMetrics, releases);
    DrillDownRecords drill = drillDown(cards, outages);
    List<OutageReport> out = new ArrayList<>();
    for (String id : outages.keySet()) {
      out.add(new OutageReport(outages.get(id), part(timeline, id), part(totals, id),
          Optional.ofNullable(tests.get(id)), part(phases, id), part(spreads, id),
          part(mostAffected, id), part(topEmerging, id), part(markets, id), part(releases, id),
          part(royalty, id), drill.cards(id, part(cards, id)), drill.of(id)));
    }
    return out;
  }

  /** Labels, promotions, and the market panel and daily line of every card. */
  private DrillDownRecords drillDown(Map<String, List<Card>> cards, Map<String, Outage> outages) {
    Set<String> carded = new HashSet<>();
    cards.values().forEach(l -> l.forEach(c -> carded.add(c.artist().artistId())));
    return new DrillDownRecords(newerTable(DrillDownTables.LABEL_IMPACT, r -> true),
        newerTable(DrillDownTables.PROMOTION_IMPACT, r -> true),
        newerTable(DrillDownTables.ARTIST_MARKET_IMPACT,
            r -> carded.contains(r.<String>getAs("artist_id"))),
        newerTable(DrillDownTables.ARTIST_DAILY_ADJUSTED,
            r -> carded.contains(r.<String>getAs("artist_id"))), outages, this::exists);
  }

  /** Whether the run folder has the file {@code path}. */
  private boolean exists(String path) {
    try {
      return fileSystem(dir).exists(new Path(dir, path));
    } catch (IOException e) {
      return false;
    }
  }

  /** The whole service's hourly timeline of each outage. */
  private Map<String, List<Point>> serviceTimeline() {
    return ReportRecords.byOutage(RowLists.sorted(RowLists.filter(
        table(OutputTables.TIMELINE), r -> "all".equals(r.getAs("series"))),
        Comparator.comparing((Row r) -> r.<String>getAs("outage_id"))
            .thenComparing(r -> r.getTimestamp(r.fieldIndex("hour")))), ReportRecords::point);
  }

  private static <T> List<T> part(Map<String, List<T>> byOutage, String outageId) {
    return byOutage.getOrDefault(outageId, List.of());
  }

  /** The run's warnings and notes, which the report shows under its title. */
  private static List<String> notes(JsonNode run) {
    List<String> notes = new ArrayList<>();
    run.path("warnings").forEach(w -> notes.add(w.asText()));
    run.path("notes").forEach(w -> notes.add(w.asText()));
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
