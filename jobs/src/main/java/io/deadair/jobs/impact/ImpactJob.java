package io.deadair.jobs.impact;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.deadair.common.config.ImpactConfig;
import io.deadair.common.contract.Contract;
import io.deadair.common.domain.OutageWindow;
import io.deadair.common.model.Buckets;
import io.deadair.common.model.PhaseCalendar;
import io.deadair.common.revenue.RateCard;
import io.deadair.common.stats.Calibration;
import io.deadair.common.stats.RankComparison;
import io.deadair.jobs.report.ReportJob;
import io.deadair.jobs.spark.DriverPool;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The impact job: reads the inputs, makes one pass over the plays into the hourly cube, estimates
 * every (outage, artist) on the executors, and writes the tables and run.json as a whole.
 */
public final class ImpactJob {

  private final SparkSession spark;
  private final ImpactOptions options;
  private final java.util.function.Consumer<String> log;
  private final Map<String, Double> timings = new LinkedHashMap<>();
  private final Ledger ledger;

  private ImpactJob(SparkSession spark, ImpactOptions options,
      java.util.function.Consumer<String> log) {
    this.spark = spark;
    this.options = options;
    this.log = log;
    this.ledger = new Ledger(options.config().maxBadRowsPct(), m -> log.accept("warning: " + m));
  }

  /** What a run wrote, for the caller's summary line. */
  public record Result(String out, Map<String, Long> rows, Map<String, Long> inputRows) {}

  public static Result run(SparkSession spark, ImpactOptions options,
      java.util.function.Consumer<String> log) {
    spark.conf().set("spark.sql.session.timeZone", "UTC");
    return new ImpactJob(spark, options, log).execute();
  }

  private <T> T step(String name, Supplier<T> body, java.util.function.Function<T, String> done) {
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
    ImpactConfig config = options.config();
    Instant started = Instant.now();
    OutputWriter writer = new OutputWriter(spark, options.out());
    try {
      Result r = execute(config, started, writer);
      writer.commit();
      return r;
    } catch (RuntimeException e) {
      writer.abort();
      throw e;
    }
  }

