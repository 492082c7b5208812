package io.deadair.common.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.deadair.common.config.ImpactConfig;
import io.deadair.common.domain.OutageWindow;
import io.deadair.common.domain.Scope;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * German listening with a sharp evening peak over four weeks across the European clock change
 * (29 March 2026), lived either on Europe/Berlin's clock or on a fixed UTC+1 that ignores it.
 */
class ListenerClocksTest {

  private static final List<String> COUNTRIES = List.of("DE");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneOffset FIXED = ZoneOffset.ofHours(1);
  /** An evening at 19:00 UTC, 21:00 Berlin summer time, nine days after the clock change. */
  private static final Instant OUTAGE = Instant.parse("2026-04-07T19:00:00Z");
  private static final long W0 = OUTAGE.getEpochSecond() / 3600;

  /** Relative listening by the listeners' local hour: quiet nights, a peak at 20:00-21:00. */
  private static double shape(int localHour) {
    return localHour < 7 ? 0.2 : localHour < 17 ? 1.0 : localHour < 20 ? 1.6
        : localHour < 22 ? 2.4 : 0.8;
  }

  /** Expected plays an hour for listeners on {@code clock}: 200 times the shape. */
  private static double intensity(ZoneId clock, long hour) {
    int local = Instant.ofEpochSecond(hour * 3600).atZone(clock).getHour();
    return 200 * shape(local);
  }

  private static Map<ServiceModel.CountryPlatform, Map<Long, Double>> series(ZoneId clock,
      boolean noisy) {
    Well19937c rng = new Well19937c(7);
    Map<Long, Double> byHour = new HashMap<>();
    for (long h = W0 - 30 * 24; h < W0 + 30; h++) {
      double mean = intensity(clock, h);
      byHour.put(h, noisy ? new PoissonDistribution(rng, mean, 1e-12, 10_000_000).sample()
          : mean);
    }
    return Map.of(new ServiceModel.CountryPlatform(0, "ios"), byHour);
  }

  private static OutageWindow outage() {
    return new OutageWindow("o1", OUTAGE, OUTAGE.plusSeconds(3 * 3600), Scope.all(), Scope.all(),
        "");
  }

  private static ServiceModel.Built build(ZoneId livedClock, boolean noisy) {
    OutageWindow o = outage();
    return new ServiceModel(COUNTRIES, series(livedClock, noisy), ImpactConfig.defaults())
        .build(o, List.of(o));
  }

  @Test
  void listenersOnTheTablesClockKeepIt() {
    assertThat(build(BERLIN, true).clocksOffTable()).isEmpty();
  }

  @Test
  void listenersWhoIgnoreTheClockChangeAreNoticed() {
    assertThat(build(FIXED, true).clocksOffTable()).containsEntry("DE", FIXED);
  }

  @Test
  void theCounterfactualFollowsTheListenersClock() {
    // Noise-free plays: on the listeners' clock the model reproduces the window exactly (the
    // 0.5 % allows for rounding only); on the table's, the days after the change would put the
    // peak an hour late and the window's last hour (0.8) would read as a peak hour (2.4).
    WindowSpec w = build(FIXED, false).model().windows().get(0);
    double truth = 0;
    for (long h = W0; h < W0 + 3; h++) {
      truth += intensity(FIXED, h);
    }
    assertThat(w.sum(OutageModel.groupKey(0, true), WindowSpec.WINDOW))
        .isCloseTo(truth, within(truth * 0.005));
  }

  @Test
  void withoutAClockChangeInTheBaselineTheTableStands() {
    // Three weeks back the baseline lies wholly before 29 March: both readings fit alike.
    OutageWindow early = new OutageWindow("o0", Instant.parse("2026-03-20T19:00:00Z"),
        Instant.parse("2026-03-20T22:00:00Z"), Scope.all(), Scope.all(), "");
    ServiceModel.Built b = new ServiceModel(COUNTRIES, series(FIXED, true),
        ImpactConfig.defaults()).build(early, List.of(early));
    assertThat(b.clocksOffTable()).isEmpty();
  }
}
