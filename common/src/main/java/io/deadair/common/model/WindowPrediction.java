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

  /**
   * The prediction with the level read on {@code day}. On the service's day, or on both, a
   * window that crosses UTC midnight has one level before it and another after, read from the
   * out-of-scope plays of its later hours ({@link LevelReadings}).
   */
  public static WindowPrediction of(WindowStat w, double tau2, LevelDay day) {
    if (day == LevelDay.LISTENERS) {
      LevelEstimate l = LevelEstimate.of(w.recentObserved(), w.recentBase(), tau2);
      LevelEstimate.Prediction p = l.predict(w.inBase());
      return new WindowPrediction(l.level(), p.expected(), p.sd(), l.level() * w.afterBase(),
          w.inBase() * w.inBase() * l.variance());
    }
    LevelReadings d = w.otherDays();
    LevelEstimate early = day == LevelDay.SERVICE
        ? LevelEstimate.of(d.serviceObserved(), d.serviceBase(), tau2)
        : LevelEstimate.of(d.bothObserved(), d.bothBase(), tau2);
    LevelEstimate late = d.inLateBase() > 0
        ? LevelEstimate.of(d.lateObserved(), d.lateBase(), tau2) : early;
    double earlyBase = w.inBase() - d.inLateBase();
    double expected = early.level() * earlyBase + late.level() * d.inLateBase();
    double modelVar = earlyBase * earlyBase * early.variance()
        + d.inLateBase() * d.inLateBase() * late.variance();
    double level = w.inBase() > 0 ? expected / w.inBase() : early.level();
    return new WindowPrediction(level, expected, Math.sqrt(expected + modelVar),
        late.level() * w.afterBase(), modelVar);
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
