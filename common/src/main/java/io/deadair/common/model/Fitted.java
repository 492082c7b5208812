package io.deadair.common.model;

import io.deadair.common.domain.Segment;
import io.deadair.common.domain.SegmentRule;
import io.deadair.common.model.ArtistResult.ArtistInfo;
import io.deadair.common.model.ArtistResult.OutageResult;
import io.deadair.common.model.ArtistResult.WindowStat;
import io.deadair.common.stats.Calibration;
import io.deadair.common.stats.LevelEstimate;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the estimator learns across artists, step by step: each outage's segment thresholds, the
 * level prior of each segment, and the calibration of the intervals. Each step returns a new
 * value with one more part; the per-artist results are then finished with it.
 *
 * @param models the outages' models, in the order of {@link ArtistResult#outages()}
 * @param rules per outage, the segment rule with its audience thresholds
 * @param asOf per outage, the UTC day of its start (debut dates are compared with it)
 * @param tau2 the level prior's variance per segment (empty until fitted)
 * @param levelDays per outage, the day artists' levels are read on (empty until chosen: the
 *     listeners')
 * @param scales per outage and window ({@link #windowKey}), the factors {in window, in recovery
 *     window} that bring the artists' expectations to the service model's totals (empty until
 *     fitted: factor 1)
 * @param calibration the interval calibration (null until fitted)
 */
public record Fitted(List<OutageModel> models, List<SegmentRule> rules, List<LocalDate> asOf,
    Map<Segment, Double> tau2, List<LevelDay> levelDays, Map<String, double[]> scales,
    Calibration calibration) implements Serializable {

  /** The model with the level prior's variance per segment. */
  public Fitted withTau2(Map<Segment, Double> byFittedSegment) {
    Map<Segment, Double> t = new EnumMap<>(Segment.class);
    t.putAll(byFittedSegment);
    return new Fitted(models, rules, asOf, t, levelDays, scales, calibration);
  }

  /**
   * The model with the artists' expectations reconciled to the service's: the service model
   * predicts each window's in-scope total from the whole service, and the artists' levels split
   * it. Summed, the artists' own predictions stray from that total by the noise and the
   * shrinkage of thousands of small levels (about 1 % on generated data, mostly low), so each
   * window's predictions are scaled to the service total; every artist keeps its share.
   */
  public Fitted withScales(Map<String, double[]> byWindow) {
    return new Fitted(models, rules, asOf, tau2, levelDays, Map.copyOf(byWindow), calibration);
  }

  /** The model with each outage's level day, chosen on its placebo windows. */
  public Fitted withLevelDays(List<LevelDay> byOutage) {
    return new Fitted(models, rules, asOf, tau2, List.copyOf(byOutage), scales, calibration);
  }

  /** The day outage {@code k}'s artists' levels are read on. */
  public LevelDay levelDay(int k) {
    return k < levelDays.size() ? levelDays.get(k) : LevelDay.LISTENERS;
  }

  public Fitted withCalibration(Calibration c) {
    return new Fitted(models, rules, asOf, tau2, levelDays, scales, c);
  }

  /** The key of outage {@code k}'s window {@code window} in {@link #scales()}. */
  public static String windowKey(int k, int window) {
    return k + "|" + window;
  }

  /** The segment of an artist in outage {@code k}. */
  public Segment segment(int k, ArtistResult r, OutageResult o) {
    ArtistInfo info = r.info();
    return rules.get(k).classify(o.audience(), info == null ? null : info.debut(),
        info == null ? null : info.emerging(), asOf.get(k));
  }

  /**
   * The prior variance a segment uses: its own where it could be learned, else the largest
   * learned (the most cautious), else the floor.
   */
  public double tau2(Segment s) {
    Double t = tau2.get(s);
    if (t != null) {
      return t;
    }
    return tau2.values().stream().mapToDouble(Double::doubleValue).max()
        .orElse(LevelEstimate.MIN_TAU2);
  }

  /** The window's prediction for an artist of segment {@code s} in outage {@code k}. */
  public WindowPrediction predict(int k, WindowStat w, Segment s) {
    WindowPrediction p = WindowPrediction.of(w, tau2(s), levelDay(k));
    double[] f = scales.get(windowKey(k, w.window()));
    return f == null ? p : p.scaled(f[0], f[1]);
  }

  /** Half-width of the calibrated interval of a prediction. */
  public double halfWidth(WindowPrediction p) {
    return calibration.halfWidth(p.expectedIn(), p.sd());
  }
}
