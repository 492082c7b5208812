package io.deadair.common.detect;

import java.util.List;

/**
 * What the detector found.
 *
 * @param series the series it scanned
 * @param windows the outages found, in time order
 * @param serviceExpected the whole service's expected plays per bucket, fitted without them
 * @param skipped why the data was not searched (buckets too coarse), or null when it was
 */
public record Detection(ServiceSeries series, List<DetectedWindow> windows,
    double[] serviceExpected, String skipped) {

  /** A detection that did not search the data, for the reason given. */
  public static Detection skipped(String reason) {
    return new Detection(ServiceSeries.none(), List.of(), new double[0], reason);
  }
}
