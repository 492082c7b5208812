package io.deadair.common.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SegmentRuleTest {

  private final SegmentRule rule = new SegmentRule(100, 10_000, 3);
  private final LocalDate asOf = LocalDate.of(2026, 3, 3);

  @Test
  void smallRecentArtistsAreEmerging() {
    assertThat(rule.classify(80, LocalDate.of(2025, 1, 1), null, asOf))
        .isEqualTo(Segment.EMERGING);
    assertThat(rule.classify(80, null, null, asOf)).as("unknown debut is not recent")
        .isEqualTo(Segment.MID);
    assertThat(rule.classify(80, LocalDate.of(2010, 1, 1), null, asOf)).as("small but old")
        .isEqualTo(Segment.MID);
    assertThat(rule.classify(20_000, null, null, asOf)).isEqualTo(Segment.ESTABLISHED);
    assertThat(rule.classify(5_000, null, null, asOf)).isEqualTo(Segment.MID);
  }

  @Test
  void aNegativeLineLeavesNoEmergingArtist() {
    SegmentRule chart = new SegmentRule(-1, 10_000, 3);
    assertThat(chart.classify(0, LocalDate.of(2025, 1, 1), null, asOf)).isEqualTo(Segment.MID);
    assertThat(chart.classify(0, null, true, asOf)).as("the override still counts")
        .isEqualTo(Segment.EMERGING);
  }

  @Test
  void theArtistsFileOverridesTheRule() {
    assertThat(rule.classify(20_000, null, true, asOf)).isEqualTo(Segment.EMERGING);
    assertThat(rule.classify(10, null, false, asOf)).isEqualTo(Segment.MID);
  }
}
