package io.deadair.common.model;

import io.deadair.common.cube.ArtistCube;
import io.deadair.common.model.ArtistResult.Release;
import io.deadair.common.model.ArtistResult.ReleaseMatch;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** An artist's releases that collided with an outage, with their first-week plays. */
final class ReleaseMatches {

  private ReleaseMatches() {}

  /**
   * The artist's releases that went live from {@code release_lookback_days} before the outage
   * to its end, with their first-week plays and their share of the artist's plays since.
   */
  static List<ReleaseMatch> of(OutageModel m, int releaseLookbackDays, long startDay,
      ArtistCube cube, List<Release> releases) {
    List<ReleaseMatch> out = new ArrayList<>();
    Instant from = m.outage().start().minus(Duration.ofDays(releaseLookbackDays));
    for (Release r : releases) {
      if (r.releaseTs().isBefore(from) || !r.releaseTs().isBefore(m.outage().end())) {
        continue;
      }
      long day = LocalDate.ofInstant(r.releaseTs(), ZoneOffset.UTC).toEpochDay();
      double artistWeek = 0;
      double artistSince = 0;
      double trackWeek = 0;
      double trackSince = 0;
      boolean anyArtistWeek = false;
      boolean anyArtistSince = false;
      for (int i = 0; i < cube.trackDays(); i++) {
        long d = cube.day(i);
        boolean week = d >= day && d <= day + 6;
        boolean since = d >= day && d <= startDay;
        boolean same = r.trackId() != null && r.trackId().equals(cube.track(i));
        if (week) {
          artistWeek += cube.trackPlays(i);
          anyArtistWeek = true;
          trackWeek += same ? cube.trackPlays(i) : 0;
        }
        if (since) {
          artistSince += cube.trackPlays(i);
          anyArtistSince = true;
          trackSince += same ? cube.trackPlays(i) : 0;
        }
      }
      boolean isTrack = r.trackId() != null;
      double firstWeek = isTrack ? trackWeek : anyArtistWeek ? artistWeek : 0;
      Double share = !isTrack ? Double.valueOf(1.0)
          : anyArtistSince && artistSince > 0 ? Double.valueOf(trackSince / artistSince) : null;
      out.add(new ReleaseMatch(r, firstWeek, share));
    }
    return out;
  }
}
