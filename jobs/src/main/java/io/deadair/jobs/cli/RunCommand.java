package io.deadair.jobs.cli;

import io.deadair.common.config.ImpactConfig;
import io.deadair.jobs.impact.ImpactJob;
import io.deadair.jobs.impact.ImpactOptions;
import io.deadair.jobs.report.ReportJob;
import io.deadair.jobs.spark.SparkSessions;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code deadair run}: what each outage cost each artist. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Measures what each outage cost each artist: plays, listeners and revenue lost, with"
          + " calibrated intervals, the rebound, and emerging artists compared with established"
          + " ones.",
      "With no input flags it runs on the committed sample data. Inputs may be Parquet, CSV or"
          + " JSON lines, files or folders, on any Hadoop path."
    })
final class RunCommand implements Callable<Integer> {

  @Option(names = "--plays", description = "Play events (see docs/data-contract.md).")
  String plays;

  @Option(names = "--stream-counts",
      description = "Pre-aggregated stream counts, instead of --plays (buckets of 5 min to 1 day).")
  String streamCounts;

  @Option(names = "--artists", description = "Artists: artist_id, name, optional debut_date.")
  String artists;

  @Option(names = "--outages", description = "Declared outages: outage_id, start, end,"
      + " countries, platforms, description. Without it, the outages found in the data are"
      + " measured (ids d-1, d-2, ...).")
  String outages;

  @Option(names = "--use-detected-edges", description = "Measure each declared outage over"
      + " the start, end and scope the data shows for it (config key use_detected_edges).")
  boolean useDetectedEdges;

  @Option(names = "--releases", description = "Releases (optional).")
  String releases;

  @Option(names = "--promotions", description = "Promotions: playlists, campaigns, concerts"
      + " meant to reach fans in a window (optional).")
  String promotions;

  @Option(names = "--rate-card",
      description = "USD per stream by country and tier (default: the shipped card).")
  String rateCard;

  @Option(names = "--config", description = "A properties file of parameters"
      + " (see docs/method.md for the keys), on any Hadoop path.")
  String config;

  @Option(names = "--out", defaultValue = "out",
      description = "Output folder, replaced as a whole when the run succeeds"
          + " (default: ${DEFAULT-VALUE}).")
  String out;

  @Override
  public Integer call() {
    StepLog log = new StepLog(System.err);
    try (SparkSessions.Scoped session = SparkSessions.open("deadair-run")) {
      SparkSession spark = session.spark();
      // Read through Hadoop: under cluster deploy mode the driver is not the submitting machine.
      ImpactConfig cfg = config != null ? loadConfig(spark, config)
          : onSample() ? ImpactOptions.sampleConfig() : ImpactConfig.defaults();
      cfg = useDetectedEdges ? cfg.withDetectedEdges(true) : cfg;
      ImpactOptions options = options(cfg);
      log.info("run: " + options.plays().or(options::streamCounts).orElse("") + " -> " + out);
      ImpactJob.Result r = ImpactJob.run(spark, options, log::info);
      log.info(String.format(Locale.ROOT, "run: done in %.1f s; wrote %s to %s",
          log.elapsedSeconds(), r.rows(), r.out()));
      if (r.nothingFound() != null) {
        log.info(r.nothingFound());
        return 0;
      }
      r.headlines().forEach(line -> log.info("outage " + line));
      log.info("report: " + ReportJob.page(r.out()));
      return 0;
    }
  }

  static ImpactConfig loadConfig(SparkSession spark, String file) {
    Path p = new Path(file);
    try (Reader r = new InputStreamReader(p.getFileSystem(spark.sparkContext()
        .hadoopConfiguration()).open(p), StandardCharsets.UTF_8)) {
      return ImpactConfig.load(r, file);
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read config " + file + ": " + e.getMessage());
    }
  }

  /** Whether no input was given, so the run is on the committed sample data. */
  private boolean onSample() {
    return plays == null && streamCounts == null && artists == null && outages == null;
  }

  private ImpactOptions options(ImpactConfig cfg) {
    if (onSample()) {
      return ImpactOptions.sample(out, cfg);
    }
    if (artists == null) {
      throw new IllegalArgumentException("--artists is needed with --plays or --stream-counts"
          + " (or give no input flag to run on the sample data)");
    }
    return new ImpactOptions(Optional.ofNullable(plays), Optional.ofNullable(streamCounts),
        artists, Optional.ofNullable(outages), Optional.ofNullable(releases),
        Optional.ofNullable(rateCard), out, cfg, Optional.ofNullable(promotions));
  }
}
