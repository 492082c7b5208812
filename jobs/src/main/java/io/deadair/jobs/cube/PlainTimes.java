package io.deadair.jobs.cube;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Reads the one time form most play logs write, {@code 2026-03-02T14:05:09Z}, without a general
 * parser: digits at fixed places, the day looked up once. Anything else (another offset, a
 * fraction of a second, a space, an odd field) is left to Spark's own cast, so the result is
 * always the one the cast gives.
 */
final class PlainTimes {

  private static final int LENGTH = 20;
  private static final long MICROS_PER_SECOND = 1_000_000L;

  private PlainTimes() {}

  /** Microseconds since the epoch of {@code yyyy-MM-ddTHH:mm:ssZ}, or null for any other text. */
  static Long micros(String s) {
    if (s.length() != LENGTH) {
      return null;
    }
    char[] b = s.toCharArray();
    if (b[4] != '-' || b[7] != '-' || b[10] != 'T' || b[13] != ':' || b[16] != ':'
        || b[19] != 'Z') {
      return null;
    }
    int year = digits(b, 0, 4);
    int month = digits(b, 5, 2);
    int day = digits(b, 8, 2);
    int hour = digits(b, 11, 2);
    int minute = digits(b, 14, 2);
    int second = digits(b, 17, 2);
    if (year < 1 || month < 1 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
        || second < 0 || second > 59) {
      return null;
    }
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      return null;
    }
    return ((epochDay * 24 + hour) * 3600 + minute * 60L + second) * MICROS_PER_SECOND;
  }

  /** The number written in {@code n} ASCII digits from {@code at}, or -1 if one is not a digit. */
  private static int digits(char[] b, int at, int n) {
    int v = 0;
    for (int i = at; i < at + n; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }
}
