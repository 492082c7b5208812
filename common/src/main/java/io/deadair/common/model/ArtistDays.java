package io.deadair.common.model;

import io.deadair.common.cube.ArtistCube;
import java.util.Map;
import java.util.TreeMap;

/** One artist's plays per UTC day (epoch day), from its hourly cells. */
final class ArtistDays {

  private final TreeMap<Long, Double> plays = new TreeMap<>();

  ArtistDays(ArtistCube cube) {
    for (int i = 0; i < cube.cells(); i++) {
      plays.merge(Math.floorDiv(cube.hour(i), 24), cube.plays(i), Double::sum);
    }
  }

  /** The smallest positive plays of a day from {@code fromDay} to before {@code toDay}, or 0. */
  double smallestIn(long fromDay, long toDay) {
    double least = 0;
    for (Map.Entry<Long, Double> d : plays.subMap(fromDay, toDay).entrySet()) {
      if (d.getValue() > 0 && (least == 0 || d.getValue() < least)) {
        least = d.getValue();
      }
    }
    return least;
  }
}
