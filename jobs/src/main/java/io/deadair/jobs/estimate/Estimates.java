package io.deadair.jobs.estimate;

import io.deadair.common.config.ImpactConfig;
import io.deadair.common.domain.Segment;
import io.deadair.common.model.ArtistResult;
import io.deadair.common.model.ArtistResult.OutageResult;
import io.deadair.common.model.ArtistResult.WindowStat;
import io.deadair.common.model.Fitted;
import io.deadair.common.model.OutageModel;
import io.deadair.common.model.SegmentBasis;
import io.deadair.common.model.WindowPrediction;
import io.deadair.common.model.WindowSpec;
import io.deadair.common.stats.LevelEstimate;
import io.deadair.jobs.spark.InOrder;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * The estimator's steps across artists, each one pass over the cached per-artist results that
 * returns a small aggregate: the segment thresholds, the level prior of each segment, and the
 * interval calibration with the service model's own error. Together they make the {@link Fitted}
 * model that finishes every artist's estimate.
 */
public final class Estimates {

  private Estimates() {}

  /**
   * The fitted model, the service model's relative error per outage (from placebos), and per
   * outage the placebo error of reading artists' levels on each day ({@link LevelDays}).
   */
  public record Fit(Fitted fitted, Map<String, Double> serviceError, double[][] levelDayError,
      List<SegmentBasis> segments) {

    /** The same fit with what each outage's segment rule stood on. */
    Fit withSegments(List<SegmentBasis> basis) {
      return new Fit(fitted, serviceError, levelDayError, basis);
    }
  }

  public static Fit fit(JavaRDD<ArtistResult> results, List<OutageModel> models,
      ImpactConfig config) {
    SegmentRules.Result segments = SegmentRules.fit(results, models.size(), config);
    List<LocalDate> asOf = new ArrayList<>();
    for (OutageModel m : models) {
      asOf.add(LocalDate.ofInstant(m.outage().start(), ZoneOffset.UTC));
    }
    Fitted segmented = new Fitted(models, segments.rules(), asOf, Map.of(), List.of(), Map.of(),
        null);
    Fitted withTau2 = segmented.withTau2(priorVariance(results, segmented));
    double[][] levelDayError = LevelDays.placeboError(results, withTau2);
    Fitted levelled = withTau2.withLevelDays(LevelDays.choose(levelDayError));
    Fitted reconciled = levelled.withScales(scales(results, levelled));
    return IntervalCalibration.calibrate(results, reconciled, config.confidence(),
        levelDayError).withSegments(segments.basis());
  }

  /** Sums for the level prior of one segment (method of moments, see {@link LevelEstimate}). */
  private static final class Moments implements Serializable {
    double squaredExcess;
    double inverseBase;
    long n;

    void add(WindowStat w) {
      double ratio = w.recentObserved() / w.recentBase();
      squaredExcess += (ratio - 1) * (ratio - 1);
      inverseBase += 1 / w.recentBase();
      n++;
    }

    void add(Moments m) {
      squaredExcess += m.squaredExcess;
      inverseBase += m.inverseBase;
      n += m.n;
    }
  }

  /**
   * The level prior's variance per segment, from placebo windows with at least 20 expected plays
   * in their recent window, where the drift beyond Poisson noise can be seen.
   */
  static Map<Segment, Double> priorVariance(JavaRDD<ArtistResult> results, Fitted fitted) {
    Broadcast<Fitted> model = broadcast(results, fitted);
    EnumMap<Segment, Moments> sums = InOrder.aggregate(results,
        () -> new EnumMap<Segment, Moments>(Segment.class), (acc, r) -> {
          forEachWindow(r, model.value(), (k, s, w) -> {
            if (w.window() > 0 && w.recentBase() >= 20) {
              acc.computeIfAbsent(s, x -> new Moments()).add(w);
            }
          });
          return acc;
        }, (a, b) -> {
          b.forEach((s, m) -> a.computeIfAbsent(s, x -> new Moments()).add(m));
          return a;
        });
    Map<Segment, Double> out = new EnumMap<>(Segment.class);
    sums.forEach((s, m) -> out.put(s, LevelEstimate.priorVariance(m.squaredExcess,
        m.inverseBase, m.n)));
    return out;
  }

  /**
   * Per outage and window, the factors that bring the artists' summed expectations in scope (in
   * the window and in the recovery window) to the service model's totals ({@link
   * Fitted#withScales}).
   */
  static Map<String, double[]> scales(JavaRDD<ArtistResult> results, Fitted fitted) {
    Broadcast<Fitted> model = broadcast(results, fitted);
    Map<String, double[]> artists = InOrder.aggregate(results, HashMap<String, double[]>::new,
        (acc, r) -> {
          forEachWindow(r, model.value(), (k, s, w) -> {
            WindowPrediction pr = model.value().predict(k, w, s);
            double[] t = acc.computeIfAbsent(Fitted.windowKey(k, w.window()), x -> new double[2]);
            t[0] += pr.expectedIn();
            t[1] += pr.expectedAfter();
          });
          return acc;
        }, (a, b) -> {
          b.forEach((key, t) -> {
            double[] s = a.computeIfAbsent(key, x -> new double[2]);
            s[0] += t[0];
            s[1] += t[1];
          });
          return a;
        });
    Map<String, double[]> out = new HashMap<>();
    List<OutageModel> models = fitted.models();
    for (int k = 0; k < models.size(); k++) {
      List<WindowSpec> windows = models.get(k).windows();
      for (int i = 0; i < windows.size(); i++) {
        double[] sum = artists.get(Fitted.windowKey(k, i));
        if (sum != null) {
          double[] service = windows.get(i).inScopeTotals();
          out.put(Fitted.windowKey(k, i), new double[] {ratio(service[0], sum[0]),
              ratio(service[1], sum[1])});
        }
      }
    }
    return out;
  }

  private static double ratio(double service, double artists) {
    return service > 0 && artists > 0 ? service / artists : 1;
  }

  /** A window of an artist in outage k, with the artist's segment there. */
  interface WindowVisitor {
    void visit(int k, Segment segment, WindowStat window);
  }

  /** Calls {@code visitor} for every window of every outage the artist has statistics for. */
  static void forEachWindow(ArtistResult r, Fitted fitted, WindowVisitor visitor) {
    for (int k = 0; k < r.outages().length; k++) {
      OutageResult o = r.outages()[k];
      if (o == null || o.windows().isEmpty()) {
        continue;
      }
      Segment s = fitted.segment(k, r, o);
      for (WindowStat w : o.windows()) {
        visitor.visit(k, s, w);
      }
    }
  }

  /** The model, sent once to each executor instead of with every task. */
  public static Broadcast<Fitted> broadcast(JavaRDD<?> rdd, Fitted fitted) {
    return JavaSparkContext.fromSparkContext(rdd.context()).broadcast(fitted);
  }

  static Quantiles[] newQuantiles(int n) {
    Quantiles[] q = new Quantiles[n];
    for (int i = 0; i < n; i++) {
      q[i] = new Quantiles();
    }
    return q;
  }

  private static Quantiles[] merge(Quantiles[] a, Quantiles[] b) {
    for (int i = 0; i < a.length; i++) {
      a[i].merge(b[i]);
    }
    return a;
  }
}
