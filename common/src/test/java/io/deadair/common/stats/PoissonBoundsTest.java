package io.deadair.common.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PoissonBoundsTest {

  @Test
  void matchesTheExactGarwoodTable() {
    // Published exact 95 % limits for a Poisson count of 10: 4.795 and 18.390.
    assertThat(PoissonBounds.lower(10, 0.95)).isCloseTo(4.795, within(0.001));
    assertThat(PoissonBounds.upper(10, 0.95)).isCloseTo(18.390, within(0.001));
    // And for 0: lower 0, upper 3.689.
    assertThat(PoissonBounds.lower(0, 0.95)).isZero();
    assertThat(PoissonBounds.upper(0, 0.95)).isCloseTo(3.689, within(0.001));
  }
}
