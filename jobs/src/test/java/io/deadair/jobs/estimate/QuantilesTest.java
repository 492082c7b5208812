package io.deadair.jobs.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Quantiles as percentile_approx gives them, counted and queried before or after a merge. */
class QuantilesTest {

  @Test
  void countsEveryValueAddedBeforeAnyQueryOrMerge() {
    Quantiles q = new Quantiles();
    for (int i = 1; i <= 100; i++) {
      q.add(i);
    }

    assertThat(q.count()).isEqualTo(100);
    // 100 values with 1/10,000 relative rank error: the exact order statistics.
    assertThat(q.query(0.9)).isCloseTo(90, within(1e-12));
    assertThat(q.count()).isEqualTo(100);
  }

  @Test
  void mergedPartsAnswerAsTheWhole() {
    Quantiles whole = new Quantiles();
    Quantiles first = new Quantiles();
    Quantiles second = new Quantiles();
    for (int i = 1; i <= 1000; i++) {
      whole.add(i % 7 * 100 + i);
      (i <= 300 ? first : second).add(i % 7 * 100 + i);
    }

    Quantiles merged = first.merge(second);
    assertThat(merged.count()).isEqualTo(1000);
    for (double p : new double[] {0.05, 0.5, 0.95}) {
      assertThat(merged.query(p)).isEqualTo(whole.query(p));
    }
  }

  @Test
  void anEmptySummaryHasNoQuantile() {
    assertThat(new Quantiles().query(0.5)).isNull();
    assertThat(new Quantiles().count()).isZero();
  }
}
