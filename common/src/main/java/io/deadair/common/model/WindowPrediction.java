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
   * window that crosses UTC midnight has one level before it and another after: the earlier one
   * carried over and moved by what the out-of-scope plays of its later hours show ({@link
   * LevelReadings}, {@link LevelEstimate#then}). The later level shares the earlier one's error,
   * so the variance has their covariance, about {@code late/early * Var(early)}.
   */
  public static WindowPrediction of(WindowStat w, double tau2, LevelDay day) {
    if (day == LevelDay.LISTENERS) {
      LevelEstimate l = LevelEstimate.of(w.recentObserved(), w.recentBase(), tau2);
      LevelEstimate.Prediction p = l.predict(w.inBase());
      return new WindowPrediction(l.level(), p.expected(), p.sd(), l.level() * w.afterBase(),
          w.inBase() * w.inBase() * l.variance());
    }
    LevelReadings d = w.otherDays();
    boolean service = day == LevelDay.SERVICE;
    LevelEstimate early = service
        ? LevelEstimate.of(d.serviceObserved(), d.serviceBase(), tau2)
        : LevelEstimate.of(d.bothObserved(), d.bothBase(), tau2);
    LevelEstimate late = d.inLateBase() == 0 ? early : service
        ? early.then(d.lateObserved(), d.lateBase(), tau2)
        : early.then(d.bothLateObserved(), d.bothLateBase(), tau2);
    double lateBase = d.inLateBase();
    double earlyBase = w.inBase() - lateBase;
    double expected = early.level() * earlyBase + late.level() * lateBase;
    double covariance = late.level() / early.level() * early.variance();
    double modelVar = earlyBase * earlyBase * early.variance()
        + lateBase * lateBase * late.variance() + 2 * earlyBase * lateBase * covariance;
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
