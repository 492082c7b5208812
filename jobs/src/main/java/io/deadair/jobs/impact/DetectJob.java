package io.deadair.jobs.impact;

import io.deadair.common.config.ImpactConfig;
import io.deadair.common.detect.DeclaredCheck;
import io.deadair.common.detect.DetectedWindow;
import io.deadair.common.detect.Detection;
import io.deadair.common.domain.OutageWindow;
import io.deadair.common.io.InputException;
import io.deadair.jobs.cube.PlayPass;
import io.deadair.jobs.detect.ServiceDetection;
import io.deadair.jobs.read.Ledger;
import io.deadair.jobs.read.SmallInputReader;
import io.deadair.jobs.runfolder.DetectionJson;
import io.deadair.jobs.runfolder.OutputWriter;
import io.deadair.jobs.runfolder.RunJson;
import io.deadair.jobs.tables.DetectionTables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;

/**
 * Finding outages only: one pass over the plays for the fine service series, the detector,
 * and its tables ({@code detected_outages}, {@code service_series}), the quarantine and
 * run.json; declared outages, when given, are matched and checked against what was found.
 */
public final class DetectJob {

  /**
   * Where the detection reads and writes.
   *
   * @param playPath the plays or stream counts
   * @param counts whether they are stream counts
   * @param outages the declared outages, if any
   * @param out the output folder, replaced as a whole when the run succeeds
   * @param config the parameters
   */
  public record Options(String playPath, boolean counts, Optional<String> outages, String out,
      ImpactConfig config) {}

  private DetectJob() {}

  /** Runs the detection; returns one line per window found (or one saying none was). */
  public static List<String> run(SparkSession spark, Options options, Consumer<String> log) {
    spark.conf().set("spark.sql.session.timeZone", "UTC");
    Instant started = Instant.now();
    Steps steps = new Steps(log);
    Ledger ledger = new Ledger(options.config().maxBadRowsPct(), m -> log.accept("warning: " + m));
    OutputWriter writer = new OutputWriter(spark, options.out());
    try {
      List<OutageWindow> declared = options.outages()
          .map(p -> SmallInputReader.outages(spark, p, ledger)).orElse(List.of());
      String input = options.counts() ? "stream_counts" : "plays";
      PlayPass pass = steps.run("a pass over the service", () -> ServiceDetection
          .serviceOnlyPass(spark, options.playPath(), options.counts()), null);
      PlayAccounting.account(pass, input, options.outages(), options.config(), ledger, writer,
          true);
      Detection found = steps.run("find outages in the data",
          () -> ServiceDetection.find(pass.totals(), options.counts(), options.config()), null);
      if (found.skipped() != null) {
        throw new InputException(input + ": " + options.playPath() + ": " + found.skipped());
      }
      DetectionJson.warnings(found, declared).forEach(ledger::warn);
      DetectionTables.write(writer, found, declared);
      Map<String, Object> runJson =
          new RunJson(spark, ledger, steps.timings()).buildDetectionOnly(started, options.config());
      runJson.put("detection", DetectionJson.of(found, declared));
      writer.writeQuarantine(ledger.quarantine());
      writer.writeRunJson(runJson);
      writer.commit();
      return lines(found, declared);
    } catch (RuntimeException e) {
      writer.abort();
      throw e;
    }
  }

  /** One line per window found, with the declared outage it matches. */
  static List<String> lines(Detection found, List<OutageWindow> declared) {
    List<String> out = new ArrayList<>();
    if (found.windows().isEmpty()) {
      out.add("no outage found: no window where plays fell far below expectation");
      return out;
    }
    Map<String, String> matches = DeclaredCheck.matches(declared, found.windows());
    for (int i = 0; i < found.windows().size(); i++) {
      DetectedWindow w = found.windows().get(i);
      String id = DeclaredCheck.id(i);
      out.add(String.format(Locale.ROOT, "%s %s to %s, countries %s, platforms %s: %,.0f plays"
          + " lost (95 %% interval %,.0f – %,.0f), %.0f %% below expectation%s", id, w.start(),
          w.end(), w.countries().format(), w.platforms().format(), w.lost(), w.lostLow(),
          w.lostHigh(), 100 * w.lost() / w.expected(),
          matches.get(id) == null ? "; declared nowhere" : "; declared as " + matches.get(id)));
    }
    return out;
  }
}
