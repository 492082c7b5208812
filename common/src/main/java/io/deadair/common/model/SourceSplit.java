package io.deadair.common.model;

import io.deadair.common.domain.Phase;
import io.deadair.common.model.ArtistResult.OutageResult;
import io.deadair.common.model.ArtistResult.PhaseStat;

/**
 * An artist's outage loss split by where its plays begin (library, playlist, ...): each
 * source is expected its share of the artist's baseline plays times the artist's expected plays,
 * and loses that less its plays in the window. The parts add up to the artist's loss when every
 * play has a source.
 */
public final class SourceSplit {

  private SourceSplit() {}

  /** Plays expected per source, or null when the input gives no source. */
  public static double[] expected(OutageResult o, double expectedPlays) {
    double[] before = bySource(o, Phase.BEFORE);
    if (before == null) {
      return null;
    }
    double total = 0;
    for (double v : before) {
      total += v;
    }
    double[] out = new double[before.length];
    for (int s = 0; s < out.length; s++) {
      out[s] = total > 0 ? expectedPlays * before[s] / total : 0;
    }
    return out;
  }

  /** Plays lost per source, or null when the input gives no source. */
  public static double[] lost(OutageResult o, double expectedPlays) {
    double[] expected = expected(o, expectedPlays);
    if (expected == null) {
      return null;
    }
    double[] during = bySource(o, Phase.DURING);
    double[] out = new double[expected.length];
    for (int s = 0; s < out.length; s++) {
      out[s] = expected[s] - (during == null ? 0 : during[s]);
    }
    return out;
  }

  private static double[] bySource(OutageResult o, Phase phase) {
    for (PhaseStat p : o.phases()) {
      if (p.phase() == phase) {
        return p.bySource();
      }
    }
    return null;
  }
}
