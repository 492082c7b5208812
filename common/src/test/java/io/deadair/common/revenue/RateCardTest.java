package io.deadair.common.revenue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateCardTest {

  private final RateCard card = new RateCard()
      .put("US", "premium", 0.005)
      .put("us", "*", 0.003)
      .put("*", "free", 0.001)
      .put("*", "*", 0.002);

  @Test
  void fallsBackFromExactToCountryToTierToStar() {
    assertThat(card.rate("US", "premium")).isEqualTo(0.005);
    assertThat(card.rate("US", "free")).as("country row beats tier row").isEqualTo(0.003);
    assertThat(card.rate("DE", "FREE")).isEqualTo(0.001);
    assertThat(card.rate("DE", "premium")).isEqualTo(0.002);
    assertThat(card.rate(null, null)).isEqualTo(0.002);
  }

  @Test
  void refusesAbsurdRatesAndAMissingFallback() {
    assertThatThrownBy(() -> new RateCard().put("US", "premium", -1))
        .hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> new RateCard().put("US", "free", 0.1).requireFallback("card.csv"))
        .hasMessageContaining("card.csv: the rate card needs a fallback row");
  }
}
