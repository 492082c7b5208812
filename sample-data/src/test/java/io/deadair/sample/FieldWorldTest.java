package io.deadair.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.deadair.sample.GeneratorOptions.Family;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.Well512a;
import org.junit.jupiter.api.Test;

/** The field family's world: what makes it differ from the estimator's assumptions. */
class FieldWorldTest {

  private static final LocalDate START = LocalDate.of(2026, 3, 2);

  private static GeneratorOptions options(Family family) {
    return options(family, 14);
  }

  private static GeneratorOptions options(Family family, int days) {
    return new GeneratorOptions("", 40, days, 4_000, GeneratorOptions.defaultUsers(4_000), 5,
        START, 0, List.of(), family);
  }

  private static long utcMidnight(LocalDate date) {
    return date.toEpochDay() * 86_400L;
  }

  /** The zone of the first US listener on Eastern time (UTC-5 on the first day). */
  private static int easternZone(FieldWorld world) {
    int us = World.countryIndex("US");
    for (int u = 0; ; u++) {
      int zone = world.zoneOf(u, us);
      if (utcMidnight(START) - world.midnight(0, zone) == -5 * 3600L) {
        return zone;
      }
    }
  }

  @Test
  void theUsSpansFourZonesThatFollowDaylightSaving() {
    FieldWorld world = new FieldWorld(options(Family.FIELD));
    int us = World.countryIndex("US");
    Map<Long, Integer> byOffset = new HashMap<>();
    int users = 20_000;
    for (int u = 0; u < users; u++) {
      int zone = world.zoneOf(u, us);
      long offset = utcMidnight(START) - world.midnight(0, zone);
      byOffset.merge(offset, 1, Integer::sum);
    }
    // Eastern, Central, Mountain, Pacific standard time on 2 March, with their listener shares;
    // a share of 20,000 draws has a standard deviation under 0.4 %, so 2 % is over 5 sigma.
    assertThat(byOffset).containsOnlyKeys(-5 * 3600L, -6 * 3600L, -7 * 3600L, -8 * 3600L);
    assertThat(byOffset.get(-5 * 3600L) / (double) users).isCloseTo(0.47, within(0.02));
    assertThat(byOffset.get(-8 * 3600L) / (double) users).isCloseTo(0.17, within(0.02));
    int eastern = easternZone(world);
    assertThat(utcMidnight(START.plusDays(7)) - world.midnight(7, eastern))
        .as("New York after 8 March runs on daylight time").isEqualTo(-4 * 3600L);
  }

  @Test
  void theFixedVariantKeepsNewYorkOnWinterTimeAfterTheClockChange() {
    FieldWorld world = new FieldWorld(options(Family.FIELD_FIXED));
    int eastern = easternZone(world);
    assertThat(utcMidnight(START.plusDays(7)) - world.midnight(7, eastern))
        .as("New York listeners ignore 8 March").isEqualTo(-5 * 3600L);
  }

  @Test
  void theDayTheClockSpringsForwardHasNoTwoOClock() {
    FieldWorld world = new FieldWorld(options(Family.FIELD, 30));
    int de = World.countryIndex("DE");
    int berlin = world.zoneOf(0, de);
    // 29 March 2026 is day 27 from 2 March: 02:00 Berlin time does not exist that day; 01:00 and
    // 03:00 are one UTC hour apart (00:00 and 01:00 UTC).
    int day = 27;
    long[] hoursAfterMidnight = new long[24];
    int skipped = 0;
    for (int draw = 0; draw < 20_000; draw++) {
      long s = world.hourStart(day, berlin, new Well512a(draw));
      if (s < 0) {
        skipped++;
      } else {
        hoursAfterMidnight[(int) ((s - world.midnight(day, berlin)) / 3600)]++;
      }
    }
    assertThat(world.midnight(day, berlin)).isEqualTo(utcMidnight(START.plusDays(day)) - 3600L);
    assertThat(hoursAfterMidnight[2]).as("03:00 CEST is two hours after midnight").isPositive();
    assertThat(hoursAfterMidnight[23]).as("the day has 23 hours").isZero();
    assertThat(skipped).as("draws of the skipped hour are dropped").isPositive();
  }

