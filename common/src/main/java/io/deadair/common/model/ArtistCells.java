package io.deadair.common.model;

/**
 * One artist's hourly cube cells: for each cell its epoch hour, country index, platform, tier
 * and plays. Platform and tier may be null where the input does not carry them.
 */
public record ArtistCells(
    String artistId, long[] hours, int[] countries, String[] platforms, String[] tiers,
    double[] plays) {

  public int size() {
    return hours.length;
  }
}
