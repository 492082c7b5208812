package io.deadair.common.model;

import io.deadair.common.config.ImpactConfig;
import io.deadair.common.domain.CountryZones;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The windows of one outage's service model, the outage's own and its placebos: where each
 * country's recent level is read, and the sums of observed and counterfactual plays by group
 * and part that {@link WindowSpec} holds ({@link ServiceModel} builds the model around them).
 */
final class ServiceWindows {

  private final Map<Integer, Map<Long, Double>> groups;
  private final SeasonalShape shape;
  private final ZoneId[] clocks;
  private final HourSet excluded;
  private final ImpactConfig config;

  ServiceWindows(Map<Integer, Map<Long, Double>> groups, SeasonalShape shape, ZoneId[] clocks,
      HourSet excluded, ImpactConfig config) {
    this.groups = groups;
    this.shape = shape;
    this.clocks = clocks;
    this.excluded = excluded;
    this.config = config;
  }

  /**
   * The days back from the window {@code [w0, w1)} whose same hours make placebo windows: each
   * with its recent level inside the baseline (from {@code b0}) and no outage's hours.
   */
  List<Integer> placeboDays(long w0, long w1, long b0) {
    List<Integer> placeboDays = new ArrayList<>();
    for (int d = 1; d <= config.placeboDays(); d++) {
      long p0 = w0 - 24L * d;
      long r0 = p0 - maxRecentHours(p0);
      if (r0 >= b0 && !excluded.intersects(r0, w1 - 24L * d)) {
        placeboDays.add(d);
      }
    }
    return placeboDays;
  }

  /**
   * Per country, where the recent-level window before hour {@code w0} starts: at local midnight
   * of the day {@code w0} falls on, since listening levels move from one local day to the next
   * (a new playlist, yesterday's news), but at least {@code recent_hours} before {@code w0}.
   */
  private long[] recentStarts(long w0) {
    long[] rs = new long[clocks.length];
    for (int c = 0; c < clocks.length; c++) {
      long sinceMidnight = CountryZones.localHour(clocks[c], w0);
      rs[c] = w0 - Math.max(sinceMidnight, config.recentHours());
    }
    return rs;
  }

  /** The longest recent-level window of any country before hour {@code w0}. */
  private long maxRecentHours(long w0) {
    long[] rs = recentStarts(w0);
    return w0 - Arrays.stream(rs).min().orElse(w0 - config.recentHours());
  }

  /**
   * Sums {observed, seasonal} over the recent hours, the window and the recovery window, by in
   * scope (1) or not (0).
   */
  record Parts(long start, long end, long afterEnd, long[] recentStarts, long recentStart,
      long[][] bothDays, double[][] recent, double[][] window, double[][] after) {}

  Parts parts(long w0, long w1, long afterEnd) {
    long[] rs = recentStarts(w0);
    long r0 = Arrays.stream(rs).min().orElse(w0 - config.recentHours());
    Parts p = new Parts(w0, w1, afterEnd, rs, r0, bothDays(w0, w1),
        new double[2][2], new double[2][2], new double[2][2]);
    groups.forEach((g, s) -> {
      int in = OutageModel.inScope(g) ? 1 : 0;
      int c = OutageModel.countryOf(g);
      for (long h = r0; h < afterEnd; h++) {
        if (h < w0 && (h < rs[c] || excluded.contains(h))) {
          continue;
        }
        double[][] part = h < w0 ? p.recent() : h < w1 ? p.window() : p.after();
        part[in][0] += s.getOrDefault(h, 0.0);
        part[in][1] += shape.seasonal(g, c, h);
      }
    });
    return p;
  }

