package io.deadair.common.detect;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Which day and which slot of the day each bucket of a series falls in, on one clock: UTC, or
 * a country's local time, where its listeners' days are, so that a daylight-saving change moves
 * nothing. On the day clocks fall back, two buckets share a slot; on the day they spring
 * forward, a slot has none. On such a day each bucket also has the slot it would have on the
 * day's other offset ({@code otherSlot}; elsewhere the same slot): a night on the day the
 * clocks change may follow either.
 *
 * @param day per bucket, its day (0 for the first)
 * @param slot per bucket, its slot in the day
 * @param otherSlot per bucket, its slot on its day's other offset
 * @param weekday per bucket, its day of the week (Monday 0 to Sunday 6)
 * @param days how many days
 * @param slots how many slots a day has
 */
public record DayClock(int[] day, int[] slot, int[] otherSlot, int[] weekday, int days,
    int slots) {

  /** The clock of {@code series} in {@code zone} (UTC when null). */
  public static DayClock of(ServiceSeries series, ZoneId zone) {
    int n = series.length();
    int spd = series.slotsPerDay();
    int[] day = new int[n];
    int[] slot = new int[n];
    int[] weekday = new int[n];
    if (zone == null || zone.equals(ZoneOffset.UTC)) {
      for (int t = 0; t < n; t++) {
        day[t] = t / spd;
        slot[t] = t % spd;
        weekday[t] = weekday(LocalDateTime.ofInstant(series.start(t), ZoneOffset.UTC));
      }
      return new DayClock(day, slot, slot, weekday, n / spd, spd);
    }
    int[] other = new int[n];
    long first = -1;
    int last = 0;
    int step = series.stepMinutes();
    for (int t = 0; t < n; t++) {
      Instant at = series.start(t);
      LocalDateTime local = LocalDateTime.ofInstant(at, zone);
      long epochDay = local.toLocalDate().toEpochDay();
      first = first < 0 ? epochDay : first;
      day[t] = (int) (epochDay - first);
      slot[t] = (local.getHour() * 60 + local.getMinute()) / step;
      weekday[t] = weekday(local);
      ZoneOffset noon = zone.getRules().getOffset(local.toLocalDate().atTime(LocalTime.NOON));
      LocalDateTime onNoon = LocalDateTime.ofInstant(at, noon);
      other[t] = onNoon.toLocalDate().equals(local.toLocalDate())
          ? (onNoon.getHour() * 60 + onNoon.getMinute()) / step : slot[t];
      last = day[t];
    }
    return new DayClock(day, slot, other, weekday, last + 1, spd);
  }

  private static int weekday(LocalDateTime t) {
    return t.getDayOfWeek().getValue() - 1;
  }
}
