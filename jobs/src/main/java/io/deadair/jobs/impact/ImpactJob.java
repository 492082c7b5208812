package io.deadair.jobs.impact;

import io.deadair.charts.Headlines;
import io.deadair.charts.ReportModel;
import io.deadair.common.detect.Detection;
import io.deadair.common.domain.OutageWindow;
import io.deadair.common.model.ArtistResult;
import io.deadair.common.model.ArtistStep;
import io.deadair.common.model.PhaseCalendar;
import io.deadair.common.model.Promotion;
import io.deadair.common.revenue.RateCard;
import io.deadair.common.stats.RankComparison;
import io.deadair.jobs.cube.PlayPass;
import io.deadair.jobs.estimate.ArtistStage;
import io.deadair.jobs.estimate.Estimates;
import io.deadair.jobs.estimate.Service;
import io.deadair.jobs.read.DatePartitions;
import io.deadair.jobs.read.Ledger;
import io.deadair.jobs.read.SideInputs;
import io.deadair.jobs.read.SmallInputReader;
import io.deadair.jobs.report.ReportJob;
import io.deadair.jobs.runfolder.DetectionJson;
import io.deadair.jobs.runfolder.OutputWriter;
import io.deadair.jobs.runfolder.RunJson;
import io.deadair.jobs.tables.DetectionTables;
import io.deadair.jobs.tables.OutageSums;
import io.deadair.jobs.tables.SummaryTables;
import io.deadair.jobs.tables.TableSet;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The impact job: reads the inputs, makes one pass over the plays into a cube, runs the
 * per-artist step on each artist's merged cube, fits what is learned across artists (segments,
 * level prior, calibration), and writes the tables, run.json and the report as a whole.
 */
public final class ImpactJob {

  private final SparkSession spark;
  private final ImpactOptions options;
  private final Consumer<String> log;
  private final Steps steps;
  private final Ledger ledger;
  private final OutputWriter writer;
  private final OutageFinder finder;

  private ImpactJob(SparkSession spark, ImpactOptions options, Consumer<String> log) {
    this.spark = spark;
    this.options = options;
    this.log = log;
    this.ledger = new Ledger(options.config().maxBadRowsPct(), m -> log.accept("warning: " + m));
    this.writer = new OutputWriter(spark, options.out());
    this.steps = new Steps(log);
    this.finder = new OutageFinder(spark, options, ledger, steps);
  }

  /**
   * What a run wrote, for the caller's summary: the tables' row counts, and the report's
   * opening numbers per outage ({@link Headlines}); or, when there was no outage to measure,
   * the one line that says so ({@code nothingFound}, else null) and no report.
   */
  public record Result(String out, Map<String, Long> rows, Map<String, Long> inputRows,
      List<String> headlines, String nothingFound) {}

  /**
   * The inputs once read: the declared outages (without an incident log, the windows found),
   * the windows to measure, the calendar the pass kept hours for, the pass over the plays, the
   * outages found before the pass when it needed them (else null), the small tables.
   */
  private record Inputs(List<OutageWindow> declared, List<OutageWindow> toMeasure,
      PhaseCalendar passCalendar, PlayPass pass, Detection foundFirst, RateCard rates,
      Dataset<Row> artists, Dataset<Row> releases, List<Promotion> promotions) {}

  public static Result run(SparkSession spark, ImpactOptions options, Consumer<String> log) {
    spark.conf().set("spark.sql.session.timeZone", "UTC");
    return new ImpactJob(spark, options, log).execute();
  }

  /** Runs the steps into the staging folder, which replaces {@code --out} only if all succeed. */
  private Result execute() {
    try {
      Result r = execute(Instant.now());
      writer.commit();
      return r;
    } catch (RuntimeException e) {
      writer.abort();
      throw e;
    }
  }

  private Result execute(Instant started) {
    Inputs in = readInputsAndPassOverPlays();
    PlayAccounting.account(in.pass(), options, ledger, writer, in.toMeasure().isEmpty());
    Detection found = in.foundFirst() != null ? in.foundFirst() : finder.find(in.pass(), false);
    if (in.toMeasure().isEmpty()) {
      return nothingToMeasure(started, found, in.pass());
    }
    DataChecks.outagesAgainstData(in.pass().totals(), in.declared(), options.config(), ledger);
    DetectionJson.warnings(found, in.declared()).forEach(ledger::warn);
    MeasuredWindows windows = MeasuredWindows.of(in.declared(), in.toMeasure(),
        in.passCalendar(), in.pass().totals(), options.config(), options.counts(), log);
    Service service = serviceCounterfactual(in.pass(), windows);
    ArtistStage.Results artists = ArtistStage.run(in.pass(), new ArtistStep(service.models(),
        in.rates(), windows.calendar(), !windows.counts(), windows.config()), in.artists(),
        in.releases());
    try {
      JavaRDD<ArtistResult> results = artists.each();
      long artistCount = estimateEachArtist(results);
      Estimates.Fit fit = fitAcrossArtists(results, service, windows);
      Map<String, RankComparison> tests =
          writeTables(results, artistCount, fit, service, windows, in);
      steps.run("write detection tables", () -> {
        DetectionTables.write(writer, found, windows.declared());
        return found;
      }, null);
      List<String> headlines = writeRunJsonAndReport(started, windows, fit, tests, found);
      return new Result(options.out(), writer.rowCounts(), in.pass().totals().rowCounts(),
          headlines, null);
    } finally {
      artists.cached().unpersist();
    }
  }

