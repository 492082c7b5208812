package io.deadair.common.model;

import java.io.Serializable;

/**
 * What one outage's segment rule stood on, for run.json and the report: the rule, its two lines
 * in the run's audience units, whether the input looks like a chart, and how many artists had no
 * debut date to go by.
 *
 * @param rule {@code absolute} or {@code relative}
 * @param audience what the lines count: {@code listeners} or {@code plays} in the baseline
 * @param emergingLine audience at or below which an artist can be emerging (negative: none can)
 * @param establishedLine audience at or above which an artist is established
 * @param chartLike whether every artist's smallest day in the baseline had more plays than an
 *     emerging artist's average day: a chart's cut-off, not a catalogue
 * @param smallestDay the smallest plays any artist had on a day of the baseline (0: none)
 * @param artists artists with plays in the baseline
 * @param withoutDebut of them, those with no debut date and no {@code emerging} override, which
 *     the rule cannot call emerging
 */
public record SegmentBasis(String rule, String audience, double emergingLine,
    double establishedLine, boolean chartLike, double smallestDay, long artists,
    long withoutDebut) implements Serializable {}
