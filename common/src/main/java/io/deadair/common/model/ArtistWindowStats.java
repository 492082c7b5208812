package io.deadair.common.model;

import java.util.List;
import java.util.Map;

/**
 * What the estimator needs of one artist in one window, before the level prior is known: observed
 * plays ({@code o*}) and what the artist's baseline share of the service predicts ({@code b*}).
 *
 * @param recentObserved plays in the recent window, plus out-of-scope plays in the window
 * @param recentBase their baseline-share prediction
 * @param inObserved in-scope plays in the window
 * @param inBase in-scope prediction in the window (service counterfactual times share)
 * @param outObserved out-of-scope plays in the window (taken as their own counterfactual)
 * @param afterObserved plays in the recovery window
 * @param afterBase their prediction (service counterfactual times share)
 * @param baselinePlays the artist's plays over the baseline
 * @param usdPerInScopePlay the artist's rate per in-scope play, from its own country and tier mix
 * @param otherDays the level read on the service's day and on both days ({@link LevelReadings})
 * @param shares baseline share per service group (outage windows only; empty for placebos)
 * @param parts the artist's (country, platform, tier) parts in the window, with their weights
 *     in the in-scope expectation (outage windows only; empty for placebos)
 */
public record ArtistWindowStats(
    String artistId,
    WindowSpec window,
    double recentObserved,
    double recentBase,
    double inObserved,
    double inBase,
    double outObserved,
    double afterObserved,
    double afterBase,
    double baselinePlays,
    double usdPerInScopePlay,
    LevelReadings otherDays,
    Map<Integer, Double> shares,
    List<MarketPart> parts) {}
