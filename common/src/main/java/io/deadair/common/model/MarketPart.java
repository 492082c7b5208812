package io.deadair.common.model;

import java.io.Serializable;

/**
 * One (country, platform, tier) part of an artist in an outage window: its weight in the
 * artist's in-scope expectation, the plays observed in it during the window, and its rate per
 * play. Expected plays of the part are the artist's in-scope expectation times the weight; out
 * of scope they are taken as observed (weight 0).
 *
 * @param country ISO code, or {@code *} when the input has none
 * @param platform the platform, or {@code *} when the input has none
 * @param tier the tier, or {@code *} when the input has none
 * @param inScope whether the outage hit the part
 * @param weight the part's share of the artist's in-scope expectation (weights sum to 1)
 * @param observed plays observed in the window
 * @param usdPerPlay the rate card's rate for the part's country and tier
 */
public record MarketPart(String country, String platform, String tier, boolean inScope,
    double weight, double observed, double usdPerPlay) implements Serializable {

  /** Plays expected in the window, given the artist's in-scope expectation. */
  public double expected(double expectedIn) {
    return inScope ? weight * expectedIn : observed;
  }

  /** Plays lost in the window, given the artist's in-scope expectation. */
  public double lost(double expectedIn) {
    return expected(expectedIn) - observed;
  }

  /** The market key of revenue_by_market: {@code country|tier}. */
  public String market() {
    return country + "|" + tier;
  }
}
