package io.deadair.jobs.tables;

import io.deadair.common.model.ArtistResult.ReleaseMatch;
import io.deadair.common.model.ArtistResult.TrackPlays;
import io.deadair.common.model.DailyPlays;
import io.deadair.common.model.Fitted;
import io.deadair.jobs.tables.ArtistTables.Finished;
import io.deadair.jobs.tables.PromotionTables.Window;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * artist_daily_adjusted and track_daily_adjusted: each day's plays with the outages' loss put
 * back. A window's loss (and its expectation) goes to its UTC days in the proportion of the
 * service's in-scope hourly counterfactual on each; a day's part of the interval is calibrated
 * like any part of the artist's expectation ({@link MarketTables#partHalf}), and the parts of
 * different outages add in quadrature.
 */
final class AdjustedTables {

  private AdjustedTables() {}

  /** What one artist's (or track's) days get put back: per day index. */
  private static final class Repair {
    final double[] expected;
    final double[] lost;
    final double[] halfSq;
    /** Per day, the outages on it, or null on a day without one. */
    final String[] outages;

    Repair(int days) {
      expected = new double[days];
      lost = new double[days];
      halfSq = new double[days];
      outages = new String[days];
    }

    /**
     * Adds outage f's window, its day shares {@code days} ({@link #dayShares}) scaled by
     * {@code share} (1 for the artist, less for a track).
     */
    void add(Finished f, Map<Long, Double> days, DailyPlays d, double share, Fitted fitted) {
      days.forEach((day, part) -> {
        int i = (int) (day - d.firstDay());
        if (i < 0 || i >= lost.length) {
          return;
        }
        double s = part * share;
        expected[i] += f.prediction().expectedIn() * s;
        lost[i] += f.impact().lostPlays() * s;
        halfSq[i] += Math.pow(MarketTables.partHalf(f.prediction(), s, fitted), 2);
        TreeSet<String> ids = new TreeSet<>(outages[i] == null ? List.of()
            : List.of(outages[i].split(";")));
        ids.add(f.outageId());
        outages[i] = String.join(";", ids);
      });
    }
  }

  /** The share of the window's counterfactual on each UTC (epoch) day. */
  static Map<Long, Double> dayShares(Window w) {
    Map<Long, Double> out = new LinkedHashMap<>();
    double total = 0;
    for (double v : w.shape()) {
      total += v;
    }
    int n = w.shape().length;
    for (int i = 0; i < n; i++) {
      double part = total > 0 ? w.shape()[i] / total : 1.0 / n;
      out.merge(Math.floorDiv(w.start() + i, 24), part, Double::sum);
    }
    return out;
  }

  /** The rows of the artists in {@code artistIds} alone: those whose days the report draws. */
  static ArtistWalk.Maker artistDaily(Set<String> artistIds, List<Window> windows,
      Broadcast<Fitted> fitted) {
    Map<String, Map<Long, Double>> byOutage = byOutage(windows);
    return () -> (r, fs, rows) -> {
      if (artistIds.contains(r.artistId())) {
        artistRows(fs, byOutage, fitted.value(), rows);
      }
    };
  }

  /** One artist's rows of artist_daily_adjusted. */
  static void artistRows(List<Finished> fs, Map<String, Map<Long, Double>> byOutage,
      Fitted fitted, List<Row> rows) {
    DailyPlays d = fs.isEmpty() ? null : fs.get(0).artist().daily();
    if (d == null) {
      return;
    }
    Repair r = new Repair(d.plays().length);
    fs.forEach(f -> r.add(f, byOutage.get(f.outageId()), d, 1, fitted));
    Finished any = fs.get(0);
    for (int i = 0; i < d.plays().length; i++) {
      double half = Math.sqrt(r.halfSq[i]);
      double adjusted = d.plays()[i] + r.lost[i];
      rows.add(RowFactory.create(any.artist().artistId(), any.name(), date(d.day(i)),
          d.plays()[i], r.expected[i], r.lost[i], adjusted, adjusted - half, adjusted + half,
          r.outages[i] != null, r.outages[i]));
    }
  }

  /**
   * One artist's rows of track_daily_adjusted; {@code lower} keeps the exact Poisson bounds
   * already worked out (an iterative inverse, and many tracks share a count).
   */
  static void trackRows(List<Finished> fs, Map<String, Map<Long, Double>> byOutage,
      Fitted fitted, ArtistTables artists, Map<Long, Double> lower, List<Row> rows) {
    DailyPlays d = fs.isEmpty() ? null : fs.get(0).artist().daily();
    if (d == null) {
      return;
    }
    Map<String, Repair> repairs = new TreeMap<>();
    for (Finished f : fs) {
      for (Map.Entry<String, Double> t : trackShares(f, artists, lower).entrySet()) {
        if (d.tracks().containsKey(t.getKey())) {
          repairs.computeIfAbsent(t.getKey(), k -> new Repair(d.plays().length))
              .add(f, byOutage.get(f.outageId()), d, t.getValue(), fitted);
        }
      }
    }
    String artistId = fs.get(0).artist().artistId();
    repairs.forEach((track, r) -> {
      double[] observed = d.tracks().get(track);
      for (int i = 0; i < observed.length; i++) {
        double half = Math.sqrt(r.halfSq[i]);
        double adjusted = observed[i] + r.lost[i];
        rows.add(RowFactory.create(artistId, track, date(d.day(i)), observed[i], r.lost[i],
            adjusted, adjusted - half, adjusted + half, r.outages[i] != null, r.outages[i]));
      }
    });
  }

  /**
   * The tracks of an outage that release_impact or royalty_risk name, with their share of the
   * artist's loss: since release for a release, over the baseline for a track at risk.
   */
  private static Map<String, Double> trackShares(Finished f, ArtistTables artists,
      Map<Long, Double> lower) {
    Map<String, Double> out = new HashMap<>();
    for (TrackPlays t : artists.riskyTracks(f, lower)) {
      out.put(t.trackId(), t.plays() / f.outage().artistBaselineTrackPlays());
    }
    for (ReleaseMatch m : f.outage().releases()) {
      if (m.release().trackId() != null && m.share() != null) {
        out.put(m.release().trackId(), m.share());
      }
    }
    return out;
  }

  /** Each outage's day shares, worked out once. */
  static Map<String, Map<Long, Double>> byOutage(List<Window> windows) {
    Map<String, Map<Long, Double>> out = new HashMap<>();
    windows.forEach(w -> out.put(w.outageId(), dayShares(w)));
    return out;
  }

  private static Date date(long epochDay) {
    return Date.valueOf(LocalDate.ofEpochDay(epochDay));
  }

}
