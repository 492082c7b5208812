package io.deadair.jobs.cli;

import io.deadair.common.config.ImpactConfig;
import io.deadair.jobs.impact.DetectJob;
import io.deadair.jobs.impact.ImpactOptions;
import io.deadair.jobs.spark.SparkSessions;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code deadair detect}: the outages in the data, and only that. */
@Command(
    name = "detect",
    mixinStandardHelpOptions = true,
    description = {
      "Finds the outages in the data: windows where plays in a part of the service (countries,"
          + " platforms) fell far below what the other days lead to expect. Writes"
          + " detected_outages and service_series, and checks declared outages (if given)"
          + " against the data.",
      "With no input flags it runs on the committed sample data."
    })
final class DetectCommand implements Callable<Integer> {

  @Option(names = "--plays", description = "Play events (see docs/data-contract.md).")
  String plays;

  @Option(names = "--stream-counts",
      description = "Pre-aggregated stream counts, instead of --plays (buckets of an hour or"
          + " less).")
  String streamCounts;

  @Option(names = "--outages",
      description = "Declared outages, to check against what the data shows (optional).")
  String outages;

  @Option(names = "--config", description = "A properties file of parameters"
      + " (see docs/method.md for the keys).")
  String config;

  @Option(names = "--out", defaultValue = "out-detect",
      description = "Output folder, replaced as a whole when the run succeeds"
          + " (default: ${DEFAULT-VALUE}).")
  String out;

  @Override
  public Integer call() {
    StepLog log = new StepLog(System.err);
    try (SparkSessions.Scoped session = SparkSessions.open("deadair-detect")) {
      SparkSession spark = session.spark();
      ImpactConfig cfg = config == null ? ImpactConfig.defaults()
          : RunCommand.loadConfig(spark, config);
      DetectJob.Options options = options(cfg);
      log.info("detect: " + options.playPath() + " -> " + out);
      DetectJob.run(spark, options, log::info).forEach(line -> log.info("found " + line));
      log.info(String.format(Locale.ROOT, "detect: done in %.1f s; wrote %s", log.elapsedSeconds(),
          out));
      return 0;
    }
  }

  private DetectJob.Options options(ImpactConfig cfg) {
    if (plays != null && streamCounts != null) {
      throw new IllegalArgumentException("Give at most one of --plays and --stream-counts");
    }
    if (plays == null && streamCounts == null) {
      Path data = ImpactOptions.sampleData("--plays or --stream-counts");
      return new DetectJob.Options(data.resolve("plays").toString(), false,
          Optional.ofNullable(outages).or(() -> Optional.of(data.resolve("outages.csv")
              .toString())), out, cfg);
    }
    return new DetectJob.Options(plays != null ? plays : streamCounts, streamCounts != null,
        Optional.ofNullable(outages), out, cfg);
  }
}
