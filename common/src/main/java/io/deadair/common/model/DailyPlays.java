package io.deadair.common.model;

import java.io.Serializable;
import java.util.Map;

/**
 * An artist's plays per UTC day over the whole input, inside the outages' windows or not, and
 * the same for the tracks the daily tables follow (releases, tracks near the royalty threshold).
 *
 * @param firstDay epoch day of {@code plays[0]}
 * @param plays the artist's plays per day
 * @param tracks per followed track, its plays per day from {@code firstDay}
 */
public record DailyPlays(long firstDay, double[] plays, Map<String, double[]> tracks)
    implements Serializable {

  /** The epoch day of index {@code i}. */
  public long day(int i) {
    return firstDay + i;
  }
}
