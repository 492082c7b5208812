package io.deadair.jobs.impact;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.deadair.charts.Headlines;
import io.deadair.charts.ReportModel;
import io.deadair.common.config.ImpactConfig;
import io.deadair.common.cube.PassTotals;
import io.deadair.common.domain.OutageWindow;
import io.deadair.common.io.InputException;
import io.deadair.common.model.ArtistResult;
import io.deadair.common.model.ArtistStep;
import io.deadair.common.model.Buckets;
import io.deadair.common.model.PhaseCalendar;
import io.deadair.common.revenue.RateCard;
import io.deadair.common.stats.RankComparison;
import io.deadair.jobs.cube.PlayPass;
import io.deadair.jobs.estimate.ArtistStage;
import io.deadair.jobs.estimate.Estimates;
import io.deadair.jobs.estimate.Service;
import io.deadair.jobs.read.Ledger;
import io.deadair.jobs.read.SideInputs;
import io.deadair.jobs.read.SmallInputReader;
import io.deadair.jobs.report.ReportJob;
import io.deadair.jobs.runfolder.OutputWriter;
import io.deadair.jobs.runfolder.RunJson;
import io.deadair.jobs.tables.OutageSums;
import io.deadair.jobs.tables.SummaryTables;
import io.deadair.jobs.tables.TableSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
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
  private final Map<String, Double> timings = new LinkedHashMap<>();
  private final Ledger ledger;

  private ImpactJob(SparkSession spark, ImpactOptions options, Consumer<String> log) {
    this.spark = spark;
    this.options = options;
    this.log = log;
    this.ledger = new Ledger(options.config().maxBadRowsPct(), m -> log.accept("warning: " + m));
  }

  /**
   * What a run wrote, for the caller's summary: the tables' row counts, and the report's
   * opening numbers per outage ({@link Headlines}).
   */
  public record Result(String out, Map<String, Long> rows, Map<String, Long> inputRows,
      List<String> headlines) {}

  public static Result run(SparkSession spark, ImpactOptions options, Consumer<String> log) {
    spark.conf().set("spark.sql.session.timeZone", "UTC");
    return new ImpactJob(spark, options, log).execute();
  }

  private <T> T step(String name, Supplier<T> body, Function<T, String> done) {
    log.accept(name + " ...");
    long t0 = System.nanoTime();
    T result = body.get();
    double secs = (System.nanoTime() - t0) / 1e9;
    timings.merge(name, secs, Double::sum);
    log.accept(String.format(Locale.ROOT, "%s done in %.1f s%s", name, secs,
        done == null ? "" : ": " + done.apply(result)));
    return result;
  }

  private Result execute() {
    OutputWriter writer = new OutputWriter(spark, options.out());
    try {
      Result r = execute(Instant.now(), writer);
      writer.commit();
      return r;
    } catch (RuntimeException e) {
      writer.abort();
      throw e;
    }
  }

  private Result execute(Instant started, OutputWriter writer) {
    ImpactConfig config = options.config();
    boolean counts = options.streamCounts().isPresent();
    List<OutageWindow> declared;
    PlayPass pass;
    RateCard rates;
    Dataset<Row> artists;
    Dataset<Row> releases;
    try (SideInputs side = new SideInputs(spark, options.rateCard(), options.artists(),
        options.releases(), ledger)) {
      declared = step("read outages",
          () -> SmallInputReader.outages(spark, options.outages(), ledger),
          o -> o.size() + " outages");
      pass = step("one pass over the plays into the cube",
          () -> side.whileReading(() -> pass(declared, config)),
          p -> String.format(Locale.ROOT, "%,d rows used, %,d unusable, %,d outside the windows",
              p.totals().used(), p.totals().rejected(), p.totals().outside()));
      rates = side.rates();
      artists = side.artists();
      releases = side.releases();
    }
    Map<String, Object> playsAccount = accountPlays(pass, config, writer);
    DataChecks.outagesAgainstData(pass.totals(), declared, config, ledger);
    List<Buckets.Bucket> buckets = counts ? buckets(pass.totals()) : List.of();
    List<OutageWindow> outages = counts ? wholeBuckets(declared, buckets) : declared;
    ImpactConfig fitConfig = config.withRecentHoursAtLeast(Buckets.longestHours(buckets));
    Service service = step("service counterfactual",
        () -> Service.of(pass.totals(), outages, fitConfig),
        s -> s.placeboWindows() + " placebo windows");
    DataChecks.clocksOffTable(service, ledger);
    PhaseCalendar calendar = PhaseCalendar.of(outages, config.baselineDays(),
        config.afterHours());
    ArtistStep artistStep = new ArtistStep(service.models(), rates, calendar, !counts,
        fitConfig);
    ArtistStage.Results cache = ArtistStage.run(pass, artistStep, artists, releases);
    JavaRDD<ArtistResult> results = cache.each();
    long artistCount = step("per-artist estimation", results::count,
        n -> String.format(Locale.ROOT, "%,d artists", n));
    playsAccount.putAll(DataChecks.unknownArtists(results, ledger));
    Estimates.Fit fit = step("segments, level prior and calibration",
        () -> Estimates.fit(results, service.models(), fitConfig),
        f -> "calibration factors " + Arrays.toString(f.fitted().calibration().factors()));
    List<String> headlines;
    try {
      OutageSums[] sums = SummaryTables.sums(results, fit, fitConfig);
      Map<String, RankComparison> tests = SummaryTables.shareTests(sums, service.models());
      step("write tables", () -> new TableSet(spark, writer, fitConfig, rates, service)
          .write(results, artistCount, fit, sums, tests), r -> r.toString());
      RunJson run = new RunJson(spark, ledger, timings);
      Map<String, Object> json = run.build(started, declared, outages, fit, tests, fitConfig);
      writer.writeQuarantine(ledger.quarantine());
      writer.writeRunJson(json);
      ReportModel.Report report = step("report: read back the tables",
          () -> ReportJob.load(spark, writer.staging(), writer.written()), null);
      step("report: draw the charts and the page", () -> {
        ReportJob.write(spark, report, writer.staging());
        return report;
      }, r -> r.outages().stream().mapToInt(o -> o.cards().size()).sum() + " artist cards");
      headlines = Headlines.of(report);
      // Written again so that its timings include the report.
      writer.writeRunJson(json);
    } finally {
      cache.cached().unpersist();
    }
    return new Result(options.out(), writer.rowCounts(), rowCounts(pass.totals()), headlines);
  }

  /** The pass over the plays or stream counts, keeping the hours the outages need. */
  private PlayPass pass(List<OutageWindow> declared, ImpactConfig config) {
    if (options.streamCounts().isPresent()) {
      // Counts are measured over whole buckets, so keep the hours a widened window may need.
      return PlayPass.counts(spark, options.streamCounts().get(), PhaseCalendar.of(
          Buckets.padded(declared), config.baselineDays(), config.afterHours()));
    }
    PhaseCalendar calendar = PhaseCalendar.of(declared, config.baselineDays(),
        config.afterHours());
    return PlayPass.plays(spark, options.plays().get(), calendar,
        raw -> pruneDates(raw, calendar));
  }

  /** Skips partition folders outside the needed days when the input is partitioned by date. */
  private static Dataset<Row> pruneDates(Dataset<Row> raw, PhaseCalendar calendar) {
    if (!Arrays.asList(raw.columns()).contains("date")) {
      return raw;
    }
    String from = LocalDate.ofEpochDay(Math.floorDiv(calendar.firstHour(), 24) - 1).toString();
    String to = LocalDate.ofEpochDay(Math.floorDiv(calendar.endHour(), 24) + 1).toString();
    return raw.filter(col("date").cast("date").between(lit(from).cast("date"),
        lit(to).cast("date")));
  }

  /**
   * Records what became of every play (or count) row: used, unusable (quarantined, with the
   * reasons the reader gives, read again for those rows only) or outside the windows.
   */
  private Map<String, Object> accountPlays(PlayPass pass, ImpactConfig config,
      OutputWriter writer) {
    String input = options.plays().isPresent() ? "plays" : "stream_counts";
    PassTotals t = pass.totals();
    long read = t.used() + t.rejected() + t.outside();
    String source = pass.read().path();
    if (read == 0) {
      throw new InputException(input + ": " + source
          + " has no rows in the days the outages need");
    }
    Dataset<Row> quarantined = null;
    if (t.rejected() > 0) {
      quarantined = writer.work("quarantine_" + input, pass.read().quarantine());
      long found = quarantined.count();
      if (found != t.rejected()) {
        throw new IllegalStateException(String.format(Locale.ROOT, "%s: the pass found %,d"
            + " unusable rows but the reader's checks find %,d", input, t.rejected(), found));
      }
    }
    ledger.add(input, source, read, t.used(), t.rejected(), quarantined,
        Map.of("outside_windows", t.outside()));
    if (t.used() == 0) {
      throw new InputException(input + ": no usable row falls within " + config.baselineDays()
          + " days before to " + config.afterHours() + " h after the outages in "
          + options.outages() + "; check the dates of both inputs");
    }
    return ledger.input(input);
  }

  private static Map<String, Long> rowCounts(PassTotals t) {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("used", t.used());
    m.put("rejected", t.rejected());
    m.put("outside", t.outside());
    return m;
  }

  /** The distinct count buckets the pass saw. */
  private static List<Buckets.Bucket> buckets(PassTotals totals) {
    List<Buckets.Bucket> out = new ArrayList<>();
    for (PassTotals.Bucket b : totals.buckets()) {
      out.add(new Buckets.Bucket(Instant.ofEpochSecond(b.startSecond()), b.minutes()));
    }
    return out;
  }

  /**
   * Widens each outage to the count buckets that overlap it, since a bucket cannot be split into
   * its part before, during and after the outage.
   */
  private List<OutageWindow> wholeBuckets(List<OutageWindow> declared,
      List<Buckets.Bucket> buckets) {
    List<OutageWindow> out = Buckets.widen(declared, buckets);
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i) != declared.get(i)) {
        log.accept(String.format(Locale.ROOT, "outage %s is measured over the whole count buckets"
            + " it overlaps: %s to %s", out.get(i).id(), out.get(i).start(), out.get(i).end()));
      }
    }
    return out;
  }
}
