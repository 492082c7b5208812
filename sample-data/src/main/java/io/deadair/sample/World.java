package io.deadair.sample;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The fixed shape of the simulated service: its countries (weight, time zone, premium share,
 * platform mix), and the daily and weekly rhythm of listening in local time.
 */
final class World implements Serializable {

  private static final long serialVersionUID = 1L;

  static final List<String> PLATFORMS = List.of("ios", "android", "desktop", "web");
  static final List<String> TIERS = List.of("premium", "free");
  /** fwdbtn and backbtn are skips; the others end a play without one. */
  static final List<String> REASONS =
      List.of("trackdone", "fwdbtn", "backbtn", "endplay", "logout");

  static final int TRACKDONE = 0;
  static final int FWDBTN = 1;
  static final int BACKBTN = 2;
  static final int ENDPLAY = 3;
  static final int LOGOUT = 4;

  /** One country of the service. Platform shares are ios, android, desktop, web. */
  record Country(
      String code, String zone, double weight, double premiumShare, double[] platformShares)
      implements Serializable {}

  static final List<Country> COUNTRIES =
      List.of(
          new Country("US", "America/Chicago", 20, 0.55, new double[] {50, 30, 14, 6}),
          new Country("BR", "America/Sao_Paulo", 9, 0.30, new double[] {18, 70, 8, 4}),
          new Country("MX", "America/Mexico_City", 7, 0.25, new double[] {22, 66, 8, 4}),
          new Country("GB", "Europe/London", 7, 0.55, new double[] {48, 34, 12, 6}),
          new Country("DE", "Europe/Berlin", 7, 0.50, new double[] {36, 44, 14, 6}),
          new Country("FR", "Europe/Paris", 5, 0.45, new double[] {38, 44, 12, 6}),
          new Country("ES", "Europe/Madrid", 4, 0.40, new double[] {28, 56, 11, 5}),
          new Country("IT", "Europe/Rome", 4, 0.40, new double[] {30, 55, 10, 5}),
          new Country("NL", "Europe/Amsterdam", 3, 0.55, new double[] {40, 40, 14, 6}),
          new Country("SE", "Europe/Stockholm", 2, 0.65, new double[] {45, 36, 14, 5}),
          new Country("PL", "Europe/Warsaw", 3, 0.35, new double[] {20, 64, 11, 5}),
          new Country("TR", "Europe/Istanbul", 3, 0.20, new double[] {18, 70, 8, 4}),
          new Country("IN", "Asia/Kolkata", 6, 0.08, new double[] {6, 86, 5, 3}),
          new Country("ID", "Asia/Jakarta", 4, 0.12, new double[] {8, 85, 4, 3}),
          new Country("PH", "Asia/Manila", 3, 0.12, new double[] {14, 78, 5, 3}),
          new Country("JP", "Asia/Tokyo", 3, 0.45, new double[] {60, 28, 8, 4}),
          new Country("KR", "Asia/Seoul", 1, 0.40, new double[] {30, 60, 6, 4}),
          new Country("AU", "Australia/Sydney", 3, 0.55, new double[] {52, 32, 11, 5}),
          new Country("CA", "America/Toronto", 3, 0.50, new double[] {48, 34, 12, 6}),
          new Country("AR", "America/Argentina/Buenos_Aires", 3, 0.20, new double[] {12, 78, 7, 3}),
          new Country("CO", "America/Bogota", 2, 0.20, new double[] {12, 80, 5, 3}),
          new Country("CL", "America/Santiago", 2, 0.25, new double[] {18, 72, 7, 3}),
          new Country("NG", "Africa/Lagos", 1, 0.10, new double[] {8, 86, 3, 3}),
          new Country("ZA", "Africa/Johannesburg", 1, 0.20, new double[] {20, 70, 6, 4}));

  /**
   * Relative listening by local hour 0..23: a night trough, a commute bump, a working-day plateau
   * and an evening peak.
   */
  static final double[] LOCAL_HOUR_SHAPE = {
    0.55, 0.35, 0.22, 0.15, 0.13, 0.18, 0.40, 0.80, 1.15, 1.15, 1.10, 1.10,
    1.15, 1.15, 1.15, 1.20, 1.30, 1.40, 1.45, 1.50, 1.55, 1.45, 1.20, 0.85
  };

  /** Relative listening by local weekday, Monday first: Friday and Saturday are busiest. */
  static final double[] WEEKDAY_SHAPE = {0.96, 0.96, 0.97, 0.99, 1.08, 1.07, 0.97};

  private World() {}

  /** Mean of the weekly shape, so that the mean daily volume equals the requested one. */
  static double weekdayFactor(LocalDate date) {
    double mean = 0;
    for (double w : WEEKDAY_SHAPE) {
      mean += w / WEEKDAY_SHAPE.length;
    }
    return WEEKDAY_SHAPE[date.getDayOfWeek().getValue() - 1] / mean;
  }

  /** Epoch second of local midnight of {@code date} in each country (DST taken at noon). */
  static long[] localMidnights(LocalDate date) {
    long[] out = new long[COUNTRIES.size()];
    for (int c = 0; c < out.length; c++) {
      ZoneId zone = ZoneId.of(COUNTRIES.get(c).zone());
      int offset = date.atTime(LocalTime.NOON).atZone(zone).getOffset().getTotalSeconds();
      out[c] = date.toEpochDay() * 86_400L - offset;
    }
    return out;
  }

  static int countryIndex(String code) {
    for (int c = 0; c < COUNTRIES.size(); c++) {
      if (COUNTRIES.get(c).code().equals(code)) {
        return c;
      }
    }
    throw new IllegalArgumentException("Unknown country in the generator's world: " + code);
  }

  /** Where plays begin, as the contract names them. */
  static final List<String> SOURCES =
      List.of("library", "playlist", "search", "artist_page", "radio", "other");

  /**
   * Each source's share of an emerging artist's plays, and of the others': emerging artists
   * are heard more through the service's playlists and less from listeners' own libraries.
   */
  static final double[] EMERGING_SOURCES = {0.20, 0.45, 0.10, 0.10, 0.10, 0.05};
  static final double[] OTHER_SOURCES = {0.40, 0.25, 0.12, 0.08, 0.10, 0.05};

  /** The source of a play whose uniform draw is {@code u}. */
  static int source(double u, boolean emerging) {
    double[] shares = emerging ? EMERGING_SOURCES : OTHER_SOURCES;
    double sum = 0;
    for (int s = 0; s < shares.length - 1; s++) {
      sum += shares[s];
      if (u < sum) {
        return s;
      }
    }
    return shares.length - 1;
  }
}
