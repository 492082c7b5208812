package io.deadair.common.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DropScanTest {

  @Test
  void aRunStartsWhereTheSumLeavesZeroAndEndsAtItsPeak() {
    double[] expected = new double[20];
    Arrays.fill(expected, 100);
    double[] counts = expected.clone();
    for (int t = 8; t < 14; t++) {
      counts[t] = 50;
    }
    boolean[] scanned = new boolean[20];
    Arrays.fill(scanned, true);

    List<DropScan.Run> runs = DropScan.runs(counts, expected, scanned, 1, 0.3, 14);

    assertThat(runs).hasSize(1);
    assertThat(runs.get(0).start()).isEqualTo(8);
    assertThat(runs.get(0).end()).isEqualTo(14);
    // Each bucket adds 50 ln 0.7 + 0.3 * 100 = 12.166; six of them.
    assertThat(runs.get(0).score()).isCloseTo(6 * (50 * Math.log(0.7) + 30), within(1e-9));
  }

  @Test
  void aDropBelowTheThresholdIsNoRunAndOverdispersionWeakensEvidence() {
    double[] expected = {100, 100, 100};
    double[] counts = {100, 50, 100};
    boolean[] scanned = {true, true, true};
    assertThat(DropScan.runs(counts, expected, scanned, 1, 0.3, 14)).isEmpty();
    assertThat(DropScan.runs(counts, expected, scanned, 1, 0.3, 12)).hasSize(1);
    assertThat(DropScan.runs(counts, expected, scanned, 2, 0.3, 12)).isEmpty();
  }

  @Test
  void theScoreIsThePoissonLikelihoodRatioOfTheDropSeen() {
    // 50 seen of 100 expected: 50 ln(0.5) - 50 + 100.
    assertThat(DropScan.score(50, 100, 1)).isCloseTo(50 * Math.log(0.5) + 50, within(1e-9));
    assertThat(DropScan.score(0, 100, 2)).isEqualTo(50);
    assertThat(DropScan.score(120, 100, 1)).isZero();
  }
}
