package io.deadair.sample;

import io.deadair.common.domain.OutageWindow;
import io.deadair.common.domain.Scope;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The outages the generator injects: each declared window with its severity (the share of plays
 * inside its scope that do not happen) and its rebound (the share of those that come back later).
 */
final class OutagePlan implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Length of the recovery window in which truth counts plays after an outage. */
  static final Duration AFTER = Duration.ofHours(24);
  /** Mean delay of a rebound play after the end of its outage. */
  static final Duration REBOUND_MEAN_DELAY = Duration.ofMinutes(90);
  /** No rebound play comes later than this after the end. */
  static final Duration REBOUND_MAX_DELAY = Duration.ofHours(12);

  /** One injected outage. */
  record Planned(OutageWindow window, double severity, double reboundShare)
      implements Serializable {}

  private static final List<List<String>> REGIONS =
      List.of(List.of("DE", "FR", "NL", "PL"), List.of("BR", "MX", "AR", "CO", "CL"),
          List.of("IN", "ID", "PH"), List.of("GB", "ES", "IT", "SE"));
  private static final List<String> OUTAGE_PLATFORMS = List.of("android", "ios", "web");

  private final List<Planned> outages;

  private OutagePlan(List<Planned> outages) {
    this.outages = List.copyOf(outages);
  }

  List<Planned> outages() {
    return outages;
  }

  int size() {
    return outages.size();
  }

  /**
   * Places the outages two days apart, the last one two days before the end of the data, so that
   * no outage falls inside another's recovery window.
   */
  static OutagePlan build(GeneratorOptions o) {
    List<String> specs = o.outageSpecs().isEmpty() ? defaultSpecs(o.outageCount())
        : o.outageSpecs();
    int k = specs.size();
    int firstDay = o.days() - 2 - 2 * (k - 1);
    if (k > 0 && firstDay < 7) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%d outages need at least %d days of data (two days apart, a week of history first);"
              + " --days is %d", k, 2 * (k - 1) + 9, o.days()));
    }
    List<Planned> out = new ArrayList<>();
    int[] counter = new int[3];
    for (int i = 0; i < k; i++) {
      out.add(plan(o, specs.get(i), firstDay + 2 * i, i, counter));
    }
    return new OutagePlan(out);
  }

  private static List<String> defaultSpecs(int count) {
    List<String> cycle = List.of("global:3:0.85", "regional:4:0.9", "platform:2:0.7");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(cycle.get(i % cycle.size()));
    }
    return out;
  }

  private static Planned plan(GeneratorOptions o, String spec, int day, int i, int[] counter) {
    String[] parts = spec.trim().toLowerCase(Locale.ROOT).split(":");
    String kind = parts[0];
    double hours = parts.length > 1 ? parseNumber(spec, parts[1]) : 3;
    double severity = parts.length > 2 ? parseNumber(spec, parts[2]) : 0.85;
    double startAt = parts.length > 3 ? parseNumber(spec, parts[3]) : -1;
    if (parts.length > 4 || hours <= 0 || hours > 12 || severity <= 0 || severity > 1
        || (parts.length > 3 && (startAt < 0 || startAt > 23 || startAt != Math.rint(startAt)))) {
      throw new IllegalArgumentException("Outage spec '" + spec
          + "' must be kind[:hours[:severity[:start]]] with kind global, regional or platform,"
          + " hours in (0, 12], severity in (0, 1] and start a UTC hour 0..23");
    }
    // Without a start hour, a working-day hour 09..17 UTC; with one, the window may run past
    // UTC midnight into the next day.
    int startHour = startAt >= 0 ? (int) startAt : 9 + (int) (Hashing.unit(o.seed(), 77, i) * 9);
    Instant start = o.start().plusDays(day).atTime(startHour, 0).toInstant(ZoneOffset.UTC);
    Instant end = start.plus(Duration.ofSeconds(Math.round(hours * 3600)));
    double rebound = 0.2 + 0.15 * Hashing.unit(o.seed(), 78, i);
    return new Planned(window(kind, spec, start, end, counter), severity, rebound);
  }

  /**
   * The window of an outage of {@code kind}, numbered within its kind ({@code counter}); regions
   * and platforms take their turns.
   */
  private static OutageWindow window(String kind, String spec, Instant start, Instant end,
      int[] counter) {
    switch (kind) {
      case "global" -> {
        return new OutageWindow("global-" + ++counter[0], start, end, Scope.all(), Scope.all(),
            "Playback failing worldwide on every platform");
      }
      case "regional" -> {
        List<String> region = REGIONS.get(counter[1] % REGIONS.size());
        return new OutageWindow("regional-" + ++counter[1], start, end,
            new Scope(Set.copyOf(region)), Scope.all(),
            "Regional data-centre failure affecting " + String.join(", ", region));
      }
      case "platform" -> {
        String platform = OUTAGE_PLATFORMS.get(counter[2] % OUTAGE_PLATFORMS.size());
        return new OutageWindow("platform-" + ++counter[2], start, end, Scope.all(),
            Scope.of(platform), "Broken " + platform + " client release");
      }
      default -> throw new IllegalArgumentException("Outage spec '" + spec
          + "': kind must be global, regional or platform, not '" + kind + "'");
    }
  }

  private static double parseNumber(String spec, String text) {
    try {
      return Double.parseDouble(text.replace("h", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Outage spec '" + spec + "': '" + text
          + "' is not a number");
    }
  }
}
