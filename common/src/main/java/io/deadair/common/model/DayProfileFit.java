package io.deadair.common.model;

import io.deadair.common.domain.CountryZones;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;

/**
 * A country's plays over some hours fitted as {@code P[slot] * L[local day]}: a profile over the
 * slots of {@link SeasonalShape#slot} (local hour, working day or weekend) times a level for each
 * local day, by a few rounds of alternating means (each round solves one factor exactly given the
 * other; four rounds settle well under a unit of deviance). The day levels keep a trend, a busy
 * day or an hour left out (another outage's window) from tilting the profile: each slot is read
 * against the levels of the days it was seen on, not averaged over whichever days it has.
 *
 * @param profile per slot, the fitted profile (0 for a slot never seen)
 * @param slotHours per slot, how many hours were seen
 * @param deviance the Poisson deviance of the fit
 */
record DayProfileFit(double[] profile, long[] slotHours, double deviance) {

  static final int SLOTS = 48;
  private static final int ROUNDS = 4;

  /** Fits the hours [from, to) outside {@code excluded}, read on {@code clock}. */
  static DayProfileFit of(Map<Long, Double> series, ZoneId clock, long from, long to,
      HourSet excluded) {
    int n = 0;
    long[] hours = new long[(int) Math.max(0, to - from)];
    for (long h = from; h < to; h++) {
      if (!excluded.contains(h)) {
        hours[n++] = h;
      }
    }
    int[] slot = new int[n];
    int[] day = new int[n];
    double[] obs = new double[n];
    long[] slotHours = new long[SLOTS];
    long firstDay = CountryZones.localDay(clock, from);
    int days = (int) (CountryZones.localDay(clock, to) - firstDay) + 1;
    for (int i = 0; i < n; i++) {
      slot[i] = SeasonalShape.slot(clock, hours[i]);
      day[i] = (int) (CountryZones.localDay(clock, hours[i]) - firstDay);
      obs[i] = series.getOrDefault(hours[i], 0.0);
      slotHours[slot[i]]++;
    }
    double[] profile = new double[SLOTS];
    double[] level = new double[days];
    Arrays.fill(profile, 1);
    for (int round = 0; round < ROUNDS; round++) {
      solve(level, day, profile, slot, obs);
      solve(profile, slot, level, day, obs);
    }
    double dev = 0;
    for (int i = 0; i < n; i++) {
      double mu = profile[slot[i]] * level[day[i]];
      dev += obs[i] > 0 ? obs[i] * Math.log(obs[i] / Math.max(mu, 1e-9)) - (obs[i] - mu) : mu;
    }
    return new DayProfileFit(profile, slotHours, 2 * dev);
  }

  /** Sets each {@code target[k]} so that its cells' fit matches their plays, given the other. */
  private static void solve(double[] target, int[] targetIndex, double[] other, int[] otherIndex,
      double[] obs) {
    double[] sumObs = new double[target.length];
    double[] sumOther = new double[target.length];
    for (int i = 0; i < obs.length; i++) {
      sumObs[targetIndex[i]] += obs[i];
      sumOther[targetIndex[i]] += other[otherIndex[i]];
    }
    for (int k = 0; k < target.length; k++) {
      target[k] = sumOther[k] > 0 ? sumObs[k] / sumOther[k] : 0;
    }
  }
}