  private Result execute(ImpactConfig declaredConfig, Instant started, OutputWriter writer) {
    List<OutageWindow> declared = step("read outages",
        () -> Inputs.outages(spark, options.outages(), ledger), o -> o.size() + " outages");
    RateCard rates = Inputs.rateCard(spark, options.rateCard(), ledger);
    Dataset<Row> artists = Inputs.artists(spark, options.artists(), ledger);
    Dataset<Row> releases = Inputs.releases(spark, options.releases(), ledger);
    boolean counts = options.streamCounts().isPresent();
    PhaseCalendar scanCalendar = PhaseCalendar.of(counts ? Buckets.padded(declared) : declared,
        declaredConfig.baselineDays(), declaredConfig.afterHours());
    Cube cube = step("one pass over the plays into the hourly cube",
        () -> counts
            ? Cube.fromStreamCounts(spark, options.streamCounts().get(), scanCalendar, writer)
            : Cube.fromPlays(spark, options.plays().get(), scanCalendar, writer),
        c -> String.format(Locale.ROOT, "%,d rows used, %,d unusable, %,d outside the windows",
            c.rowCounts().get("used"), c.rowCounts().get("rejected"),
            c.rowCounts().get("outside")));
    accountPlays(cube, declaredConfig, artists, writer);
    DataChecks.outagesAgainstData(cube.hourly(), declared, declaredConfig, ledger);
    List<Buckets.Bucket> buckets = counts ? buckets(cube) : List.of();
    List<OutageWindow> outages = counts ? wholeBuckets(declared, buckets) : declared;
    ImpactConfig config = declaredConfig.withRecentHoursAtLeast(Buckets.longestHours(buckets));
    PhaseCalendar calendar = counts ? PhaseCalendar.of(outages, config.baselineDays(),
        config.afterHours()) : scanCalendar;
    Estimation.Service service = step("service counterfactual",
        () -> Estimation.service(cube, outages, config),
        s -> s.countries().size() + " countries, " + s.models().stream()
            .mapToInt(m -> m.windows().size() - 1).sum() + " placebo windows");
    Dataset<Row> stats = step("per-artist estimation",
        () -> {
          return writer.work("stats", Estimation.artistStats(spark, cube, service, rates)).cache();
        }, s -> String.format(Locale.ROOT, "%,d (window, artist) rows", s.count()));
    boolean listeners = options.plays().isPresent();
    Dataset<Row> phaseMetrics = step("phase metrics",
        () -> writer.work("phase_metrics", Phases.metrics(counts
            ? Phases.slotRows(cube.hourly(), Cube.hourSlots(spark, calendar))
            : cube.slotListeners(), Phases.slotPhases(spark, calendar), listeners)).cache(), null);
    Dataset<Row> segments = step("segments", () -> writer.work("segments", Phases.segments(spark,
        phaseMetrics, artists, stats, service.models(), config)).cache(),
        s -> String.format(Locale.ROOT,
        "%,d (outage, artist) pairs", s.count()));

    Dataset<Row> withSegment = stats.join(broadcast(segments.select("outage_id", "artist_id",
        "segment", "artist_name")), new String[] {"outage_id", "artist_id"});
    Map<String, Double> tau2 = Estimation.priorVariance(
        withSegment.filter(col("placebo_days_back").gt(0)));
    Estimation.registerPredict(spark);
    Dataset<Row> predicted = writer.work("predicted", Estimation.predict(
        withSegment.withColumn("tau2", tau2Column(tau2)))).cache();
    Dataset<Row> placebos = predicted.filter(col("placebo_days_back").gt(0));
    Calibration calibration = step("calibration on placebo windows",
        () -> Estimation.calibrate(placebos, config.confidence()),
        c -> "factors " + java.util.Arrays.toString(c.factors()));
    Map<String, Double> serviceError = Estimation.serviceError(placebos);
    Estimation.registerHalfWidth(spark, calibration);
    Dataset<Row> est = predicted.filter(col("placebo_days_back").equalTo(0))
        .withColumn("half", org.apache.spark.sql.functions.call_udf("deadair_half_width",
            col("expected_in"), col("sd")))
        .cache();

    try {
      Dataset<Row> impact = Summaries.artistImpact(est).cache();
      Map<String, RankComparison> tests = Summaries.shareTests(impact, config);
      Dataset<Row> segmentSummary = Summaries.segmentSummary(spark, impact, est, serviceError,
          tests, config);
      step("write tables", () -> {
        writeConcurrently(List.of(
            () -> writer.writeTable(Contract.ARTIST_IMPACT, impact),
            () -> writer.writeTable(Contract.ARTIST_PHASE_METRICS, phaseMetrics
                .orderBy("outage_id", "artist_id", "phase")),
            () -> writer.writeTable(Contract.SEGMENT_SUMMARY, segmentSummary),
            () -> writer.writeTable(Contract.TIMELINE, Summaries.timeline(spark, cube.hourly(),
                est, segments, service, calibration, serviceError, config)),
            () -> writer.writeTable(Contract.ARTIST_TIMELINE, Summaries.artistTimeline(spark,
                cube.hourly(), est, impact, service, calibration, serviceError, config)),
            () -> writer.writeTable(Contract.REVENUE_BY_MARKET, Summaries.revenueByMarket(spark,
                impact, est, rates)),
            () -> writer.writeTable(Contract.RELEASE_IMPACT, Summaries.releaseImpact(spark,
                releases, cube.trackDaily(), impact, service.models(), config)),
            () -> writer.writeTable(Contract.ROYALTY_RISK, Summaries.royaltyRisk(spark,
                cube.trackDaily(), impact, service.models(), config))));
        return writer.rowCounts();
      }, r -> r.toString());
      Map<String, Object> run = runJson(started, declared, outages, cube, calibration, tau2,
          serviceError, tests, config);
      writer.writeQuarantine(ledger.quarantine(spark));
      writer.writeRunJson(run);
      io.deadair.charts.ReportModel.Report report = step("report: read back the tables",
          () -> ReportJob.load(spark, writer.staging()), null);
      step("report: draw the charts and the page", () -> {
        ReportJob.write(spark, report, writer.staging());
        return report;
      }, r -> r.outages().stream().mapToInt(o -> o.cards().size()).sum() + " artist cards");
      writer.writeRunJson(run);
    } finally {
      cube.hourly().unpersist();
    }
    return new Result(options.out(), writer.rowCounts(), cube.rowCounts());
  }

