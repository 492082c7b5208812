package io.deadair.common.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutageWindowTest {

  private final Instant start = Instant.parse("2026-03-04T18:00:00Z");
  private final OutageWindow regional = new OutageWindow("r", start, start.plusSeconds(3 * 3600),
      Scope.of("DE", "FR"), Scope.all(), null);

  @Test
  void windowIsHalfOpenAndScoped() {
    assertThat(regional.duration()).isEqualTo(Duration.ofHours(3));
    assertThat(regional.contains(start)).as("start is inside").isTrue();
    assertThat(regional.contains(regional.end())).as("end is outside").isFalse();
    assertThat(regional.covers(start.plusSeconds(60), "DE", "ios")).isTrue();
    assertThat(regional.covers(start.plusSeconds(60), "US", "ios")).as("other country").isFalse();
    assertThat(regional.isGlobal()).isFalse();
    assertThat(regional.description()).isEmpty();
  }

  @Test
  void endMustFollowStart() {
    assertThatThrownBy(() -> new OutageWindow("x", start, start, Scope.all(), Scope.all(), ""))
        .hasMessageContaining("Outage x ends at 2026-03-04T18:00:00Z, which is not after");
  }
}