  /**
   * Reads the outages, then passes over the plays into the cube while the rate card, artists and
   * releases are read beside it.
   */
  private Inputs readInputsAndPassOverPlays() {
    try (SideInputs side = new SideInputs(spark, options.rateCard(), options.artists(),
        options.releases(), options.promotions(), ledger)) {
      List<OutageWindow> declared = options.outages().map(path -> steps.run("read outages",
          () -> SmallInputReader.outages(spark, path, ledger), o -> o.size() + " outages"))
          .orElse(List.of());
      OutageFinder.First first = finder.neededFirst(declared) ? finder.findFirst(declared) : null;
      List<OutageWindow> toMeasure = first == null ? declared : first.toMeasure();
      declared = declared.isEmpty() ? toMeasure : declared;
      PhaseCalendar calendar =
          MeasuredWindows.passCalendar(toMeasure, options.config(), options.counts());
      PlayPass pass = toMeasure.isEmpty() ? first.pass() : steps.run(
          "one pass over the plays into the cube",
          () -> side.whileReading(() -> passOverPlays(calendar)),
          p -> String.format(Locale.ROOT, "%,d rows used, %,d unusable, %,d outside the windows",
              p.totals().used(), p.totals().rejected(), p.totals().outside()));
      return new Inputs(declared, toMeasure, calendar, pass,
          first == null ? null : first.found(), side.rates(), side.artists(), side.releases(),
          side.promotions());
    }
  }

  /**
   * Without an incident log and with no outage in the data, writes what detection found (its
   * tables, the quarantine, run.json) and says so.
   */
  private Result nothingToMeasure(Instant started, Detection found, PlayPass pass) {
    DetectionTables.write(writer, found, List.of());
    Map<String, Object> runJson = new RunJson(spark, ledger, steps.timings()).buildDetectionOnly(
        started, options.config());
    runJson.put("detection", DetectionJson.of(found, List.of()));
    writer.writeQuarantine(ledger.quarantine());
    writer.writeRunJson(runJson);
    return new Result(options.out(), writer.rowCounts(), pass.totals().rowCounts(), List.of(),
        "no outage declared and none found in the data (no window of plays far below"
            + " expectation): wrote detected_outages, service_series and run.json only");
  }

  /** The pass over the plays or stream counts, keeping the hours of {@code calendar}. */
  private PlayPass passOverPlays(PhaseCalendar calendar) {
    return options.counts()
        ? PlayPass.counts(spark, options.playPath(), calendar)
        : PlayPass.plays(spark, options.playPath(), calendar,
            raw -> DatePartitions.prune(raw, calendar));
  }

  private Service serviceCounterfactual(PlayPass pass, MeasuredWindows windows) {
    Service service = steps.run("service counterfactual",
        () -> Service.of(pass.totals(), windows.measured(), windows.config()),
        s -> s.placeboWindows() + " placebo windows");
    DataChecks.clocksOffTable(service, ledger);
    return service;
  }

  /** Runs the per-artist step on every artist (the results are cached); returns how many. */
  private long estimateEachArtist(JavaRDD<ArtistResult> results) {
    long count = steps.run("per-artist estimation", results::count,
        n -> String.format(Locale.ROOT, "%,d artists", n));
    ledger.input(options.playInput()).putAll(DataChecks.unknownArtists(results, ledger));
    return count;
  }

  private Estimates.Fit fitAcrossArtists(JavaRDD<ArtistResult> results, Service service,
      MeasuredWindows windows) {
    return steps.run("segments, level prior and calibration",
        () -> Estimates.fit(results, service.models(), windows.config()),
        f -> "calibration factors " + Arrays.toString(f.fitted().calibration().factors()));
  }

  /** Writes every table; returns the rank tests of the segment summary, for run.json. */
  private Map<String, RankComparison> writeTables(JavaRDD<ArtistResult> results,
      long artistCount, Estimates.Fit fit, Service service, MeasuredWindows windows, Inputs in) {
    OutageSums[] sums = SummaryTables.sums(results, fit, windows.config());
    Map<String, RankComparison> tests = SummaryTables.shareTests(sums, service.models());
    steps.run("write tables", () -> new TableSet(spark, writer, windows.config(), in.rates(),
        service, in.promotions()).write(results, artistCount, fit, sums, tests),
        r -> r.toString());
    return tests;
  }

  /**
   * Writes the quarantine, run.json and the report; returns the report's headline per outage.
   * run.json is written before the report, which reads it, and again after it, so that its
   * timings include the report.
   */
  private List<String> writeRunJsonAndReport(Instant started, MeasuredWindows windows,
      Estimates.Fit fit, Map<String, RankComparison> tests, Detection found) {
    Map<String, Object> runJson = new RunJson(spark, ledger, steps.timings())
        .build(started, windows.declared(), windows.measured(), fit, tests, windows.config());
    runJson.put("detection", DetectionJson.of(found, windows.declared()));
    writer.writeQuarantine(ledger.quarantine());
    writer.writeRunJson(runJson);
    List<String> headlines = writeReport();
    writer.writeRunJson(runJson);
    return headlines;
  }

  /** Draws the report from the tables just written; returns its headline per outage. */
  private List<String> writeReport() {
    ReportModel.Report report = steps.run("report: read back the tables",
        () -> ReportJob.load(spark, writer.staging(), writer.written()), null);
    steps.run("report: draw the charts and the page", () -> {
      ReportJob.write(spark, report, writer.staging());
      return report;
    }, r -> r.outages().stream().mapToInt(o -> o.cards().size()).sum() + " artist cards");
    return Headlines.of(report);
  }
}
