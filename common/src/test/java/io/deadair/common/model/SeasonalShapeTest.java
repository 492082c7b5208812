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
import org.junit.jupiter.api.Test;

/**
 * Working days and weekends keep their own daily shapes, learned from whole days; every number
 * here is worked by hand.
 */
class SeasonalShapeTest {

  /** Monday 2 March 2026, 00:00 UTC, in epoch hours. */
  private static final long MONDAY = Instant.parse("2026-03-02T00:00:00Z").getEpochSecond() / 3600;

  @Test
  void aWeekendNightDoesNotLeakIntoAWorkingDayNight() {
    // Four weeks in UTC: 100 plays an hour, except 02:00, which has 20 on working days and 60
    // at weekends (a late Saturday night).
    Map<Long, Double> plays = new HashMap<>();
    for (long h = MONDAY; h < MONDAY + 28 * 24; h++) {
      boolean weekend = (h - MONDAY) / 24 % 7 >= 5;
      plays.put(h, (h % 24 == 2) ? (weekend ? 60.0 : 20.0) : 100.0);
    }
    int group = OutageModel.groupKey(0, true);
    SeasonalShape shape = SeasonalShape.learn(Map.of(group, plays),
        new ZoneId[] {ZoneOffset.UTC}, new long[] {MONDAY}, new long[] {MONDAY + 28 * 24},
        new HourSet(List.of()));

    // Within each kind of day the data are exactly profile times weekday level, so the shape
    // gives them back exactly; one profile for all days would say (5 x 20 + 2 x 60) / 7 = 31.
    long nextMonday = MONDAY + 28 * 24;
    assertThat(shape.seasonal(group, 0, nextMonday + 2)).isCloseTo(20, within(1e-9));
    assertThat(shape.seasonal(group, 0, nextMonday + 5 * 24 + 2)).isCloseTo(60, within(1e-9));
    assertThat(shape.seasonal(group, 0, nextMonday + 14)).isCloseTo(100, within(1e-9));
  }

  @Test
  void aBaselineWithoutAWeekendUsesTheProfileOfAllDays() {
    Map<Long, Double> plays = new HashMap<>();
    for (long h = MONDAY; h < MONDAY + 5 * 24; h++) {
      plays.put(h, h % 24 == 2 ? 20.0 : 100.0);
    }
    int group = OutageModel.groupKey(0, true);
    SeasonalShape shape = SeasonalShape.learn(Map.of(group, plays),
        new ZoneId[] {ZoneOffset.UTC}, new long[] {MONDAY}, new long[] {MONDAY + 5 * 24},
        new HourSet(List.of()));
    // Saturday has no baseline of its own: it takes the working days' shape and their level.
    assertThat(shape.seasonal(group, 0, MONDAY + 5 * 24 + 2)).isCloseTo(20, within(1e-9));
  }

  @Test
  void aTrendDoesNotTiltTheDay() {
    // Iceland keeps UTC all year. Every hour of day d has 100 (1 + 0.02 d) plays: a flat day on
    // a rising trend. A window at 12:00-15:00 on day 30 then holds exactly 3 x 160 plays; had the
    // morning hours been learned from one day later than the afternoon (the hours just before
    // the window instead of whole days), the morning would look 2 % high and the window low.
    Map<Long, Double> plays = new HashMap<>();
    for (long h = MONDAY; h < MONDAY + 35 * 24; h++) {
      plays.put(h, 100 * (1 + 0.02 * ((h - MONDAY) / 24)));
    }
    Instant start = Instant.ofEpochSecond((MONDAY + 30 * 24 + 12) * 3600);
    OutageWindow o = new OutageWindow("o", start, start.plusSeconds(3 * 3600), Scope.all(),
        Scope.all(), "");
    WindowSpec w = new ServiceModel(List.of("IS"),
        Map.of(new ServiceModel.CountryPlatform(0, "ios"), plays), ImpactConfig.defaults())
        .build(o, List.of(o)).model().windows().get(0);
    assertThat(w.sum(OutageModel.groupKey(0, true), WindowSpec.WINDOW))
        .isCloseTo(3 * 160, within(1e-6));
  }
}
