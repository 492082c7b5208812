package io.deadair.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ImpactConfigTest {

  @Test
  void defaultsMatchTheBrief() {
    ImpactConfig c = ImpactConfig.defaults();
    assertThat(c.baselineDays()).isEqualTo(28);
    assertThat(c.afterHours()).isEqualTo(24);
    assertThat(c.confidence()).isEqualTo(0.95);
    assertThat(c.royaltyThreshold()).isEqualTo(1000);
  }

  @Test
  void unknownKeysAndBadValuesSayWhatIsAllowed() {
    assertThatThrownBy(() -> ImpactConfig.fromMap(Map.of("baseline_dayz", "3"), "my.properties"))
        .hasMessageContaining("Config my.properties: unknown key [baseline_dayz]")
        .hasMessageContaining("baseline_days");
    assertThatThrownBy(() -> ImpactConfig.fromMap(Map.of("confidence", "2"), "c"))
        .hasMessageContaining("confidence = 2.0 is out of range")
        .hasMessageContaining("0.5..0.999");
    assertThatThrownBy(() -> ImpactConfig.fromMap(Map.of("after_hours", "-1"), "c"))
        .hasMessageContaining("after_hours");
    assertThatThrownBy(() -> ImpactConfig.fromMap(Map.of("after_hours", "two"), "c"))
        .hasMessageContaining("must be a number, not 'two'");
  }

  @Test
  void highlightsAreSplitOnSemicolons() {
    assertThat(ImpactConfig.fromMap(Map.of("highlight_artists", " a1; a2 ;"), "c")
        .highlightArtists()).containsExactly("a1", "a2");
  }
}
