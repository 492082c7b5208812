package io.deadair.common.config;

import io.deadair.common.detect.DetectorSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The impact job's parameters, with their defaults in one place. A config file is a Java
 * properties file ({@code key = value}) with any of the keys below; unknown keys and values out of
 * range are refused with a message that says what is allowed.
 */
public record ImpactConfig(
    int baselineDays,
    int afterHours,
    int recentHours,
    int placeboDays,
    double confidence,
    SegmentSettings segments,
    double minExpectedForShare,
    double marketMinExpected,
    int releaseLookbackDays,
    long royaltyThreshold,
    List<String> highlightArtists,
    int cardsPerOutage,
    double maxBadRowsPct,
    double detectThreshold,
    boolean useDetectedEdges) {

  /** Every key, with its default and what it means; the single source of defaults. */
  public static final Map<String, String[]> KEYS = keys();

  private static Map<String, String[]> keys() {
    Map<String, String[]> k = new LinkedHashMap<>();
    k.put("baseline_days", key("28", "Days before an outage used as its baseline "
        + "(7..90)."));
    k.put("after_hours", key("24", "Length of the recovery window after an outage "
        + "(1..168)."));
    k.put("recent_hours", key("1", "Minimum hours right before an outage that set the "
        + "current level; otherwise the level comes from the day so far: each country's local "
        + "day, the UTC day or both, whichever predicted the placebo windows best (1..72)."));
    k.put("placebo_days", key("14", "Quiet days before an outage whose same-hour "
        + "windows calibrate the intervals (3..60)."));
    k.put("confidence", key("0.95", "Confidence level of every interval (0.5..0.999)."));
    SegmentSettings.keys(k);
    k.put("min_expected_for_share", key("5", "Artists with fewer expected plays in the "
        + "window are left out of share comparisons (0..1000)."));
    k.put("market_min_expected_plays", key("50", "Artists with at least this many expected"
        + " plays in an outage get their own rows in artist_market_impact; the others roll into"
        + " artist other (0..1e9)."));
    k.put("release_lookback_days", key("7", "Releases this many days before an outage, "
        + "or during it, are flagged (0..60)."));
    k.put("royalty_threshold_plays", key("1000", "Plays per 12 months a track needs to "
        + "earn recorded royalties (1..1000000000)."));
    k.put("highlight_artists", key("", "Artist ids that always get an artist card, "
        + "separated by ;."));
    k.put("cards_per_outage", key("5", "The top emerging artists by lost revenue that "
        + "get an artist card in the report, per outage (0..50)."));
    k.put("max_bad_rows_pct", key("1", "The run stops when more than this share of an "
        + "input's rows cannot be used, in % (0..100)."));
    k.put("detect_threshold", key("14", "How convincing a drop must be to count as an outage"
        + " found in the data: the CUSUM height in log-likelihood units; 14 keeps clean data"
        + " under one false window per four weeks (docs/method.md) (4..100)."));
    k.put("use_detected_edges", key("false", "Measure each declared outage over the start,"
        + " end and scope the data shows for it, where the detector found it (true or false)."));
    return Collections.unmodifiableMap(k);
  }

  /** A key's default value and its documentation. */
  static String[] key(String defaultValue, String doc) {
    return new String[] {defaultValue, doc};
  }

  public ImpactConfig {
    highlightArtists = List.copyOf(highlightArtists);
    check(baselineDays >= 7 && baselineDays <= 90, "baseline_days", baselineDays);
    check(afterHours >= 1 && afterHours <= 168, "after_hours", afterHours);
    check(recentHours >= 1 && recentHours <= 72, "recent_hours", recentHours);
    check(placeboDays >= 3 && placeboDays <= 60, "placebo_days", placeboDays);
    check(confidence >= 0.5 && confidence <= 0.999, "confidence", confidence);
    check(minExpectedForShare >= 0 && minExpectedForShare <= 1000, "min_expected_for_share",
        minExpectedForShare);
    check(marketMinExpected >= 0 && marketMinExpected <= 1e9, "market_min_expected_plays",
        marketMinExpected);
    check(releaseLookbackDays >= 0 && releaseLookbackDays <= 60, "release_lookback_days",
        releaseLookbackDays);
    check(royaltyThreshold >= 1 && royaltyThreshold <= 1_000_000_000L, "royalty_threshold_plays",
        royaltyThreshold);
    check(cardsPerOutage >= 0 && cardsPerOutage <= 50, "cards_per_outage", cardsPerOutage);
    check(maxBadRowsPct >= 0 && maxBadRowsPct <= 100, "max_bad_rows_pct", maxBadRowsPct);
    check(detectThreshold >= 4 && detectThreshold <= 100, "detect_threshold", detectThreshold);
  }

  /** The detector's settings, with this config's threshold. */
  public DetectorSettings detector() {
    DetectorSettings d = DetectorSettings.defaults();
    return new DetectorSettings(d.drop(), detectThreshold, d.minShare(), d.refineBuckets());
  }

  /** This config measuring declared outages over the edges the data shows, or not. */
  public ImpactConfig withDetectedEdges(boolean use) {
    return new ImpactConfig(baselineDays, afterHours, recentHours, placeboDays, confidence,
        segments, minExpectedForShare, marketMinExpected, releaseLookbackDays, royaltyThreshold,
        highlightArtists, cardsPerOutage, maxBadRowsPct, detectThreshold, use);
  }

  /**
   * This config with a recent-level window of at least {@code hours}: counts in buckets longer
   * than an hour only tell the level over whole buckets.
   */
  public ImpactConfig withRecentHoursAtLeast(int hours) {
    return hours <= recentHours ? this : new ImpactConfig(baselineDays, afterHours, hours,
        placeboDays, confidence, segments, minExpectedForShare, marketMinExpected,
        releaseLookbackDays, royaltyThreshold, highlightArtists, cardsPerOutage, maxBadRowsPct,
        detectThreshold, useDetectedEdges);
  }

  public static ImpactConfig defaults() {
    return fromMap(Map.of(), "defaults");
  }

  /** Reads a properties file; {@code where} names it in messages. */
  public static ImpactConfig load(Path file) {
    try (Reader r = Files.newBufferedReader(file)) {
      return load(r, file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read config " + file + ": " + e.getMessage());
    }
  }

  /** Reads a properties file from a reader (on a cluster, from a Hadoop path); {@code where}
   * names it in messages. */
  public static ImpactConfig load(Reader reader, String where) throws IOException {
    Properties p = new Properties();
    p.load(reader);
    Map<String, String> m = new LinkedHashMap<>();
    for (String k : p.stringPropertyNames()) {
      m.put(k, p.getProperty(k).trim());
    }
    return fromMap(m, where);
  }

  /** Builds a config from key-value pairs over the defaults. */
  public static ImpactConfig fromMap(Map<String, String> values, String where) {
    Set<String> unknown = new TreeSet<>(values.keySet());
    unknown.removeAll(KEYS.keySet());
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "Config %s: unknown key%s %s; known keys are %s", where, unknown.size() > 1 ? "s" : "",
          unknown, String.join(", ", KEYS.keySet())));
    }
    Map<String, String> v = new LinkedHashMap<>();
    KEYS.forEach((k, d) -> v.put(k, values.getOrDefault(k, d[0])));
    List<String> highlights = new ArrayList<>();
    for (String s : v.get("highlight_artists").split(";")) {
      if (!s.isBlank()) {
        highlights.add(s.trim());
      }
    }
    try {
      return build(v, highlights, where);
    } catch (IllegalArgumentException e) {
      throw e.getMessage().startsWith("Config:")
          ? new IllegalArgumentException("Config " + where + e.getMessage().substring(6)) : e;
    }
  }

  private static ImpactConfig build(Map<String, String> v, List<String> highlights,
      String where) {
    return new ImpactConfig(
        integer(v, "baseline_days", where), integer(v, "after_hours", where),
        integer(v, "recent_hours", where), integer(v, "placebo_days", where),
        number(v, "confidence", where),
        SegmentSettings.from(v, where),
        number(v, "min_expected_for_share", where),
        number(v, "market_min_expected_plays", where),
        integer(v, "release_lookback_days", where),
        (long) number(v, "royalty_threshold_plays", where), highlights,
        integer(v, "cards_per_outage", where), number(v, "max_bad_rows_pct", where),
        number(v, "detect_threshold", where), bool(v, "use_detected_edges", where));
  }

  /** The values as key-value text, for run.json. */
  public Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("baseline_days", baselineDays);
    m.put("after_hours", afterHours);
    m.put("recent_hours", recentHours);
    m.put("placebo_days", placeboDays);
    m.put("confidence", confidence);
    segments.putInto(m);
    m.put("min_expected_for_share", minExpectedForShare);
    m.put("market_min_expected_plays", marketMinExpected);
    m.put("release_lookback_days", releaseLookbackDays);
    m.put("royalty_threshold_plays", royaltyThreshold);
    m.put("highlight_artists", highlightArtists);
    m.put("cards_per_outage", cardsPerOutage);
    m.put("max_bad_rows_pct", maxBadRowsPct);
    m.put("detect_threshold", detectThreshold);
    m.put("use_detected_edges", useDetectedEdges);
    return m;
  }

  static int integer(Map<String, String> v, String key, String where) {
    double d = number(v, key, where);
    if (d != Math.rint(d)) {
      throw new IllegalArgumentException("Config " + where + ": " + key + " must be a whole number,"
          + " not " + v.get(key) + ". " + KEYS.get(key)[1]);
    }
    return (int) d;
  }

  private static boolean bool(Map<String, String> v, String key, String where) {
    String value = v.get(key).toLowerCase(Locale.ROOT);
    if (!value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException("Config " + where + ": " + key + " must be true or false,"
          + " not '" + v.get(key) + "'. " + KEYS.get(key)[1]);
    }
    return Boolean.parseBoolean(value);
  }

  static double number(Map<String, String> v, String key, String where) {
    try {
      return Double.parseDouble(v.get(key));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Config " + where + ": " + key + " must be a number, not '"
          + v.get(key) + "'. " + KEYS.get(key)[1]);
    }
  }

  static void check(boolean ok, String key, Object value) {
    if (!ok) {
      throw new IllegalArgumentException("Config: " + key + " = " + value + " is out of range. "
          + KEYS.get(key)[1]);
    }
  }
}
