package io.deadair.common.detect;

import io.deadair.common.domain.Scope;
import java.time.Instant;

/**
 * An outage found in the data.
 *
 * @param start the start of its first bucket
 * @param end the end of its last bucket
 * @param countries the countries it covers ({@code *} for all)
 * @param platforms the platforms it covers ({@code *} for all)
 * @param expected the plays its scope should have had over the window
 * @param observed the plays its scope had
 * @param lost expected less observed
 * @param lostLow the low end of the 95 % interval of {@code lost}
 * @param lostHigh the high end
 * @param score the evidence: the height of the CUSUM that found it (at least the threshold)
 */
public record DetectedWindow(Instant start, Instant end, Scope countries, Scope platforms,
    double expected, double observed, double lost, double lostLow, double lostHigh,
    double score) {}
