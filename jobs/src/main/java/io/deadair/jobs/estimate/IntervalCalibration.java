package io.deadair.jobs.estimate;

import io.deadair.common.model.ArtistResult;
import io.deadair.common.model.ArtistResult.WindowStat;
import io.deadair.common.model.Fitted;
import io.deadair.common.model.OutageModel;
import io.deadair.common.model.WindowPrediction;
import io.deadair.common.stats.Calibration;
import io.deadair.jobs.spark.InOrder;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;

/**
 * The last step across artists: the calibration of the intervals (the |z| quantile of placebo
 * windows per size class) and the service model's error per outage: how far placebo windows'
 * totals strayed beyond what the artists' own variances explain.
 */
final class IntervalCalibration {

  private IntervalCalibration() {}

  /** Placebo z-scores per size class and the placebo windows' service totals. */
  static final class Placebos implements Serializable {
    final Quantiles[] z = Estimates.newQuantiles(Calibration.CLASS_BOUNDS.length);
    final Quantiles pooled = new Quantiles();
    /** Per (outage, window): in-scope observed, expected, summed variance. */
    final Map<String, double[]> windows = new HashMap<>();

    /** Adds one artist's placebo window of outage {@code k} with its prediction. */
    void add(int k, WindowStat w, WindowPrediction pr) {
      if (pr.sd() > 0) {
        double z = Math.abs(w.inObserved() - pr.expectedIn()) / pr.sd();
        this.z[Calibration.sizeClass(pr.expectedIn())].add(z);
        pooled.add(z);
      }
      double[] t = windows.computeIfAbsent(k + "|" + w.window(), x -> new double[3]);
      t[0] += w.inObserved();
      t[1] += pr.expectedIn();
      t[2] += pr.sd() * pr.sd();
    }

    Placebos merge(Placebos b) {
      for (int c = 0; c < z.length; c++) {
        z[c].merge(b.z[c]);
      }
      pooled.merge(b.pooled);
      b.windows.forEach((key, t) -> {
        double[] s = windows.computeIfAbsent(key, x -> new double[3]);
        for (int i = 0; i < 3; i++) {
          s[i] += t[i];
        }
      });
      return this;
    }
  }

  /** The fit with its calibration, from one pass over the artists' placebo windows. */
  static Estimates.Fit calibrate(JavaRDD<ArtistResult> results, Fitted fitted, double confidence,
      double[][] levelDayError) {
    Broadcast<Fitted> model = Estimates.broadcast(results, fitted);
    Placebos p = InOrder.aggregate(results, Placebos::new, (acc, r) -> {
      Estimates.forEachWindow(r, model.value(), (k, s, w) -> {
        if (w.window() != 0) {
          acc.add(k, w, model.value().predict(k, w, s));
        }
      });
      return acc;
    }, Placebos::merge);
    return new Estimates.Fit(fitted.withCalibration(calibration(p, confidence)),
        serviceError(p.windows, fitted.models()), levelDayError, List.of());
  }

  /** The |z| quantile per size class and pooled, at the confidence level. */
  static Calibration calibration(Placebos p, double confidence) {
    int classes = Calibration.CLASS_BOUNDS.length;
    double[] q = new double[classes];
    long[] n = new long[classes];
    for (int c = 0; c < classes; c++) {
      n[c] = p.z[c].count();
      Double v = p.z[c].query(confidence);
      q[c] = v == null ? 0 : v;
    }
    Double pooled = p.pooled.query(confidence);
    return Calibration.fromQuantiles(confidence, q, n, pooled == null ? 0 : pooled,
        p.pooled.count());
  }

  /**
   * Per outage, the service model's relative error beyond the artists' variances: the root of
   * the mean over placebo windows of (observed - expected)² / expected² less the variance part.
   */
  static Map<String, Double> serviceError(Map<String, double[]> windows,
      List<OutageModel> models) {
    Map<Integer, double[]> acc = new HashMap<>();
    windows.forEach((key, t) -> {
      double e = t[1];
      if (e <= 0) {
        return;
      }
      double rel = (t[0] - e) / e;
      double[] a = acc.computeIfAbsent(Integer.parseInt(key.substring(0, key.indexOf('|'))),
          x -> new double[2]);
      a[0] += rel * rel - t[2] / (e * e);
      a[1]++;
    });
    Map<String, Double> out = new HashMap<>();
    acc.forEach((k, a) -> out.put(models.get(k).outage().id(),
        Math.sqrt(Math.max(0, a[0] / a[1]))));
    return out;
  }
}
