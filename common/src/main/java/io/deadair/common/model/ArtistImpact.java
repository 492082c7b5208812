package io.deadair.common.model;

import io.deadair.common.model.ArtistResult.WindowStat;

/**
 * What an outage cost one artist, from the outage window's statistics and its calibrated
 * prediction: the figures of an {@code artist_impact} row. Lost revenue is each in-scope
 * part's lost plays valued at its own rate ({@link MarketPart}); its interval is the plays'
 * interval at the artist's average rate per expected play ({@code usdPerPlay}).
 */
public record ArtistImpact(double expectedPlays, long observedPlays, double lostPlays,
    double half, Double lostPct, double reboundPlays, double usdPerPlay, double lostRevenue) {

  public static ArtistImpact of(WindowStat w, WindowPrediction p, double half) {
    double expected = p.expectedIn() + w.outObserved();
    double lost = p.expectedIn() - w.inObserved();
    double rebound = w.afterObserved() - p.expectedAfter();
    double revenue = 0;
    for (MarketPart part : w.parts()) {
      revenue += part.inScope() ? part.lost(p.expectedIn()) * part.usdPerPlay() : 0;
    }
    return new ArtistImpact(expected, Math.round(w.inObserved() + w.outObserved()), lost, half,
        expected > 0 ? lost / expected * 100 : null, rebound, w.usdPerPlay(),
        w.parts().isEmpty() ? lost * w.usdPerPlay() : revenue);
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

  public double lostRevenueLow() {
    return lostRevenue - half * usdPerPlay;
  }

  public double lostRevenueHigh() {
    return lostRevenue + half * usdPerPlay;
  }
}