  @Test
  void twoCountriesLiveAnHourAheadOfTheZoneTable() {
    FieldWorld world = new FieldWorld(options(Family.FIELD));
    for (String code : List.of("TR", "AR")) {
      int c = World.countryIndex(code);
      ZoneId zone = ZoneId.of(World.COUNTRIES.get(c).zone());
      int table = START.atStartOfDay().atZone(zone).getOffset().getTotalSeconds();
      long lived = utcMidnight(START) - world.midnight(0, world.zoneOf(0, c));
      assertThat(lived).as(code).isEqualTo(table + 3600L);
    }
    int de = World.countryIndex("DE");
    assertThat(utcMidnight(START) - world.midnight(0, world.zoneOf(0, de)))
        .as("DE follows its table zone").isEqualTo(3600L);
  }

  @Test
  void popularityMovesAtUtcMidnightAndKeepsFourFifthsOfDrawsOnAverage() {
    FieldWorld world = new FieldWorld(options(Family.FIELD));
    Well512a rng = new Well512a(11);
    long day = utcMidnight(START) * 1000;
    double[] kept = new double[30];
    int draws = 4_000;
    for (int d = 0; d < kept.length; d++) {
      for (int i = 0; i < draws; i++) {
        // Two times in the same UTC day share one factor.
        long ts = day + d * 86_400_000L + (i % 2 == 0 ? 3_600_000L : 80_000_000L);
        kept[d] += world.keep(7, ts, rng) ? 1.0 / draws : 0;
      }
    }
    // Factors are uniform on [0.75, 1.25] over 1.25: the days' mean keep rate is 0.8, each
    // day's rate lies in [0.6, 1.0] up to binomial noise (sd under 0.008 at 4,000 draws).
    assertThat(Arrays.stream(kept).average().orElseThrow()).isCloseTo(0.8, within(0.05));
    assertThat(Arrays.stream(kept).max().orElseThrow()
        - Arrays.stream(kept).min().orElseThrow()).as("days differ").isGreaterThan(0.15);
    assertThat(Arrays.stream(kept).min().orElseThrow()).isGreaterThan(0.57);
    assertThat(Arrays.stream(kept).max().orElseThrow()).isLessThan(1.03);
  }

  @Test
  void listenersComeBackHoursLaterWithinTwentyHours() {
    Well512a rng = new Well512a(3);
    long[] delays = new long[20_001];
    for (int i = 0; i < delays.length; i++) {
      delays[i] = FieldWorld.reboundDelayMs(rng);
    }
    Arrays.sort(delays);
    // Log-normal, median 2 h, truncated at 20 h (2.3 sd above): the median moves by about 1 %.
    assertThat(delays[delays.length / 2] / 3_600_000.0).isCloseTo(2.0, within(0.15));
    assertThat(delays[delays.length - 1]).isLessThanOrEqualTo(20 * 3_600_000L);
  }

  @Test
  void bothFamiliesDrawAboutTheSameNumberOfPlays() {
    long[] totals = new long[Family.values().length];
    for (Family f : Family.values()) {
      GeneratorOptions o = options(f);
      ArtistCatalog catalog = ArtistCatalog.build(o);
      PlayDraws draws = new PlayDraws(o, catalog, OutagePlan.build(o));
      for (int a = 0; a < o.artists(); a++) {
        int[] daily = draws.dailyPlays(a);
        for (int d = -1; d <= o.days(); d++) {
          if (daily[d + 1] > 0) {
            draws.plays(a, d, daily[d + 1], (ts, user, artist, track, ms, country, platform,
                tier, reason, windowOf, inScope, removed, afterOf, reboundOf) ->
                totals[f.ordinal()]++);
          }
        }
      }
    }
    // About 56,000 plays each (a trend centred on the period's middle leaves the mean alone); the
    // popularity drifts of 40 artists make totals differ by a few percent between any two
    // draws, so 10 % is a loose bound that a lost oversampling factor (25 %) breaks.
    assertThat(totals[0]).isGreaterThan(40_000);
    assertThat((double) totals[1] / totals[0]).isCloseTo(1.0, within(0.10));
    assertThat((double) totals[2] / totals[0]).isCloseTo(1.0, within(0.10));
  }
}
