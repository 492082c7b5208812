package io.deadair.common.model;

import io.deadair.common.config.ImpactConfig;
import io.deadair.common.domain.CountryZones;
import io.deadair.common.domain.OutageWindow;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The service-wide counterfactual: what each (country, in-scope) group would have played in every
 * hour around an outage had there been none. Built on the driver from the small per-country
 * hourly totals; the per-artist estimator scales it by each artist's share and current level.
 *
 * <p>For an affected group, the counterfactual at hour t is {@code M_g H_c(local hour) W(day of
 * week) rho kappa}: a seasonal shape learned from the baseline's whole local days ({@link
 * SeasonalShape}, in the clock the country's listeners live by, {@link ListenerClocks}), a recent
 * level {@code rho} from the hours since local midnight, and for a partial outage a control
 * {@code kappa}: how far the unaffected part of the service strayed from its own prediction
 * during the same hours, shrunk by how far it strays on quiet days ({@link Control}).
 */
public final class ServiceModel {

  /** Hours of timeline kept before each outage, for charts. */
  public static final int TIMELINE_HOURS_BEFORE = 48;

  private final List<String> countries;
  private final Map<CountryPlatform, Map<Long, Double>> series;
  private final ImpactConfig config;

  /**
   * @param countries the country dictionary (index to code; null code for unknown)
   * @param series per (country index, platform) the observed plays by hour; platform may be null
   */
  public ServiceModel(List<String> countries, Map<CountryPlatform, Map<Long, Double>> series,
      ImpactConfig config) {
    this.countries = Collections.unmodifiableList(new ArrayList<>(countries));
    this.config = config;
    this.series = series;
  }

  /** A (country index, platform) key of the service series. */
  public record CountryPlatform(int country, String platform) {}

  /**
   * The model of one outage, its hourly service counterfactual for the timeline, and per country
   * code whose listeners were found to keep another clock than the zone table's, that clock.
   */
  public record Built(OutageModel model, Map<Integer, Map<Long, Double>> hourlyCounterfactual,
      Map<String, ZoneId> clocksOffTable) {}

  public Built build(OutageWindow outage, List<OutageWindow> all) {
    long w0 = PhaseCalendar.startHour(outage);
    long w1 = PhaseCalendar.endHour(outage);
    long b0 = w0 - 24L * config.baselineDays();
    HourSet excluded = PhaseCalendar.excludedHours(outage, all, config.afterHours());

    Map<Integer, Map<Long, Double>> groups = new HashMap<>();
    series.forEach((cp, byHour) -> {
      String code = countries.get(cp.country());
      boolean in = (code == null || outage.countries().contains(code))
          && (cp.platform() == null || outage.platforms().contains(cp.platform()));
      Map<Long, Double> g = groups.computeIfAbsent(OutageModel.groupKey(cp.country(), in),
          k -> new HashMap<>());
      byHour.forEach((h, v) -> g.merge(h, v, Double::sum));
    });

    ZoneId[] table = zones();
    ZoneId[] clocks = ListenerClocks.choose(SeasonalShape.byCountry(groups), table, b0, w0,
        excluded);
    Map<String, ZoneId> offTable = new TreeMap<>();
    for (int c = 0; c < clocks.length; c++) {
      if (clocks[c] != table[c]) {
        offTable.put(countries.get(c), clocks[c]);
      }
    }
    // The shape is learned from each country's whole local days inside the baseline: from the
    // first local midnight at or after b0 to the one that starts the window's day.
    long[] firstDay = new long[clocks.length];
    long[] windowDay = new long[clocks.length];
    for (int c = 0; c < clocks.length; c++) {
      firstDay[c] = b0 + Math.floorMod(-CountryZones.localHour(clocks[c], b0), 24);
      windowDay[c] = w0 - CountryZones.localHour(clocks[c], w0);
    }
    SeasonalShape shape = SeasonalShape.learn(groups, clocks, firstDay, windowDay, excluded);
    Map<Integer, Double> baselineSums = new HashMap<>();
    groups.forEach((g, s) -> {
      double sum = 0;
      for (Map.Entry<Long, Double> e : s.entrySet()) {
        if (e.getKey() >= b0 && e.getKey() < w0 && !excluded.contains(e.getKey())) {
          sum += e.getValue();
        }
      }
      baselineSums.put(g, sum);
    });

    List<Integer> placeboDays = new ArrayList<>();
    for (int d = 1; d <= config.placeboDays(); d++) {
      long p0 = w0 - 24L * d;
      long r0 = p0 - maxRecentHours(p0, clocks);
      if (r0 >= b0 && !excluded.intersects(r0, w1 - 24L * d)) {
        placeboDays.add(d);
      }
    }
    List<Parts> placebos = new ArrayList<>();
    List<double[]> quietControls = new ArrayList<>();
    for (int d : placeboDays) {
      Parts p = parts(w0 - 24L * d, w1 - 24L * d, w1 - 24L * d, groups, shape, clocks, excluded);
      placebos.add(p);
      quietControls.add(Control.raw(p.recent()[0], p.window()[0]));
    }
    double quietVariance = Control.quietDayVariance(quietControls);
    List<WindowSpec> windows = new ArrayList<>();
    Map<Integer, Map<Long, Double>> hourly = new HashMap<>();
    Parts own = parts(w0, w1, w1 + config.afterHours(), groups, shape, clocks, excluded);
    windows.add(window(outage.id(), outage.id(), 0, own, groups, shape, excluded, quietVariance,
        hourly));
    for (int i = 0; i < placeboDays.size(); i++) {
      int d = placeboDays.get(i);
      windows.add(window(outage.id() + "#p" + d, outage.id(), d, placebos.get(i), groups, shape,
          excluded, quietVariance, null));
    }
    OutageModel model = new OutageModel(outage, b0, excluded, baselineSums, windows);
    return new Built(model, hourly, offTable);
  }

