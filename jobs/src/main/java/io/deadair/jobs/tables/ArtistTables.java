package io.deadair.jobs.tables;

import io.deadair.common.config.ImpactConfig;
import io.deadair.common.domain.Segment;
import io.deadair.common.model.ArtistImpact;
import io.deadair.common.model.ArtistResult;
import io.deadair.common.model.ArtistResult.OutageResult;
import io.deadair.common.model.ArtistResult.PhaseStat;
import io.deadair.common.model.ArtistResult.ReleaseMatch;
import io.deadair.common.model.ArtistResult.TrackPlays;
import io.deadair.common.model.ArtistResult.WindowStat;
import io.deadair.common.model.Fitted;
import io.deadair.common.model.SourceSplit;
import io.deadair.common.model.WindowPrediction;
import io.deadair.common.stats.PoissonBounds;
import java.io.Serializable;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The tables with rows per artist (artist_impact, artist_phase_metrics, release_impact,
 * royalty_risk), made on the executors from each artist's result and the fitted model.
 */
public final class ArtistTables implements Serializable {

  private final Broadcast<Fitted> fitted;
  private final double confidence;
  private final int baselineDays;
  private final long royaltyThreshold;

  public ArtistTables(Broadcast<Fitted> fitted, ImpactConfig config) {
    this.fitted = fitted;
    this.confidence = config.confidence();
    this.baselineDays = config.baselineDays();
    this.royaltyThreshold = config.royaltyThreshold();
  }

  /** One artist in one outage with its finished estimate (null where it has no window). */
  record Finished(String outageId, ArtistResult artist, OutageResult outage,
      Segment segment, ArtistImpact impact, WindowPrediction prediction) {

    String name() {
      return artist.info() == null ? null : artist.info().name();
    }

    String labelId() {
      return artist.info() == null ? null : artist.info().labelId();
    }

    String labelName() {
      return artist.info() == null ? null : artist.info().labelName();
    }
  }

  /** The artist's finished estimate in every outage it has a window in. */
  List<Finished> finish(ArtistResult r) {
    Fitted f = fitted.value();
    List<Finished> out = new ArrayList<>();
    for (int k = 0; k < r.outages().length; k++) {
      OutageResult o = r.outages()[k];
      WindowStat w = o == null ? null : o.outageWindow();
      if (w == null) {
        continue;
      }
      Segment s = f.segment(k, r, o);
      WindowPrediction p = f.predict(k, w, s);
      out.add(new Finished(f.models().get(k).outage().id(), r, o, s,
          ArtistImpact.of(w, p, f.halfWidth(p)), p));
    }
    return out;
  }

  /** artist_impact, in the contract's columns. */
  ArtistWalk.Maker impact() {
    return () -> (r, fs, rows) -> {
      for (Finished f : fs) {
        ArtistImpact a = f.impact();
        double[] lost = SourceSplit.lost(f.outage(), a.expectedPlays());
        rows.add(RowFactory.create(f.outageId(), r.artistId(), f.name(), f.segment().label(),
            a.expectedPlays(), a.observedPlays(), a.lostPlays(), a.lostLow(), a.lostHigh(),
            a.lostPct(), a.reboundPlays(), a.netLostPlays(), a.lostRevenue(),
            a.lostRevenueLow(), a.lostRevenueHigh(), f.labelId(), f.labelName(),
            source(lost, 0), source(lost, 1), source(lost, 2), source(lost, 3), source(lost, 4),
            source(lost, 5)));
      }
    };
  }

