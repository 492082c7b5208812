package io.deadair.sample;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The second family of generated data (`generate --family field`): a world whose assumptions
 * differ from the estimator's the way real play logs do, for checking it on data it was not
 * shaped by. Where the home family gives each country one zone, one daily shape and a
 * popularity that moves at local midnight, here:
 *
 * <ul>
 *   <li>large countries span several zones (the US four), each with its own daylight-saving
 *       rules, and two countries' listeners keep a clock an hour off the zone table the job
 *       ships (a table that lags reality); the day a clock springs forward has 23 hours, the day
 *       it falls back repeats an hour;
 *   <li>in the {@code field-fixed} variant, every listener keeps the UTC offset of the first day
 *       all period, so the zone table's daylight-saving changes are wrong for all of them;
 *   <li>working days and weekends have different daily shapes, later in the evening than the
 *       home family's;
 *   <li>an artist's popularity moves at UTC midnight (a chart or playlist refresh), not at the
 *       listeners' midnight: plays are thinned by a factor per (artist, UTC day);
 *   <li>the trend is twice as steep, and listeners come back hours after an outage (a
 *       log-normal delay with a median of two hours, up to 20 hours).
 * </ul>
 */
final class FieldWorld implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Plays are drawn this much more often, then thinned by a factor in [0.75, 1.25] / 1.25. */
  static final double OVERSAMPLE = 1.25;
  static final double TREND = 0.20;
  private static final double DRIFT_SPREAD = 0.25;
  private static final double REBOUND_MEDIAN_MS = 2 * 3_600_000;
  private static final double REBOUND_LOG_SD = 1.0;
  private static final double REBOUND_MAX_MS = 20 * 3_600_000;

  /** Zones of the countries that span several, with their shares of listeners. */
  private static final Map<String, List<Object[]>> SPREAD = Map.of(
      "US", zones("America/New_York", 0.47, "America/Chicago", 0.29, "America/Denver", 0.07,
          "America/Los_Angeles", 0.17),
      "CA", zones("America/Toronto", 0.6, "America/Vancouver", 0.25, "America/Edmonton", 0.15),
      "BR", zones("America/Sao_Paulo", 0.9, "America/Manaus", 0.1),
      "MX", zones("America/Mexico_City", 0.8, "America/Tijuana", 0.12, "America/Cancun", 0.08),
      "AU", zones("Australia/Sydney", 0.6, "Australia/Brisbane", 0.2, "Australia/Perth", 0.2),
      "ID", zones("Asia/Jakarta", 0.6, "Asia/Makassar", 0.3, "Asia/Jayapura", 0.1));
  /** Countries whose listeners live an hour ahead of the zone table's clock. */
  private static final List<String> LAGGING = List.of("TR", "AR");

  /** Relative listening by local hour on working days: later and sharper than home's. */
  private static final double[] WORKDAY_SHAPE = {
    0.70, 0.45, 0.25, 0.15, 0.10, 0.12, 0.30, 0.75, 1.10, 1.00, 0.95, 1.00,
    1.10, 1.05, 1.00, 1.05, 1.20, 1.35, 1.50, 1.60, 1.70, 1.75, 1.55, 1.10
  };
  /** Weekends: no commute, a late morning and a long evening. */
  private static final double[] WEEKEND_SHAPE = {
    0.95, 0.70, 0.45, 0.28, 0.18, 0.14, 0.15, 0.25, 0.45, 0.75, 1.05, 1.25,
    1.35, 1.35, 1.30, 1.30, 1.35, 1.40, 1.45, 1.50, 1.55, 1.50, 1.35, 1.15
  };

  private final long seed;
  /** Per country, its zones' indexes into {@link #zones} and their cumulative shares. */
  private final int[][] countryZones;
  private final double[][] countryCumulative;
  private final List<ZoneId> zones = new ArrayList<>();
  /**
   * Per local day -1..days (entry d + 1), zone and local hour, the epoch second that hour starts
   * at, or -1 for an hour the clock skips (spring forward); a repeated autumn hour is lived once.
   */
  private final long[][][] hourStarts;
  private final boolean[] weekend;
  private final Categorical workday = new Categorical(WORKDAY_SHAPE);
  private final Categorical weekendDay = new Categorical(WEEKEND_SHAPE);

  FieldWorld(GeneratorOptions o) {
    this.seed = o.seed();
    int nc = World.COUNTRIES.size();
    countryZones = new int[nc][];
    countryCumulative = new double[nc][];
    for (int c = 0; c < nc; c++) {
      World.Country country = World.COUNTRIES.get(c);
      List<Object[]> spread = SPREAD.getOrDefault(country.code(),
          List.<Object[]>of(new Object[] {country.zone(), 1.0}));
      countryZones[c] = new int[spread.size()];
      countryCumulative[c] = new double[spread.size()];
      double sum = 0;
      for (int k = 0; k < spread.size(); k++) {
        ZoneId zone = ZoneId.of((String) spread.get(k)[0]);
        int offset = zone.getRules().getOffset(o.start().atStartOfDay()
            .toInstant(ZoneOffset.UTC)).getTotalSeconds();
        if (LAGGING.contains(country.code())) {
          zone = ZoneOffset.ofTotalSeconds(offset + 3600);
        } else if (o.family() == GeneratorOptions.Family.FIELD_FIXED) {
          zone = ZoneOffset.ofTotalSeconds(offset);
        }
        countryZones[c][k] = zones.size();
        zones.add(zone);
        sum += (Double) spread.get(k)[1];
        countryCumulative[c][k] = sum;
      }
    }
    hourStarts = new long[o.days() + 2][zones.size()][24];
    weekend = new boolean[o.days() + 2];
    fillDays(o);
  }

  /** Each day's weekend flag, and the start of each local hour in every zone (-1 if skipped). */
  private void fillDays(GeneratorOptions o) {
    for (int d = -1; d <= o.days(); d++) {
      LocalDate date = o.start().plusDays(d);
      DayOfWeek dow = date.getDayOfWeek();
      weekend[d + 1] = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
      for (int z = 0; z < zones.size(); z++) {
        for (int h = 0; h < 24; h++) {
          LocalDateTime local = date.atTime(h, 0);
          boolean skipped = zones.get(z).getRules().getValidOffsets(local).isEmpty();
          hourStarts[d + 1][z][h] = skipped ? -1 : local.atZone(zones.get(z)).toEpochSecond();
        }
      }
    }
  }

  /** The zone (an index) whose clock listener {@code user} of country {@code c} lives by. */
  int zoneOf(int user, int c) {
    double u = Hashing.unit(seed, user, 600) * countryCumulative[c][countryCumulative[c].length
        - 1];
    for (int k = 0; k < countryCumulative[c].length; k++) {
      if (u < countryCumulative[c][k]) {
        return countryZones[c][k];
      }
    }
    return countryZones[c][countryZones[c].length - 1];
  }

  /**
   * The epoch second local day {@code d} (-1..days) starts at in {@code zone}: its midnight, or
   * the first hour after it where a clock skips midnight itself.
   */
  long midnight(int d, int zone) {
    long[] starts = hourStarts[d + 1][zone];
    int h = 0;
    while (starts[h] < 0) {
      h++;
    }
    return starts[h];
  }

  /**
   * The epoch second a play of local day {@code d} starts its hour at, in {@code zone}, or -1 when
   * the drawn hour is one the clock skips that day (the play does not happen: the day is shorter).
   */
  long hourStart(int d, int zone, RandomGenerator rng) {
    Categorical shape = weekend[d + 1] ? weekendDay : workday;
    return hourStarts[d + 1][zone][shape.pick(rng.nextDouble())];
  }

  /** Whether a drawn play at {@code tsMs} of artist {@code a} is kept by the UTC-day drift. */
  boolean keep(int a, long tsMs, RandomGenerator rng) {
    long utcDay = Math.floorDiv(tsMs, 86_400_000L);
    double factor = 1 + DRIFT_SPREAD * (2 * Hashing.unit(seed, a, utcDay, 700) - 1);
    return rng.nextDouble() * OVERSAMPLE < factor;
  }

  /** A log-normal delay after an outage's end, at most 20 hours (inside its recovery window). */
  static long reboundDelayMs(RandomGenerator rng) {
    double delay;
    do {
      delay = REBOUND_MEDIAN_MS * Math.exp(REBOUND_LOG_SD * rng.nextGaussian());
    } while (delay > REBOUND_MAX_MS);
    return (long) delay;
  }

  /** Zone, share, zone, share, ...: as the {@link #SPREAD} table holds them. */
  private static List<Object[]> zones(Object... zoneAndShare) {
    List<Object[]> out = new ArrayList<>();
    for (int i = 0; i < zoneAndShare.length; i += 2) {
      out.add(new Object[] {zoneAndShare[i], zoneAndShare[i + 1]});
    }
    return List.copyOf(out);
  }
}
