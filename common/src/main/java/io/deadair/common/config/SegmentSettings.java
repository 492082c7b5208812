package io.deadair.common.config;

import io.deadair.common.domain.SegmentRule;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How artists are split into emerging, mid and established ({@code docs/method.md} §9). The
 * default, absolute rule compares each artist's audience in the baseline, brought to 28 days
 * and to the whole service ({@link #inputShare}), with fixed monthly-listener lines (monthly
 * plays where the input has no listeners); the relative rule compares it with the other artists
 * of the run. Either way an emerging artist needs a known, recent debut.
 *
 * @param relative whether the lines are percentiles of the run's artists
 * @param emergingPercentile relative rule: emerging at or below this percentile
 * @param establishedPercentile relative rule: established at or above this percentile
 * @param emergingListeners absolute rule: most monthly listeners of an emerging artist
 * @param establishedListeners absolute rule: least monthly listeners of an established artist
 * @param emergingPlays absolute rule without listeners: most plays per 28 days, emerging
 * @param establishedPlays absolute rule without listeners: least plays per 28 days, established
 * @param inputShare the share of the service's listeners (or plays) that the input holds
 * @param debutYears the most years since debut of an emerging artist
 */
public record SegmentSettings(boolean relative, double emergingPercentile,
    double establishedPercentile, double emergingListeners, double establishedListeners,
    double emergingPlays, double establishedPlays, double inputShare, int debutYears)
    implements Serializable {

  /** Days the absolute lines are given over: Spotify's monthly listeners count 28 days. */
  public static final int LINE_DAYS = 28;

  static void keys(Map<String, String[]> k) {
    k.put("segment.rule", ImpactConfig.key("absolute", "absolute: fixed audience lines (below), "
        + "the same on any input; relative: percentiles of the run's own artists."));
    k.put("segment.emerging.max_monthly_listeners", ImpactConfig.key("50000", "Absolute rule: "
        + "emerging at or below this many listeners per 28 days (1..1e9)."));
    k.put("segment.established.min_monthly_listeners", ImpactConfig.key("1000000", "Absolute "
        + "rule: established at or above this many listeners per 28 days (above the emerging "
        + "line, ..1e10)."));
    k.put("segment.emerging.max_monthly_plays", ImpactConfig.key("250000", "Absolute rule on "
        + "stream counts (no listeners): emerging at or below this many plays per 28 days "
        + "(1..1e10)."));
    k.put("segment.established.min_monthly_plays", ImpactConfig.key("5000000", "Absolute rule on "
        + "stream counts: established at or above this many plays per 28 days (above the "
        + "emerging line, ..1e12)."));
    k.put("segment.input_share", ImpactConfig.key("1", "The share of the whole service's "
        + "listeners (or plays) the input holds, e.g. 0.01 for a 1 % sample of users; the "
        + "audiences are divided by it before the absolute lines apply (1e-9..1)."));
    k.put("segment.emerging.max_listener_percentile", ImpactConfig.key("50", "Relative rule: "
        + "emerging at or below this percentile of artists' baseline listeners (1..99)."));
    k.put("segment.established.min_listener_percentile", ImpactConfig.key("90", "Relative rule: "
        + "established at or above this percentile (1..99, above the emerging one)."));
    k.put("segment.emerging.max_debut_years", ImpactConfig.key("3", "Emerging also needs a known "
        + "debut within this many years; an unknown debut is not recent (1..50)."));
  }

  static SegmentSettings from(Map<String, String> v, String where) {
    String rule = v.get("segment.rule").toLowerCase(Locale.ROOT);
    if (!rule.equals("absolute") && !rule.equals("relative")) {
      throw new IllegalArgumentException("Config " + where + ": segment.rule must be absolute or"
          + " relative, not '" + v.get("segment.rule") + "'. "
          + ImpactConfig.KEYS.get("segment.rule")[1]);
    }
    return new SegmentSettings(rule.equals("relative"),
        ImpactConfig.number(v, "segment.emerging.max_listener_percentile", where),
        ImpactConfig.number(v, "segment.established.min_listener_percentile", where),
        ImpactConfig.number(v, "segment.emerging.max_monthly_listeners", where),
        ImpactConfig.number(v, "segment.established.min_monthly_listeners", where),
        ImpactConfig.number(v, "segment.emerging.max_monthly_plays", where),
        ImpactConfig.number(v, "segment.established.min_monthly_plays", where),
        ImpactConfig.number(v, "segment.input_share", where),
        ImpactConfig.integer(v, "segment.emerging.max_debut_years", where));
  }

  public SegmentSettings {
    ImpactConfig.check(emergingPercentile >= 1 && emergingPercentile <= 99,
        "segment.emerging.max_listener_percentile", emergingPercentile);
    ImpactConfig.check(establishedPercentile > emergingPercentile && establishedPercentile <= 99,
        "segment.established.min_listener_percentile", establishedPercentile);
    ImpactConfig.check(emergingListeners >= 1 && emergingListeners <= 1e9,
        "segment.emerging.max_monthly_listeners", emergingListeners);
    ImpactConfig.check(establishedListeners > emergingListeners && establishedListeners <= 1e10,
        "segment.established.min_monthly_listeners", establishedListeners);
    ImpactConfig.check(emergingPlays >= 1 && emergingPlays <= 1e10,
        "segment.emerging.max_monthly_plays", emergingPlays);
    ImpactConfig.check(establishedPlays > emergingPlays && establishedPlays <= 1e12,
        "segment.established.min_monthly_plays", establishedPlays);
    ImpactConfig.check(inputShare >= 1e-9 && inputShare <= 1, "segment.input_share",
        inputShare);
    ImpactConfig.check(debutYears >= 1 && debutYears <= 50, "segment.emerging.max_debut_years",
        debutYears);
  }

  /**
   * The absolute rule's lines in the run's own audience units: the baseline's unique listeners
   * (or plays, when {@code listeners} is false) over {@code baselineDays}, in the input's share
   * of the service. Listeners are scaled by days like plays, a simplification for baselines
   * other than 28 days (unique listeners grow more slowly than the days).
   */
  public SegmentRule absoluteRule(boolean listeners, int baselineDays) {
    double scale = inputShare * baselineDays / LINE_DAYS;
    return new SegmentRule((listeners ? emergingListeners : emergingPlays) * scale,
        (listeners ? establishedListeners : establishedPlays) * scale, debutYears);
  }

  /** The values as key-value text, for run.json. */
  void putInto(Map<String, Object> m) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("segment.rule", relative ? "relative" : "absolute");
    s.put("segment.emerging.max_monthly_listeners", emergingListeners);
    s.put("segment.established.min_monthly_listeners", establishedListeners);
    s.put("segment.emerging.max_monthly_plays", emergingPlays);
    s.put("segment.established.min_monthly_plays", establishedPlays);
    s.put("segment.input_share", inputShare);
    s.put("segment.emerging.max_listener_percentile", emergingPercentile);
    s.put("segment.established.min_listener_percentile", establishedPercentile);
    s.put("segment.emerging.max_debut_years", debutYears);
    m.putAll(s);
  }
}
