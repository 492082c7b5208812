package io.deadair.common.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.deadair.common.config.ImpactConfig;
import io.deadair.common.domain.OutageWindow;
import io.deadair.common.domain.Scope;
import io.deadair.common.revenue.RateCard;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A flat service (100 plays an hour in each of two countries) and one artist with a tenth of
 * one country: every expectation can be worked out by hand.
 */
class ServiceAndArtistModelTest {

  private static final List<String> COUNTRIES = List.of("DE", "US");
  private static final Instant START = Instant.parse("2026-03-03T10:00:00Z");
  private static final long W0 = START.getEpochSecond() / 3600;
  private final ImpactConfig config = ImpactConfig.defaults();

  /** Plays per hour in each country; during the outage hours the given values instead. */
  private static Map<ServiceModel.CountryPlatform, Map<Long, Double>> service(double deDuring,
      double usDuring) {
    return service(W0, deDuring, usDuring);
  }

  private static Map<ServiceModel.CountryPlatform, Map<Long, Double>> service(long w0,
      double deDuring, double usDuring) {
    return service(2, w0, deDuring, usDuring);
  }

  /** The same for the first {@code countries} countries; all but DE play {@code othersDuring}. */
  private static Map<ServiceModel.CountryPlatform, Map<Long, Double>> service(int countries,
      long w0, double deDuring, double othersDuring) {
    Map<ServiceModel.CountryPlatform, Map<Long, Double>> s = new HashMap<>();
    for (int c = 0; c < countries; c++) {
      Map<Long, Double> byHour = new HashMap<>();
      for (long h = w0 - 40 * 24; h < w0 + 48; h++) {
        boolean during = h >= w0 && h < w0 + 2;
        byHour.put(h, during ? (c == 0 ? deDuring : othersDuring) : 100.0);
      }
      s.put(new ServiceModel.CountryPlatform(c, "ios"), byHour);
    }
    return s;
  }

  /** An artist with 10 plays an hour in DE, none during the outage. */
  private static ArtistCells artist() {
    List<Long> hours = new ArrayList<>();
    for (long h = W0 - 40 * 24; h < W0 + 48; h++) {
      if (h < W0 || h >= W0 + 2) {
        hours.add(h);
      }
    }
    int n = hours.size();
    double[] plays = new double[n];
    Arrays.fill(plays, 10);
    String[] platforms = new String[n];
    Arrays.fill(platforms, "ios");
    String[] tiers = new String[n];
    Arrays.fill(tiers, "premium");
    return new ArtistCells("a1", hours.stream().mapToLong(Long::longValue).toArray(),
        new int[n], platforms, tiers, plays);
  }

