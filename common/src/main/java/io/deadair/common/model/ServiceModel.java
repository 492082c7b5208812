package io.deadair.common.model;

import io.deadair.common.config.ImpactConfig;
import io.deadair.common.domain.CountryZones;
import io.deadair.common.domain.OutageWindow;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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
    Map<Integer, Map<Long, Double>> groups = groups(outage);
    ZoneId[] table = zones();
    ZoneId[] clocks = ListenerClocks.choose(SeasonalShape.byCountry(groups), table, b0, w0,
        excluded);
    ServiceWindows windows = new ServiceWindows(groups, shape(groups, clocks, b0, w0, excluded),
        clocks, excluded, config);
    List<Integer> placeboDays = windows.placeboDays(w0, w1, b0);
    List<ServiceWindows.Parts> placebos = new ArrayList<>();
    List<double[]> quietControls = new ArrayList<>();
    for (int d : placeboDays) {
      ServiceWindows.Parts p = windows.parts(w0 - 24L * d, w1 - 24L * d, w1 - 24L * d);
      placebos.add(p);
      quietControls.add(Control.raw(p.recent()[0], p.window()[0]));
    }
    double quietVariance = Control.quietDayVariance(quietControls);
    List<WindowSpec> specs = new ArrayList<>();
    Map<Integer, Map<Long, Double>> hourly = new HashMap<>();
    ServiceWindows.Parts own = windows.parts(w0, w1, w1 + config.afterHours());
    specs.add(windows.window(outage.id(), outage.id(), 0, own, quietVariance, hourly));
    for (int i = 0; i < placeboDays.size(); i++) {
      int d = placeboDays.get(i);
      specs.add(windows.window(outage.id() + "#p" + d, outage.id(), d, placebos.get(i),
          quietVariance, null));
    }
    OutageModel model = new OutageModel(outage, b0, excluded,
        baselineSums(groups, b0, w0, excluded), specs);
    return new Built(model, hourly, offTable(clocks, table));
  }

  /** The series summed by group: (country, in the outage's scope or not). */
  private Map<Integer, Map<Long, Double>> groups(OutageWindow outage) {
    Map<Integer, Map<Long, Double>> groups = new HashMap<>();
    series.forEach((cp, byHour) -> {
      String code = countries.get(cp.country());
      boolean in = (code == null || outage.countries().contains(code))
          && (cp.platform() == null || outage.platforms().contains(cp.platform()));
      Map<Long, Double> g = groups.computeIfAbsent(OutageModel.groupKey(cp.country(), in),
          k -> new HashMap<>());
      byHour.forEach((h, v) -> g.merge(h, v, Double::sum));
    });
    return groups;
  }

  /** The countries whose listeners keep another clock than the zone table's, with that clock. */
  private Map<String, ZoneId> offTable(ZoneId[] clocks, ZoneId[] table) {
    Map<String, ZoneId> offTable = new TreeMap<>();
    for (int c = 0; c < clocks.length; c++) {
      if (clocks[c] != table[c]) {
        offTable.put(countries.get(c), clocks[c]);
      }
    }
    return offTable;
  }

  /**
   * The shape, learned from each country's whole local days inside the baseline: from the first
   * local midnight at or after b0 to the one that starts the window's day.
   */
  private static SeasonalShape shape(Map<Integer, Map<Long, Double>> groups, ZoneId[] clocks,
      long b0, long w0, HourSet excluded) {
    long[] firstDay = new long[clocks.length];
    long[] windowDay = new long[clocks.length];
    for (int c = 0; c < clocks.length; c++) {
      firstDay[c] = b0 + Math.floorMod(-CountryZones.localHour(clocks[c], b0), 24);
      windowDay[c] = w0 - CountryZones.localHour(clocks[c], w0);
    }
    return SeasonalShape.learn(groups, clocks, firstDay, windowDay, excluded);
  }

  /** Each group's plays over the baseline's hours that no outage touches. */
  private static Map<Integer, Double> baselineSums(Map<Integer, Map<Long, Double>> groups,
      long b0, long w0, HourSet excluded) {
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
    return baselineSums;
  }

  /** Each country's clock, by country index. */
  private ZoneId[] zones() {
    ZoneId[] z = new ZoneId[countries.size()];
    for (int i = 0; i < z.length; i++) {
      z[i] = CountryZones.zoneOf(countries.get(i));
    }
    return z;
  }
}
