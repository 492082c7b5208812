package io.deadair.common.cube;

import java.io.Serializable;

/**
 * What every part of one pass agrees on: the first hour and UTC day the cube keeps (codes of
 * hours and days are offsets from them) and the number of phase slots, which sizes the
 * listeners' slot masks.
 *
 * @param firstHour epoch hour of hour offset 0
 * @param firstDay epoch day of day offset 0
 * @param slotCount phase slots of the calendar (at least 1)
 */
public record CubeLayout(long firstHour, long firstDay, int slotCount) implements Serializable {

  /** 64-bit words of a listener's slot mask. */
  public int maskWords() {
    return Math.max(1, (slotCount + 63) / 64);
  }
}
