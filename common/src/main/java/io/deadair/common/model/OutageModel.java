package io.deadair.common.model;

import io.deadair.common.domain.OutageWindow;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Everything the per-artist estimator needs about one outage: its scope, its baseline hours and
 * service totals per group, and its windows (the outage first, then its placebos).
 *
 * <p>A service group is a (country, in scope or not) pair; its key is {@code 2 * country index +
 * (in scope ? 1 : 0)}.
 *
 * @param outage the declared outage
 * @param baselineStart first baseline hour (the baseline ends where the outage starts)
 * @param excluded hours no baseline or recent window may use (other outages and their recovery)
 * @param baselineSums per group, the plays observed over the baseline
 * @param windows the outage's own window first, then its placebos
 */
public record OutageModel(
    OutageWindow outage,
    long baselineStart,
    HourSet excluded,
    Map<Integer, Double> baselineSums,
    List<WindowSpec> windows)
    implements Serializable {

  public static int groupKey(int country, boolean inScope) {
    return 2 * country + (inScope ? 1 : 0);
  }

  public static int countryOf(int groupKey) {
    return groupKey / 2;
  }

  public static boolean inScope(int groupKey) {
    return (groupKey & 1) == 1;
  }

  public long baselineEnd() {
    return windows.get(0).start();
  }

  /** Whether a play of this country and platform fell in the outage's scope. */
  public boolean inScope(String country, String platform) {
    return (country == null || outage.countries().contains(country))
        && (platform == null || outage.platforms().contains(platform));
  }

  /** Whether an hour counts toward the baseline. */
  public boolean inBaseline(long hour) {
    return hour >= baselineStart && hour < baselineEnd() && !excluded.contains(hour);
  }
}
