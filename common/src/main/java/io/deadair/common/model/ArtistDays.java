package io.deadair.common.model;

import io.deadair.common.cube.ArtistCube;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** One artist's plays per UTC day (epoch day), from its track days: every play, every day. */
final class ArtistDays {

  private final long firstDay;
  private final double[] plays;
  private final ArtistCube cube;

  ArtistDays(ArtistCube cube) {
    this.cube = cube;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (int i = 0; i < cube.trackDays(); i++) {
      first = Math.min(first, cube.day(i));
      last = Math.max(last, cube.day(i));
    }
    firstDay = cube.trackDays() == 0 ? 0 : first;
    plays = new double[cube.trackDays() == 0 ? 0 : (int) (last - first + 1)];
    for (int i = 0; i < cube.trackDays(); i++) {
      plays[(int) (cube.day(i) - firstDay)] += cube.trackPlays(i);
    }
  }

  /** The smallest positive plays of a day from {@code fromDay} to before {@code toDay}, or 0. */
  double smallestIn(long fromDay, long toDay) {
    double least = 0;
    for (long d = Math.max(fromDay, firstDay); d < toDay && d - firstDay < plays.length; d++) {
      double v = plays[(int) (d - firstDay)];
      if (v > 0 && (least == 0 || v < least)) {
        least = v;
      }
    }
    return least;
  }

  /** The artist's days, with those of {@code tracks}. */
  DailyPlays daily(Set<String> tracks) {
    Map<String, double[]> byTrack = new HashMap<>();
    for (int i = 0; i < cube.trackDays(); i++) {
      String t = cube.track(i);
      if (t != null && tracks.contains(t)) {
        byTrack.computeIfAbsent(t, k -> new double[plays.length])[(int) (cube.day(i)
            - firstDay)] += cube.trackPlays(i);
      }
    }
    return new DailyPlays(firstDay, plays, byTrack);
  }
}
