package io.deadair.common.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The control of a partial outage, shrunk by what quiet days show; worked by hand. */
class ControlTest {

  @Test
  void theRawControlIsTheUnaffectedPartsDeviationWithItsPoissonVariance() {
    // Recent: 100 observed for 100 seasonal (level 1); window: 50 observed for 40 seasonal.
    double[] raw = Control.raw(new double[] {100, 100}, new double[] {50, 40});
    assertThat(raw[0]).isCloseTo(1.25, within(1e-12));
    assertThat(raw[1]).isCloseTo(1.25 * 1.25 * (1 / 50.0 + 1 / 100.0), within(1e-12));
    assertThat(Control.raw(new double[] {0, 0}, new double[] {50, 40}))
        .as("no unaffected part: no control").containsExactly(1, 0);
  }

  @Test
  void quietDaysSayHowFarTheControlStraysBeyondItsNoise() {
    assertThat(Control.quietDayVariance(List.of(new double[] {1.1, 0.01},
        new double[] {0.9, 0.01}))).as("strays as far as its noise")
        .isCloseTo(0, within(1e-12));
    assertThat(Control.quietDayVariance(List.of(new double[] {1.2, 0.01},
        new double[] {0.8, 0.01}))).isCloseTo(0.03, within(1e-12));
    assertThat(Control.quietDayVariance(List.of())).isInfinite();
  }

  @Test
  void theControlIsShrunkByTheQuietDaysWeightAndAShockIsTakenWhole() {
    // tau^2 = 0.03, v = 0.01: weight 0.03 / 0.04 = 0.75 of the deviation 0.1.
    assertThat(Control.shrink(new double[] {1.1, 0.01}, 0.03)).isCloseTo(1.075, within(1e-12));
    // Quiet days never stray beyond noise: a deviation of one noise sd is noise.
    assertThat(Control.shrink(new double[] {1.1, 0.01}, 0)).isCloseTo(1.0, within(1e-12));
    // Five noise sds (0.5 against sd 0.1) is beyond 3: a shock the placebos did not see.
    assertThat(Control.shrink(new double[] {1.5, 0.01}, 0)).isCloseTo(1.5, within(1e-12));
    assertThat(Control.shrink(new double[] {1.2, 0.01}, Double.POSITIVE_INFINITY))
        .as("no placebos: taken whole").isCloseTo(1.2, within(1e-12));
  }
}
