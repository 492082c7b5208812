package io.deadair.common.model;

import io.deadair.common.model.ArtistResult.WindowStat;
import io.deadair.common.stats.LevelEstimate;

/**
 * One artist's prediction for one window, once the level prior is known: its level, the plays
 * expected in scope in the window with their standard deviation, the plays expected in the
 * recovery window, and the level's share of the variance.
 */
public record WindowPrediction(double level, double expectedIn, double sd, double expectedAfter,
    double modelVar) {

  public static WindowPrediction of(WindowStat w, double tau2) {
    LevelEstimate l = LevelEstimate.of(w.recentObserved(), w.recentBase(), tau2);
    LevelEstimate.Prediction p = l.predict(w.inBase());
    return new WindowPrediction(l.level(), p.expected(), p.sd(), l.level() * w.afterBase(),
        w.inBase() * w.inBase() * l.variance());
  }

  /**
   * The same prediction with its window and recovery-window expectations scaled to the service
   * model's totals (see {@link Fitted#scales()}); the level and the spread scale with the window.
   */
  public WindowPrediction scaled(double in, double after) {
    return new WindowPrediction(level * in, expectedIn * in, sd * in, expectedAfter * after,
        modelVar * in * in);
  }
}
