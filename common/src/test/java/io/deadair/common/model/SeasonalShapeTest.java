package io.deadair.common.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Working days and weekends keep their own daily shapes; every number here is worked by hand. */
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
        new ZoneId[] {ZoneOffset.UTC}, MONDAY, MONDAY + 28 * 24, new HourSet(List.of()));

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
        new ZoneId[] {ZoneOffset.UTC}, MONDAY, MONDAY + 5 * 24, new HourSet(List.of()));
    // Saturday has no baseline of its own: it takes the working days' shape and their level.
    assertThat(shape.seasonal(group, 0, MONDAY + 5 * 24 + 2)).isCloseTo(20, within(1e-9));
  }
}
