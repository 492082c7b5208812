package io.deadair.common.model;

import io.deadair.common.domain.CountryZones;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * The seasonal shape of the service model: per country, a profile over the local hour of day for
 * working days and another for weekends (so a daylight-saving change moves both with the
 * clocks), times a service-wide profile over local weekdays, times each group's level.
 *
 * <p>Listening on a Saturday is not a working day's listening scaled up: there is no commute, the
 * morning starts later and the night runs longer. One hour-of-day profile for all days puts a
 * weekend's busy nights into a working day's, and the other way round, an error the day's own
 * level cannot take back since it is the shape within the day that differs.
 */
final class SeasonalShape {

  /** Hours in one day's profile; a country's profiles hold working days, then weekends. */
  private static final int HOURS = 24;

  private final Map<Integer, double[]> hourOfDay;
  private final double[] dayOfWeek;
  private final Map<Integer, Double> levels;
  private final ZoneId[] zones;

  private SeasonalShape(Map<Integer, double[]> hourOfDay, double[] dayOfWeek,
      Map<Integer, Double> levels, ZoneId[] zones) {
    this.hourOfDay = hourOfDay;
    this.dayOfWeek = dayOfWeek;
    this.levels = levels;
    this.zones = zones;
  }

  /** The profile slot of {@code hour} in {@code zone}: its local hour, plus 24 on weekends. */
  static int slot(ZoneId zone, long hour) {
    int dow = CountryZones.localDayOfWeek(zone, hour);
    return CountryZones.localHour(zone, hour) + (dow >= 5 ? HOURS : 0);
  }

  /**
   * Learns the shape, for each country c, from the hours [{@code from[c]}, {@code to[c]})
   * outside {@code excluded}. The caller passes whole local days, so that every hour of the day
   * is learned from the same days: the hours [b0, w0) before a window at 12:00 would learn the
   * morning from one day later than the afternoon, a trend would read as a morning high against
   * the afternoon, and every counterfactual scaled from the morning would come out low.
   */
  static SeasonalShape learn(Map<Integer, Map<Long, Double>> groups, ZoneId[] zones, long[] from,
      long[] to, HourSet excluded) {
    Map<Integer, double[]> hod = new HashMap<>();
    byCountry(groups).forEach((c, s) -> hod.put(c,
        profiles(DayProfileFit.of(s, zones[c], from[c], to[c], excluded))));
    double[] dow = dayOfWeek(groups, zones, from, to, excluded);
    return new SeasonalShape(hod, dow, levels(groups, hod, dow, zones, from, to, excluded),
        zones);
  }

  /** The day-of-week factors, from every country's plays and hours by local day of week. */
  private static double[] dayOfWeek(Map<Integer, Map<Long, Double>> groups, ZoneId[] zones,
      long[] from, long[] to, HourSet excluded) {
    Map<Integer, double[]> dowSums = new HashMap<>();
    Map<Integer, long[]> dowHours = new HashMap<>();
    groups.forEach((g, s) -> {
      int c = OutageModel.countryOf(g);
      double[] ds = dowSums.computeIfAbsent(c, k -> new double[7]);
      if (!dowHours.containsKey(c)) {
        long[] d = new long[7];
        for (long h = from[c]; h < to[c]; h++) {
          if (!excluded.contains(h)) {
            d[CountryZones.localDayOfWeek(zones[c], h)]++;
          }
        }
        dowHours.put(c, d);
      }
      s.forEach((h, v) -> {
        if (h >= from[c] && h < to[c] && !excluded.contains(h)) {
          ds[CountryZones.localDayOfWeek(zones[c], h)] += v;
        }
      });
    });
    return weekly(dowSums, dowHours);
  }

  /** Each group's level: its plays over what the shape alone predicts for the same hours. */
  private static Map<Integer, Double> levels(Map<Integer, Map<Long, Double>> groups,
      Map<Integer, double[]> hod, double[] dow, ZoneId[] zones, long[] from, long[] to,
      HourSet excluded) {
    Map<Integer, Double> levels = new HashMap<>();
    groups.forEach((g, s) -> {
      int c = OutageModel.countryOf(g);
      double[] shape = hod.get(c);
      double obs = 0;
      double fit = 0;
      for (long h = from[c]; h < to[c]; h++) {
        if (!excluded.contains(h)) {
          obs += s.getOrDefault(h, 0.0);
          fit += shape[slot(zones[c], h)] * dow[CountryZones.localDayOfWeek(zones[c], h)];
        }
      }
      levels.put(g, fit > 0 ? obs / fit : 0);
    });
    return levels;
  }

  /** Per country index, the plays by hour of its groups (in scope and not) together. */
  static Map<Integer, Map<Long, Double>> byCountry(Map<Integer, Map<Long, Double>> groups) {
    Map<Integer, Map<Long, Double>> out = new HashMap<>();
    groups.forEach((g, s) -> {
      Map<Long, Double> c = out.computeIfAbsent(OutageModel.countryOf(g), k -> new HashMap<>());
      s.forEach((h, v) -> c.merge(h, v, Double::sum));
    });
    return out;
  }

  /**
   * A country's two day profiles, each of mean 1. Where the baseline holds no hour of one kind of
   * day (a baseline shorter than a week), that kind takes the other's profile.
   */
  private static double[] profiles(DayProfileFit fit) {
    double[] out = new double[2 * HOURS];
    boolean[] seen = new boolean[2];
    for (int half = 0; half < 2; half++) {
      double avg = 0;
      for (int i = 0; i < HOURS; i++) {
        seen[half] |= fit.slotHours()[half * HOURS + i] > 0;
        avg += fit.profile()[half * HOURS + i] / HOURS;
      }
      for (int i = 0; i < HOURS; i++) {
        out[half * HOURS + i] = avg > 0 ? fit.profile()[half * HOURS + i] / avg : 1;
      }
    }
    for (int half = 0; half < 2; half++) {
      if (!seen[half] && seen[1 - half]) {
        System.arraycopy(out, (1 - half) * HOURS, out, half * HOURS, HOURS);
      }
    }
    return out;
  }

  /** One weekly profile for the service, over each country's local days, weighted by volume. */
  private static double[] weekly(Map<Integer, double[]> dowSums, Map<Integer, long[]> dowHours) {
    double[] dowSum = new double[7];
    for (Map.Entry<Integer, double[]> e : dowSums.entrySet()) {
      long[] n = dowHours.get(e.getKey());
      for (int i = 0; i < 7; i++) {
        if (n[i] > 0) {
          dowSum[i] += e.getValue()[i] / n[i];
        }
      }
    }
    double total = 0;
    int days = 0;
    for (int i = 0; i < 7; i++) {
      if (dowSum[i] > 0) {
        total += dowSum[i];
        days++;
      }
    }
    double[] dow = new double[7];
    for (int i = 0; i < 7; i++) {
      dow[i] = dowSum[i] > 0 && total > 0 ? dowSum[i] / (total / days) : 1;
    }
    return dow;
  }

  /** The seasonal expectation of {@code group} (of {@code country}) at {@code hour}. */
  double seasonal(int group, int country, long hour) {
    double[] h = hourOfDay.get(country);
    return levels.getOrDefault(group, 0.0)
        * (h == null ? 1 : h[slot(zones[country], hour)])
        * dayOfWeek[CountryZones.localDayOfWeek(zones[country], hour)];
  }
}
