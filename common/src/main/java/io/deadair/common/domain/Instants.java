package io.deadair.common.domain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Parses the two timestamp forms the data contract accepts. */
public final class Instants {

  private Instants() {}

  /**
   * Parses ISO-8601 with an offset ({@code 2026-03-02T14:05:09Z}, {@code ...+01:00}) or epoch
   * milliseconds ({@code 1772460309000}). A time without an offset is refused, since it would be
   * read in whatever zone the machine happens to be in.
   */
  public static Instant parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("Empty timestamp");
    }
    String t = text.trim();
    if (t.matches("-?\\d{1,18}")) {
      return Instant.ofEpochMilli(Long.parseLong(t));
    }
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "Not an ISO-8601 timestamp with an offset (like 2026-03-02T14:05:09Z) nor epoch"
              + " milliseconds: '" + text + "'");
    }
  }
}