  /**
   * Per country, where the recent-level window before hour {@code w0} starts: at local midnight
   * of the day {@code w0} falls on, since listening levels move from one local day to the next
   * (a new playlist, yesterday's news), but at least {@code recent_hours} before {@code w0}.
   */
  private long[] recentStarts(long w0, ZoneId[] zones) {
    long[] rs = new long[zones.length];
    for (int c = 0; c < zones.length; c++) {
      long sinceMidnight = CountryZones.localHour(zones[c], w0);
      rs[c] = w0 - Math.max(sinceMidnight, config.recentHours());
    }
    return rs;
  }

  /** The longest recent-level window of any country before hour {@code w0}. */
  private long maxRecentHours(long w0, ZoneId[] clocks) {
    long[] rs = recentStarts(w0, clocks);
    return w0 - Arrays.stream(rs).min().orElse(w0 - config.recentHours());
  }

  /** Each country's clock, by country index. */
  private ZoneId[] zones() {
    ZoneId[] z = new ZoneId[countries.size()];
    for (int i = 0; i < z.length; i++) {
      z[i] = CountryZones.zoneOf(countries.get(i));
    }
    return z;
  }

  /**
   * Sums {observed, seasonal} over the recent hours, the window and the recovery window, by in
   * scope (1) or not (0).
   */
  private record Parts(long start, long end, long afterEnd, long[] recentStarts, long recentStart,
      long[][] bothDays, double[][] recent, double[][] window, double[][] after) {}

  private Parts parts(long w0, long w1, long afterEnd, Map<Integer, Map<Long, Double>> groups,
      SeasonalShape shape, ZoneId[] clocks, HourSet excluded) {
    long[] rs = recentStarts(w0, clocks);
    long r0 = Arrays.stream(rs).min().orElse(w0 - config.recentHours());
    Parts p = new Parts(w0, w1, afterEnd, rs, r0, bothDays(w0, w1, groups, shape, clocks),
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
  private static long[][] bothDays(long w0, long w1, Map<Integer, Map<Long, Double>> groups,
      SeasonalShape shape, ZoneId[] clocks) {
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

  private WindowSpec window(String id, String outageId, int daysBack, Parts p,
      Map<Integer, Map<Long, Double>> groups, SeasonalShape shape, HourSet excluded,
      double quietVariance, Map<Integer, Map<Long, Double>> hourlyOut) {
    long w0 = p.start();
    long w1 = p.end();
    long afterEnd = p.afterEnd();
    long[] rs = p.recentStarts();
    long[][] bd = p.bothDays();
    long r0 = p.recentStart();
    double[] recentIn = p.recent()[1];
    double rho = recentIn[1] > 0 ? recentIn[0] / recentIn[1] : 1;
    double[] kappa = {
      Control.shrink(Control.raw(p.recent()[0], p.window()[0]), quietVariance),
      Control.shrink(Control.raw(p.recent()[0], p.after()[0]), quietVariance)
    };

    long dayStart = WindowSpec.dayStart(w0, config.recentHours());
    long split = WindowSpec.split(w0, w1);
    long earliest = Math.min(r0, dayStart);
    Map<Integer, double[]> sums = new LinkedHashMap<>();
    groups.forEach((g, s) -> {
      boolean in = OutageModel.inScope(g);
      int c = OutageModel.countryOf(g);
      double[] v = new double[WindowSpec.PARTS];
      Map<Long, Double> hourly = hourlyOut == null ? null : new HashMap<>();
      long from = hourlyOut == null ? earliest : Math.min(earliest, w0 - TIMELINE_HOURS_BEFORE);
      for (long h = from; h < afterEnd; h++) {
        double obs = s.getOrDefault(h, 0.0);
        double value = obs;
        if (in && h >= w0) {
          value = shape.seasonal(g, c, h) * rho * (h < w1 ? kappa[0] : kappa[1]);
        }
        if (h < w0) {
          if (!excluded.contains(h)) {
            v[WindowSpec.RECENT] += h >= rs[c] ? obs : 0;
            v[WindowSpec.DAY_RECENT] += h >= dayStart ? obs : 0;
            v[WindowSpec.BOTH_RECENT] += WindowSpec.onBothDay(bd, dayStart, c, h) ? obs : 0;
          }
        } else if (h < w1) {
          v[WindowSpec.WINDOW] += value;
          v[WindowSpec.LATE] += h >= split ? value : 0;
          if (WindowSpec.onBothDay(bd, dayStart, c, h)) {
            v[h >= split ? WindowSpec.BOTH_LATE : WindowSpec.BOTH_WINDOW] += value;
          }
        } else {
          v[WindowSpec.AFTER] += value;
        }
        if (hourly != null) {
          hourly.put(h, value);
        }
      }
      sums.put(g, v);
      if (hourlyOut != null) {
        hourlyOut.put(g, hourly);
      }
    });
    return new WindowSpec(id, outageId, daysBack, w0, w1, r0, rs, afterEnd, dayStart, split, bd,
        sums);
  }
}