  /**
   * artist_phase_metrics: plays, unique listeners, minutes, skip rate and plays per hour of each
   * phase an artist played in.
   */
  ArtistWalk.Maker phaseMetrics() {
    List<String> ids = new ArrayList<>();
    fitted.value().models().forEach(m -> ids.add(m.outage().id()));
    return () -> (r, fs, rows) -> {
      for (int k = 0; k < r.outages().length; k++) {
        OutageResult o = r.outages()[k];
        if (o == null) {
          continue;
        }
        for (PhaseStat p : o.phases()) {
          rows.add(RowFactory.create(ids.get(k), r.artistId(), p.phase().label(), p.hours(),
              Math.round(p.plays()), p.listeners(),
              p.ms() == null ? null : p.ms() / 60_000.0,
              p.known() > 0 && p.skips() != null ? p.skips() / p.known() : null,
              p.plays() / p.hours()));
        }
      }
    };
  }

  /**
   * release_impact: releases that went live during an outage or in the days before it, with
   * their first-week plays and their part of the artist's loss (by their share of the artist's
   * plays since release).
   */
  ArtistWalk.Maker releases() {
    return () -> (r, fs, rows) -> {
      for (Finished f : fs) {
        for (ReleaseMatch m : f.outage().releases()) {
          Double share = m.share();
          ArtistImpact a = f.impact();
          rows.add(RowFactory.create(f.outageId(), r.artistId(), f.name(), f.segment().label(),
              m.release().trackId(), m.release().albumId(),
              Timestamp.from(m.release().releaseTs()), Math.round(m.firstWeekPlays()), share,
              times(a.expectedPlays(), share), times(a.lostPlays(), share),
              times(a.lostLow(), share), times(a.lostHigh(), share)));
        }
      }
    };
  }

  private static Double source(double[] lost, int s) {
    return lost == null ? null : lost[s];
  }

  private static Double times(double v, Double share) {
    return share == null ? null : v * share;
  }

  /**
   * royalty_risk: tracks whose 12-month pace, from the baseline, is above the royalty threshold
   * but not clearly so once the outage's loss (its upper end) is taken off: the lower end of the
   * pace's own interval minus the track's share of the loss falls below the threshold.
   */
  ArtistWalk.Maker royaltyRisk() {
    double perYear = 365.0 / baselineDays;
    return () -> {
      // Many tracks share a count, and the exact bound is an iterative inverse: work each out
      // once per task.
      Map<Long, Double> lower = new HashMap<>();
      return (r, fs, rows) -> royaltyRows(r, fs, perYear, lower, rows);
    };
  }

  private void royaltyRows(ArtistResult r, List<Finished> fs, double perYear,
      Map<Long, Double> lower, List<Row> rows) {
    for (Finished f : fs) {
      for (TrackPlays t : riskyTracks(f, lower)) {
        double share = t.plays() / f.outage().artistBaselineTrackPlays();
        rows.add(RowFactory.create(f.outageId(), r.artistId(), f.name(),
            f.segment().label(), t.trackId(), Math.round(t.plays()), t.plays() * perYear,
            lowerPace(t, lower), Math.max(0, f.impact().lostPlays() * share),
            Math.max(0, f.impact().lostHigh() * share), royaltyThreshold));
      }
    }
  }

  /** The tracks of an artist's outage that royalty_risk lists. */
  List<TrackPlays> riskyTracks(Finished f, Map<Long, Double> lower) {
    double perYear = 365.0 / baselineDays;
    List<TrackPlays> out = new ArrayList<>();
    for (TrackPlays t : f.outage().royaltyTracks()) {
      double share = t.plays() / f.outage().artistBaselineTrackPlays();
      double lostHigh = Math.max(0, f.impact().lostHigh() * share);
      if (t.plays() * perYear >= royaltyThreshold
          && lowerPace(t, lower) - lostHigh < royaltyThreshold) {
        out.add(t);
      }
    }
    return out;
  }

  /** The lower end of a track's 12-month pace, from its baseline plays' Poisson bound. */
  private double lowerPace(TrackPlays t, Map<Long, Double> lower) {
    return lower.computeIfAbsent(Math.round(t.plays()),
        n -> PoissonBounds.lower(n, confidence)) * 365.0 / baselineDays;
  }

}
