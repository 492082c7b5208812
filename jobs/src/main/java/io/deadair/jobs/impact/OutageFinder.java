package io.deadair.jobs.impact;

import io.deadair.common.detect.DeclaredCheck;
import io.deadair.common.detect.Detection;
import io.deadair.common.detect.WindowsToMeasure;
import io.deadair.common.domain.OutageWindow;
import io.deadair.common.io.InputException;
import io.deadair.jobs.cube.PlayPass;
import io.deadair.jobs.detect.ServiceDetection;
import io.deadair.jobs.read.Ledger;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;

/**
 * The impact job's steps that find outages in the data: after the pass, in its 5-minute
 * series; or before it, in a pass over the service only, when the windows to measure depend on
 * what is found (no incident log, or use_detected_edges).
 */
final class OutageFinder {

  /** What a pass over the service found before the main pass, and the windows to measure. */
  record First(PlayPass pass, Detection found, List<OutageWindow> toMeasure) {}

  private final SparkSession spark;
  private final ImpactOptions options;
  private final Ledger ledger;
  private final Steps steps;

  OutageFinder(SparkSession spark, ImpactOptions options, Ledger ledger, Steps steps) {
    this.spark = spark;
    this.options = options;
    this.ledger = ledger;
    this.steps = steps;
  }

  /** Whether the windows to measure must be found before the main pass. */
  boolean neededFirst(List<OutageWindow> declared) {
    return declared.isEmpty() || options.config().useDetectedEdges();
  }

  /**
   * Finds the outages first, in a pass over the service only: the windows to measure are the
   * ones found, or, with use_detected_edges, the declared ones over the data's edges.
   */
  First findFirst(List<OutageWindow> declared) {
    PlayPass pass = steps.run("a pass over the service only, to find the outages",
        () -> ServiceDetection.serviceOnlyPass(spark, options.playPath(), options.counts()),
        p -> String.format(Locale.ROOT, "%,d rows", p.totals().used() + p.totals().outside()));
    Detection found = find(pass, true);
    return new First(pass, found, declared.isEmpty()
        ? WindowsToMeasure.found(found.windows())
        : WindowsToMeasure.onDataEdges(DeclaredCheck.check(declared, found.windows())));
  }

  /**
   * The outages in the fine series of {@code pass}; stops the run when they were
   * {@code needed} and the data cannot be searched, else warns that it was not.
   */
  Detection find(PlayPass pass, boolean needed) {
    Detection found = steps.run("find outages in the data",
        () -> ServiceDetection.find(pass.totals(), options.counts(), options.config()),
        d -> d.windows().isEmpty() ? "none found" : d.windows().size() + " windows: "
            + WindowsToMeasure.found(d.windows()).stream().map(w -> w.id() + " " + w.start()
                + " to " + w.end() + " (" + w.countries() + "; " + w.platforms() + ")")
                .collect(Collectors.joining(", ")));
    if (found.skipped() != null && needed) {
      throw new InputException(options.playInput() + ": " + options.playPath() + ": "
          + found.skipped() + "; give --outages (without use_detected_edges)");
    }
    if (found.skipped() != null) {
      ledger.warn(found.skipped() + "; the declared outages were not checked against the data");
    }
    return found;
  }
}
