package io.deadair.common.model;

import io.deadair.common.domain.Phase;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything the job keeps of one artist after the per-artist step: per outage, the statistics of
 * each window (before the level prior is known), the plain metrics of each phase, the hourly
 * plays around the outage, and the track plays that release and royalty rows need. The cube
 * cells themselves are not kept.
 *
 * @param artistId the artist
 * @param info the artist's row of the artists table, or null when it has none
 * @param plays the artist's plays in every hour the cube keeps
 * @param outages per outage (in the order of the models), or null where the artist has nothing
 * @param daily the artist's plays per day over the whole input, or null
 */
public record ArtistResult(String artistId, ArtistInfo info, double plays, OutageResult[] outages,
    DailyPlays daily) implements Serializable {

  /** A result without daily plays. */
  public ArtistResult(String artistId, ArtistInfo info, double plays, OutageResult[] outages) {
    this(artistId, info, plays, outages, null);
  }

  /** The artists table's columns the job uses; the label is null for an independent artist. */
  public record ArtistInfo(String name, LocalDate debut, Boolean emerging, String labelId,
      String labelName) implements Serializable {}

  /** A release of the artist, from the releases table. */
  public record Release(String trackId, String albumId, Instant releaseTs)
      implements Serializable {}

  /**
   * One artist in one outage.
   *
   * @param windows the windows with data, the outage's own first when present
   * @param phases the phases the artist played in
   * @param timelineStart epoch hour of {@code timeline[0]}
   * @param timeline plays per hour from 48 h before the outage to the end of its recovery, or
   *     null when there were none
   * @param royaltyTracks tracks on pace for the royalty threshold, with their baseline plays
   * @param artistBaselineTrackPlays the artist's plays of named tracks over the baseline days
   * @param releases releases that collided with the outage
   * @param smallestDay the artist's smallest positive plays on a UTC day of the baseline (0:
   *     none), which tells a chart's cut-off ({@link SegmentBasis})
   */
  public record OutageResult(List<WindowStat> windows, List<PhaseStat> phases,
      long timelineStart, double[] timeline, List<TrackPlays> royaltyTracks,
      double artistBaselineTrackPlays, List<ReleaseMatch> releases, double smallestDay)
      implements Serializable {

    /** Whether the input told listeners apart (plays, not stream counts). */
    public boolean hasListeners() {
      return phases.stream().anyMatch(p -> p.listeners() != null);
    }

    /** The outage's own window, or null when the artist has none. */
    public WindowStat outageWindow() {
      return windows.isEmpty() || windows.get(0).window() != 0 ? null : windows.get(0);
    }

    /**
     * The audience the segment rule reads: unique listeners in the baseline (plays where
     * listeners are unknown), 0 when the artist did not play in it.
     */
    public double audience() {
      for (PhaseStat p : phases) {
        if (p.phase() == Phase.BEFORE) {
          return p.listeners() != null ? p.listeners() : Math.round(p.plays());
        }
      }
      return 0;
    }
  }

  /**
   * What {@link ArtistModel} found for one window ({@link ArtistWindowStats}), without the
   * window's own description.
   *
   * @param window the window's index in its outage model (0: the outage itself)
   */
  public record WindowStat(int window, double recentObserved, double recentBase,
      double inObserved, double inBase, double outObserved, double afterObserved,
      double afterBase, double baselinePlays, double usdPerPlay, LevelReadings otherDays,
      Map<Integer, Double> shares, List<MarketPart> parts) implements Serializable {}

  /**
   * The plain metrics of one phase; listeners, milliseconds and skips are null for stream
   * counts.
   *
   * @param bySource plays per source of the play (in the contract's order), or null when the
   *     input gives no source
   */
  public record PhaseStat(Phase phase, double hours, double plays, Long listeners, Double ms,
      Double skips, double known, double[] bySource) implements Serializable {}

  /** A track and its plays over the baseline days. */
  public record TrackPlays(String trackId, double plays) implements Serializable {}

  /**
   * A release that went live in the days before the outage or during it.
   *
   * @param firstWeekPlays plays of the release (the artist's, for an album) in its first 7 UTC
   *     days
   * @param share the release's share of the artist's plays from its day to the outage's day, or
   *     null when the artist had none
   */
  public record ReleaseMatch(Release release, double firstWeekPlays, Double share)
      implements Serializable {}
}
