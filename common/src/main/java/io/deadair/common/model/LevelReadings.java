package io.deadair.common.model;

import java.io.Serializable;

/**
 * An artist's level in one window read on two other days than its listeners' ({@link
 * ArtistWindowStats} holds that reading). Popularity moves from one day to the next, but the day
 * may be the service's (a chart or playlist refreshed at UTC midnight) or both at once; see
 * {@link LevelDay}. Each early part counts the hours since its day began up to the window (other
 * outages' hours left out) plus the out-of-scope plays in the window before UTC midnight; for a
 * window that crosses UTC midnight, the out-of-scope plays after it alone show the new day.
 *
 * @param serviceObserved plays since UTC midnight (or the minimum recent hours) before the window,
 *     plus out-of-scope plays in the window before UTC midnight
 * @param serviceBase their baseline-share prediction
 * @param bothObserved the same since the later of UTC midnight and the listeners' midnight
 * @param bothBase their baseline-share prediction
 * @param lateObserved out-of-scope plays in the window after UTC midnight (0 when it does not
 *     cross it)
 * @param lateBase their baseline-share prediction
 * @param inLateBase the in-scope prediction for the window's hours after UTC midnight
 */
public record LevelReadings(double serviceObserved, double serviceBase, double bothObserved,
    double bothBase, double lateObserved, double lateBase, double inLateBase)
    implements Serializable {}
