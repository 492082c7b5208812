package io.deadair.common.detect;

import io.deadair.common.cube.CubeCodes;
import io.deadair.common.cube.ServiceBuckets;
import io.deadair.common.domain.CountryZones;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.Well19937c;

/**
 * A small service for the detector's tests: countries and platforms with Poisson plays in
 * 5-minute buckets, a local-time daily shape, a weekly rhythm that steps up 11 % from Friday to
 * Sunday at local midnight, and drops planted where a test asks for them.
 */
final class SyntheticService {

  static final Instant START = Instant.parse("2026-02-02T00:00:00Z");
  static final List<String> COUNTRIES = List.of("US", "DE", "FR", "BR", "IN", "JP");
  static final double[] COUNTRY_SHARE = {0.35, 0.2, 0.15, 0.15, 0.1, 0.05};
  static final List<String> PLATFORMS = List.of("android", "ios");
  static final double[] PLATFORM_SHARE = {0.6, 0.4};

  /** A drop: plays of a country (or null for all) and platform (or null) fall by severity. */
  record Drop(String country, String platform, Instant start, Instant end, double severity) {}

  private final List<Drop> drops = new ArrayList<>();
  private final double perBucket;
  private final int days;
  private double weekend = 1.08 / 0.97;

  /** {@code perBucket}: the whole service's mean plays per 5-minute bucket. */
  SyntheticService(double perBucket, int days) {
    this.perBucket = perBucket;
    this.days = days;
  }

  /** Without the weekly rhythm: every day alike. */
  SyntheticService flatWeek() {
    weekend = 1;
    return this;
  }

  SyntheticService drop(String country, String platform, String start, String end,
      double severity) {
    drops.add(new Drop(country, platform, Instant.parse(start), Instant.parse(end), severity));
    return this;
  }

  ServiceSeries series(long seed) {
    Well19937c rng = new Well19937c(seed);
    ServiceBuckets b = new ServiceBuckets();
    int buckets = days * 288;
    for (int c = 0; c < COUNTRIES.size(); c++) {
      ZoneId zone = CountryZones.zoneOf(COUNTRIES.get(c));
      for (int p = 0; p < PLATFORMS.size(); p++) {
        for (int t = 0; t < buckets; t++) {
          Instant at = START.plusSeconds(300L * t);
          LocalDateTime local = LocalDateTime.ofInstant(at, zone);
          double hour = local.getHour() + local.getMinute() / 60.0;
          double mean = perBucket * COUNTRY_SHARE[c] * PLATFORM_SHARE[p]
              * (1 + 0.6 * Math.sin((hour - 10) / 24 * 2 * Math.PI))
              * (local.getDayOfWeek().getValue() >= 5 ? weekend : 1)
              * kept(COUNTRIES.get(c), PLATFORMS.get(p), at);
          int plays = new PoissonDistribution(rng, mean, 1e-12, 10_000).sample();
          b.add(CubeCodes.country(COUNTRIES.get(c)), PLATFORMS.get(p), at.getEpochSecond() / 60,
              plays);
        }
      }
    }
    return ServiceSeries.of(b, 5);
  }

  private double kept(String country, String platform, Instant at) {
    double keep = 1;
    for (Drop d : drops) {
      boolean in = !at.isBefore(d.start()) && at.isBefore(d.end())
          && (d.country() == null || d.country().equals(country))
          && (d.platform() == null || d.platform().equals(platform));
      keep *= in ? 1 - d.severity() : 1;
    }
    return keep;
  }
}
