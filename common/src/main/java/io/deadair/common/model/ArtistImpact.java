package io.deadair.common.model;

import io.deadair.common.model.ArtistResult.WindowStat;

/**
 * What an outage cost one artist, from the outage window's statistics and its calibrated
 * prediction: the figures of an {@code artist_impact} row.
 */
public record ArtistImpact(double expectedPlays, long observedPlays, double lostPlays,
    double half, Double lostPct, double reboundPlays, double usdPerPlay) {

  public static ArtistImpact of(WindowStat w, WindowPrediction p, double half) {
    double expected = p.expectedIn() + w.outObserved();
    double lost = p.expectedIn() - w.inObserved();
    double rebound = w.afterObserved() - p.expectedAfter();
    return new ArtistImpact(expected, Math.round(w.inObserved() + w.outObserved()), lost, half,
        expected > 0 ? lost / expected * 100 : null, rebound, w.usdPerPlay());
  }

  public double lostLow() {
    return lostPlays - half;
  }

  public double lostHigh() {
    return lostPlays + half;
  }

  public double netLostPlays() {
    return lostPlays - reboundPlays;
  }

  public double lostRevenue() {
    return lostPlays * usdPerPlay;
  }

  public double lostRevenueLow() {
    return lostLow() * usdPerPlay;
  }

  public double lostRevenueHigh() {
    return lostHigh() * usdPerPlay;
  }
}
