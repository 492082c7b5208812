package io.deadair.common.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.deadair.common.domain.Phase;
import io.deadair.common.model.ArtistResult.OutageResult;
import io.deadair.common.model.ArtistResult.PhaseStat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceSplitTest {

  private static PhaseStat phase(Phase p, double[] bySource) {
    double plays = 0;
    for (double v : bySource) {
      plays += v;
    }
    return new PhaseStat(p, 3, plays, 10L, 1.0, 0.0, plays, bySource);
  }

  private static OutageResult outage(PhaseStat... phases) {
    return new OutageResult(List.of(), List.of(phases), 0, null, List.of(), 0, List.of(), 0);
  }

  @Test
  void eachSourceIsExpectedItsBaselineShareAndLosesWhatItDidNotPlay() {
    // Baseline: 400 library, 600 playlist plays; 100 expected in the window, 15 played.
    OutageResult o = outage(phase(Phase.BEFORE, new double[] {400, 600, 0, 0, 0, 0}),
        phase(Phase.DURING, new double[] {10, 5, 0, 0, 0, 0}));
    double[] lost = SourceSplit.lost(o, 100);
    assertThat(lost[0]).as("library: 40 expected, 10 played").isCloseTo(30, within(1e-12));
    assertThat(lost[1]).as("playlist: 60 expected, 5 played").isCloseTo(55, within(1e-12));
    assertThat(lost[0] + lost[1]).as("the artist's loss").isCloseTo(100 - 15, within(1e-12));
  }

  @Test
  void withoutSourcesThereIsNoSplit() {
    OutageResult o = outage(new PhaseStat(Phase.BEFORE, 3, 10, null, null, null, 0, null));
    assertThat(SourceSplit.lost(o, 100)).isNull();
    assertThat(SourceSplit.expected(o, 100)).isNull();
  }
}
