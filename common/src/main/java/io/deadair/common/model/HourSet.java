package io.deadair.common.model;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Collection;

/** A sorted set of epoch hours, for the hours a baseline must leave out. */
public final class HourSet implements Serializable {

  private static final long serialVersionUID = 1L;
  private final long[] hours;

  public HourSet(Collection<Long> hours) {
    this.hours = hours.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
  }

  public boolean contains(long hour) {
    return Arrays.binarySearch(hours, hour) >= 0;
  }

  /** Whether any hour of [from, to) is in the set. */
  public boolean intersects(long from, long to) {
    int i = Arrays.binarySearch(hours, from);
    int idx = i >= 0 ? i : -i - 1;
    return idx < hours.length && hours[idx] < to;
  }
}