  /**
   * Records what became of every play (or count) row, and the plays of artists missing from the
   * artists table, which are kept under their id.
   */
  private void accountPlays(Cube cube, ImpactConfig config, Dataset<Row> artists,
      OutputWriter writer) {
    String input = options.plays().isPresent() ? "plays" : "stream_counts";
    Map<String, Long> counts = cube.rowCounts();
    long read = counts.values().stream().mapToLong(Long::longValue).sum();
    if (read == 0) {
      throw new io.deadair.jobs.read.InputException(input + ": " + cube.source()
          + " has no rows in the days the outages need");
    }
    long bad = counts.get("rejected");
    Dataset<Row> quarantined = bad == 0 ? null : writer.work("quarantine_" + input,
        cube.quarantine());
    ledger.add(input, cube.source(), read, counts.get(Cube.USED), bad,
        quarantined, Map.of("outside_windows", counts.get("outside")));
    if (cube.usedRows() == 0) {
      throw new io.deadair.jobs.read.InputException(input + ": no usable row falls within " + config.baselineDays() + " days before to "
          + config.afterHours() + " h after the outages in " + options.outages()
          + "; check the dates of both inputs");
    }
    ledger.inputs().get(input).putAll(DataChecks.unknownArtists(cube.hourly(), artists, ledger));
  }

  /** The distinct count buckets, a small table the cube pass collected. */
  private static List<Buckets.Bucket> buckets(Cube cube) {
    List<Buckets.Bucket> buckets = new ArrayList<>();
    for (Row r : cube.buckets().collectAsList()) {
      buckets.add(new Buckets.Bucket(r.getTimestamp(0).toInstant(), r.getInt(1)));
    }
    return buckets;
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

  /**
   * Runs the table writes on three driver threads: each is a handful of small Spark jobs whose
   * planning on the driver can overlap another's tasks on the executors.
   */
  private static void writeConcurrently(List<Callable<Long>> writes) {
    try (DriverPool pool = new DriverPool("deadair-write", 3)) {
      List<Future<Long>> done = new ArrayList<>();
      for (Callable<Long> w : writes) {
        done.add(pool.submit(w));
      }
      done.forEach(DriverPool::get);
    }
  }

  private static org.apache.spark.sql.Column tau2Column(Map<String, Double> tau2) {
    double fallback = tau2.values().stream().mapToDouble(Double::doubleValue).max()
        .orElse(io.deadair.common.stats.LevelEstimate.MIN_TAU2);
    org.apache.spark.sql.Column c = lit(fallback);
    for (Map.Entry<String, Double> e : tau2.entrySet()) {
      c = when(col("segment").equalTo(e.getKey()), e.getValue()).otherwise(c);
    }
    return c;
  }

  private Map<String, Object> runJson(Instant started, List<OutageWindow> declared,
      List<OutageWindow> outages, Cube cube,
      Calibration calibration, Map<String, Double> tau2, Map<String, Double> serviceError,
      Map<String, RankComparison> tests, ImpactConfig config) {
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("tool", "Dead Air");
    run.put("versions", Map.of(
        "deadair", io.deadair.jobs.cli.Versions.deadAir(),
        "spark", spark.version(),
        "java", System.getProperty("java.version")));
    run.put("started", started.toString());
    run.put("finished", Instant.now().toString());
    Map<String, Object> inputs = new LinkedHashMap<>(ledger.inputs());
    inputs.putIfAbsent("rate_card", Map.of("path", "(default, shipped with Dead Air)"));
    run.put("inputs", inputs);
    run.put("warnings", ledger.warnings());
    run.put("parameters", config.asMap());
    List<Map<String, Object>> os = new ArrayList<>();
    for (int i = 0; i < outages.size(); i++) {
      OutageWindow o = outages.get(i);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("outage_id", o.id());
      m.put("start", declared.get(i).start().toString());
      m.put("end", declared.get(i).end().toString());
      if (o != declared.get(i)) {
        m.put("measured_from", o.start().toString());
        m.put("measured_to", o.end().toString());
      }
      m.put("description", o.description());
      m.put("countries", o.countries().format());
      m.put("platforms", o.platforms().format());
      m.put("service_model_relative_error", serviceError.get(o.id()));
      RankComparison t = tests.get(o.id());
      if (t != null) {
        m.put("emerging_vs_established", t);
      }
      os.add(m);
    }
    run.put("outages", os);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("level_prior_variance_by_segment", tau2);
    model.put("calibration_size_class_bounds", Calibration.CLASS_BOUNDS);
    model.put("calibration_factors", calibration.factors());
    model.put("calibration_placebo_windows", calibration.samples());
    run.put("model", model);
    run.put("timings_seconds", timings);
    return run;
  }
}
