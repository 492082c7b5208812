package io.deadair.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.deadair.common.domain.SegmentRule;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentSettingsTest {

  @Test
  void theAbsoluteLinesAreBroughtToTheRunsDaysAndShareOfTheService() {
    SegmentSettings s = ImpactConfig.fromMap(Map.of("segment.input_share", "0.004"), "c")
        .segments();
    SegmentRule month = s.absoluteRule(true, 28);
    // 50,000 and 1,000,000 listeners of the whole service, of which the input holds 0.4 %.
    assertThat(month.emergingMaxListeners()).isCloseTo(200, within(1e-9));
    assertThat(month.establishedMinListeners()).isCloseTo(4_000, within(1e-9));
    SegmentRule fortnight = s.absoluteRule(false, 14);
    // 250,000 plays per 28 days, over a 14-day baseline.
    assertThat(fortnight.emergingMaxListeners()).as("plays line, half the days")
        .isCloseTo(500, within(1e-9));
  }

  @Test
  void theDefaultsAreAbsoluteAndTheRelativeRuleIsAnOption() {
    assertThat(ImpactConfig.defaults().segments().relative()).isFalse();
    assertThat(ImpactConfig.fromMap(Map.of("segment.rule", "Relative"), "c").segments()
        .relative()).isTrue();
    assertThatThrownBy(() -> ImpactConfig.fromMap(Map.of("segment.rule", "median"), "my.conf"))
        .hasMessageContaining("my.conf").hasMessageContaining("absolute or relative");
    assertThatThrownBy(() -> ImpactConfig.fromMap(Map.of("segment.input_share", "2"), "c"))
        .hasMessageContaining("segment.input_share = 2.0 is out of range");
    assertThatThrownBy(() -> ImpactConfig.fromMap(
        Map.of("segment.established.min_monthly_listeners", "40000"), "c"))
        .as("established below emerging").hasMessageContaining("out of range");
  }
}