  /**
   * Per country, {first hour, hour after the last} of the local date the window's in-scope
   * listeners are on at {@code w0} (where they are on several, the one with most of the window's
   * counterfactual), in that country's clock: the day of the level read on both days.
   */
  private long[][] bothDays(long w0, long w1) {
    Map<Long, Double> byDate = new TreeMap<>();
    groups.keySet().stream().filter(OutageModel::inScope).sorted().forEach(g -> {
      int c = OutageModel.countryOf(g);
      double sum = 0;
      for (long h = w0; h < w1; h++) {
        sum += shape.seasonal(g, c, h);
      }
      byDate.merge(CountryZones.localDay(clocks[c], w0), sum, Double::sum);
    });
    long date = byDate.entrySet().stream().max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey).orElse(Math.floorDiv(w0, 24));
    long[][] days = new long[2][clocks.length];
    for (int c = 0; c < clocks.length; c++) {
      long midnight = w0 - CountryZones.localHour(clocks[c], w0)
          + 24 * (date - CountryZones.localDay(clocks[c], w0));
      days[0][c] = midnight;
      days[1][c] = midnight + 24;
    }
    return days;
  }

  /**
   * The window's spec: each group's sums of observed plays before it and of the counterfactual
   * during and after it, by part ({@link WindowSpec}); {@code hourlyOut}, when given, receives
   * each group's hourly values, from {@link ServiceModel#TIMELINE_HOURS_BEFORE} before.
   */
  WindowSpec window(String id, String outageId, int daysBack, Parts p, double quietVariance,
      Map<Integer, Map<Long, Double>> hourlyOut) {
    double[] recentIn = p.recent()[1];
    double rho = recentIn[1] > 0 ? recentIn[0] / recentIn[1] : 1;
    double[] kappa = {
      Control.shrink(Control.raw(p.recent()[0], p.window()[0]), quietVariance),
      Control.shrink(Control.raw(p.recent()[0], p.after()[0]), quietVariance)
    };
    Reading reading = new Reading(p, WindowSpec.dayStart(p.start(), config.recentHours()),
        WindowSpec.split(p.start(), p.end()), rho, kappa);
    long earliest = Math.min(p.recentStart(), reading.dayStart());
    Map<Integer, double[]> sums = new LinkedHashMap<>();
    groups.forEach((g, s) -> {
      Map<Long, Double> hourly = hourlyOut == null ? null : new HashMap<>();
      long from = hourlyOut == null ? earliest
          : Math.min(earliest, p.start() - ServiceModel.TIMELINE_HOURS_BEFORE);
      sums.put(g, groupSums(g, s, from, reading, hourly));
      if (hourlyOut != null) {
        hourlyOut.put(g, hourly);
      }
    });
    return new WindowSpec(id, outageId, daysBack, p.start(), p.end(), p.recentStart(),
        p.recentStarts(), p.afterEnd(), reading.dayStart(), reading.split(), p.bothDays(), sums);
  }

  /** A window's parts with where its level readings start and the level and control found. */
  private record Reading(Parts p, long dayStart, long split, double rho, double[] kappa) {}

  /** One group's sums by part, from hour {@code from} to the end of the recovery window. */
  private double[] groupSums(int g, Map<Long, Double> s, long from, Reading r,
      Map<Long, Double> hourly) {
    boolean in = OutageModel.inScope(g);
    int c = OutageModel.countryOf(g);
    long w0 = r.p().start();
    long w1 = r.p().end();
    long[][] bd = r.p().bothDays();
    double[] v = new double[WindowSpec.PARTS];
    for (long h = from; h < r.p().afterEnd(); h++) {
      double obs = s.getOrDefault(h, 0.0);
      double value = obs;
      if (in && h >= w0) {
        value = shape.seasonal(g, c, h) * r.rho() * (h < w1 ? r.kappa()[0] : r.kappa()[1]);
      }
      if (h < w0) {
        if (!excluded.contains(h)) {
          v[WindowSpec.RECENT] += h >= r.p().recentStarts()[c] ? obs : 0;
          v[WindowSpec.DAY_RECENT] += h >= r.dayStart() ? obs : 0;
          v[WindowSpec.BOTH_RECENT] += WindowSpec.onBothDay(bd, r.dayStart(), c, h) ? obs : 0;
        }
      } else if (h < w1) {
        v[WindowSpec.WINDOW] += value;
        v[WindowSpec.LATE] += h >= r.split() ? value : 0;
        if (WindowSpec.onBothDay(bd, r.dayStart(), c, h)) {
          v[h >= r.split() ? WindowSpec.BOTH_LATE : WindowSpec.BOTH_WINDOW] += value;
        }
      } else {
        v[WindowSpec.AFTER] += value;
      }
      if (hourly != null) {
        hourly.put(h, value);
      }
    }
    return v;
  }
}
