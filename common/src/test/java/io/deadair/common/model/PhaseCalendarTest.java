package io.deadair.common.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.deadair.common.domain.OutageWindow;
import io.deadair.common.domain.Phase;
import io.deadair.common.domain.Scope;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two outages whose phases overlap, with every boundary worked out by hand. */
class PhaseCalendarTest {

  // Outage a: 10:30-11:15 on 10 March, so hours [10, 12). Outage b: 14:00-15:00 on 12 March.
  private static final OutageWindow A = outage("a", "2026-03-10T10:30:00Z", "2026-03-10T11:15:00Z");
  private static final OutageWindow B = outage("b", "2026-03-12T14:00:00Z", "2026-03-12T15:00:00Z");
  private static final long A0 = Instant.parse("2026-03-10T10:00:00Z").getEpochSecond() / 3600;
  private static final long B0 = Instant.parse("2026-03-12T14:00:00Z").getEpochSecond() / 3600;
  private static final int BASELINE_DAYS = 7;
  private static final int AFTER = 24;

  private static OutageWindow outage(String id, String start, String end) {
    return new OutageWindow(id, Instant.parse(start), Instant.parse(end), Scope.all(),
        Scope.all(), "");
  }

  private final PhaseCalendar calendar = PhaseCalendar.of(List.of(A, B), BASELINE_DAYS, AFTER);

  @Test
  void phasesFollowTheDefinitionHourByHour() {
    for (long h = A0 - 24 * BASELINE_DAYS - 5; h < B0 + 30; h++) {
      assertThat(calendar.phaseOf("a", h)).as("a at %d", h).isEqualTo(expectedA(h));
      assertThat(calendar.phaseOf("b", h)).as("b at %d", h).isEqualTo(expectedB(h));
    }
  }

  private static Phase expectedA(long h) {
    if (h >= A0 - 24 * BASELINE_DAYS && h < A0) {
      return Phase.BEFORE;   // b lies after a, so nothing is cut from a's baseline
    }
    if (h >= A0 && h < A0 + 2) {
      return Phase.DURING;
    }
    return h >= A0 + 2 && h < A0 + 2 + AFTER ? Phase.AFTER : null;
  }

  private static Phase expectedB(long h) {
    boolean aOrItsRecovery = h >= A0 && h < A0 + 2 + AFTER;
    if (h >= B0 - 24 * BASELINE_DAYS && h < B0) {
      return aOrItsRecovery ? null : Phase.BEFORE;
    }
    if (h == B0) {
      return Phase.DURING;
    }
    return h > B0 && h <= B0 + AFTER ? Phase.AFTER : null;
  }

  @Test
  void slotsAreDisjointRunsOfOneSignatureThatCoverEveryNeededHour() {
    long covered = 0;
    long previousEnd = Long.MIN_VALUE;
    for (PhaseCalendar.Slot s : calendar.slots()) {
      assertThat(s.start()).isGreaterThanOrEqualTo(previousEnd);
      previousEnd = s.end();
      covered += s.hours();
      for (long h = s.start(); h < s.end(); h++) {
        assertThat(calendar.slotOf(h)).isEqualTo(s.index());
        Map<String, Phase> expected = new HashMap<>();
        if (expectedA(h) != null) {
          expected.put("a", expectedA(h));
        }
        if (expectedB(h) != null) {
          expected.put("b", expectedB(h));
        }
        assertThat(s.phases()).isEqualTo(expected);
      }
    }
    // Needed hours: a's 7 days + 2 + 24, and b's 7 days + 1 + 24 not already a's, by hand:
    // a spans [A0-168, A0+26); b spans [B0-168, B0+25) with B0 = A0 + 52, so the union is
    // [A0-168, A0+77) = 245 hours.
    assertThat(covered).isEqualTo(245);
    assertThat(calendar.slotOf(A0 - 169)).isEqualTo(-1);
    assertThat(calendar.slotOf(B0 + 25)).isEqualTo(-1);
  }

  @Test
  void phaseLengthsCountTheHoursLeftAfterCuts() {
    assertThat(calendar.hours("a", Phase.BEFORE)).isEqualTo(168);
    assertThat(calendar.hours("a", Phase.DURING)).isEqualTo(2);
    assertThat(calendar.hours("b", Phase.BEFORE)).isEqualTo(168 - 26);
    assertThat(calendar.hours("b", Phase.DURING)).isEqualTo(1);
    assertThat(calendar.hours("b", Phase.AFTER)).isEqualTo(24);
  }
}
