package io.deadair.jobs.impact;

import io.deadair.common.config.ImpactConfig;
import io.deadair.common.cube.PassTotals;
import io.deadair.common.domain.OutageWindow;
import io.deadair.common.model.Buckets;
import io.deadair.common.model.PhaseCalendar;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The outage windows a run measures, and the one calendar of their phases (baseline, during,
 * after) every later step uses. Plays are measured over the declared windows. Stream counts
 * cannot be split inside a bucket, so each window is widened to the count buckets it overlaps,
 * and the level is read over at least the longest bucket.
 *
 * @param declared the outages as the input declares them
 * @param measured the windows measured, in the same order
 * @param calendar the phases of the measured windows
 * @param config the parameters, with the recent hours widened for counts
 * @param counts whether the plays are stream counts
 */
public record MeasuredWindows(List<OutageWindow> declared, List<OutageWindow> measured,
    PhaseCalendar calendar, ImpactConfig config, boolean counts) {

  /**
   * The calendar the pass keeps hours for, before the data is seen: the declared windows, or
   * for counts the declared windows padded by the longest a bucket may be.
   */
  public static PhaseCalendar passCalendar(List<OutageWindow> declared, ImpactConfig config,
      boolean counts) {
    return calendar(counts ? Buckets.padded(declared) : declared, config);
  }

  /**
   * The windows to measure, once the pass has seen the count buckets (if any): {@code toMeasure}
   * (the declared windows, or the data's edges for them, or the windows found), widened for
   * counts; plays keep the calendar of the pass.
   */
  public static MeasuredWindows of(List<OutageWindow> declared, List<OutageWindow> toMeasure,
      PhaseCalendar passCalendar, PassTotals totals, ImpactConfig config, boolean counts,
      Consumer<String> log) {
    if (!counts) {
      return new MeasuredWindows(declared, toMeasure, passCalendar, config, false);
    }
    List<Buckets.Bucket> buckets = buckets(totals);
    List<OutageWindow> measured = wholeBuckets(toMeasure, buckets, log);
    return new MeasuredWindows(declared, measured, calendar(measured, config),
        config.withRecentHoursAtLeast(Buckets.longestHours(buckets)), true);
  }

  private static PhaseCalendar calendar(List<OutageWindow> outages, ImpactConfig config) {
    return PhaseCalendar.of(outages, config.baselineDays(), config.afterHours());
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
  private static List<OutageWindow> wholeBuckets(List<OutageWindow> declared,
      List<Buckets.Bucket> buckets, Consumer<String> log) {
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
