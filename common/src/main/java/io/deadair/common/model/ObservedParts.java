package io.deadair.common.model;

/**
 * One artist's plays in the parts of one window, summed from its cells: the hours before it that
 * read its level (on the listeners' day, the service's day and both), the window in scope and out
 * of scope (before and after UTC midnight, and on both days), and the recovery window.
 */
final class ObservedParts {

  double recent;
  double day;
  double both;
  double in;
  double out;
  double outLate;
  double outBoth;
  double outBothLate;
  double after;

  /** Adds {@code plays} of a cell at hour {@code h} of a country (by index). */
  void add(WindowSpec w, HourSet excluded, long h, int country, boolean inScope, double plays) {
    if (h < w.start()) {
      if (!excluded.contains(h)) {
        recent += h >= w.recentStart(country) ? plays : 0;
        day += h >= w.dayStart() ? plays : 0;
        both += w.onBothDay(country, h) ? plays : 0;
      }
    } else if (h < w.end()) {
      if (inScope) {
        in += plays;
      } else {
        out += plays;
        boolean late = h >= w.split();
        outLate += late ? plays : 0;
        if (w.onBothDay(country, h)) {
          outBoth += late ? 0 : plays;
          outBothLate += late ? plays : 0;
        }
      }
    } else {
      after += plays;
    }
  }

  /** Whether nothing was played in or before the window. */
  boolean none() {
    return in + out + recent + day == 0;
  }
}
