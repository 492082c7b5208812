package io.deadair.sample;

import io.deadair.common.domain.OutageWindow;
import io.deadair.common.domain.Scope;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  /** How the incident log declares an outage, as the job reads it in outages.csv. */
  enum Declared {
    /** As it happened: its true window and scope. */
    EXACT,
    /** At whole hours around it (start rounded down, end up), with its true scope. */
    ROUNDED,
    /** At whole hours around it, and as worldwide on every platform. */
    VAGUE,
    /** Not at all: only the truth knows it. */
    NONE
  }

  /** One injected outage: its true window, and how it is declared. */
  record Planned(OutageWindow window, double severity, double reboundShare, Declared declared)
      implements Serializable {

    /** The window outages.csv gives, or empty for an outage nobody declared. */
    Optional<OutageWindow> declaredWindow() {
      OutageWindow w = window;
      Instant start = w.start().truncatedTo(ChronoUnit.HOURS);
      Instant end = w.end().truncatedTo(ChronoUnit.HOURS);
      end = end.equals(w.end()) ? end : end.plus(Duration.ofHours(1));
      return switch (declared) {
        case EXACT -> Optional.of(w);
        case ROUNDED -> Optional.of(new OutageWindow(w.id(), start, end, w.countries(),
            w.platforms(), w.description()));
        case VAGUE -> Optional.of(new OutageWindow(w.id(), start, end, Scope.all(), Scope.all(),
            w.description()));
        case NONE -> Optional.empty();
      };
    }
  }

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
    int startMinute = parts.length > 3 ? startMinute(spec, parts[3]) : -1;
    Declared declared = parts.length > 4 ? declared(spec, parts[4]) : Declared.EXACT;
    if (parts.length > 5 || hours <= 0 || hours > 12 || severity <= 0 || severity > 1) {
      throw new IllegalArgumentException("Outage spec '" + spec + "' must be "
          + SPEC + " with kind global, regional or platform, hours in (0, 12], severity in"
          + " (0, 1], start a UTC hour 0..23 (19 or 19h20) and declared exact, rounded, vague"
          + " or none");
    }
    // Without a start, a working-day hour 09..17 UTC; with one, the window may run past UTC
    // midnight into the next day.
    int start0 = startMinute >= 0 ? startMinute
        : 60 * (9 + (int) (Hashing.unit(o.seed(), 77, i) * 9));
    Instant start = o.start().plusDays(day).atStartOfDay().toInstant(ZoneOffset.UTC)
        .plus(Duration.ofMinutes(start0));
    Instant end = start.plus(Duration.ofSeconds(Math.round(hours * 3600)));
    double rebound = 0.2 + 0.15 * Hashing.unit(o.seed(), 78, i);
    return new Planned(window(kind, spec, start, end, counter), severity, rebound, declared);
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

  /** The spec's form, for messages. */
  static final String SPEC = "kind[:hours[:severity[:start[:declared]]]]";
  private static final Pattern START = Pattern.compile("(\\d{1,2})(?:\\.0+)?(?:h(\\d{2}))?");

  /** A start of {@code H} or {@code HhMM} (UTC) as minutes into the day, or -1 when invalid. */
  private static int startMinute(String spec, String text) {
    Matcher m = START.matcher(text);
    int h = m.matches() ? Integer.parseInt(m.group(1)) : 99;
    int min = m.matches() && m.group(2) != null ? Integer.parseInt(m.group(2)) : 0;
    if (h > 23 || min > 59) {
      throw new IllegalArgumentException("Outage spec '" + spec + "': start '" + text
          + "' is not a UTC hour 0..23, written 19 or 19h20");
    }
    return 60 * h + min;
  }

  private static Declared declared(String spec, String text) {
    try {
      return Declared.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Outage spec '" + spec + "': declared must be exact,"
          + " rounded, vague or none, not '" + text + "'");
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
