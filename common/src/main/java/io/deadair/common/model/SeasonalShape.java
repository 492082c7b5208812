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

  /** Learns the shape from the baseline hours [b0, w0) outside {@code excluded}. */
  static SeasonalShape learn(Map<Integer, Map<Long, Double>> groups, ZoneId[] zones, long b0,
      long w0, HourSet excluded) {
    Map<Integer, double[]> slotSums = new HashMap<>();
    Map<Integer, long[]> slotHours = new HashMap<>();
    Map<Integer, double[]> dowSums = new HashMap<>();
    Map<Integer, long[]> dowHours = new HashMap<>();
    groups.forEach((g, s) -> {
      int c = OutageModel.countryOf(g);
      double[] hs = slotSums.computeIfAbsent(c, k -> new double[2 * HOURS]);
      double[] ds = dowSums.computeIfAbsent(c, k -> new double[7]);
      if (!slotHours.containsKey(c)) {
        long[] n = new long[2 * HOURS];
        long[] d = new long[7];
        for (long h = b0; h < w0; h++) {
          if (!excluded.contains(h)) {
            n[slot(zones[c], h)]++;
            d[CountryZones.localDayOfWeek(zones[c], h)]++;
          }
        }
        slotHours.put(c, n);
        dowHours.put(c, d);
      }
      s.forEach((h, v) -> {
        if (h >= b0 && h < w0 && !excluded.contains(h)) {
          hs[slot(zones[c], h)] += v;
          ds[CountryZones.localDayOfWeek(zones[c], h)] += v;
        }
      });
    });
    Map<Integer, double[]> hod = new HashMap<>();
    slotSums.forEach((c, hs) -> hod.put(c, profiles(hs, slotHours.get(c))));
    double[] dow = weekly(dowSums, dowHours);
    Map<Integer, Double> levels = new HashMap<>();
    groups.forEach((g, s) -> {
      int c = OutageModel.countryOf(g);
      double[] shape = hod.get(c);
      double obs = 0;
      double fit = 0;
      for (long h = b0; h < w0; h++) {
        if (!excluded.contains(h)) {
          obs += s.getOrDefault(h, 0.0);
          fit += shape[slot(zones[c], h)] * dow[CountryZones.localDayOfWeek(zones[c], h)];
        }
      }
      levels.put(g, fit > 0 ? obs / fit : 0);
    });
    return new SeasonalShape(hod, dow, levels, zones);
  }

  /**
   * A country's two day profiles, each of mean 1. Where the baseline holds no hour of one kind of
   * day (a baseline shorter than a week), that kind takes the profile of all days.
   */
  private static double[] profiles(double[] sums, long[] hours) {
    double[] all = new double[HOURS];
    long[] allHours = new long[HOURS];
    for (int i = 0; i < 2 * HOURS; i++) {
      all[i % HOURS] += sums[i];
      allHours[i % HOURS] += hours[i];
    }
    double[] out = new double[2 * HOURS];
    for (int half = 0; half < 2; half++) {
      boolean seen = false;
      for (int i = 0; i < HOURS; i++) {
        seen |= hours[half * HOURS + i] > 0;
      }
      double[] mean = new double[HOURS];
      double avg = 0;
      for (int i = 0; i < HOURS; i++) {
        int k = half * HOURS + i;
        mean[i] = seen ? (hours[k] > 0 ? sums[k] / hours[k] : 0)
            : (allHours[i] > 0 ? all[i] / allHours[i] : 0);
        avg += mean[i] / HOURS;
      }
      for (int i = 0; i < HOURS; i++) {
        out[half * HOURS + i] = avg > 0 ? mean[i] / avg : 1;
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
