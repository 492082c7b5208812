package io.deadair.common.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.deadair.common.domain.OutageWindow;
import io.deadair.common.domain.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BucketsTest {

  private static final OutageWindow OUTAGE = new OutageWindow("o",
      Instant.parse("2026-03-10T10:20:00Z"), Instant.parse("2026-03-10T12:05:00Z"), Scope.all(),
      Scope.all(), "");

  private static List<Buckets.Bucket> grid(String first, int minutes, int count) {
    List<Buckets.Bucket> out = new ArrayList<>();
    Instant t = Instant.parse(first);
    for (int i = 0; i < count; i++) {
      out.add(new Buckets.Bucket(t.plusSeconds(60L * minutes * i), minutes));
    }
    return out;
  }

  @Test
  void dailyBucketsWidenTheWindowToTheWholeDay() {
    OutageWindow w = Buckets.widen(OUTAGE, grid("2026-03-08T00:00:00Z", 1440, 5));
    assertThat(w.start()).isEqualTo(Instant.parse("2026-03-10T00:00:00Z"));
    assertThat(w.end()).isEqualTo(Instant.parse("2026-03-11T00:00:00Z"));
    assertThat(w.id()).isEqualTo("o");
  }

  @Test
  void quarterHoursWidenOnlyToTheirOwnEdges() {
    OutageWindow w = Buckets.widen(OUTAGE, grid("2026-03-10T00:00:00Z", 15, 96));
    assertThat(w.start()).isEqualTo(Instant.parse("2026-03-10T10:15:00Z"));
    assertThat(w.end()).isEqualTo(Instant.parse("2026-03-10T12:15:00Z"));
  }

  @Test
  void bucketsThatOnlyTouchTheWindowDoNotWidenIt() {
    // Hourly buckets ending exactly at the start, and starting exactly at the end, do not overlap.
    OutageWindow hourAligned = OUTAGE.withWindow(Instant.parse("2026-03-10T10:00:00Z"),
        Instant.parse("2026-03-10T12:00:00Z"));
    assertThat(Buckets.widen(hourAligned, grid("2026-03-10T00:00:00Z", 60, 24)))
        .isSameAs(hourAligned);
  }

  @Test
  void longestBucketInWholeHours() {
    assertThat(Buckets.longestHours(grid("2026-03-10T00:00:00Z", 15, 4))).isEqualTo(1);
    assertThat(Buckets.longestHours(grid("2026-03-10T00:00:00Z", 90, 2))).isEqualTo(2);
    assertThat(Buckets.longestHours(grid("2026-03-10T00:00:00Z", 1440, 2))).isEqualTo(24);
  }

  @Test
  void paddingCoversAnyWidening() {
    OutageWindow p = Buckets.padded(List.of(OUTAGE)).get(0);
    OutageWindow w = Buckets.widen(OUTAGE, grid("2026-03-08T00:00:00Z", 1440, 5));
    assertThat(p.start()).isBeforeOrEqualTo(w.start());
    assertThat(p.end()).isAfterOrEqualTo(w.end());
  }
}
