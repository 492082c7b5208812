package io.deadair.jobs.tables;

import io.deadair.common.model.OutageModel;
import io.deadair.common.model.ServiceModel;
import io.deadair.common.model.WindowSpec;
import io.deadair.common.stats.Calibration;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Observed against expected, hour by hour around an outage, for one series (the whole service,
 * a segment, or one artist). Expected is the service counterfactual of each group times the
 * series' summed levels and baseline shares; the band is its calibrated interval hour by hour,
 * with the series' level uncertainty and the service model's error.
 */
final class Timeline {

  static final String ALL = "all";

  private Timeline() {}

  /** Hours of an outage's timeline: 48 before it to the end of its recovery window. */
  static int hours(OutageModel m) {
    WindowSpec w = m.windows().get(0);
    return (int) (w.afterEnd() - first(m));
  }

  /** The timeline's first epoch hour. */
  static long first(OutageModel m) {
    return m.windows().get(0).start() - ServiceModel.TIMELINE_HOURS_BEFORE;
  }

  /**
   * Appends one row per hour of the outage's timeline for one series.
   *
   * @param key the leading columns of each row (outage id, then series name or artist id)
   * @param lambda per service group, the series' summed level times baseline share
   * @param modelVar the series' summed level variance part and in-scope expectation
   * @param observed plays per hour from {@link #first}, or null for none
   * @param counterfactual per service group, the hourly service counterfactual
   */
  static void rows(List<Row> out, Object[] key, OutageModel m, Map<Integer, Double> lambda,
      double[] modelVar, double[] observed, Map<Integer, Map<Long, Double>> counterfactual,
      Calibration calibration, double serviceError, double zq) {
    double rel = modelVar[1] > 0 ? Math.sqrt(modelVar[0]) / modelVar[1] : 0;
    long first = first(m);
    int hours = hours(m);
    for (int i = 0; i < hours; i++) {
      long h = first + i;
      double e = 0;
      for (Map.Entry<Integer, Double> g : lambda.entrySet()) {
        Map<Long, Double> s = counterfactual.get(g.getKey());
        if (s != null) {
          e += g.getValue() * s.getOrDefault(h, 0.0);
        }
      }
      double sd = Math.sqrt(e + rel * rel * e * e);
      double half = Math.hypot(calibration.halfWidth(e, sd), zq * serviceError * e);
      Object[] values = new Object[key.length + 5];
      System.arraycopy(key, 0, values, 0, key.length);
      values[key.length] = Timestamp.from(Instant.ofEpochSecond(h * 3600));
      values[key.length + 1] = observed == null ? 0.0 : observed[i];
      values[key.length + 2] = e;
      values[key.length + 3] = Math.max(0, e - half);
      values[key.length + 4] = e + half;
      out.add(RowFactory.create(values));
    }
  }
}
