package io.deadair.jobs.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.deadair.common.model.Promotion;
import io.deadair.jobs.tables.PromotionTables.Window;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a window's loss is shared out over days and over a promotion's hours, by hand. */
class DrillDownPartsTest {

  /** 22:00 to 01:00 UTC on 2026-03-03/04, the last hour twice as busy as the others. */
  private static final long START = Instant.parse("2026-03-03T22:00:00Z").getEpochSecond() / 3600;
  private static final Window WINDOW = new Window("o1", START, START + 3, START + 27,
      new double[] {1, 1, 2});

  @Test
  void aWindowAcrossMidnightSharesItsLossByTheCounterfactualOfEachDay() {
    Map<Long, Double> days = AdjustedTables.dayShares(WINDOW);
    long day = Math.floorDiv(START, 24);
    assertThat(days).hasSize(2);
    assertThat(days.get(day)).as("22:00-24:00: 2 of 4").isCloseTo(0.5, within(1e-12));
    assertThat(days.get(day + 1)).as("00:00-01:00: 2 of 4").isCloseTo(0.5, within(1e-12));
  }

  @Test
  void aPromotionGetsTheCounterfactualOfItsOwnHours() {
    Promotion concert = new Promotion("p1", "a1", "concert",
        Instant.parse("2026-03-03T23:30:00Z"), Instant.parse("2026-03-04T00:30:00Z"));
    // Half of hour 23 (weight 1) and half of hour 0 (weight 2), of 4 in all.
    assertThat(WINDOW.share(concert)).isCloseTo((0.5 * 1 + 0.5 * 2) / 4, within(1e-12));
    assertThat(concert.hoursIn(START, START + 3)).isCloseTo(1.0, within(1e-12));
    Promotion later = new Promotion("p2", "a1", "ad_campaign",
        Instant.parse("2026-03-04T05:00:00Z"), Instant.parse("2026-03-05T05:00:00Z"));
    assertThat(WINDOW.share(later)).as("after the window").isZero();
    assertThat(later.hoursIn(START + 3, START + 27)).as("inside the recovery window")
        .isCloseTo(20.0, within(1e-12));
  }
}
