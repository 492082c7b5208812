package io.deadair.common.model;

import java.util.List;

/**
 * The control of a partial outage, {@code kappa}: how far the unaffected part of the service
 * strayed from its own prediction during the window's hours. A shock that moves everyone (a
 * football final, a storm) moves the unaffected part and the affected part alike, so the affected
 * part's counterfactual follows it.
 *
 * <p>But kappa is itself a ratio of counts, and on a quiet day it strays by its own noise alone:
 * the unaffected part of a platform outage may hold no more plays than the affected part, so
 * taking kappa whole doubles the noise of the counterfactual for nothing. The placebo windows say
 * how far kappa strays on quiet days beyond its noise ({@code tau^2}, by the method of moments),
 * and kappa is shrunk toward 1 by the usual normal-normal weight {@code tau^2 / (tau^2 + v)}.
 * A kappa far outside what quiet days show (beyond {@link #TRUST_SD} standard deviations) is a
 * shock of a kind the placebos did not see and is taken whole.
 */
final class Control {

  /** How many quiet-day standard deviations a control must stray to be taken whole. */
  static final double TRUST_SD = 3;

  private Control() {}

  /**
   * Kappa and its sampling variance over one part of a window, from the unaffected part's sums
   * {@code {observed, seasonal}} over the recent hours and over that part; {@code {1, 0}} when
   * there is no unaffected part to learn from.
   */
  static double[] raw(double[] recent, double[] part) {
    if (recent[0] <= 0 || recent[1] <= 0 || part[0] <= 0 || part[1] <= 0) {
      return new double[] {1, 0};
    }
    double kappa = part[0] * recent[1] / (recent[0] * part[1]);
    // Both counts are Poisson: the relative variance of their ratio is the sum of 1/count.
    return new double[] {kappa, kappa * kappa * (1 / part[0] + 1 / recent[0])};
  }

  /**
   * How far kappa strays on quiet days beyond its noise: the mean of {@code (kappa - 1)^2 - v}
   * over the placebo windows, at least 0; infinite (kappa taken whole) without placebos.
   */
  static double quietDayVariance(List<double[]> placebos) {
    double excess = 0;
    int n = 0;
    for (double[] p : placebos) {
      if (p[1] > 0) {
        excess += (p[0] - 1) * (p[0] - 1) - p[1];
        n++;
      }
    }
    return n == 0 ? Double.POSITIVE_INFINITY : Math.max(0, excess / n);
  }

  /** The control used: kappa shrunk toward 1 by what quiet days show, or whole (see above). */
  static double shrink(double[] raw, double quietVariance) {
    double kappa = raw[0];
    double v = raw[1];
    if (v <= 0 || Double.isInfinite(quietVariance)
        || Math.abs(kappa - 1) > TRUST_SD * Math.sqrt(quietVariance + v)) {
      return kappa;
    }
    return 1 + quietVariance / (quietVariance + v) * (kappa - 1);
  }
}
