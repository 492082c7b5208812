package io.deadair.common.domain;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A declared outage: a half-open time window {@code [start, end)} and the countries and platforms
 * it covered.
 */
public record OutageWindow(
    String id, Instant start, Instant end, Scope countries, Scope platforms, String description)
    implements Serializable {

  public OutageWindow {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(countries, "countries");
    Objects.requireNonNull(platforms, "platforms");
    description = description == null ? "" : description;
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException(
          "Outage " + id + " ends at " + end + ", which is not after its start " + start);
    }
  }

  /** The same outage over another window. */
  public OutageWindow withWindow(Instant newStart, Instant newEnd) {
    return new OutageWindow(id, newStart, newEnd, countries, platforms, description);
  }

  public Duration duration() {
    return Duration.between(start, end);
  }

  /** True when the outage covers every country and every platform. */
  public boolean isGlobal() {
    return countries.isAll() && platforms.isAll();
  }

  /** Whether a play at {@code ts} from this country and platform fell inside the outage. */
  public boolean covers(Instant ts, String country, String platform) {
    return contains(ts) && countries.contains(country) && platforms.contains(platform);
  }

  /** Whether {@code ts} lies in {@code [start, end)}. */
  public boolean contains(Instant ts) {
    return !ts.isBefore(start) && ts.isBefore(end);
  }
}
