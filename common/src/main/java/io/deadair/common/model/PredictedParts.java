package io.deadair.common.model;

import java.util.function.IntToDoubleFunction;

/**
 * The same parts of a window as {@link ObservedParts}, predicted from the artist's baseline share
 * of each service group, with the revenue its in-scope prediction carries.
 */
final class PredictedParts {

  double recent;
  double day;
  double both;
  double in;
  double inLate;
  double out;
  double outLate;
  double outBoth;
  double outBothLate;
  double after;
  double usd;

  /**
   * Adds group {@code g} at the artist's {@code share} of it; {@code rateOf} gives the artist's
   * rate per play in a country (by index).
   */
  void add(WindowSpec w, int g, double share, IntToDoubleFunction rateOf) {
    recent += share * w.sum(g, WindowSpec.RECENT);
    day += share * w.sum(g, WindowSpec.DAY_RECENT);
    both += share * w.sum(g, WindowSpec.BOTH_RECENT);
    double win = share * w.sum(g, WindowSpec.WINDOW);
    double late = share * w.sum(g, WindowSpec.LATE);
    if (OutageModel.inScope(g)) {
      in += win;
      inLate += late;
      usd += win * rateOf.applyAsDouble(OutageModel.countryOf(g));
    } else {
      out += win;
      outLate += late;
      outBoth += share * w.sum(g, WindowSpec.BOTH_WINDOW);
      outBothLate += share * w.sum(g, WindowSpec.BOTH_LATE);
    }
    after += share * w.sum(g, WindowSpec.AFTER);
  }

  /** The level's readings on the service's day and on both days ({@link LevelReadings}). */
  LevelReadings readings(ObservedParts o) {
    return new LevelReadings(o.day + (o.out - o.outLate), day + (out - outLate), o.outLate,
        outLate, o.both + o.outBoth, both + outBoth, o.outBothLate, outBothLate, inLate);
  }
}
