package io.deadair.common.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RankComparisonTest {

  @Test
  void completeSeparationGivesExtremeEffectSizes() {
    RankComparison larger = RankComparison.of(new double[] {7, 8, 9, 10},
        new double[] {1, 2, 3});
    assertThat(larger.uFirst()).as("every pair favours the first group").isEqualTo(12.0);
    assertThat(larger.probabilityFirstLarger()).isEqualTo(1.0);
    assertThat(larger.rankBiserial()).isEqualTo(1.0);
    RankComparison smaller = RankComparison.of(new double[] {1, 2, 3},
        new double[] {7, 8, 9, 10});
    assertThat(smaller.rankBiserial()).isEqualTo(-1.0);
    assertThat(smaller.pTwoSided()).as("two-sided p is symmetric")
        .isCloseTo(larger.pTwoSided(), within(1e-12));
    assertThat(larger.pFirstLarger()).as("one-sided p in the right direction")
        .isLessThan(smaller.pFirstLarger());
  }

  @Test
  void tiesCountAHalf() {
    RankComparison t = RankComparison.of(new double[] {5}, new double[] {5});
    assertThat(t.uFirst()).isEqualTo(0.5);
    assertThat(t.probabilityFirstLarger()).isEqualTo(0.5);
    assertThat(RankComparison.of(new double[0], new double[] {1})).isNull();
  }
}
