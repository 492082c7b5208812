package io.deadair.jobs.cube;

import io.deadair.common.cube.CubeLayout;
import io.deadair.common.model.PhaseCalendar;
import java.io.Serializable;

/**
 * Places an instant in the cube: its hour and UTC day as offsets from the layout's first ones,
 * and its phase slot from a table by hour (no search per row).
 */
final class PlayClock implements Serializable {

  private static final long MICROS_PER_HOUR = 3_600_000_000L;

  private final CubeLayout layout;
  private final int[] slotByHour;

  PlayClock(PhaseCalendar calendar) {
    long first = calendar.firstHour();
    this.layout = new CubeLayout(first, Math.floorDiv(first, 24), calendar.slots().size());
    slotByHour = new int[(int) (calendar.endHour() - first)];
    for (int h = 0; h < slotByHour.length; h++) {
      slotByHour[h] = calendar.slotOf(first + h);
    }
  }

  CubeLayout layout() {
    return layout;
  }

  /** The slot of the hour an instant (microseconds since the epoch) falls in, or -1. */
  int slot(long micros) {
    return slotOfHour(Math.floorDiv(micros, MICROS_PER_HOUR));
  }

  /** The slot of an epoch hour, or -1 when no outage needs it. */
  int slotOfHour(long hour) {
    long h = hour - layout.firstHour();
    return h >= 0 && h < slotByHour.length ? slotByHour[(int) h] : -1;
  }

  int hourOffset(long micros) {
    return (int) (Math.floorDiv(micros, MICROS_PER_HOUR) - layout.firstHour());
  }

  int dayOffset(long micros) {
    return (int) (Math.floorDiv(micros, 24 * MICROS_PER_HOUR) - layout.firstDay());
  }
}
