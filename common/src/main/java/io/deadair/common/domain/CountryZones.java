package io.deadair.common.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * The time zone whose clock a country's listeners follow, from tzdata's zone table (shipped as a
 * resource), so that daily rhythms are learned in local time and survive daylight-saving changes.
 */
public final class CountryZones {

  private static final Map<String, ZoneId> ZONES = load();

  private CountryZones() {}

  private static Map<String, ZoneId> load() {
    Map<String, ZoneId> out = new HashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        CountryZones.class.getResourceAsStream("/deadair/country-zones.tsv"),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.startsWith("#") && !line.isBlank()) {
          String[] f = line.split("\t");
          out.put(f[0], ZoneId.of(f[1]));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The zone of a country, or UTC when the country is unknown or null. */
  public static ZoneId zoneOf(String country) {
    return country == null ? ZoneOffset.UTC : ZONES.getOrDefault(country, ZoneOffset.UTC);
  }

  /** The local hour of day (0..23) in {@code zone} at the start of an epoch hour. */
  public static int localHour(ZoneId zone, long epochHour) {
    return (int) Math.floorMod(Math.floorDiv(localSeconds(zone, epochHour), 3600), 24L);
  }

  /** The local day of week (Monday 0 .. Sunday 6) in {@code zone} at the start of an hour. */
  public static int localDayOfWeek(ZoneId zone, long epochHour) {
    // 1970-01-01, epoch day 0, was a Thursday.
    return (int) Math.floorMod(localDay(zone, epochHour) + 3, 7L);
  }

  /** The local date, as an epoch day, in {@code zone} at the start of an epoch hour. */
  public static long localDay(ZoneId zone, long epochHour) {
    return Math.floorDiv(localSeconds(zone, epochHour), 86_400);
  }

  private static long localSeconds(ZoneId zone, long epochHour) {
    long seconds = epochHour * 3600;
    return seconds + zone.getRules().getOffset(Instant.ofEpochSecond(seconds)).getTotalSeconds();
  }
}
