package io.deadair.jobs.detect;

import io.deadair.common.config.ImpactConfig;
import io.deadair.common.cube.PassTotals;
import io.deadair.common.cube.ServiceBuckets;
import io.deadair.common.detect.Detection;
import io.deadair.common.detect.OutageDetector;
import io.deadair.common.detect.ServiceSeries;
import io.deadair.common.model.PhaseCalendar;
import io.deadair.jobs.cube.PlayPass;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/**
 * Outages found in the fine service series of a pass. Plays are scanned in
 * {@link ServiceBuckets#PLAY_MINUTES}-minute buckets; stream counts in their shortest bucket,
 * which must divide a day and last at most an hour.
 */
public final class ServiceDetection {

  private ServiceDetection() {}

  /** A pass that keeps no artist hour: the whole input, for its fine service series only. */
  public static PlayPass serviceOnlyPass(SparkSession spark, String path, boolean counts) {
    PhaseCalendar none = PhaseCalendar.of(List.of(), 1, 1);
    return counts ? PlayPass.counts(spark, path, none)
        : PlayPass.plays(spark, path, none, raw -> raw);
  }

  /**
   * The outages in the pass's fine series; a detection that {@link Detection#skipped} when
   * stream counts come in buckets too coarse to search.
   */
  public static Detection find(PassTotals totals, boolean counts, ImpactConfig config) {
    int step = counts ? shortestBucket(totals) : ServiceBuckets.PLAY_MINUTES;
    if (step > 60 || 1440 % step != 0) {
      return Detection.skipped(String.format(Locale.ROOT, "stream counts in buckets of %d"
          + " minutes are too coarse to find outages in (an hour or less is needed)", step));
    }
    return OutageDetector.detect(ServiceSeries.of(totals.fine(), step), config.detector());
  }

  private static int shortestBucket(PassTotals totals) {
    return totals.buckets().stream().mapToInt(PassTotals.Bucket::minutes).min().orElse(60);
  }
}
