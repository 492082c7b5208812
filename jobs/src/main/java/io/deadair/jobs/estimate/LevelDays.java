package io.deadair.jobs.estimate;

import io.deadair.common.model.ArtistResult;
import io.deadair.common.model.Fitted;
import io.deadair.common.model.LevelDay;
import io.deadair.common.model.LevelReadings;
import io.deadair.common.model.WindowPrediction;
import io.deadair.jobs.spark.InOrder;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;

/**
 * Which day an outage's artist levels are read on ({@link LevelDay}). An artist's popularity
 * moves from one day to the next, but whose day: its listeners' (a new local day, a new playlist
 * in their market), the service's (a chart or playlist refreshed at UTC midnight), or both? Data
 * from different services answers differently, and a wrong answer costs most where a window
 * crosses one boundary and not the other. Every reading is made for every window ({@link
 * LevelReadings}); this step scores each on the outage's placebo windows, where what was played
 * is known, and keeps the best.
 */
final class LevelDays {

  private static final LevelDay[] DAYS = LevelDay.values();

  private LevelDays() {}

  /**
   * Each outage's placebo error under every reading, in the order of {@link LevelDay}: the sum
   * over artists and placebo windows of (observed - expected)^2, in plays as the report counts
   * them. (Pearson's statistic, which divides each term by the expectation, was tried first: it
   * let thousands of small artists, who gain from the longest window whatever its day, outvote
   * the big ones, whose misses in plays the totals and the revenue carry.)
   */
  static double[][] placeboError(JavaRDD<ArtistResult> results, Fitted fitted) {
    int n = fitted.models().size();
    Broadcast<Fitted> model = Estimates.broadcast(results, fitted);
    return InOrder.aggregate(results, () -> new double[n][DAYS.length], (acc, r) -> {
      Estimates.forEachWindow(r, model.value(), (k, s, w) -> {
        if (w.window() == 0) {
          return;
        }
        double tau2 = model.value().tau2(s);
        for (LevelDay d : DAYS) {
          double miss = w.inObserved() - WindowPrediction.of(w, tau2, d).expectedIn();
          acc[k][d.ordinal()] += miss * miss;
        }
      });
      return acc;
    }, (a, b) -> {
      for (int k = 0; k < n; k++) {
        for (int d = 0; d < DAYS.length; d++) {
          a[k][d] += b[k][d];
        }
      }
      return a;
    });
  }

  /** Per outage, the reading with the smallest placebo error (the listeners' day on a tie). */
  static List<LevelDay> choose(double[][] placeboError) {
    List<LevelDay> out = new ArrayList<>();
    for (double[] e : placeboError) {
      LevelDay best = LevelDay.LISTENERS;
      for (LevelDay d : DAYS) {
        if (e[d.ordinal()] < e[best.ordinal()]) {
          best = d;
        }
      }
      out.add(best);
    }
    return out;
  }
}
