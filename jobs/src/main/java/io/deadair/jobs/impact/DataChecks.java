package io.deadair.jobs.impact;

import io.deadair.common.config.ImpactConfig;
import io.deadair.common.cube.CubeCodes;
import io.deadair.common.cube.PassTotals;
import io.deadair.common.domain.CountryZones;
import io.deadair.common.domain.OutageWindow;
import io.deadair.common.domain.Scope;
import io.deadair.common.io.InputException;
import io.deadair.common.model.ArtistResult;
import io.deadair.jobs.estimate.Service;
import io.deadair.jobs.read.Ledger;
import io.deadair.jobs.spark.InOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaRDD;

/**
 * Checks that need the data, made on what the pass learned: outages outside the data's time
 * range, scopes that name what no play has, and artists missing from the artists table.
 */
final class DataChecks {

  private DataChecks() {}

  /** What the plays cover: their first and last hour, countries and platforms. */
  private record Extent(Instant first, Instant last, Set<String> countries,
      Set<String> platforms) {

    static Extent of(PassTotals totals) {
      long firstHour = Long.MAX_VALUE;
      long lastHour = Long.MIN_VALUE;
      Set<String> countries = new TreeSet<>();
      Set<String> platforms = new TreeSet<>();
      for (PassTotals.ServiceCell c : totals.service().keySet()) {
        firstHour = Math.min(firstHour, c.hour());
        lastHour = Math.max(lastHour, c.hour());
        if (c.country() > 0) {
          countries.add(CubeCodes.COUNTRIES.get(c.country()));
        }
        if (c.platform() != null) {
          platforms.add(c.platform());
        }
      }
      return new Extent(Instant.ofEpochSecond(firstHour * 3600),
          Instant.ofEpochSecond((lastHour + 1) * 3600), countries, platforms);
    }
  }

  /**
   * An outage the data does not reach stops the run; one whose baseline or recovery window is
   * only partly covered, or whose scope names a country or platform no play has, is a warning.
   */
  static void outagesAgainstData(PassTotals totals, List<OutageWindow> outages,
      ImpactConfig config, Ledger ledger) {
    if (totals.service().isEmpty()) {
      return;
    }
    Extent data = Extent.of(totals);
    for (OutageWindow o : outages) {
      checkTimeRange(o, data, config, ledger);
    }
    for (OutageWindow o : outages) {
      checkScope(o, "countries", o.countries(), data.countries(), ledger);
      if (!data.platforms().isEmpty()) {
        checkScope(o, "platforms", o.platforms(), data.platforms(), ledger);
      }
    }
  }

  /**
   * An outage outside the plays' time range is an error; a baseline or recovery window cut
   * short is a warning.
   */
  private static void checkTimeRange(OutageWindow o, Extent data, ImpactConfig config,
      Ledger ledger) {
    if (!data.first().isBefore(o.start()) || !data.last().isAfter(o.start())) {
      throw new InputException(String.format(Locale.ROOT, "outage %s (%s to %s) lies outside"
          + " the plays' time range near it (%s to %s): there is nothing to compare it with",
          o.id(), o.start(), o.end(), data.first(), data.last()));
    }
    Instant baselineStart = o.start().minus(Duration.ofDays(config.baselineDays()));
    if (data.first().isAfter(baselineStart)) {
      ledger.warn(String.format(Locale.ROOT, "outage %s: plays start at %s, so its baseline has"
          + " %.1f of %d days; intervals are wider for it", o.id(), data.first(),
          Duration.between(data.first(), o.start()).toHours() / 24.0, config.baselineDays()));
    }
    Instant recoveryEnd = o.end().plus(Duration.ofHours(config.afterHours()));
    if (data.last().isBefore(recoveryEnd)) {
      ledger.warn(String.format(Locale.ROOT, "outage %s: plays end at %s, before its end plus"
          + " the %d h recovery window (%s); the rebound is measured on what there is",
          o.id(), data.last(), config.afterHours(), recoveryEnd));
    }
  }

  /** A scope value no play has is a warning; a scope no play falls in at all is an error. */
  private static void checkScope(OutageWindow o, String what, Scope scope, Set<String> seen,
      Ledger ledger) {
    if (scope.isAll() || seen.isEmpty()) {
      return;
    }
    Set<String> unseen = new TreeSet<>(scope.values());
    unseen.removeAll(seen);
    if (unseen.size() == scope.values().size()) {
      throw new InputException(String.format(Locale.ROOT, "outage %s: no play has any of its"
          + " %s %s (the data has: %s)", o.id(), what, String.join(";", unseen),
          String.join(", ", seen)));
    }
    if (!unseen.isEmpty()) {
      ledger.warn(String.format(Locale.ROOT, "outage %s: no play has its %s %s; a misspelling?",
          o.id(), what, String.join(";", unseen)));
    }
  }

  /**
   * Warns where a country's listeners were found to keep another clock than the zone table says
   * (the service model then follows the listeners); one line per country, naming the outages.
   */
  static void clocksOffTable(Service service, Ledger ledger) {
    Map<String, List<String>> outagesByNote = new TreeMap<>();
    service.clocksOffTable().forEach((outage, clocks) -> clocks.forEach((country, clock) ->
        outagesByNote.computeIfAbsent(String.format(Locale.ROOT,
            "Listeners in %s keep UTC%s rather than %s's daylight-saving change", country,
            clock.getId().equals("Z") ? "" : clock.getId(), CountryZones.zoneOf(country)),
            k -> new ArrayList<>()).add(outage)));
    outagesByNote.forEach((note, outages) -> ledger.warn(note + " (baselines of "
        + String.join(", ", outages) + "); the service model follows the listeners' clock."));
  }

  /**
   * Artists that have plays but no row in the artists table. They are kept and reported under
   * their id; this counts them for run.json and warns.
   */
  static Map<String, Object> unknownArtists(JavaRDD<ArtistResult> results, Ledger ledger) {
    double[] t = InOrder.aggregate(results.filter(r -> r.info() == null),
        () -> new double[2], (acc, r) -> {
          acc[0]++;
          acc[1] += r.plays();
          return acc;
        }, (a, b) -> new double[] {a[0] + b[0], a[1] + b[1]});
    long ids = (long) t[0];
    double plays = t[1];
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("artists_missing_from_artists_table", ids);
    m.put("plays_of_missing_artists", Math.round(plays));
    if (ids > 0) {
      ledger.warn(String.format(Locale.ROOT, "%,d artists with plays are not in the artists"
          + " table (%,.0f plays); they are kept and reported under their id", ids, plays));
    }
    return m;
  }
}
