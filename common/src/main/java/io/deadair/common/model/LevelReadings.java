package io.deadair.common.model;

import java.io.Serializable;

/**
 * An artist's level in one window read on two other days than its listeners' ({@link
 * ArtistWindowStats} holds that reading). Popularity moves from one day to the next, but the day
 * may be the service's (a chart or playlist refreshed at UTC midnight) or both at once; see
 * {@link LevelDay}. Each early part counts the hours since its day began up to the window (other
 * outages' hours left out) plus the out-of-scope plays in the window before UTC midnight; for a
 * window that crosses UTC midnight, the out-of-scope plays after it alone show the new day. On
 * both days, only hours on the in-scope listeners' local date count, wherever they are played:
 * a country already on the next date, or still on the last, carries another day's popularity.
 *
 * @param serviceObserved plays since UTC midnight (or the minimum recent hours) before the window,
 *     plus out-of-scope plays in the window before UTC midnight
 * @param serviceBase their baseline-share prediction
 * @param lateObserved out-of-scope plays in the window after UTC midnight (0 when it does not
 *     cross it)
 * @param lateBase their baseline-share prediction
 * @param bothObserved the plays before the window and the out-of-scope plays in it before UTC
 *     midnight that fall on both the window's UTC day and its in-scope listeners' local date
 *     ({@link WindowSpec#onBothDay})
 * @param bothBase their baseline-share prediction
 * @param bothLateObserved out-of-scope plays in the window after UTC midnight on the in-scope
 *     listeners' local date
 * @param bothLateBase their baseline-share prediction
 * @param inLateBase the in-scope prediction for the window's hours after UTC midnight
 */
public record LevelReadings(double serviceObserved, double serviceBase, double lateObserved,
    double lateBase, double bothObserved, double bothBase, double bothLateObserved,
    double bothLateBase, double inLateBase) implements Serializable {}
