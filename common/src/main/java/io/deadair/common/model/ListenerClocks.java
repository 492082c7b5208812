package io.deadair.common.model;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Which clock each country's listeners live by, checked against the baseline rather than taken
 * on trust from the zone table.
 *
 * <p>The table says when a country moves its clocks; its listeners may not (a country that
 * dropped daylight saving after the table was made, an app that logs a fixed offset, a zone
 * list that lags reality). Taking the table's word when listeners keep one offset moves the
 * daily shape by an hour at the change: a one-hour slip of the evening peak moves a window's
 * counterfactual by several percent. So where the table changes a country's offset inside the
 * baseline, both readings are fitted to the country's own hourly plays ({@link DayProfileFit})
 * and the fixed offset replaces the table's zone when it fits clearly better. Without a change
 * in the baseline both readings fit alike (a constant shift is absorbed by the profile) and the
 * table stands.
 */
final class ListenerClocks {

  /** Poisson deviance a fixed clock must save to replace the table's zone. */
  static final double MARGIN = 10;

  private ListenerClocks() {}

  /**
   * Per country index, the clock its listeners live by over the baseline hours {@code [b0, w0)}
   * outside {@code excluded}: the table's zone, or its offset at {@code b0} kept all along.
   *
   * @param byCountry per country index, its plays by hour ({@link SeasonalShape#byCountry})
   */
  static ZoneId[] choose(Map<Integer, Map<Long, Double>> byCountry, ZoneId[] table, long b0,
      long w0, HourSet excluded) {
    ZoneId[] out = table.clone();
    byCountry.forEach((c, series) -> {
      ZoneOffset fixed = offset(table[c], b0);
      if (!fixed.equals(offset(table[c], w0))) {
        double saved = DayProfileFit.of(series, table[c], b0, w0, excluded).deviance()
            - DayProfileFit.of(series, fixed, b0, w0, excluded).deviance();
        if (saved > MARGIN) {
          out[c] = fixed;
        }
      }
    });
    return out;
  }

  private static ZoneOffset offset(ZoneId zone, long hour) {
    return zone.getRules().getOffset(Instant.ofEpochSecond(hour * 3600));
  }
}
