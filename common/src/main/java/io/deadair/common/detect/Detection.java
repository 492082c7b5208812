package io.deadair.common.detect;

import java.util.List;

/**
 * What the detector found.
 *
 * @param series the series it scanned
 * @param windows the outages found, in time order
 * @param serviceExpected the whole service's expected plays per bucket, fitted without them
 */
public record Detection(ServiceSeries series, List<DetectedWindow> windows,
    double[] serviceExpected) {}
