package io.deadair.common.model;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/** A promotion of an artist over a window, from the promotions table. */
public record Promotion(String promotionId, String artistId, String kind, Instant start,
    Instant end) implements Serializable {

  /** Hours of the promotion that fall in {@code [from, to)} (epoch hours), in hours. */
  public double hoursIn(long fromHour, long toHour) {
    Instant from = Instant.ofEpochSecond(Math.max(fromHour * 3600, start.getEpochSecond()));
    Instant to = Instant.ofEpochSecond(Math.min(toHour * 3600, end.getEpochSecond()));
    return to.isAfter(from) ? Duration.between(from, to).toSeconds() / 3600.0 : 0;
  }

  /** The promotion's length in hours. */
  public double hours() {
    return Duration.between(start, end).toSeconds() / 3600.0;
  }
}
