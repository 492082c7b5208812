package io.deadair.common.detect;

/**
 * The detector's parameters.
 *
 * @param drop the relative drop the scan is tuned to find (smaller drops are found more slowly)
 * @param threshold the CUSUM height, in quasi-log-likelihood units, that makes a run an outage
 * @param minShare the least share of the service's plays a country, platform or part needs to
 *     be scanned on its own (smaller ones are scanned inside their country, platform and the
 *     whole service)
 * @param refineBuckets how far, in buckets, edges may move when they are refined
 */
public record DetectorSettings(double drop, double threshold, double minShare,
    int refineBuckets) {

  /** The defaults; {@code docs/method.md} says how the threshold was calibrated. */
  public static DetectorSettings defaults() {
    return new DetectorSettings(0.3, 14, 0.01, 6);
  }
}