  /**
   * An artist with 10 plays an hour in each of the first {@code countries} countries around a
   * two-hour DE outage from hour {@code w0} (none in DE during it), and 30 an hour in the US
   * (country 1) from hour {@code busyFrom} on.
   */
  private static ArtistCells artistAround(long w0, int countries, long busyFrom) {
    List<Long> hours = new ArrayList<>();
    List<Integer> country = new ArrayList<>();
    List<Double> plays = new ArrayList<>();
    for (long h = w0 - 40 * 24; h < w0 + 48; h++) {
      for (int c = 0; c < countries; c++) {
        if (c > 0 || h < w0 || h >= w0 + 2) {
          hours.add(h);
          country.add(c);
          plays.add(c == 1 && h >= busyFrom ? 30.0 : 10.0);
        }
      }
    }
    int n = hours.size();
    String[] ios = new String[n];
    Arrays.fill(ios, "ios");
    return new ArtistCells("a1", hours.stream().mapToLong(Long::longValue).toArray(),
        country.stream().mapToInt(Integer::intValue).toArray(), ios, new String[n],
        plays.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** The window's statistics as the estimator carries them, at $0.002 a play. */
  private static ArtistResult.WindowStat stat(ArtistWindowStats s) {
    return new ArtistResult.WindowStat(0, s.recentObserved(), s.recentBase(), s.inObserved(),
        s.inBase(), s.outObserved(), s.afterObserved(), s.afterBase(), s.baselinePlays(), 0.002,
        s.otherDays(), Map.of(), s.parts());
  }

  private static OutageWindow outage(Scope countries) {
    return new OutageWindow("o1", START, START.plusSeconds(7200), countries, Scope.all(), "");
  }

  @Test
  void globalOutageExpectsWhatTheArtistsShareOfANormalHourPredicts() {
    OutageWindow o = outage(Scope.all());
    ServiceModel.Built b = new ServiceModel(COUNTRIES, service(5, 5), config).build(o, List.of(o));
    WindowSpec w = b.model().windows().get(0);
    int de = OutageModel.groupKey(0, true);
    assertThat(w.sum(de, WindowSpec.WINDOW)).as("counterfactual, not the 5 a dead hour played")
        .isCloseTo(200, within(1e-6));
    // The recent level runs from local midnight: 10:00 UTC on 3 March is 11:00 in Berlin and
    // 05:00 in New York (before the US moves its clocks).
    assertThat(w.sum(de, WindowSpec.RECENT)).isCloseTo(100.0 * 11, within(1e-6));
    assertThat(w.sum(OutageModel.groupKey(1, true), WindowSpec.RECENT))
        .isCloseTo(100.0 * 5, within(1e-6));
    assertThat(b.model().windows()).as("outage plus a placebo on each quiet day")
        .hasSize(1 + config.placeboDays());

    RateCard card = new RateCard().put("DE", "premium", 0.004).put("*", "*", 0.001);
    List<ArtistWindowStats> stats = new ArtistModel(List.of(b.model()), COUNTRIES, card)
        .estimate(artist());
    ArtistWindowStats s = stats.get(0);
    assertThat(s.window().isPlacebo()).isFalse();
    assertThat(s.inBase()).as("a tenth of 200").isCloseTo(20, within(1e-6));
    assertThat(s.inObserved()).isZero();
    assertThat(s.recentObserved()).isEqualTo(10.0 * 11);
    assertThat(s.recentBase()).isCloseTo(10.0 * 11, within(1e-6));
    assertThat(s.afterBase()).isCloseTo(10.0 * config.afterHours(), within(1e-6));
    assertThat(s.usdPerInScopePlay()).isEqualTo(0.004);
    ArtistWindowStats placebo = stats.get(1);
    assertThat(placebo.inObserved()).as("a quiet day's window").isEqualTo(20.0);
    assertThat(placebo.inBase()).isCloseTo(20, within(1e-6));
  }

  @Test
  void aWindowAcrossUtcMidnightReadsTheNewDaysLevelFromOutOfScopePlays() {
    long w0 = W0 + 13; // 23:00 UTC on 3 March, a two-hour DE outage into 4 March
    OutageWindow o = new OutageWindow("o1", Instant.ofEpochSecond(w0 * 3600),
        Instant.ofEpochSecond((w0 + 2) * 3600), Scope.of("DE"), Scope.all(), "");
    ServiceModel.Built b = new ServiceModel(COUNTRIES, service(w0, 5, 100), config)
        .build(o, List.of(o));
    WindowSpec w = b.model().windows().get(0);
    assertThat(w.dayStart()).as("the UTC day so far").isEqualTo(w0 - 23);
    assertThat(w.split()).as("UTC midnight").isEqualTo(w0 + 1);

    // A tenth of each country (10 plays an hour), none in DE during the outage, and three times
    // that in the US from UTC midnight on: its new day.
    ArtistCells a = artistAround(w0, 2, w0 + 1);
    ArtistWindowStats s = new ArtistModel(List.of(b.model()), COUNTRIES,
        new RateCard().put("*", "*", 0.002)).estimate(a).get(0);
    LevelReadings d = s.otherDays();
    // 23 hours of both countries, then the US hour before midnight: 470 plays as predicted.
    assertThat(d.serviceObserved()).isEqualTo(23 * 20 + 10.0);
    assertThat(d.serviceBase()).isCloseTo(23 * 20 + 10.0, within(1e-6));
    // Both days: Berlin's 4 March starts with the window, on UTC 3 March; New York is on 3 March
    // all through it, so no hour is on DE's local date and the window's UTC day at once.
    assertThat(d.bothObserved()).isZero();
    assertThat(d.bothLateObserved()).as("New York's evening is not Berlin's new day").isZero();
    assertThat(d.lateObserved()).as("the US hour after midnight").isEqualTo(30.0);
    assertThat(d.lateBase()).isCloseTo(10, within(1e-6));
    assertThat(d.inLateBase()).as("DE's hour after midnight").isCloseTo(10, within(1e-6));
    assertThat(s.inBase()).isCloseTo(20, within(1e-6));

    // Read on the service's day, the hour after midnight takes the new level (Poisson-Gamma
    // posterior means with a prior of variance 1: (o + 1) / (b + 1)); the hour before keeps 1.
    ArtistResult.WindowStat stat = stat(s);
    WindowPrediction p = WindowPrediction.of(stat, 1, LevelDay.SERVICE);
    assertThat(p.expectedIn()).isCloseTo(10 + 10 * 31.0 / 11, within(1e-6));
    // The later level is the earlier one (variance 1/471) times a ratio read from the US hour
    // (31/11, variance 31/121), so the two hours' errors move together: Var(late) and twice
    // their covariance, (31/11) / 471, add to the earlier hour's.
    double early = 1.0 / 471;
    double late = 31.0 / 121 + Math.pow(31.0 / 11, 2) * early + early * 31.0 / 121;
    assertThat(p.modelVar()).isCloseTo(100 * early + 100 * late + 200 * 31.0 / 11 * early,
        within(1e-6));
    assertThat(p.expectedAfter()).as("the recovery window is on the new day")
        .isCloseTo(s.afterBase() * 31.0 / 11, within(1e-6));
  }

  @Test
  void bothDaysReadOnlyCountriesOnTheOutagesLocalDate() {
    List<String> three = List.of("DE", "US", "JP");
    long w0 = W0 + 15; // 01:00 UTC on 4 March: 02:00 in Berlin and 10:00 in Tokyo on 4 March,
    // 20:00 on 3 March in New York
    OutageWindow o = new OutageWindow("o1", Instant.ofEpochSecond(w0 * 3600),
        Instant.ofEpochSecond((w0 + 2) * 3600), Scope.of("DE"), Scope.all(), "");
    ServiceModel.Built b = new ServiceModel(three, service(3, w0, 5, 100), config)
        .build(o, List.of(o));
    // A tenth of each country (10 plays an hour), none in DE during the outage, and three times
    // that in New York from UTC midnight on.
    ArtistCells a = artistAround(w0, 3, w0 - 1);
    ArtistWindowStats s = new ArtistModel(List.of(b.model()), three,
        new RateCard().put("*", "*", 0.002)).estimate(a).get(0);
    LevelReadings d = s.otherDays();
    // The hour since UTC midnight in DE and JP, then JP's two hours in the window: 40 plays as
    // predicted. New York's three busy hours are on 3 March and stay out.
    assertThat(d.bothObserved()).isEqualTo(40.0);
    assertThat(d.bothBase()).isCloseTo(40, within(1e-6));
    assertThat(d.serviceObserved()).as("the service's day takes them").isEqualTo(40 + 90.0);

    ArtistResult.WindowStat stat = stat(s);
    assertThat(WindowPrediction.of(stat, 1, LevelDay.BOTH).expectedIn())
        .as("DE's usual 20, whatever New York's evening did").isCloseTo(20, within(1e-6));
    assertThat(WindowPrediction.of(stat, 1, LevelDay.SERVICE).expectedIn()).isGreaterThan(30);
  }

  @Test
  void partialOutageUsesTheUnaffectedCountryAsControl() {
    OutageWindow o = outage(Scope.of("DE"));
    // A common shock: the unaffected US plays twice its usual during the window.
    ServiceModel.Built b = new ServiceModel(COUNTRIES, service(5, 200), config)
        .build(o, List.of(o));
    WindowSpec w = b.model().windows().get(0);
    assertThat(w.sum(OutageModel.groupKey(0, true), WindowSpec.WINDOW))
        .as("DE counterfactual follows the control up").isCloseTo(400, within(1e-6));
    assertThat(w.sum(OutageModel.groupKey(1, false), WindowSpec.WINDOW))
        .as("US is observed, not modelled").isCloseTo(400, within(1e-6));
    ArtistWindowStats s = new ArtistModel(List.of(b.model()), COUNTRIES,
        new RateCard().put("*", "*", 0.002)).estimate(artist()).get(0);
    assertThat(s.inBase()).isCloseTo(40, within(1e-6));
    assertThat(s.outObserved()).isZero();
  }
}
